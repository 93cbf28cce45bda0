package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
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

var bom = []byte{0xEF, 0xBB, 0xBF}

// YearFromName returns the review year a file name declares: 2024.csv or 2024.csv.age.
func YearFromName(path string) (int, bool) {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, ".age")
	stem, ok := strings.CutSuffix(base, ".csv")
	if !ok || len(stem) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(stem)
	if err != nil || y < 2000 || y > 2100 {
		return 0, false
	}
	return y, true
}

// Parse checks the text of one review file and decodes its valid rows. name is the
// path shown in messages. It returns every problem found, errors and warnings; the
// file may be used only when none of them is an error.
//
// Lines are counted from 1 and columns in bytes from 1, as encoding/csv counts them;
// a leading byte-order mark is not counted, as editors do not show it.
func Parse(name string, b []byte, rules Rules) (*File, []Problem) {
	p := &parser{name: name, rules: rules}
	year, ok := YearFromName(name)
	if !ok {
		p.add(0, 0, "", "bad_file_name")
		return nil, p.problems
	}
	f := &File{Path: name, Year: year}
	rows, lines := p.rows(bytes.TrimPrefix(b, bom), year)
	if hasErrors(p.problems) {
		return f, p.problems
	}
	if err := decode(p.header, rows, &f.Records); err != nil || len(f.Records) != len(rows) {
		// The rows were checked against the same contract gocsv decodes, so this is a
		// bug in the contract, not in the data.
		f.Records = nil
		p.add(0, 0, "", "decode_failed")
		return f, p.problems
	}
	f.Lines = lines
	return f, p.problems
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
	data       []byte // the text being parsed, without its byte-order mark
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

// rows reads and checks every row, returning those without problems with their lines.
func (p *parser) rows(b []byte, year int) ([][]string, []int) {
	p.data = b
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
	if hasErrors(p.problems) {
		return nil, nil
	}
	var rows [][]string
	var lines []int
	seen := make(map[string]int)
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
		if p.checkRow(r, rec, cols, year, line, seen) {
			rows = append(rows, rec)
			lines = append(lines, line)
		}
	}
	if len(rows) == 0 && !hasErrors(p.problems) {
		p.add(0, 0, "", "no_rows")
	}
	return rows, lines
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

func (p *parser) csvError(err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		p.add(0, 0, "", "decode_failed")
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		line, col, eof := quoteOpenedAt(p.data, pe.StartLine)
		if !eof && line == pe.Line {
			// "abc"x on one line: text after the closing quote, or an undoubled quote.
			p.add(pe.Line, pe.Column, "", "stray_quote")
			return
		}
		// The quote opened on line ran on to the end of the file, or swallowed the
		// following lines until another quote: it was left open where it opened.
		p.add(line, col, "", "open_quote")
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.add(pe.Line, pe.Column, "", "bare_quote")
	default:
		p.add(pe.Line, pe.Column, "", "open_quote")
	}
}

// quoteOpenedAt finds, in the record that starts on startLine, the opening quote of
// the quoted field encoding/csv could not close. It returns its line and byte column,
// and whether the field ran to the end of the file.
func quoteOpenedAt(b []byte, startLine int) (line, col int, eof bool) {
	off := 0
	line = 1
	for line < startLine {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return startLine, 1, true
		}
		off += j + 1
		line++
	}
	lineStart := off
	openLine, openCol := startLine, 1
	fieldStart := true
	for off < len(b) {
		c := b[off]
		switch {
		case fieldStart && c == '"':
			openLine, openCol = line, off-lineStart+1
			off++
			closed := false
			for off < len(b) && !closed {
				switch b[off] {
				case '\n':
					line++
					lineStart = off + 1
					off++
				case '"':
					if off+1 < len(b) && b[off+1] == '"' {
						off += 2
						continue
					}
					off++
					closed = true
				default:
					off++
				}
			}
			if !closed || off >= len(b) {
				return openLine, openCol, !closed
			}
			if b[off] != ',' {
				// Text after the closing quote, or the end of the record.
				return openLine, openCol, false
			}
			off++
			fieldStart = true
		case c == ',':
			off++
			fieldStart = true
		case c == '\n':
			return openLine, openCol, false
		default:
			off++
			fieldStart = false
		}
	}
	return openLine, openCol, true
}

// invalidUTF8At returns the 1-based line and byte column of the first invalid UTF-8 byte.
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

// sliceReader feeds already-read rows to gocsv.
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
