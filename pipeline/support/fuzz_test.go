package support

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

// codeColumns are the support columns whose refused value a message may quote: their
// values are codes of the contract or of portal.toml, never a person's.
var codeColumns = map[string]bool{"village_code": true, "programme": true, "support_type": true, "funding_source": true}

// FuzzParse feeds arbitrary bytes to Parse as a support file named 2024.csv. Parse
// must never panic; every problem is located inside the file and renders in both
// languages; a refused cell's value is quoted only from a code column and only when
// it has the shape of a code; an accepted file's records keep the contract.
func FuzzParse(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*", "*.csv"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	header := "year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd\n"
	for _, row := range []string{
		"2024,T01,4.3,job_matching,central,1,2,,0912345678",                                    // a phone number as an amount
		"2024,079123456789,4.3,job_matching,central,1,2,,1",                                    // a citizen ID as a village
		"2024,T01,Nguyễn Văn An,job_matching,central,1,2,,1",                                   // a name as a programme
		"2024,T01,4.3,\"job,matching\",central,1,2,,1",                                         // a quoted comma
		"2024,T01,4.3,job_matching,central,1,2,,\"12\n34\"",                                    // a record over two lines
		"2024,T01,4.3,job_matching,central,-1,2,,1",                                            // a negative count
		"2024,T01,4.3,job_matching,central,1,2,,99999999999999999999",                          // over int64
		"2024,T01,4.3,job_matching,central,1,2,, 5",                                            // spaces
		"2024,T01,4.3,job_matching,central,1,2,,=HYPERLINK(\"x\")",                             // a formula
		"2024,T01,4.3,job_matching,central,1,2,3,1\n2024,T01,4.3,job_matching,central,1,2,3,1", // a duplicate row
	} {
		f.Add([]byte(header + row + "\n"))
	}
	f.Add([]byte("\ufeff" + header + "2024,T01,4.3,job_matching,central,1,2,,1\r\n"))
	f.Add([]byte("year;village_code;programme\n2024;T01;4.3\n"))
	f.Add([]byte("\xff\xfey\x00e\x00"))
	f.Add([]byte(header + "\"2024,T01"))

	// The lists of a column's allowed values are the contract's words, not the file's.
	lists := map[string]bool{}
	for _, c := range Columns {
		lists[strings.Join(c.Values, ", ")] = true
	}
	rules := testRules()
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ps := Parse("2024.csv", b, rules)
		lines := bytes.Count(b, []byte{'\n'}) + 1
		cells := cellsAt(b)
		for _, p := range ps {
			checkLocated(t, p, lines)
			if cell, ok := cells[[2]int{p.Line, p.Col}]; ok && cell != "" && p.Column != "" {
				for _, a := range append(append([]any{}, p.Args...), p.HintArgs...) {
					s, isText := a.(string)
					if !isText || lists[s] || !strings.Contains(s, cell) {
						continue
					}
					if !codeColumns[p.Column] || !codeLike.MatchString(s) || review.LooksLikeIdentifier(s) != "" {
						t.Fatalf("%s quotes the refused cell %q of column %s: %s", p.Code, cell, p.Column, p.Message("en"))
					}
				}
			}
		}
		if problem.HasErrors(ps) {
			if got != nil && len(got.Records) > 0 {
				t.Fatalf("records returned with errors: %v", ps)
			}
			return
		}
		if got == nil || got.Year != 2024 || len(got.Records) == 0 || len(got.Records) != len(got.Lines) {
			t.Fatalf("accepted file is incomplete: %+v", got)
		}
		for i, r := range got.Records {
			if r.Year != 2024 || !rules.Villages[r.VillageCode] || !rules.Programmes[r.Programme] {
				t.Fatalf("record %d is outside the rules: %+v", i, r)
			}
			if r.HouseholdsReached < 0 || r.PeopleReached < r.HouseholdsReached || r.AmountVND < 0 ||
				r.PeopleNeeding != nil && *r.PeopleNeeding < 0 {
				t.Fatalf("record %d breaks the contract: %+v", i, r)
			}
		}
	})
}

// checkLocated fails unless p names the file, lies within its lines and renders in
// both languages with its position first and without a formatting error.
func checkLocated(t *testing.T, p problem.Problem, lines int) {
	t.Helper()
	if p.File != "2024.csv" || p.Line < 0 || p.Line > lines || p.Col < 0 || p.Col > 0 && p.Line == 0 {
		t.Fatalf("%s badly located: %+v", p.Code, p)
	}
	if _, ok := messages[p.Code]; !ok {
		t.Fatalf("code %s has no message", p.Code)
	}
	for _, lang := range []string{"en", "vi"} {
		m := p.Message(lang)
		if !strings.HasPrefix(m, "2024.csv") || strings.Contains(m, "%!") {
			t.Fatalf("badly rendered: %s", m)
		}
	}
	// The contract's limits (an amount up to 10^11 đồng) are written in full; a text
	// argument is the file's and must never look like an ID or phone number.
	for _, a := range append(append([]any{}, p.Args...), p.HintArgs...) {
		if s, ok := a.(string); ok && review.LooksLikeIdentifier(s) != "" {
			t.Fatalf("message carries an identifier: %q", p.Message("en"))
		}
	}
}

// cellsAt maps the 1-based line and byte column of each field of b (without its
// byte-order mark), as encoding/csv reads them up to its first error, to its text.
func cellsAt(b []byte) map[[2]int]string {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, csvfile.BOM)))
	r.FieldsPerRecord = -1
	out := map[[2]int]string{}
	for {
		rec, err := r.Read()
		if err != nil {
			return out
		}
		for i, v := range rec {
			l, c := r.FieldPos(i)
			out[[2]int{l, c}] = v
		}
	}
}
