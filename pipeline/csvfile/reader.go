package csvfile

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/minhtien/portal/pipeline/problem"
)

// Reader reads the records of one file against a contract, reporting the problems of
// their form: encoding, CSV syntax, header, rows of the wrong width or without a
// value, and a header followed by no row.
type Reader struct {
	Contract Contract
	// Report receives every problem of the file's form, in the order it is met in the file.
	Report func(problem.Problem)
	// Failed reports whether an error, not a warning, has been recorded so far: by
	// Report or by the contract's own checks of the rows, which Reader does not see.
	Failed func() bool
	// QuoteAtRecord places quote problems as Syntax does without the text: on the line
	// their record starts.
	QuoteAtRecord bool

	csv   *csv.Reader
	data  []byte
	width int
}

// Open checks the encoding of b, a whole file, then reads its header and checks it
// against r.Contract with CheckHeader. It returns the trimmed names and the index of
// each one's column in Contract.Columns (-1 for none), and false when the rows are not
// to be read. A leading byte-order mark is dropped: lines and columns are counted
// without it.
func (r *Reader) Open(b []byte) ([]string, []int, bool) {
	b = bytes.TrimPrefix(b, BOM)
	if f, bad := Encoding(b); bad {
		r.Report(f)
		return nil, nil, false
	}
	r.data = b
	r.csv = csv.NewReader(bytes.NewReader(b))
	// A row of the wrong width is reported by Rows, with its line, rather than ending
	// the reading.
	r.csv.FieldsPerRecord = -1
	header, err := r.csv.Read()
	if err != nil {
		r.syntax(err)
		return nil, nil, false
	}
	r.width = len(header)
	cols := CheckHeader(r.csv, header, r.Contract, r.Report)
	return header, cols, !r.Failed()
}

// Rows hands keep each row after the header that has as many fields as the header and
// holds a value, with the line it starts on, and reports the others. keep checks the
// row against the contract, reports its problems, and says whether the row is free of
// errors. Rows returns the rows kept and their lines. It stops at a syntax error,
// after which the rows are not to be used.
func (r *Reader) Rows(keep func(rec []string, line int) bool) ([][]string, []int) {
	var rows [][]string
	var lines []int
	for {
		rec, err := r.csv.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.syntax(err)
			return nil, nil
		}
		line, _ := r.csv.FieldPos(0)
		switch {
		case len(rec) != r.width:
			r.Report(problem.Problem{Code: "ragged_row", Line: line, Col: 1, Args: []any{len(rec), r.width}})
		case blank(rec):
			r.Report(problem.Problem{Code: "empty_row", Line: line, Col: 1})
		case keep(rec, line):
			rows = append(rows, rec)
			lines = append(lines, line)
		}
	}
	if len(rows) == 0 && !r.Failed() {
		r.Report(problem.Problem{Code: "no_rows"})
	}
	return rows, lines
}

// FieldPos returns the line and byte column where field i of the row handed to keep
// starts.
func (r *Reader) FieldPos(i int) (line, col int) { return r.csv.FieldPos(i) }

func (r *Reader) syntax(err error) {
	data := r.data
	if r.QuoteAtRecord {
		data = nil
	}
	r.Report(Syntax(data, err))
}

// blank reports whether every cell of a row is empty, as in the ",,,," rows a
// spreadsheet writes for formatted but empty lines.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// Pick returns the element of all at each index of idx, and the zero T at -1: the
// contract's columns of a header's positions.
func Pick[T any](all []T, idx []int) []T {
	out := make([]T, len(idx))
	for i, j := range idx {
		if j >= 0 {
			out[i] = all[j]
		}
	}
	return out
}

// Table is one year's file as Read returns it.
type Table[T any] struct {
	Year    int
	Header  []string   // the names of the columns, trimmed
	Rows    [][]string // the rows kept, as text
	Records []T        // the rows kept, decoded; nil when an error was recorded
	Lines   []int      // the line each record starts on; nil with Records
}

// Read reads the text b of the file name, one year's file, with r. The year comes
// from the name (YearFromName); a name that declares none is reported and false
// returned. Once the header is read, start is given the year, the header and the
// contract column of each of its positions (see CheckHeader) and returns the check
// Rows hands each row to. When no error was recorded, by then, the rows kept are
// decoded as T.
func Read[T any](r *Reader, name string, b []byte, start func(year int, header []string, cols []int) func(rec []string, line int) bool) (*Table[T], bool) {
	year, ok := YearFromName(name)
	if !ok {
		r.Report(problem.Problem{Code: "bad_file_name"})
		return nil, false
	}
	t := &Table[T]{Year: year}
	header, cols, ok := r.Open(b)
	t.Header = header
	if !ok {
		return t, true
	}
	t.Rows, t.Lines = r.Rows(start(year, header, cols))
	if r.Failed() {
		t.Lines = nil
		return t, true
	}
	recs, err := Decode[T](header, t.Rows)
	if err != nil {
		r.Report(problem.Problem{Code: "decode_failed"})
		t.Lines = nil
		return t, true
	}
	t.Records = recs
	return t, true
}
