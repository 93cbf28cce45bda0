package review

import (
	"github.com/minhtien/portal/pipeline/csvfile"
)

// Rules are what a review file is checked against besides its own contract.
type Rules struct {
	CommuneCode string
	// Communes, when not nil, is the set of commune codes a file may hold (a district,
	// province or national dataset); it replaces the CommuneCode check.
	Communes map[string]bool
	Villages map[string]bool
	// Classify returns the status the poverty standard gives a household in a year,
	// or an error when no standard applies. Nil skips the status check. Stream calls
	// it from several goroutines at once: it must be safe for concurrent use.
	Classify func(year int, r *Record) (string, error)
}

// File is one parsed review file: its records and the line each came from.
type File struct {
	Path    string
	Year    int
	Records []Record
	Lines   []int
}

// bom is the byte-order mark the readers drop.
var bom = csvfile.BOM

// YearFromName returns the review year a file name declares: 2024.csv or 2024.csv.age.
func YearFromName(path string) (int, bool) { return csvfile.YearFromName(path) }

// Parse checks the text of one review file and decodes its valid rows. name is the
// path shown in messages. It returns every problem found, errors and warnings; the
// file may be used only when none of them is an error.
//
// Lines are counted from 1 and columns in bytes from 1, as encoding/csv counts them;
// a leading byte-order mark is not counted, as editors do not show it.
func Parse(name string, b []byte, rules Rules) (*File, []Problem) {
	p := &parser{name: name, rules: rules}
	r := &csvfile.Reader{Contract: contract, Report: p.fault, Failed: func() bool { return hasErrors(p.problems) }}
	t, ok := csvfile.Read[Record](r, name, b, func(year int, header []string, idx []int) func([]string, int) bool {
		p.header = header
		cols := csvfile.Pick(Columns, idx)
		seen := make(map[string]int)
		return func(rec []string, line int) bool { return p.checkRow(r, rec, cols, year, line, seen) }
	})
	if !ok {
		return nil, p.problems
	}
	return &File{Path: name, Year: t.Year, Records: t.Records, Lines: t.Lines}, p.problems
}

func hasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

type parser struct {
	name       string
	rules      Rules
	data       []byte // the text the streaming reader parses, without its byte-order mark
	header     []string
	problems   []Problem
	noStandard bool // no_standard was reported: once per file is enough
}

func (p *parser) add(line, col int, column, code string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.name, Line: line, Col: col, Column: column, Code: code, Args: args})
}

func (p *parser) warn(line, col int, column, village, code string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.name, Line: line, Col: col, Column: column, Village: village, Code: code, Args: args, Severity: SeverityWarning})
}

// fault records a problem of the file's form.
func (p *parser) fault(f csvfile.Fault) {
	if f.Warning {
		p.warn(f.Line, f.Col, "", "", f.Code, f.Args...)
		return
	}
	p.add(f.Line, f.Col, "", f.Code, f.Args...)
}

// csvError reports the CSV syntax error err met while reading p.data.
func (p *parser) csvError(err error) {
	p.fault(csvfile.Syntax(p.data, err))
}
