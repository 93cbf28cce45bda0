package csvfile

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// fuzzRecord is a small contract's record: a year, a code and a count.
type fuzzRecord struct {
	Year int    `csv:"year"`
	Code string `csv:"code"`
	N    int    `csv:"n"`
}

var longDigits = regexp.MustCompile(`[0-9]{9,}`)

var fuzzContract = Contract{
	Columns: []string{"year", "code", "n"},
	Personal: func(name string) bool {
		return strings.Contains(strings.ToLower(name), "phone") || strings.Contains(name, "tên")
	},
	Secret: func(name string) bool { return longDigits.MatchString(name) },
}

// codes are the problems of a file's form that csvfile reports.
var codes = []string{"empty_file", "utf16", "not_utf8", "line_too_long", "record_too_long", "file_too_large",
	"stray_quote", "open_quote", "bare_quote", "decode_failed", "wrong_separator", "header_spaces",
	"personal_column", "unknown_column", "duplicate_column", "no_header", "missing_column",
	"ragged_row", "empty_row", "no_rows", "bad_file_name"}

// FuzzRead reads arbitrary bytes as 2024.csv against a three-column contract, with
// quote problems placed both ways. Read must never panic; every problem is one of
// csvfile's codes, located inside the file, carries no file name or wording (the
// readers add theirs), and quotes nothing but the contract's and the header's names,
// never a secret-looking one nor a cell of a row; the rows kept have the header's
// width and come in line order.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"year,code,n\n2024,A1,3\n2024,B2,4\n",
		"\ufeffyear,code,n\r\n2024,A1,3\r\n",
		"year,code,n\n",
		"",
		" \n\n",
		"year;code;n\n2024;A1;3\n",
		"year, code ,n\n2024,A1,3\n",
		"year,code,n,so_phone\n2024,A1,3,0912345678\n",
		"year,code,n,0912345678\n2024,A1,3,4\n",
		"079123456789,Nguyễn Văn An,0912345678\n2024,A1,3\n",
		"year,code,n\n2024,\"A\"1,3\n",
		"year,code,n\n2024,A\"1,3\n",
		"year,code,n\n2024,\"A1,3\n2024,B2,4\n",
		"year,code,n\n2024,A1\n,,\n",
		"year,code,code\n2024,A1,A2\n",
		"year,n\n2024,3\n",
		"year,code,n\n2024,\"multi\nline\",3\n",
		"year,code,n\n2024,A1,notanumber\n",
		"\xff\xfey\x00",
		"year,code,n\n2024,\xc3(,3\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, b []byte, quoteAtRecord bool) {
		var ps []problem.Problem
		failed := func() bool { return problem.HasErrors(ps) }
		r := &Reader{Contract: fuzzContract, Report: func(p problem.Problem) { ps = append(ps, p) }, Failed: failed, QuoteAtRecord: quoteAtRecord}
		tb, _ := Read[fuzzRecord](r, "2024.csv", b, func(int, []string, []int) func([]string, int) bool {
			return func([]string, int) bool { return true }
		})
		lines := bytes.Count(b, []byte{'\n'}) + 1
		names := headerNames(b)
		for _, p := range ps {
			if !slices.Contains(codes, p.Code) {
				t.Fatalf("unknown code %q", p.Code)
			}
			if p.File != "" || p.Catalogue != nil || p.Line < 0 || p.Line > lines || p.Col < 0 || p.Col > 0 && p.Line == 0 {
				t.Fatalf("%s badly located: %+v", p.Code, p)
			}
			for _, a := range p.Args {
				s, ok := a.(string)
				if !ok {
					continue
				}
				if s != "…" && !slices.Contains(fuzzContract.Columns, s) && !names[s] || s != "…" && fuzzContract.Secret(s) {
					t.Fatalf("%s quotes %q, which is not a name it may show", p.Code, s)
				}
			}
		}
		if failed() || tb == nil || tb.Records == nil {
			return
		}
		if len(tb.Records) != len(tb.Rows) || len(tb.Rows) != len(tb.Lines) {
			t.Fatalf("%d records, %d rows, %d lines", len(tb.Records), len(tb.Rows), len(tb.Lines))
		}
		for i, row := range tb.Rows {
			if len(row) != len(tb.Header) || i > 0 && tb.Lines[i] <= tb.Lines[i-1] || tb.Lines[i] < 2 || tb.Lines[i] > lines {
				t.Fatalf("row %d (line %d) kept out of shape: %q", i, tb.Lines[i], row)
			}
		}
	})
}

// headerNames returns the names of b's first record, as written and trimmed: the
// only text of a file its problems may quote.
func headerNames(b []byte) map[string]bool {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, BOM)))
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	out := map[string]bool{}
	if err != nil {
		return out
	}
	for _, v := range rec {
		out[v], out[strings.TrimSpace(v)] = true, true
	}
	return out
}
