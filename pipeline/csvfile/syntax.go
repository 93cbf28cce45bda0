package csvfile

import (
	"bytes"
	"encoding/csv"
	"errors"

	"github.com/minhtien/portal/pipeline/problem"
)

// Syntax returns the problem err stands for, an error of a csv.Reader reading data.
//
// With data, an unclosed quote is located where it opened, however many lines it
// swallowed, and a quote error is a stray quote only when the quoted field closed on
// the line where the error is. Without data (nil), only the line its record starts
// on is known: the problem is placed there, without a column, and a quote error on
// that first line is taken for a stray quote.
func Syntax(data []byte, err error) problem.Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return problem.Problem{Code: "decode_failed"}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && data == nil:
		if pe.Line == pe.StartLine {
			return problem.Problem{Code: "stray_quote", Line: pe.Line, Col: pe.Column}
		}
		return problem.Problem{Code: "open_quote", Line: pe.StartLine}
	case errors.Is(pe.Err, csv.ErrQuote):
		line, col, eof := quoteOpenedAt(data, pe.StartLine)
		if !eof && line == pe.Line {
			// "abc"x on one line: text after the closing quote, or an undoubled quote.
			return problem.Problem{Code: "stray_quote", Line: pe.Line, Col: pe.Column}
		}
		// The quote opened on line ran on to the end of the file, or swallowed the
		// following lines until another quote: it was left open where it opened.
		return problem.Problem{Code: "open_quote", Line: line, Col: col}
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return problem.Problem{Code: "bare_quote", Line: pe.Line, Col: pe.Column}
	default:
		return problem.Problem{Code: "open_quote", Line: pe.Line, Col: pe.Column}
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
