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

// Load reads and checks data/standards.toml.
func Load(path string) (*Set, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load poverty standards: %w", err)
	}
	return Parse(path, b)
}

// Parse decodes and checks the text of a standards file; name is used in messages.
// Its error is a problem.Problem, or an errors.Join of them, worded by messages: as an
// error it speaks English, and problem.InLanguage renders it in the officer's language.
func Parse(name string, b []byte) (*Set, error) {
	var f file
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		line, col := 0, 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col = pe.Position.Line, pe.Position.Col
		}
		return nil, problem.Problem{Catalogue: messages, File: name, Line: line, Col: col, Key: "toml", Code: "toml_syntax", Args: []any{err}}
	}
	loc := locator{name: name, text: strings.Split(string(b), "\n")}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, problem.Problem{Catalogue: messages, File: name, Line: loc.keyLine(k), Key: k.String(), Code: "unknown_key"})
	}
	set := &Set{File: name}
	ids := map[string]bool{}
	for i, s := range f.Standard {
		c := &checker{loc: &loc, si: i, errs: &errs}
		st := &Standard{ID: s.ID, Decree: s.Decree, Source: strings.TrimSpace(s.Source), PoorDeprivations: s.PoorDeprivations,
			PovertyLine: Lines(s.PovertyLine), AverageLine: Lines(s.AverageLine)}
		switch {
		case !idName.MatchString(s.ID):
			c.bad(-1, "id", "bad_id")
		case ids[s.ID]:
			c.bad(-1, "id", "duplicate_id", s.ID)
		}
		ids[s.ID] = true
		if s.Decree == "" || st.Source == "" {
			c.bad(-1, "decree", "no_decree")
		}
		c.lines("poverty_line", s.PovertyLine, lines{1, 1})
		c.lines("average_line", s.AverageLine, s.PovertyLine)
		weighted := 0
		cols := map[string]bool{}
		for j, ind := range s.Indicators {
			switch {
			case !columnName.MatchString(ind.Column):
				c.bad(j, "column", "bad_column", ind.Column)
			case cols[ind.Column]:
				c.bad(j, "column", "duplicate_column", ind.Column)
			}
			cols[ind.Column] = true
			if ind.Dimension == "" || ind.NameVI == "" || ind.NameEN == "" {
				c.bad(j, "name_vi", "indicator_names", ind.Column)
			}
			w := int64(1000)
			if ind.Weight != nil {
				weighted++
				w = int64(math.Round(*ind.Weight * 1000))
				if !(*ind.Weight > 0) || w < 1 || *ind.Weight > 1e6 {
					c.bad(j, "weight", "bad_weight", ind.Column)
				}
			}
			st.Indicators = append(st.Indicators, Indicator{Column: ind.Column, Dimension: ind.Dimension, NameVI: ind.NameVI, NameEN: ind.NameEN, Weight: w})
		}
		normalise(st.Indicators)
		if weighted != 0 && weighted != len(s.Indicators) {
			c.bad(-1, "weight", "partial_weights")
		}
		if n := len(s.Indicators); s.PoorDeprivations < 1 || s.PoorDeprivations > n {
			c.bad(-1, "poor_deprivations", "bad_poor_deprivations", s.PoorDeprivations, n)
		}
		set.Standards = append(set.Standards, st)
	}
	if len(f.Standard) == 0 {
		errs = append(errs, problem.Problem{Catalogue: messages, File: name, Key: "standard", Code: "no_standard"})
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
func (c *checker) bad(j int, key, code string, args ...any) {
	path := fmt.Sprintf("standard[%d].%s", c.si, key)
	if j >= 0 {
		path = fmt.Sprintf("standard[%d].indicators[%d].%s", c.si, j, key)
	}
	*c.errs = append(*c.errs, problem.Problem{Catalogue: messages, File: c.loc.name, Line: c.loc.line(c.si, j, key), Key: path,
		Code: code, Args: args})
}

// lines checks a table of lines: both positive and at least floor.
func (c *checker) lines(key string, l, floor lines) {
	if l.Rural < floor.Rural || l.Urban < floor.Urban || l.Rural <= 0 || l.Urban <= 0 {
		c.bad(-1, key, "bad_lines")
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
