// Package csvfile reads the CSV files officers export and locates their syntax problems.
package csvfile

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

	"github.com/minhtien/portal/pipeline/problem"
)

// BOM is the byte-order mark Excel writes at the start of a "CSV UTF-8" file. Readers
// drop it before counting columns, as editors do not show it.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// The problems this package finds in a file's form (found before its contract's rules
// apply) carry a code of the readers' catalogues, a position (1-based; 0 when the
// whole file or line is meant) and the message's arguments, but neither a file name
// nor a catalogue: each reader words them with its own.

// Encoding returns the problem that keeps b, a whole file without its byte-order mark,
// from being read as CSV text: empty, UTF-16, not UTF-8 (at its first bad byte), or
// with a line over MaxLineBytes.
func Encoding(b []byte) (problem.Problem, bool) {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return problem.Problem{Code: "empty_file"}, true
	case UTF16(b):
		return problem.Problem{Code: "utf16"}, true
	case !utf8.Valid(b):
		line, col := InvalidUTF8At(b)
		return problem.Problem{Code: "not_utf8", Line: line, Col: col}, true
	}
	if line, long := LongLine(b); long {
		return LongLineProblem(line), true
	}
	return problem.Problem{}, false
}

// UTF16 reports whether b starts with a UTF-16 byte-order mark, as the "Unicode Text"
// files of Excel do.
func UTF16(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// InvalidUTF8At returns the 1-based line and byte column of the first invalid UTF-8
// byte of b.
func InvalidUTF8At(b []byte) (int, int) {
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

// YearFromName returns the year a file name declares: 2024.csv or 2024.csv.age.
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

// Decode maps checked rows onto records of type T with gocsv: the csv tags of T are
// the contract's single decoder. The rows were checked against the same contract, so
// an error here is a bug in the contract, not in the data.
func Decode[T any](header []string, rows [][]string) ([]T, error) {
	all := make([][]string, 0, len(rows)+1)
	all = append(all, header)
	all = append(all, rows...)
	var out []T
	if err := gocsv.UnmarshalCSV(&sliceReader{rows: all}, &out); err != nil {
		return nil, err
	}
	if len(out) != len(rows) {
		return nil, fmt.Errorf("csvfile: %d rows decoded into %d records", len(rows), len(out))
	}
	return out, nil
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

// Years reads the file at each path with open (os.ReadFile when nil) and parses it
// with parse, which returns the year the file holds, or false when it holds none.
// Officers keep one file a year: a second file for a year is handed to dup, with the
// path of the first, and left out. A file over MaxWholeFileBytes is handed to tooBig,
// unread, and left out. The files kept are returned in year order; a file
// that cannot be opened (a missing key, a damaged ciphertext) stops the reading.
func Years[F any](paths []string, open func(string) ([]byte, error),
	parse func(path string, b []byte) (F, int, bool), dup func(path string, year int, first string), tooBig func(path string, f problem.Problem)) ([]F, error) {
	if open == nil {
		open = os.ReadFile
	}
	type kept struct {
		f    F
		year int
	}
	var files []kept
	years := map[int]string{}
	for _, path := range paths {
		if f, big := TooLarge(path, MaxWholeFileBytes); big {
			tooBig(path, f)
			continue
		}
		b, err := open(path)
		if err != nil {
			return nil, err
		}
		f, year, ok := parse(path, b)
		if !ok {
			continue
		}
		if first, seen := years[year]; seen {
			dup(path, year, first)
			continue
		}
		years[year] = path
		files = append(files, kept{f, year})
	}
	slices.SortFunc(files, func(a, b kept) int { return cmp.Compare(a.year, b.year) })
	var out []F
	for _, k := range files {
		out = append(out, k.f)
	}
	return out, nil
}
