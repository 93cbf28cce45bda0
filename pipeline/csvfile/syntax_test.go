package csvfile

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

func TestQuoteOpenedAt(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		start     int
		line, col int
		eof       bool
	}{
		{"at eof", "a,b\nc,\"d,e\n", 2, 2, 3, true},
		{"second quoted field", "\"a\",\"b\nc\n", 1, 1, 5, true},
		{"stray text", "\"ab\"c,d\n", 1, 1, 1, false},
		{"escaped quotes", "x,\"a\"\"b\n", 1, 1, 3, true},
		{"start beyond the end", "a\n", 5, 5, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line, col, eof := quoteOpenedAt([]byte(c.in), c.start)
			if line != c.line || col != c.col || eof != c.eof {
				t.Errorf("got %d:%d eof=%v, want %d:%d eof=%v", line, col, eof, c.line, c.col, c.eof)
			}
		})
	}
}

// TestSyntaxWithoutText: without the text, a quote left open is placed on the line
// its record starts, and a quote error on that line is a stray quote.
func TestSyntaxWithoutText(t *testing.T) {
	cases := []struct {
		name, in      string
		withText, not problem.Problem
	}{
		{"open across lines", "a,b\nc,\"d\ne,f\n", problem.Problem{Code: "open_quote", Line: 2, Col: 3}, problem.Problem{Code: "open_quote", Line: 2}},
		// encoding/csv places it at the closing quote.
		{"text after the quote", "a,b\n\"c\"x,d\n", problem.Problem{Code: "stray_quote", Line: 2, Col: 3}, problem.Problem{Code: "stray_quote", Line: 2, Col: 3}},
		{"bare quote", "a,b\nc\"d,e\n", problem.Problem{Code: "bare_quote", Line: 2, Col: 2}, problem.Problem{Code: "bare_quote", Line: 2, Col: 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := csv.NewReader(strings.NewReader(c.in))
			var err error
			for err == nil {
				_, err = r.Read()
			}
			if got := Syntax([]byte(c.in), err); got.Code != c.withText.Code || got.Line != c.withText.Line || got.Col != c.withText.Col {
				t.Errorf("with the text: %+v, want %+v", got, c.withText)
			}
			if got := Syntax(nil, err); got.Code != c.not.Code || got.Line != c.not.Line || got.Col != c.not.Col {
				t.Errorf("without: %+v, want %+v", got, c.not)
			}
		})
	}
}
