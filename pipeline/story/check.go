package story

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
)

// Vocab is the set of codes a story may refer to.
type Vocab struct {
	Villages, Programmes, Indicators map[string]bool
}

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
	return v, nil
}

// Languages are the story languages, one file each: index.vi.md, index.en.md.
var Languages = []string{"vi", "en"}

var folderName = regexp.MustCompile(`^([0-9]{4})-[a-z0-9]+(?:-[a-z0-9]+)*$`)

// now is the clock for the future-date warning; tests replace it.
var now = time.Now

// Check reads every story under contentDir/stories and returns every problem found,
// sorted by file, line and column. File names in the problems start with contentDir as
// given, so pass the path the officer should see.
func Check(contentDir string, v Vocab) []Problem {
	root := filepath.Join(contentDir, "stories")
	entries, err := os.ReadDir(root)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return []Problem{{File: root, Code: "read_failed", Args: []any{err}}}
	}
	var out []Problem
	for _, e := range entries {
		if !e.IsDir() {
			continue // _index.vi.md and friends: the section page, not a story
		}
		out = append(out, checkBundle(filepath.Join(root, e.Name()), v)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// checkBundle checks one story folder: its name, its files, each language version and
// every photo in it.
func checkBundle(dir string, v Vocab) []Problem {
	var out []Problem
	name := filepath.Base(dir)
	m := folderName.FindStringSubmatch(name)
	if m == nil {
		out = append(out, Problem{File: dir, Code: "bad_folder_name", Args: []any{name}})
	}
	year := ""
	if m != nil {
		year = m[1]
	}
	versions := map[string]*FrontMatter{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, Problem{File: p, Code: "read_failed", Args: []any{err}})
			return nil
		}
		if d.IsDir() {
			return nil
		}
		base := d.Name()
		ext := strings.ToLower(filepath.Ext(base))
		inRoot := filepath.Dir(p) == dir
		switch {
		case ext == ".md":
			lang := strings.TrimSuffix(strings.TrimPrefix(base, "index."), ".md")
			if !inRoot || !strings.HasPrefix(base, "index.") || !contains(Languages, lang) {
				out = append(out, Problem{File: p, Code: "bad_file_name", Args: []any{base}})
				return nil
			}
			fm, ps := checkFile(p, dir, year, v)
			out = append(out, ps...)
			versions[lang] = fm
		case photoFormats[ext] != "":
			out = append(out, photoProblems(p)...)
		case otherImages[ext]:
			out = append(out, Problem{File: p, Code: "photo_format", Args: []any{base}})
		case strings.HasPrefix(base, "."):
			// .gitkeep, .DS_Store: never published by Hugo.
		default:
			// Other files (a PDF, a text note) are published as they are only when linked.
		}
		return nil
	})
	vi := versions["vi"]
	if vi == nil {
		out = append(out, Problem{File: dir, Code: "missing_vi"})
		return out
	}
	for _, lang := range Languages {
		fm := versions[lang]
		if lang == "vi" || fm == nil {
			continue
		}
		file := filepath.Join(dir, "index."+lang+".md")
		if fm.Village != "" && vi.Village != "" && fm.Village != vi.Village {
			out = append(out, Problem{File: file, Line: fm.Lines["village"].Line, Col: fm.Lines["village"].Col, Code: "translation_differs", Args: []any{"village"}, HintArgs: []any{"village"}, Severity: SeverityWarning})
		}
		if !fm.Date.IsZero() && !vi.Date.IsZero() && !fm.Date.Equal(vi.Date) {
			out = append(out, Problem{File: file, Line: fm.Lines["date"].Line, Col: fm.Lines["date"].Col, Code: "translation_differs", Args: []any{"date"}, HintArgs: []any{"date"}, Severity: SeverityWarning})
		}
	}
	return out
}

// checkFile checks one language version of a story.
func checkFile(file, bundle, folderYear string, v Vocab) (*FrontMatter, []Problem) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, []Problem{{File: file, Code: "read_failed", Args: []any{err}}}
	}
	fm, body, ps := ParseFrontMatter(src)
	ps = append(ps, checkFields(fm, bundle, folderYear, v)...)
	if body != nil {
		ps = append(ps, checkBody(body, fm.BodyLine, bundle)...)
	}
	// Phone and ID numbers anywhere: front matter, text, alt text, link addresses.
	ps = append(ps, personalNumbers(src)...)
	for i := range ps {
		ps[i].File = file
	}
	return fm, ps
}

// checkFields checks the values of the front matter against the codes and the bundle.
func checkFields(fm *FrontMatter, bundle, folderYear string, v Vocab) []Problem {
	var out []Problem
	at := func(p Pos, code string, args ...any) *Problem {
		out = append(out, Problem{Line: p.Line, Col: p.Col, Code: code, Args: args})
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
	if !fm.Date.IsZero() {
		if folderYear != "" && fmt.Sprint(fm.Date.Year()) != folderYear {
			at(fm.Values["date"], "date_folder_mismatch", fm.Date.Year(), folderYear)
		}
		if fm.Date.After(now()) {
			p := at(fm.Lines["date"], "future_date", fm.Date.Format("2006-01-02"))
			p.Severity = SeverityWarning
		}
	}
	// Consent: every success story tells about a household that readers in a commune of
	// a few thousand households can recognise, so consent must be true in every story.
	if fm.ConsentSet && !fm.Consent {
		at(fm.Values["consent"], "consent_required")
	}
	for _, ph := range fm.Photos {
		if ph.Src == "" {
			continue
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
