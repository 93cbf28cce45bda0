package assemble

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"filippo.io/age"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/release"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/seal"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/story"
	"github.com/minhtien/portal/pipeline/support"
)

// Inputs are the loaded and checked inputs of a build.
type Inputs struct {
	Portal *config.Portal
	// Standards are data/standards.toml; StandardFor gives the one in force for a
	// review year, as portal.toml maps them.
	Standards   *standard.Set
	StandardFor func(year int) (*standard.Standard, bool)
	// Plans are targets.toml's [[plans]], Targets their targets.
	Plans      []config.Plan
	Targets    []config.Target
	Programmes []config.Programme
	// Registry is the unit registry (data/units.toml), nil when there is none.
	Registry *config.Registry
	// Dataset holds every review record when the data is small enough to read whole;
	// Sums holds the sums computed while streaming larger data, and Dataset is nil.
	Dataset *review.Dataset
	Sums    *indicator.Aggregator
	// nest is how a province's or nation's units nest, read once by the load.
	nest *nesting
	// Years are the review years and Rows the household rows read.
	Years []int
	Rows  int
	// Problems are every data problem found, errors and warnings.
	Problems []problem.Problem
	// StoryProblems are every problem found in the officers' stories.
	StoryProblems []problem.Problem
	// Stories is how many story folders were checked.
	Stories int
	// Support is the support delivered and money spent (data/support), empty when the
	// folder does not exist; SupportProblems are the problems found in it.
	Support         *support.Dataset
	SupportProblems []problem.Problem
	// Snapshot, for a build without the key, is the latest release's protected
	// figures, which are rendered instead of new ones; nil when the data was read.
	Snapshot *release.Snapshot
	// Sealed lists the sealed household files.
	Sealed []string
}

// Finding is a problem of any input, as the officer is told about it.
type Finding struct {
	File    string
	Village string // for data-quality warnings, counted per village
	Error   bool
	Message func(lang string) string
}

// Findings lists the problems of the review data and of the stories together.
func (in *Inputs) Findings() []Finding {
	var out []Finding
	for _, ps := range [][]problem.Problem{in.Problems, in.StoryProblems, in.SupportProblems} {
		for _, p := range ps {
			out = append(out, Finding{p.File, p.Village, p.Severity == problem.SeverityError, p.Message})
		}
	}
	return out
}

// InvalidError reports input that cannot be published; it lists every problem.
type InvalidError struct {
	Findings []Finding
	Lang     string
}

func (e *InvalidError) Error() string {
	return Describe(e.Findings, e.Lang, true)
}

// Describe lists the errors (or the warnings) grouped by file, with counts.
func Describe(fs []Finding, lang string, errs bool) string {
	byFile := map[string][]string{}
	var files []string
	n := 0
	for _, f := range fs {
		if f.Error != errs {
			continue
		}
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f.Message(lang))
		n++
	}
	sort.Strings(files)
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", n, countWord(n, errs, lang))
	for _, f := range files {
		fmt.Fprintf(&b, "\n%s (%d):", f, len(byFile[f]))
		for _, m := range byFile[f] {
			b.WriteString("\n  " + m)
		}
	}
	return b.String()
}

// Load reads every input and checks it. It returns an *InvalidError when the review
// data has errors, and other errors for settings or files that cannot be read. Review
// data larger than streamThreshold is streamed and aggregated as it is read.
func Load(l paths.Layout, getenv func(string) string, lang string) (*Inputs, error) {
	return load(l, getenv, lang, false)
}

func load(l paths.Layout, getenv func(string) string, lang string, forceStream bool) (*Inputs, error) {
	return loadCached(l, getenv, lang, forceStream, nil)
}

// loadCached is load reading the review sums back from cache (nil for none) when
// the reviews and settings did not change.
func loadCached(l paths.Layout, getenv func(string) string, lang string, forceStream bool, cache *buildCache) (*Inputs, error) {
	in, err := loadSettings(l, lang)
	if err != nil {
		return nil, err
	}
	p := in.Portal
	if err := checkHouseholdFiles(l, p, lang); err != nil {
		return nil, err
	}
	villages := map[string]bool{}
	for _, v := range p.Villages {
		villages[v.Code] = true
	}
	if in.atScale() {
		return loadScale(l, getenv, lang, in, cache)
	}
	if in.Sealed, err = seal.SealedFiles(l.Reviews(), l.Support()); err != nil {
		return nil, err
	}
	if len(in.Sealed) > 0 {
		ids, err := seal.IdentitiesFromEnv(getenv)
		if errors.Is(err, seal.ErrNoIdentity) {
			return loadKeyless(l, lang, in)
		}
		if err != nil {
			return nil, err
		}
		if err := checkKeyOpens(in.Sealed, ids, lang); err != nil {
			return nil, err
		}
	}
	rules := review.Rules{CommuneCode: p.Unit.Code, Villages: villages, StandardFor: in.StandardFor}
	if err := in.readReviewFiles(l, rules, getenv, forceStream, cache); err != nil {
		return nil, err
	}
	inScope := map[string]bool{}
	for _, pr := range in.Programmes {
		if pr.InScope {
			inScope[pr.Code] = true
		}
	}
	srules := support.Rules{Villages: villages, Programmes: inScope}
	if in.Support, in.SupportProblems, err = support.Read(l.Support(), srules, opener(getenv)); err != nil {
		return nil, err
	}
	return in.checkStories(l, vocabulary(p, in.Programmes), lang)
}

// loadSettings reads the settings files (portal, standards, targets, programmes, the
// unit registry), each problem told in the officer's language as the data's are.
func loadSettings(l paths.Layout, lang string) (*Inputs, error) {
	p, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	stds, err := standard.Load(l.Standards())
	if err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	if err := p.CheckStandards(l.PortalConfig(), func(id string) bool { _, err := stds.Lookup(id); return err == nil }); err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	sf := StandardFor(p, stds)
	indicator.UseStandards(inUse(p, stds))
	tf, err := config.LoadTargetFile(l.Targets(), indicator.Known)
	if err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	programmes, err := config.LoadProgrammes(l.Programmes())
	if err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	registry, err := loadRegistry(l, p)
	if err != nil {
		return nil, problem.InLanguage(err, lang)
	}
	return &Inputs{Portal: p, Standards: stds, StandardFor: sf, Plans: tf.Plans, Targets: tf.Targets, Programmes: programmes, Registry: registry}, nil
}

// readReviewFiles reads a commune's review files: streamed, without keeping the rows,
// when they are large (or forceStream), else whole.
func (in *Inputs) readReviewFiles(l paths.Layout, rules review.Rules, getenv func(string) string, forceStream bool, cache *buildCache) error {
	files, err := review.Files(l.Reviews())
	if err != nil {
		return err
	}
	if forceStream || reviewBytes(files) > streamThreshold {
		in.Sums, in.Years, in.Rows, in.Problems, err = streamReviews(files, func(int) review.Rules { return rules }, specOf(in.Portal, in.StandardFor), opener(getenv), cache)
		if err != nil {
			return err
		}
		if len(files) == 0 {
			in.Problems = append(in.Problems, problem.Problem{Catalogue: review.Messages, File: l.Reviews(), Code: "no_files"})
		}
		return nil
	}
	ds, problems, err := review.Read(l.Reviews(), rules, opener(getenv))
	if err != nil {
		return err
	}
	in.Dataset, in.Problems, in.Years = ds, problems, ds.Years()
	for _, f := range ds.Files {
		in.Rows += len(f.Records)
	}
	return nil
}

// checkStories checks the officers' stories against v and returns the inputs, with
// an *InvalidError when any input has an error.
func (in *Inputs) checkStories(l paths.Layout, v story.Vocab, lang string) (*Inputs, error) {
	in.StoryProblems = story.Check(l.Content, v)
	if entries, err := os.ReadDir(l.Stories()); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				in.Stories++
			}
		}
	}
	findings := in.Findings()
	for _, f := range findings {
		if f.Error {
			return in, &InvalidError{Findings: findings, Lang: lang}
		}
	}
	return in, nil
}

// loadRegistry reads data/units.toml when there is one and checks that it agrees
// with portal.toml; a single commune may do without it.
func loadRegistry(l paths.Layout, p *config.Portal) (*config.Registry, error) {
	if _, err := os.Stat(l.Units()); errors.Is(err, os.ErrNotExist) {
		if p.Unit.Level != config.LevelCommune {
			return nil, fmt.Errorf("load unit registry: a %s declares its communes and villages in %s, which is missing", p.Unit.Level, l.Units())
		}
		return nil, nil
	}
	r, err := config.LoadUnits(l.Units())
	if err != nil {
		return nil, err
	}
	if err := r.CheckPortal(p); err != nil {
		return nil, fmt.Errorf("%s: %w", l.Units(), err)
	}
	return r, nil
}

// vocabulary is the set of codes a story may name.
func vocabulary(p *config.Portal, programmes []config.Programme) story.Vocab {
	v := story.Vocab{Villages: map[string]bool{}, Programmes: map[string]bool{}, Indicators: map[string]bool{}}
	for _, c := range p.VillageCodes() {
		v.Villages[c] = true
	}
	for _, pr := range programmes {
		v.Programmes[pr.Code] = true
	}
	for _, d := range indicator.Definitions {
		v.Indicators[d.Code] = true
	}
	return v
}

// StandardFor returns the standard portal.toml puts in force for each year.
func StandardFor(p *config.Portal, stds *standard.Set) func(int) (*standard.Standard, bool) {
	return func(year int) (*standard.Standard, bool) {
		id, ok := p.StandardFor(year)
		if !ok {
			return nil, false
		}
		s, err := stds.Lookup(id)
		return s, err == nil
	}
}

// inUse returns the standards portal.toml maps years to, in the order of their
// first year: the catalogue of indicators is theirs.
func inUse(p *config.Portal, stds *standard.Set) []*standard.Standard {
	uses := append([]config.StandardUse(nil), p.Standards...)
	sort.SliceStable(uses, func(i, j int) bool { return uses[i].FromYear < uses[j].FromYear })
	var out []*standard.Standard
	for _, u := range uses {
		if s, err := stds.Lookup(u.ID); err == nil && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
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

// countWord names what n counts: Vietnamese has no plural, English says "1 error".
func countWord(n int, errs bool, lang string) string {
	word := "error"
	if !errs {
		word = "warning"
	}
	switch {
	case lang != "en":
		return map[bool]string{true: "lỗi", false: "cảnh báo"}[errs]
	case n == 1:
		return word
	default:
		return word + "s"
	}
}
