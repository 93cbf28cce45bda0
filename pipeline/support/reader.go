package support

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

// Rules are what a support file is checked against besides its own contract.
type Rules struct {
	// Villages declared in portal.toml; nil accepts any well-formed code.
	Villages map[string]bool
	// Programmes implemented in the commune (in_scope in programmes.toml); nil
	// accepts every code of the contract.
	Programmes map[string]bool
}

// File is one parsed support file.
type File struct {
	Path    string
	Year    int
	Records []Record
	Lines   []int
}

// Dataset is every support year that was read, in year order.
type Dataset struct {
	Files []*File
}

// Years returns the support years in order.
func (d *Dataset) Years() []int {
	if d == nil {
		return nil
	}
	out := make([]int, len(d.Files))
	for i, f := range d.Files {
		out[i] = f.Year
	}
	return out
}

var (
	villageCode = regexp.MustCompile(`^[A-Za-z0-9_-]{1,16}$`)
	codeLike    = regexp.MustCompile(`^[A-Za-z0-9_.]{1,24}$`) // a value shaped like a code
)

// Files lists the support files in dir (*.csv and *.csv.age), sorted by name. A
// missing folder has none.
func Files(dir string) ([]string, error) {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return review.Files(dir)
}

// Read parses every support file in dir. A missing folder is no support data (the
// coverage targets stay "not yet measured"); a folder without files is a problem. open
// reads a file (nil: os.ReadFile); sealed files are decrypted by the caller's opener.
func Read(dir string, rules Rules, open review.Opener) (*Dataset, []problem.Problem, error) {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return &Dataset{}, nil, nil
	}
	paths, err := Files(dir)
	if err != nil {
		return nil, nil, err
	}
	var problems []problem.Problem
	files, err := csvfile.Years(paths, open, func(path string, b []byte) (*File, int, bool) {
		f, ps := Parse(path, b, rules)
		problems = append(problems, ps...)
		if f == nil {
			return nil, 0, false
		}
		return f, f.Year, true
	}, func(path string, year int, first string) {
		problems = append(problems, newProblem(path, 0, 0, "", "duplicate_year", year, first))
	}, func(path string, f problem.Problem) {
		problems = append(problems, newProblem(path, 0, 0, "", f.Code, f.Args...))
	})
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		problems = append(problems, newProblem(dir, 0, 0, "", "no_files"))
	}
	return &Dataset{Files: files}, problems, nil
}

func newProblem(file string, line, col int, column, code string, args ...any) problem.Problem {
	return problem.Problem{Catalogue: messages, File: file, Line: line, Col: col, Column: column, Code: code, Args: args}
}

// Parse checks the text of one support file and decodes it. name is the path shown
// in messages. Every problem is returned; the records are decoded only when there is
// no error.
func Parse(name string, b []byte, rules Rules) (*File, []problem.Problem) {
	p := &parser{name: name, rules: rules}
	// Support files have always had a quote problem reported on the line its record
	// starts, without a column.
	r := &csvfile.Reader{Contract: contract, Report: p.fault, QuoteAtRecord: true,
		Failed: func() bool { return problem.HasErrors(p.problems) }}
	t, ok := csvfile.Read[Record](r, name, b, func(year int, header []string, idx []int) func([]string, int) bool {
		p.header = header
		cols := csvfile.Pick(Columns, idx)
		seen, groups := map[string]int{}, map[string]*group{}
		return func(rec []string, line int) bool { return p.checkRow(r, rec, cols, year, line, seen, groups) }
	})
	if !ok {
		return nil, p.problems
	}
	// gocsv decodes an empty cell into a pointer to zero: an empty people_needing
	// means no recorded need, not a need of 0.
	if i := slices.Index(t.Header, "people_needing"); i >= 0 {
		for j := range t.Records {
			if t.Rows[j][i] == "" {
				t.Records[j].PeopleNeeding = nil
			}
		}
	}
	return &File{Path: name, Year: t.Year, Records: t.Records, Lines: t.Lines}, p.problems
}

type parser struct {
	name     string
	rules    Rules
	header   []string
	problems []problem.Problem
}

func (p *parser) add(line, col int, column, code string, args ...any) {
	p.problems = append(p.problems, newProblem(p.name, line, col, column, code, args...))
}

// group is what the rows of one support (village, programme, support type) share.
type group struct {
	firstLine int
	needing   *int64
	reached   int64
	over      bool // reached_gt_needing already reported
}

// fault records a problem of the file's form. Support files report no warnings: the
// spaces around a header name are dropped without one.
func (p *parser) fault(f problem.Problem) {
	if f.Severity != problem.SeverityWarning {
		p.add(f.Line, f.Col, "", f.Code, f.Args...)
	}
}

// contract is the support header as csvfile checks it: personal-looking names are
// refused as the review reader refuses them.
var contract = csvfile.Contract{
	Columns:  columnNames(),
	Personal: review.LooksPersonal,
	Secret:   func(name string) bool { return review.LooksLikeIdentifier(name) != "" },
}

func columnNames() []string {
	names := make([]string, len(Columns))
	for i, c := range Columns {
		names[i] = c.Name
	}
	return names
}

// checkRow checks one row's cells and the rules between rows. It reports whether the
// row is free of errors.
func (p *parser) checkRow(r *csvfile.Reader, rec []string, cols []Column, year, line int, seen map[string]int, groups map[string]*group) bool {
	before := len(p.problems)
	ints := map[string]int64{}
	text := map[string]string{}
	pos := map[string]int{}
	for i, c := range cols {
		_, col := r.FieldPos(i)
		pos[c.Name] = col
		v := rec[i]
		if strings.TrimSpace(v) != v {
			p.add(line, col, c.Name, "spaces")
			continue
		}
		switch c.Kind {
		case KindInt:
			if n, ok := p.checkNumber(c, v, line, col); ok {
				ints[c.Name] = n
				if v != "" {
					rec[i] = strconv.FormatInt(n, 10)
				}
			}
		case KindEnum, KindText:
			if p.checkCode(c, v, line, col) {
				text[c.Name] = v
			}
		}
	}
	if y, ok := ints["year"]; ok && int(y) != year {
		p.add(line, pos["year"], "year", "year_mismatch", int(y), year)
	}
	if prog, ok := text["programme"]; ok && p.rules.Programmes != nil && !p.rules.Programmes[prog] {
		p.add(line, pos["programme"], "programme", "programme_out_of_scope", prog)
	}
	h, okH := ints["households_reached"]
	people, okP := ints["people_reached"]
	if okH && okP && h > people {
		p.add(line, pos["households_reached"], "households_reached", "households_gt_people")
	}
	v, okV := text["village_code"]
	prog, okG := text["programme"]
	st, okS := text["support_type"]
	src, okF := text["funding_source"]
	if okV && okG && okS && okF {
		key := v + "\x00" + prog + "\x00" + st + "\x00" + src
		if first, dup := seen[key]; dup {
			p.add(line, pos["funding_source"], "funding_source", "duplicate_row", first)
		} else {
			seen[key] = line
		}
		gk := v + "\x00" + prog + "\x00" + st
		needing, hasNeeding := ints["people_needing"]
		var np *int64
		if hasNeeding {
			np = &needing
		}
		// A needing cell with a problem of its own is not compared again.
		needingValid := hasNeeding || rec[slices.Index(p.header, "people_needing")] == ""
		g, ok := groups[gk]
		switch {
		case !ok && needingValid:
			g = &group{firstLine: line, needing: np}
			groups[gk] = g
		case !ok:
			return false
		case needingValid && ((g.needing == nil) != (np == nil) || (np != nil && *g.needing != *np)):
			p.add(line, pos["people_needing"], "people_needing", "needing_differs", g.firstLine)
		}
		if okP {
			g.reached += people
			if g.needing != nil && g.reached > *g.needing && !g.over {
				g.over = true
				p.add(line, pos["people_reached"], "people_reached", "reached_gt_needing", g.reached, *g.needing)
			}
		}
	}
	return !(len(p.problems) > before)
}

func (p *parser) checkNumber(c Column, v string, line, col int) (int64, bool) {
	if v == "" {
		if !c.Optional {
			p.add(line, col, c.Name, "required")
		}
		return 0, false
	}
	digits := strings.TrimPrefix(v, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		p.add(line, col, c.Name, "not_int")
		return 0, false
	}
	if strings.HasPrefix(v, "-") {
		p.add(line, col, c.Name, "negative")
		return 0, false
	}
	if len(digits) > 1 && digits[0] == '0' {
		p.add(line, col, c.Name, "leading_zero")
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < c.Min || n > c.Max {
		p.add(line, col, c.Name, "out_of_range", c.Min, c.Max)
		return 0, false
	}
	return n, true
}

// checkCode checks a code cell (village, programme, support type, funding source).
func (p *parser) checkCode(c Column, v string, line, col int) bool {
	if v == "" {
		p.add(line, col, c.Name, "required")
		return false
	}
	if kind := review.LooksLikeIdentifier(v); kind != "" {
		p.add(line, col, c.Name, kind)
		return false
	}
	if c.Kind == KindEnum {
		if slices.Contains(c.Values, v) {
			return true
		}
		shown := v
		if !codeLike.MatchString(v) {
			shown = "…"
		}
		p.add(line, col, c.Name, "bad_enum", shown, strings.Join(c.Values, ", "))
		return false
	}
	// village_code
	if !villageCode.MatchString(v) {
		p.add(line, col, c.Name, "bad_village_code")
		return false
	}
	if p.rules.Villages != nil && !p.rules.Villages[v] {
		p.add(line, col, c.Name, "undeclared_village", v)
		return false
	}
	return true
}

// CSV encodes records as a support file, columns in contract order.
func CSV(recs []Record) ([]byte, error) {
	var b bytes.Buffer
	if err := gocsv.Marshal(recs, &b); err != nil {
		return nil, fmt.Errorf("support: %w", err)
	}
	return b.Bytes(), nil
}
