package story

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/problem"
)

// Vocab is the set of codes a story may refer to.
type Vocab struct {
	Villages, Programmes, Indicators map[string]bool
	// LastReview is the latest review year in data/reviews (0: unknown, then the
	// current year is used); a story may be dated up to the year after it.
	LastReview int
}

// firstStoryYear is the first year a story may be dated: the plan period starts in
// 2021, and an earlier date (0001-01-01, a typo such as 2002) is a mistake.
const firstStoryYear = 2021

var reviewFile = regexp.MustCompile(`^([0-9]{4})\.csv$`)

// LoadVocab reads the codes from data/portal.toml, data/programmes.toml and the
// indicator catalogue.
func LoadVocab(l paths.Layout) (Vocab, error) {
	v := Vocab{Villages: map[string]bool{}, Programmes: map[string]bool{}, Indicators: map[string]bool{}}
	p, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return v, err
	}
	for _, c := range p.VillageCodes() {
		v.Villages[c] = true
	}
	progs, err := config.LoadProgrammes(l.Programmes())
	if err != nil {
		return v, err
	}
	for _, pr := range progs {
		v.Programmes[pr.Code] = true
	}
	for _, d := range indicator.Definitions {
		v.Indicators[d.Code] = true
	}
	entries, err := os.ReadDir(l.Reviews())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return v, fmt.Errorf("load vocab: %w", err)
	}
	for _, e := range entries {
		if m := reviewFile.FindStringSubmatch(e.Name()); m != nil {
			y, _ := strconv.Atoi(m[1])
			v.LastReview = max(v.LastReview, y)
		}
	}
	return v, nil
}

// Languages are the story languages, one file each: index.vi.md, index.en.md.
var Languages = []string{"vi", "en"}

var folderName = regexp.MustCompile(`^([0-9]{4})-[a-z0-9]+(?:-[a-z0-9]+)*$`)

// now is the clock for the future-date warning; tests replace it.
var now = time.Now

// checkBundle checks one story folder: its name, its files, each language version and
// every photo in it. A bundle holds only its language versions and the photos they
// declare: no sub-folder, no attachment, no other page.
func checkBundle(dir string, v Vocab) []problem.Problem {
	var out []problem.Problem
	name := filepath.Base(dir)
	m := folderName.FindStringSubmatch(name)
	if m == nil {
		out = append(out, problem.Problem{Catalogue: messages, File: dir, Code: "bad_folder_name", Args: []any{name}})
	}
	year := ""
	if m != nil {
		year = m[1]
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return append(out, problem.Problem{Catalogue: messages, File: dir, Code: "read_failed", Args: []any{err}})
	}
	versions := map[string]*FrontMatter{}
	declared := map[string]bool{}
	var photos []string
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		base := e.Name()
		ext := strings.ToLower(filepath.Ext(base))
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "symlink"})
		case strings.HasPrefix(base, "."):
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "hidden_file", Args: []any{base}})
		case e.IsDir():
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "bundle_folder", Args: []any{base}})
		case !e.Type().IsRegular():
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "unsupported_file", Args: []any{base}})
		case storyFile(base) != "":
			fm, refs, ps := checkFile(p, dir, year, v)
			out = append(out, ps...)
			versions[storyFile(base)] = fm
			for _, r := range refs {
				declared[r] = true
			}
		case photoFormats[ext] != "":
			photos = append(photos, base)
			out = append(out, photoProblems(p)...)
		case otherImages[ext]:
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "photo_format", Args: []any{base}})
		case ext == ".md" || strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "_index."):
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "bad_file_name", Args: []any{base}})
		default:
			// An attachment (PDF, text, SVG, HTML...) would be published as it is, unread
			// by the personal-data scan and, for SVG or HTML, able to run script at the
			// site's origin. None is allowed.
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "unsupported_file", Args: []any{base}})
		}
	}
	for _, ph := range photos {
		if !declared[ph] {
			out = append(out, problem.Problem{Catalogue: messages, File: filepath.Join(dir, ph), Code: "photo_not_declared", Args: []any{ph}})
		}
	}
	return append(out, checkVersions(dir, versions)...)
}

// storyFile returns the language of a story file name (index.vi.md: "vi"), or "".
func storyFile(base string) string {
	for _, lang := range Languages {
		if base == "index."+lang+".md" {
			return lang
		}
	}
	return ""
}

// checkVersions compares the translations of a story with its Vietnamese version.
func checkVersions(dir string, versions map[string]*FrontMatter) []problem.Problem {
	var out []problem.Problem
	vi := versions["vi"]
	if vi == nil {
		return append(out, problem.Problem{Catalogue: messages, File: dir, Code: "missing_vi"})
	}
	for _, lang := range Languages {
		fm := versions[lang]
		if lang == "vi" || fm == nil {
			continue
		}
		file := filepath.Join(dir, "index."+lang+".md")
		if fm.Village != "" && vi.Village != "" && fm.Village != vi.Village {
			out = append(out, problem.Problem{Catalogue: messages, File: file, Line: fm.Lines["village"].Line, Col: fm.Lines["village"].Col, Code: "translation_differs", Args: []any{"village"}, HintArgs: []any{"village"}, Severity: problem.SeverityWarning})
		}
		if !fm.Date.IsZero() && !vi.Date.IsZero() && !fm.Date.Equal(vi.Date) {
			out = append(out, problem.Problem{Catalogue: messages, File: file, Line: fm.Lines["date"].Line, Col: fm.Lines["date"].Col, Code: "translation_differs", Args: []any{"date"}, HintArgs: []any{"date"}, Severity: problem.SeverityWarning})
		}
	}
	return out
}

// checkFile checks one language version of a story.
// It returns the front matter, the bundle files the version declares (its photos and
// the files its text links to) and the problems.
func checkFile(file, bundle, folderYear string, v Vocab) (*FrontMatter, []string, []problem.Problem) {
	src, p := readText(file)
	if p != nil {
		return &FrontMatter{Lines: map[string]Pos{}, Values: map[string]Pos{}}, nil, []problem.Problem{*p}
	}
	fm, body, ps := ParseFrontMatter(src)
	ps = append(ps, checkFields(fm, bundle, folderYear, v)...)
	var refs []string
	for _, ph := range fm.Photos {
		refs = append(refs, path.Clean(ph.Src))
	}
	shape := checkShape(body, fm.BodyLine)
	if len(shape) > 0 {
		// A text over the bounds is refused unparsed: parsing it is the attack.
		ps = append(ps, shape...)
	} else if body != nil {
		r := checkBody(body, fm.BodyLine, bundle)
		ps = append(ps, r.problems...)
		refs = append(refs, r.local...)
	}
	// Phone and ID numbers anywhere: front matter, text, alt text, link addresses.
	ps = append(ps, personalNumbers(src)...)
	if len(shape) == 0 {
		ps = append(ps, personalWarnings(src, fm.BodyLine)...)
	}
	for i := range ps {
		ps[i].File = file
	}
	return fm, refs, ps
}

// checkFields checks the values of the front matter against the codes and the bundle.
func checkFields(fm *FrontMatter, bundle, folderYear string, v Vocab) []problem.Problem {
	var out []problem.Problem
	at := func(p Pos, code string, args ...any) *problem.Problem {
		out = append(out, problem.Problem{Catalogue: messages, Line: p.Line, Col: p.Col, Code: code, Args: args})
		return &out[len(out)-1]
	}
	if fm.Village != "" && v.Villages != nil && !v.Villages[fm.Village] {
		p := at(fm.Values["village"], "unknown_village", fm.Village)
		p.HintArgs = []any{keys(v.Villages)}
	}
	for _, c := range fm.Programmes {
		if c.Value != "" && v.Programmes != nil && !v.Programmes[c.Value] {
			p := at(c.Pos, "unknown_programme", c.Value)
			p.HintArgs = []any{keys(v.Programmes)}
		}
	}
	for _, c := range fm.Indicators {
		if c.Value != "" && v.Indicators != nil && !v.Indicators[c.Value] {
			at(c.Pos, "unknown_indicator", c.Value)
		}
	}
	if fm.DateOK {
		last := v.LastReview
		if last == 0 {
			last = now().Year()
		}
		if y := fm.Date.Year(); y < firstStoryYear || y > last+1 {
			at(fm.Values["date"], "implausible_date", y, firstStoryYear, last+1)
		}
		if folderYear != "" && fmt.Sprint(fm.Date.Year()) != folderYear {
			at(fm.Values["date"], "date_folder_mismatch", fm.Date.Year(), folderYear)
		}
		if fm.Date.After(now()) {
			p := at(fm.Lines["date"], "future_date", fm.Date.Format("2006-01-02"))
			p.Severity = problem.SeverityWarning
		}
	}
	out = append(out, checkTextFields(fm)...)
	// Consent: every success story tells about a household that readers in a commune of
	// a few thousand households can recognise, so consent must be true in every story.
	if fm.ConsentSet && !fm.Consent {
		at(fm.Values["consent"], "consent_required")
	}
	for _, ph := range fm.Photos {
		if strings.TrimSpace(ph.Src) == "" || padded(ph.Src) {
			continue // reported by ParseFrontMatter
		}
		ext := strings.ToLower(filepath.Ext(ph.Src))
		if photoFormats[ext] == "" {
			at(ph.SrcPos, "photo_format", ph.Src)
			continue
		}
		clean := filepath.ToSlash(filepath.Clean(filepath.FromSlash(ph.Src)))
		if clean == ".." || strings.HasPrefix(clean, "../") || filepath.IsAbs(ph.Src) || strings.HasPrefix(ph.Src, "/") {
			at(ph.SrcPos, "link_outside_bundle", ph.Src)
			continue
		}
		if st, err := os.Stat(filepath.Join(bundle, filepath.FromSlash(clean))); err != nil || st.IsDir() || !exactName(bundle, clean) {
			at(ph.SrcPos, "photo_not_found", ph.Src)
		}
	}
	return out
}

func keys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// maxTextFile bounds a story or page file: a long story is a few tens of kilobytes, and
// the scans are linear, but a file of many megabytes is a mistake or an attack.
const maxTextFile = 1 << 20

// readText reads a story or page file of at most maxTextFile bytes.
func readText(file string) ([]byte, *problem.Problem) {
	f, err := os.Open(file)
	if err != nil {
		return nil, &problem.Problem{Catalogue: messages, File: file, Code: "read_failed", Args: []any{err}}
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	if err != nil {
		return nil, &problem.Problem{Catalogue: messages, File: file, Code: "read_failed", Args: []any{err}}
	}
	if len(src) > maxTextFile {
		return nil, &problem.Problem{Catalogue: messages, File: file, Code: "file_too_large", Args: []any{maxTextFile >> 10}}
	}
	return src, nil
}
