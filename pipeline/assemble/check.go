// Package assemble runs the portal's stages in order: load and check the inputs,
// compute and protect the figures, assess the targets, publish build/, and have Hugo
// render the site.
package assemble

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"filippo.io/age"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/seal"
	"github.com/minhtien/portal/pipeline/standard"
)

// Inputs are the loaded and checked inputs of a build.
type Inputs struct {
	Portal     *config.Portal
	Targets    []config.Target
	Programmes []config.Programme
	Dataset    *review.Dataset
	// Problems are every data problem found, errors and warnings.
	Problems []review.Problem
}

// InvalidError reports input that cannot be published; it lists every problem.
type InvalidError struct {
	Problems []review.Problem
	Lang     string
}

func (e *InvalidError) Error() string {
	return Describe(e.Problems, e.Lang, review.SeverityError)
}

// Describe lists problems of one severity grouped by file, with counts.
func Describe(ps []review.Problem, lang string, sev review.Severity) string {
	byFile := map[string][]string{}
	var files []string
	n := 0
	for _, p := range ps {
		if p.Severity != sev {
			continue
		}
		if _, ok := byFile[p.File]; !ok {
			files = append(files, p.File)
		}
		byFile[p.File] = append(byFile[p.File], p.Message(lang))
		n++
	}
	sort.Strings(files)
	var b strings.Builder
	word := map[bool]string{true: "lỗi", false: "errors"}[lang != "en"]
	if sev == review.SeverityWarning {
		word = map[bool]string{true: "cảnh báo", false: "warnings"}[lang != "en"]
	}
	fmt.Fprintf(&b, "%d %s", n, word)
	for _, f := range files {
		fmt.Fprintf(&b, "\n%s (%d):", f, len(byFile[f]))
		for _, m := range byFile[f] {
			b.WriteString("\n  " + m)
		}
	}
	return b.String()
}

// Load reads every input and checks it. It returns an *InvalidError when the review
// data has errors, and other errors for settings or files that cannot be read.
func Load(l paths.Layout, getenv func(string) string, lang string) (*Inputs, error) {
	p, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return nil, err
	}
	targets, err := config.LoadTargets(l.Targets(), indicator.Known)
	if err != nil {
		return nil, err
	}
	programmes, err := config.LoadProgrammes(l.Programmes())
	if err != nil {
		return nil, err
	}
	if !p.Data.Sample {
		if err := refuseClearData(l); err != nil {
			return nil, err
		}
	}
	villages := map[string]bool{}
	for _, v := range p.Villages {
		villages[v.Code] = true
	}
	rules := review.Rules{CommuneCode: p.Unit.Code, Villages: villages, Classify: classifier(p)}
	ds, problems, err := review.Read(l.Reviews(), rules, opener(getenv))
	if err != nil {
		return nil, err
	}
	in := &Inputs{Portal: p, Targets: targets, Programmes: programmes, Dataset: ds, Problems: problems}
	for _, pr := range problems {
		if pr.Severity == review.SeverityError {
			return in, &InvalidError{Problems: problems, Lang: lang}
		}
	}
	return in, nil
}

// classifier returns the classification the review checker compares statuses with.
func classifier(p *config.Portal) func(int, *review.Record) (string, error) {
	return func(year int, r *review.Record) (string, error) {
		id, ok := p.StandardFor(year)
		if !ok {
			return "", fmt.Errorf("no standard for %d", year)
		}
		s, err := standard.Lookup(id)
		if err != nil {
			return "", err
		}
		deps := 0
		for _, d := range r.Deprivations() {
			deps += d
		}
		h := standard.Household{Area: r.Area, Income: r.IncomePerCapita, Deprivations: deps}
		agrees, got, err := s.Agrees(r.Status, h)
		if err != nil || agrees {
			return r.Status, err
		}
		return got, nil
	}
}

// opener reads clear files as they are and decrypts sealed ones in memory, asking for
// the identity only when a sealed file is met.
func opener(getenv func(string) string) review.Opener {
	var ids []age.Identity
	return func(path string) ([]byte, error) {
		if !seal.IsSealed(path) {
			return os.ReadFile(path)
		}
		if ids == nil {
			var err error
			if ids, err = seal.IdentitiesFromEnv(getenv); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
		return seal.Open(path, ids)
	}
}

func refuseClearData(l paths.Layout) error {
	clear, err := seal.ClearDataFiles(l.Root)
	if err != nil {
		return err
	}
	if len(clear) == 0 {
		return nil
	}
	var errs []error
	for _, f := range clear {
		errs = append(errs, fmt.Errorf("%s: real data is declared (sample = false) but this household file is not encrypted (hint: run portal seal %s, then commit %s.age)", f, f, f))
	}
	return errors.Join(errs...)
}
