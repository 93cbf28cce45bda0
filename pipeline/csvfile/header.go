package csvfile

import (
	"encoding/csv"
	"slices"
	"strings"

	"github.com/minhtien/portal/pipeline/problem"
)

// Contract is what a header is checked against.
type Contract struct {
	// Columns are the names a file must carry, in the order missing ones are reported.
	Columns []string
	// Personal reports whether a column name looks like it holds personal data.
	Personal func(name string) bool
	// Secret reports whether a name must not be echoed in a message: it looks like
	// an ID or phone number, as when a data row stands where the header should be.
	Secret func(name string) bool
}

// CheckHeader trims the spaces around the names of header, in place, and checks them
// against c: separator, spaces (a warning), personal-looking, unknown, duplicate and
// missing columns, or no contract name at all. r is the reader header came from, for
// the columns of its fields. Every problem goes to report, in order. It returns, for
// each position, the index of its column in c.Columns, or -1.
func CheckHeader(r *csv.Reader, header []string, c Contract, report func(problem.Problem)) []int {
	cols := make([]int, len(header))
	for i := range cols {
		cols[i] = -1
	}
	hline, _ := r.FieldPos(0)
	if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
		report(problem.Problem{Code: "wrong_separator", Line: hline, Col: 1})
		return cols
	}
	raw := slices.Clone(header)
	known := 0
	for i := range header {
		header[i] = strings.TrimSpace(raw[i])
		if slices.Contains(c.Columns, header[i]) {
			known++
		}
	}
	shown := func(name string) string {
		if c.Secret(name) {
			return "…"
		}
		return name
	}
	seen := map[string]bool{}
	for i, name := range header {
		line, col := r.FieldPos(i)
		if name != raw[i] && known > 0 {
			report(problem.Problem{Code: "header_spaces", Line: line, Col: col, Args: []any{shown(name)}, Severity: problem.SeverityWarning})
		}
		if c.Personal(name) {
			s := shown(name)
			if known == 0 {
				// Without a single contract name the line is probably data: an
				// "address" here may be a family's address.
				s = "…"
			}
			report(problem.Problem{Code: "personal_column", Line: line, Col: col, Args: []any{s}})
			continue
		}
		j := slices.Index(c.Columns, name)
		if j < 0 {
			if known > 0 {
				report(problem.Problem{Code: "unknown_column", Line: line, Col: col, Args: []any{shown(name)}})
			}
			continue
		}
		if seen[name] {
			report(problem.Problem{Code: "duplicate_column", Line: line, Col: col, Args: []any{name}})
		}
		seen[name] = true
		cols[i] = j
	}
	if known == 0 {
		// No name of the contract at all: the first line is data, not a header.
		report(problem.Problem{Code: "no_header", Line: hline})
		return cols
	}
	for _, name := range c.Columns {
		if !seen[name] {
			report(problem.Problem{Code: "missing_column", Line: hline, Args: []any{name}})
		}
	}
	return cols
}
