package review

import (
	"strings"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/standard"
)

// Rules are what a review file is checked against besides its own contract.
type Rules struct {
	CommuneCode string
	// Communes, when not nil, is the set of commune codes a file may hold (a district,
	// province or national dataset); it replaces the CommuneCode check.
	Communes map[string]bool
	Villages map[string]bool
	// StandardFor returns the poverty standard in force for a review year: it says
	// which deprivation columns the year's file must have, and the recorded statuses
	// are compared with its classification. A year without one is refused.
	StandardFor func(year int) (*standard.Standard, bool)
}

// contractFor returns the contract of a year's file, or reports that no standard
// applies to the year.
func (p *parser) contractFor(year int) bool {
	var s *standard.Standard
	ok := false
	if p.rules.StandardFor != nil {
		s, ok = p.rules.StandardFor(year)
	}
	if !ok || s == nil {
		p.add(0, 0, "", "no_standard", year)
		return false
	}
	p.contract, p.year = ContractFor(s), year
	return true
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
func Parse(name string, b []byte, rules Rules) (*File, []problem.Problem) {
	p := &parser{name: name, rules: rules}
	if year, ok := YearFromName(name); ok && !p.contractFor(year) {
		return nil, p.problems
	}
	var contract csvfile.Contract
	if p.contract != nil {
		contract = p.contract.header
	}
	r := &csvfile.Reader{Contract: contract, Report: p.fault, Failed: func() bool { return problem.HasErrors(p.problems) }}
	var deps []int // the header position of each of the standard's indicators
	t, ok := csvfile.Read[Record](r, name, b, func(year int, header []string, idx []int) func([]string, int) bool {
		p.header = header
		cols := csvfile.Pick(p.contract.Columns, idx)
		deps = p.contract.positions(idx)
		seen := make(map[string]int)
		col := func(i int) int { _, c := r.FieldPos(i); return c }
		return func(rec []string, line int) bool {
			_, ok := p.checkRow(rec, col, cols, line, seen)
			return ok
		}
	})
	if !ok {
		return nil, p.problems
	}
	for i := range t.Records {
		// gocsv decodes the fixed columns; the standard's are read here, from the
		// rows the checks passed.
		t.Records[i].Dep = make([]uint8, len(deps))
		for j, at := range deps {
			t.Records[i].Dep[j] = t.Rows[i][at][0] - '0'
		}
	}
	return &File{Path: name, Year: t.Year, Records: t.Records, Lines: t.Lines}, p.problems
}

type parser struct {
	name     string
	rules    Rules
	data     []byte // the text the streaming reader parses, without its byte-order mark
	header   []string
	problems []problem.Problem
	contract *Contract // of the file's year; nil before it is known
	year     int
}

func (p *parser) add(line, col int, column, code string, args ...any) {
	p.problems = append(p.problems, problem.Problem{Catalogue: Messages, File: p.name, Line: line, Col: col, Column: column, Code: code, Args: args})
}

func (p *parser) warn(line, col int, column, village, code string, args ...any) {
	p.problems = append(p.problems, problem.Problem{Catalogue: Messages, File: p.name, Line: line, Col: col, Column: column, Village: village, Code: code, Args: args, Severity: problem.SeverityWarning})
}

// fault records a problem of the file's form.
func (p *parser) fault(f problem.Problem) {
	// A deprivation column the standard does not have, or lacks, is named with the
	// standard and the year: the file was probably made for another standard.
	if name, ok := deprivationArg(f); ok && p.contract != nil {
		f.Code = map[string]string{"unknown_column": "unknown_indicator", "missing_column": "missing_indicator"}[f.Code]
		f.Args = []any{name, p.contract.Standard.ID, p.year}
	}
	if f.Severity == problem.SeverityWarning {
		p.warn(f.Line, f.Col, "", "", f.Code, f.Args...)
		return
	}
	p.add(f.Line, f.Col, "", f.Code, f.Args...)
}

// csvError reports the CSV syntax error err met while reading p.data.
func (p *parser) csvError(err error) {
	p.fault(csvfile.Syntax(p.data, err))
}

// deprivationArg returns the column an unknown or missing column problem names, when it
// is shaped like a deprivation column.
func deprivationArg(f problem.Problem) (string, bool) {
	if f.Code != "unknown_column" && f.Code != "missing_column" || len(f.Args) != 1 {
		return "", false
	}
	name, ok := f.Args[0].(string)
	return name, ok && strings.HasPrefix(name, "d_")
}
