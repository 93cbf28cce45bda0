package standard

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/minhtien/portal/pipeline/problem"

	"github.com/minhtien/portal/pipeline/paths"
)

// file is data/standards.toml as written.
type file struct {
	Standard []struct {
		ID               string `toml:"id"`
		Decree           string `toml:"decree"`
		Source           string `toml:"source"`
		PoorDeprivations int    `toml:"poor_deprivations"`
		PovertyLine      lines  `toml:"poverty_line"`
		AverageLine      lines  `toml:"average_line"`
		Indicators       []struct {
			Column    string   `toml:"column"`
			Dimension string   `toml:"dimension"`
			NameVI    string   `toml:"name_vi"`
			NameEN    string   `toml:"name_en"`
			Weight    *float64 `toml:"weight"`
		} `toml:"indicators"`
	} `toml:"standard"`
}

type lines struct {
	Rural int64 `toml:"rural"`
	Urban int64 `toml:"urban"`
}

var (
	columnName = regexp.MustCompile(`^d_[a-z0-9_]+$`)
	idName     = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)
)

// Error is a problem in standards.toml, at a line when one can be found, in both
// languages (Error renders Vietnamese; Render picks).
type Error struct {
	At   problem.At
	Key  string
	Text problem.Text
	Args []any
}

func (e *Error) Error() string { return e.Render("vi") }

// Render writes the problem in lang.
func (e *Error) Render(lang string) string {
	t := e.Text
	t.VI, t.EN = e.Key+": "+t.VI, e.Key+": "+t.EN
	return problem.Render(e.At, false, t, e.Args, nil, lang)
}

// Load reads and checks data/standards.toml.
func Load(path string) (*Set, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load poverty standards: %w", err)
	}
	return Parse(path, b)
}

// Parse decodes and checks the text of a standards file; name is used in messages.
func Parse(name string, b []byte) (*Set, error) {
	var f file
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		at := problem.At{File: name}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			at.Line, at.Col = pe.Position.Line, pe.Position.Col
		}
		return nil, &Error{At: at, Key: "toml", Text: problem.Text{
			VI: "không đọc được tệp: %v", EN: "the file cannot be read: %v",
			HintVI: "kiểm tra dấu ngoặc kép và ngoặc vuông ở dòng này", HintEN: "check the quotes and brackets on this line"}, Args: []any{err}}
	}
	loc := locator{name: name, text: strings.Split(string(b), "\n")}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, &Error{At: problem.At{File: name, Line: loc.keyLine(k)}, Key: k.String(), Text: problem.Text{
			VI: "khóa không được biết", EN: "unknown key",
			HintVI: "kiểm tra chính tả; các khóa được mô tả ở đầu tệp", HintEN: "check the spelling; the keys are described at the top of the file"}})
	}
	set := &Set{File: name}
	ids := map[string]bool{}
	for i, s := range f.Standard {
		c := &checker{loc: &loc, si: i, errs: &errs}
		st := &Standard{ID: s.ID, Decree: s.Decree, Source: strings.TrimSpace(s.Source), PoorDeprivations: s.PoorDeprivations,
			PovertyLine: Lines(s.PovertyLine), AverageLine: Lines(s.AverageLine)}
		switch {
		case !idName.MatchString(s.ID):
			c.bad(-1, "id", "mã chuẩn nghèo phải gồm 1-32 chữ, số, _ hoặc -", "the standard's id must be 1-32 letters, digits, _ or -")
		case ids[s.ID]:
			c.bad(-1, "id", "mã chuẩn nghèo %q bị khai báo hai lần", "standard id %q is declared twice", s.ID)
		}
		ids[s.ID] = true
		if s.Decree == "" || st.Source == "" {
			c.bad(-1, "decree", "cần ghi văn bản quy định (decree) và nơi đã đối chiếu (source)", "the decree and where its definition was checked (source) are required")
		}
		c.lines("poverty_line", s.PovertyLine, lines{1, 1})
		c.lines("average_line", s.AverageLine, s.PovertyLine)
		weighted := 0
		cols := map[string]bool{}
		for j, ind := range s.Indicators {
			switch {
			case !columnName.MatchString(ind.Column):
				c.bad(j, "column", "tên cột %q phải có dạng d_ và chữ thường, số hoặc _", "column %q must be d_ followed by lowercase letters, digits or _", ind.Column)
			case cols[ind.Column]:
				c.bad(j, "column", "cột %q có hai lần trong chuẩn này", "column %q appears twice in this standard", ind.Column)
			}
			cols[ind.Column] = true
			if ind.Dimension == "" || ind.NameVI == "" || ind.NameEN == "" {
				c.bad(j, "name_vi", "chỉ số %q cần dimension, name_vi và name_en", "indicator %q needs dimension, name_vi and name_en", ind.Column)
			}
			w := int64(1000)
			if ind.Weight != nil {
				weighted++
				w = int64(math.Round(*ind.Weight * 1000))
				if !(*ind.Weight > 0) || w < 1 || *ind.Weight > 1e6 {
					c.bad(j, "weight", "trọng số của %q phải là số dương (tối thiểu 0,001)", "the weight of %q must be positive (at least 0.001)", ind.Column)
				}
			}
			st.Indicators = append(st.Indicators, Indicator{Column: ind.Column, Dimension: ind.Dimension, NameVI: ind.NameVI, NameEN: ind.NameEN, Weight: w})
		}
		normalise(st.Indicators)
		if weighted != 0 && weighted != len(s.Indicators) {
			c.bad(-1, "weight", "chỉ một số chỉ số có trọng số: cho tất cả hoặc không cho chỉ số nào", "only some indicators have a weight: give all of them one, or none")
		}
		if n := len(s.Indicators); s.PoorDeprivations < 1 || s.PoorDeprivations > n {
			c.bad(-1, "poor_deprivations", "poor_deprivations = %d phải từ 1 đến số chỉ số (%d)", "poor_deprivations = %d must be from 1 to the number of indicators (%d)", s.PoorDeprivations, n)
		}
		set.Standards = append(set.Standards, st)
	}
	if len(f.Standard) == 0 {
		errs = append(errs, &Error{At: problem.At{File: name}, Key: "standard", Text: problem.Text{
			VI: "không có chuẩn nghèo nào", EN: "no poverty standard is declared",
			HintVI: "thêm một bảng [[standard]] cho mỗi chuẩn", HintEN: "add one [[standard]] table per standard"}})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return set, nil
}

// checker reports the problems of one [[standard]] entry.
type checker struct {
	loc  *locator
	si   int
	errs *[]error
}

// bad reports a problem at key of the standard, or of its indicator j (j >= 0).
func (c *checker) bad(j int, key, vi, en string, args ...any) {
	path := fmt.Sprintf("standard[%d].%s", c.si, key)
	if j >= 0 {
		path = fmt.Sprintf("standard[%d].indicators[%d].%s", c.si, j, key)
	}
	*c.errs = append(*c.errs, &Error{At: problem.At{File: c.loc.name, Line: c.loc.line(c.si, j, key)}, Key: path,
		Text: problem.Text{VI: vi, EN: en}, Args: args})
}

// lines checks a table of lines: both positive and at least floor.
func (c *checker) lines(key string, l, floor lines) {
	if l.Rural < floor.Rural || l.Urban < floor.Urban || l.Rural <= 0 || l.Urban <= 0 {
		c.bad(-1, key, "rural và urban phải là số dương và không thấp hơn chuẩn nghèo", "rural and urban must be positive and no lower than the poverty line")
	}
}

// locator finds the line of a key in the text: the toml library gives positions only
// for syntax errors.
type locator struct {
	name string
	text []string
}

// line returns the line of key in standard si (its indicator j when j >= 0), or of
// the table itself, or 0.
func (l *locator) line(si, j int, key string) int {
	from, to := l.table("[[standard]]", 0, len(l.text), si)
	if from < 0 {
		return 0
	}
	if j >= 0 {
		if from, to = l.table("[[standard.indicators]]", from, to, j); from < 0 {
			return 0
		}
	}
	if k := strings.LastIndex(key, "."); k >= 0 {
		key = key[k+1:]
	}
	for i := from; i < to; i++ {
		t := strings.TrimSpace(l.text[i])
		if j < 0 && strings.HasPrefix(t, "[[standard.indicators]]") {
			break // the standard's own keys come before its indicators
		}
		if t == "[standard."+key+"]" {
			return i + 1
		}
		if rest, ok := strings.CutPrefix(t, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return from + 1
}

// table returns the lines [from, to) of the n-th table with the given header in
// lines [lo, hi), ending at the next header of the same kind or of a [[standard]].
func (l *locator) table(header string, lo, hi, n int) (int, int) {
	start := -1
	for i := lo; i < hi; i++ {
		t := strings.TrimSpace(l.text[i])
		if t == header || t == "[[standard]]" {
			if start >= 0 {
				return start, i
			}
			if t == header {
				if n == 0 {
					start = i
				}
				n--
			}
		}
	}
	return start, hi
}

// keyLine returns the line of an unknown key, found by its last part, or 0.
func (l *locator) keyLine(k toml.Key) int {
	last := k[len(k)-1]
	for i, line := range l.text {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), last); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 0
}

// Repository loads data/standards.toml of the repository that holds the working
// directory (found by walking up to the folder with go.mod): for tests and for the
// sample generator's defaults, which run from a package's folder.
func Repository() (*Set, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("find standards: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return Load(paths.New(dir, "", "", "", "").Standards())
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil, fmt.Errorf("find standards: no go.mod above the working directory")
		}
		dir = up
	}
}

// normalise divides the weights by their greatest common divisor: equal weights
// become 1 each, so that the Alkire-Foster numerators count deprivations.
func normalise(inds []Indicator) {
	g := int64(0)
	for _, ind := range inds {
		a, b := g, ind.Weight
		for b > 0 {
			a, b = b, a%b
		}
		g = a
	}
	if g <= 1 {
		return
	}
	for i := range inds {
		inds[i].Weight /= g
	}
}
