package csvfile

import (
	"bytes"
	"fmt"
	"os"

	"github.com/minhtien/portal/pipeline/problem"
)

// The bounds of the officers' CSV files, so that a damaged or hostile file is
// refused in bounded memory and time rather than read whole (a 2 GB file of zeros,
// made in an instant with truncate, is one line of 2 GB).
const (
	// MaxLineBytes is the longest line: a review row is about 100 bytes.
	MaxLineBytes = 1 << 20
	// MaxRecordBytes is the longest record, a quoted field's line ends included.
	MaxRecordBytes = 16 << 20
	// MaxWholeFileBytes is the largest file read into memory at once (support
	// files, small review files, decrypted files).
	MaxWholeFileBytes = 1 << 30
	// MaxStreamedFileBytes is the largest review file streamed: a country's year of
	// 27 million households is about 3 GB.
	MaxStreamedFileBytes = 64 << 30
)

// TooLarge returns the problem of a file over limit bytes, from its size on disk,
// without reading it; ok is false when the file is within the limit or cannot be
// stat'ed (opening it then says why).
func TooLarge(path string, limit int64) (problem.Problem, bool) {
	st, err := os.Stat(path)
	if err != nil || st.Size() <= limit {
		return problem.Problem{}, false
	}
	return problem.Problem{Code: "file_too_large", Args: []any{(st.Size() + 1<<20 - 1) >> 20, limit >> 20}}, true
}

// LongLine returns the 1-based number of the first line of b longer than
// MaxLineBytes (its end of line not counted).
func LongLine(b []byte) (int, bool) {
	line := 1
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			i = len(b)
		}
		if i > MaxLineBytes {
			return line, true
		}
		if i == len(b) {
			break
		}
		b = b[i+1:]
		line++
	}
	return 0, false
}

// LongLineProblem is the problem of a line over MaxLineBytes.
func LongLineProblem(line int) problem.Problem {
	return problem.Problem{Code: "line_too_long", Line: line, Args: []any{MaxLineBytes >> 10}}
}

// RecordError is returned by a reader that met a record over MaxRecordBytes (or a
// line over MaxLineBytes) before its end, at Line.
type RecordError struct {
	Line int
	Code string // "line_too_long" or "record_too_long"
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Code)
}

// Problem is the problem the error stands for.
func (e *RecordError) Problem() problem.Problem {
	if e.Code == "line_too_long" {
		return LongLineProblem(e.Line)
	}
	return problem.Problem{Code: e.Code, Line: e.Line, Args: []any{MaxRecordBytes >> 20}}
}
