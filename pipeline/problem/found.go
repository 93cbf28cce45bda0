package problem

import "maps"

// Severity says whether a problem stops the build.
type Severity int

// Severities: an error refuses the file; a warning is reported to the officer only.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Catalogue maps a problem's code to its message in both languages. Each package that
// reads an officer's files keeps one; codes are stable, as tests and the officers'
// guide refer to them.
type Catalogue map[string]Text

// Extend returns a new catalogue holding c's messages, with more's added or worded
// differently; c is left as it was.
func (c Catalogue) Extend(more Catalogue) Catalogue {
	out := maps.Clone(c)
	if out == nil {
		out = Catalogue{}
	}
	maps.Copy(out, more)
	return out
}

// Problem is one thing wrong with an officer's file, located by file, line and
// column. It never holds a cell's value when that value could be personal data:
// Args and HintArgs only carry column names, counts, limits and codes.
type Problem struct {
	File     string
	Line     int    // 1-based; 0 for the whole file
	Col      int    // 1-based; 0 when no column applies
	Column   string // a CSV column's name, when the problem is in one
	Key      string // a setting's key in a TOML file, when the problem is in one
	Village  string // for warnings counted per village
	Code     string // key in Catalogue
	Args     []any  // for the message
	HintArgs []any  // for the hint
	Severity Severity
	// Catalogue words the problem; the package that found it sets it.
	Catalogue Catalogue
}

// Message renders the problem in lang ("vi" or "en") as file:line:col: message (hint: ...).
// A code missing from the catalogue is shown as it is, so no problem is ever lost.
func (p Problem) Message(lang string) string {
	t, ok := p.Catalogue[p.Code]
	if !ok {
		t = Text{VI: p.Code, EN: p.Code}
	}
	at := At{File: p.File, Line: p.Line, Col: p.Col, Column: p.Column, Key: p.Key}
	return Render(at, p.Severity == SeverityWarning, t, p.Args, p.HintArgs, lang)
}

// Error lets a Problem be used as an error; it speaks English.
func (p Problem) Error() string { return p.Message("en") }

// Errors returns the problems of ps that refuse a file, in order.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == SeverityError {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem of ps refuses its file.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}
