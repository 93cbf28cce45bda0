package support

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

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
	bom         = []byte{0xEF, 0xBB, 0xBF}
)

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == review.SeverityError {
			return true
		}
	}
	return false
}

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
func Read(dir string, rules Rules, open review.Opener) (*Dataset, []Problem, error) {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return &Dataset{}, nil, nil
	}
	paths, err := Files(dir)
	if err != nil {
		return nil, nil, err
	}
	if open == nil {
		open = os.ReadFile
	}
	d := &Dataset{}
	var problems []Problem
	years := map[int]string{}
	for _, path := range paths {
		b, err := open(path)
		if err != nil {
			return nil, nil, err
		}
		f, ps := Parse(path, b, rules)
		problems = append(problems, ps...)
		if f == nil {
			continue
		}
		if other, dup := years[f.Year]; dup {
			problems = append(problems, problem(path, 0, 0, "", "duplicate_year", f.Year, other))
			continue
		}
		years[f.Year] = path
		d.Files = append(d.Files, f)
	}
	if len(paths) == 0 {
		problems = append(problems, problem(dir, 0, 0, "", "no_files"))
	}
	sort.Slice(d.Files, func(i, j int) bool { return d.Files[i].Year < d.Files[j].Year })
	return d, problems, nil
}

func problem(file string, line, col int, column, code string, args ...any) Problem {
	return Problem{review.Problem{File: file, Line: line, Col: col, Column: column, Code: code, Args: args}}
}

// Parse checks the text of one support file and decodes it. name is the path shown
// in messages. Every problem is returned; the records are decoded only when there is
// no error.
func Parse(name string, b []byte, rules Rules) (*File, []Problem) {
	p := &parser{name: name, rules: rules}
	year, ok := review.YearFromName(name)
	if !ok {
		p.add(0, 0, "", "bad_file_name")
		return nil, p.problems
	}
	f := &File{Path: name, Year: year}
	rows, lines := p.rows(bytes.TrimPrefix(b, bom), year)
	if HasErrors(p.problems) {
		return f, p.problems
	}
	if err := decode(p.header, rows, &f.Records); err != nil || len(f.Records) != len(rows) {
		f.Records = nil
		p.add(0, 0, "", "decode_failed")
		return f, p.problems
	}
	// gocsv decodes an empty cell into a pointer to zero: an empty people_needing
	// means no recorded need, not a need of 0.
	if i := slices.Index(p.header, "people_needing"); i >= 0 {
		for j, row := range rows {
			if row[i] == "" {
				f.Records[j].PeopleNeeding = nil
			}
		}
	}
	f.Lines = lines
	return f, p.problems
}

type parser struct {
	name     string
	rules    Rules
	header   []string
	problems []Problem
}

func (p *parser) add(line, col int, column, code string, args ...any) {
	p.problems = append(p.problems, problem(p.name, line, col, column, code, args...))
}

// group is what the rows of one support (village, programme, support type) share.
type group struct {
	firstLine int
	needing   *int64
	reached   int64
	over      bool // reached_gt_needing already reported
}

func (p *parser) rows(b []byte, year int) ([][]string, []int) {
	if len(bytes.TrimSpace(b)) == 0 {
		p.add(0, 0, "", "empty_file")
		return nil, nil
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		p.add(0, 0, "", "utf16")
		return nil, nil
	}
	if !utf8.Valid(b) {
		line, col := invalidUTF8At(b)
		p.add(line, col, "", "not_utf8")
		return nil, nil
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		p.csvError(err)
		return nil, nil
	}
	cols := p.checkHeader(r, header)
	if HasErrors(p.problems) {
		return nil, nil
	}
	var rows [][]string
	var lines []int
	seen := map[string]int{}
	groups := map[string]*group{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.csvError(err)
			return nil, nil
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			p.add(line, 1, "", "ragged_row", len(rec), len(header))
			continue
		}
		if blank(rec) {
			p.add(line, 1, "", "empty_row")
			continue
		}
		if p.checkRow(r, rec, cols, year, line, seen, groups) {
			rows = append(rows, rec)
			lines = append(lines, line)
		}
	}
	if len(rows) == 0 && !HasErrors(p.problems) {
		p.add(0, 0, "", "no_rows")
	}
	return rows, lines
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// checkHeader checks the column names, refusing personal-looking ones as the review
// reader does, and returns each position's contract column.
func (p *parser) checkHeader(r *csv.Reader, header []string) []Column {
	cols := make([]Column, len(header))
	hline, _ := r.FieldPos(0)
	if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
		p.add(hline, 1, "", "wrong_separator")
		return cols
	}
	raw := slices.Clone(header)
	known := 0
	for i := range header {
		header[i] = strings.TrimSpace(raw[i])
		if _, ok := ColumnByName(header[i]); ok {
			known++
		}
	}
	p.header = header
	seen := map[string]bool{}
	for i, name := range header {
		line, col := r.FieldPos(i)
		if review.LooksPersonal(name) {
			shown := shownName(name)
			if known == 0 {
				shown = "…"
			}
			p.add(line, col, "", "personal_column", shown)
			continue
		}
		c, ok := ColumnByName(name)
		if !ok {
			if known > 0 {
				p.add(line, col, "", "unknown_column", shownName(name))
			}
			continue
		}
		if seen[name] {
			p.add(line, col, "", "duplicate_column", name)
		}
		seen[name] = true
		cols[i] = c
	}
	if known == 0 {
		p.add(hline, 0, "", "no_header")
		return cols
	}
	for _, c := range Columns {
		if !seen[c.Name] {
			p.add(hline, 0, "", "missing_column", c.Name)
		}
	}
	return cols
}

func shownName(name string) string {
	if review.LooksLikeIdentifier(name) != "" {
		return "…"
	}
	return name
}

// checkRow checks one row's cells and the rules between rows. It reports whether the
// row is free of errors.
func (p *parser) checkRow(r *csv.Reader, rec []string, cols []Column, year, line int, seen map[string]int, groups map[string]*group) bool {
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

func (p *parser) csvError(err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		p.add(0, 0, "", "decode_failed")
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line == pe.StartLine:
		p.add(pe.Line, pe.Column, "", "stray_quote")
	case errors.Is(pe.Err, csv.ErrQuote):
		p.add(pe.StartLine, 0, "", "open_quote")
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.add(pe.Line, pe.Column, "", "bare_quote")
	default:
		p.add(pe.Line, pe.Column, "", "open_quote")
	}
}

func invalidUTF8At(b []byte) (int, int) {
	line, start := 1, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, i - start + 1
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return line, len(b) - start + 1
}

// decode maps checked rows onto Records with gocsv, the contract's single decoder.
func decode(header []string, rows [][]string, out *[]Record) error {
	all := make([][]string, 0, len(rows)+1)
	all = append(all, header)
	all = append(all, rows...)
	return gocsv.UnmarshalCSV(&sliceReader{rows: all}, out)
}

type sliceReader struct {
	rows [][]string
	i    int
}

func (s *sliceReader) Read() ([]string, error) {
	if s.i >= len(s.rows) {
		return nil, io.EOF
	}
	s.i++
	return s.rows[s.i-1], nil
}

func (s *sliceReader) ReadAll() ([][]string, error) {
	rest := s.rows[s.i:]
	s.i = len(s.rows)
	return rest, nil
}

// CSV encodes records as a support file, columns in contract order.
func CSV(recs []Record) ([]byte, error) {
	var b bytes.Buffer
	if err := gocsv.Marshal(recs, &b); err != nil {
		return nil, fmt.Errorf("support: %w", err)
	}
	return b.Bytes(), nil
}
