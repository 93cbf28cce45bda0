package review

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

var update = flag.Bool("update", false, "rewrite testdata/messages.golden")

// testRules are the rules of the sample commune: Minh Tiến, villages T01-T09.
func testRules() Rules {
	v := map[string]bool{}
	for i := 1; i <= 9; i++ {
		v[fmt.Sprintf("T%02d", i)] = true
	}
	return Rules{CommuneCode: "12424", Villages: v, StandardFor: standardFor}
}

// want is one expected problem. col < 0 means "the column where field named by
// field starts on that line", computed from the fixture itself.
type want struct {
	code   string
	line   int
	col    int
	column string // Problem.Column
	field  string // header name whose position gives col, when col < 0
}

// at expects code at the start of the cell of column name on line.
func at(code string, line int, name string) want {
	return want{code: code, line: line, col: -1, column: name, field: name}
}

// hdr expects code on the header cell of column name.
func hdr(code string, name string) want {
	return want{code: code, line: 1, col: -1, field: name}
}

// fixtures are the named inputs under testdata/reviews/<name>/2024.csv with the exact
// problems each must yield, errors and warnings, in order.
var fixtures = []struct {
	name string
	want []want
}{
	// Accepted.
	{"valid", nil},
	{"utf8-bom", nil},
	{"crlf", nil},
	{"columns-in-any-order", nil},
	{"header-with-spaces", []want{
		{code: "header_spaces", line: 1, col: 1},
		{code: "header_spaces", line: 1, col: -1, field: "members "},
		{code: "header_spaces", line: 1, col: -1, field: " members_insured "},
	}},

	// Refused: the header.
	{"missing-column", []want{{code: "missing_column", line: 1}}},
	{"unknown-column", []want{hdr("unknown_column", "ghi_chu")}},
	{"personal-column", []want{hdr("personal_column", "Họ tên")}},
	{"duplicate-column", []want{{code: "duplicate_column", line: 1, col: 378}}},
	{"wrong-separator", []want{{code: "wrong_separator", line: 1, col: 1}}},
	{"no-header", []want{{code: "no_header", line: 1}}},

	// Refused: values.
	{"id-looks-like-citizen-id", []want{at("looks_like_id", 3, "household_id"), at("looks_like_id", 4, "household_id")}},
	{"id-looks-like-phone", []want{at("looks_like_phone", 2, "household_id"), at("looks_like_phone", 3, "household_id"), at("looks_like_phone", 4, "household_id")}},
	{"duplicate-household", []want{at("duplicate_household", 4, "household_id")}},
	{"year-mismatch", []want{at("year_mismatch", 2, "year"), at("year_mismatch", 3, "year"), at("year_mismatch", 4, "year")}},
	{"undeclared-village", []want{at("undeclared_village", 3, "village_code")}},
	{"bad-village-code", []want{at("bad_village_code", 3, "village_code")}},
	{"wrong-commune", []want{at("wrong_commune", 2, "commune_code")}},
	{"flag-not-binary", []want{at("not_flag", 3, "d_water")}},
	{"members-out-of-range", []want{at("out_of_range", 2, "members"), at("out_of_range", 4, "members")}},
	{"income-out-of-range", []want{at("out_of_range", 3, "income_per_capita")}},
	{"in-school-more-than-children", []want{at("in_school_gt_children", 4, "children_6_15_in_school")}},
	{"insured-more-than-members", []want{at("insured_gt_members", 5, "members_insured")}},
	{"value-with-spaces", []want{at("spaces", 3, "members"), at("spaces", 4, "village_code")}},
	{"not-int", []want{at("not_int", 3, "income_per_capita")}},
	{"bad-enum", []want{at("bad_enum", 3, "status"), at("bad_enum", 4, "area")}},
	{"empty-row", []want{{code: "empty_row", line: 3, col: 1}}},
	{"multiple-errors", []want{at("not_flag", 2, "d_water"), at("undeclared_village", 4, "village_code"), at("insured_gt_members", 6, "members_insured")}},

	// Refused: the file.
	// Line 3 is `2024,12424,Th\xf4n \xd0\xf4ng,...`: the first bad byte is the 14th.
	{"not-utf8", []want{{code: "not_utf8", line: 3, col: 14}}},
	{"utf16", []want{{code: "utf16"}}},
	{"empty-file", []want{{code: "empty_file"}}},
	{"bom-only", []want{{code: "empty_file"}}},
	{"header-only", []want{{code: "no_rows"}}},
	// Line 3 is `2024,12424,T01,"MT-T01-0181,...`: the quote is the 16th byte.
	{"open-quote", []want{{code: "open_quote", line: 3, col: 16}}},
	// Line 3 is `2024,12424,T01,"MT-T01-0181"x,...`: the closing quote is the 28th byte.
	{"stray-quote", []want{{code: "stray_quote", line: 3, col: 28}}},
	{"ragged-row", []want{{code: "ragged_row", line: 3, col: 1}, {code: "ragged_row", line: 5, col: 1}}},
}

func fixturePath(name string) string {
	return filepath.Join("testdata", "reviews", name, "2024.csv")
}

// fieldCol returns the byte column where the cell of the header column named field
// starts on line (1-based) of an unquoted fixture.
func fieldCol(t *testing.T, data []byte, line int, field string) int {
	t.Helper()
	lines := strings.Split(string(bytes.TrimPrefix(data, bom)), "\n")
	header := strings.Split(strings.TrimRight(lines[0], "\r"), ",")
	idx := -1
	for i, h := range header {
		if h == field {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("fixture has no column %q", field)
	}
	cells := strings.Split(lines[line-1], ",")
	col := 1
	for _, c := range cells[:idx] {
		col += len(c) + 1
	}
	return col
}

func TestFixtures(t *testing.T) {
	var golden strings.Builder
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			path := fixturePath(fx.name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, ps := Parse(path, data, testRules())
			if len(ps) != len(fx.want) {
				for _, p := range ps {
					t.Log(p.Message("en"))
				}
				t.Fatalf("got %d problems, want %d", len(ps), len(fx.want))
			}
			for i, w := range fx.want {
				p := ps[i]
				col := w.col
				if col < 0 {
					col = fieldCol(t, data, w.line, w.field)
				}
				if p.Code != w.code || p.Line != w.line || p.Col != col || p.Column != w.column {
					t.Errorf("problem %d = %s line %d col %d column %q, want %s line %d col %d column %q",
						i, p.Code, p.Line, p.Col, p.Column, w.code, w.line, col, w.column)
				}
				if p.File != path {
					t.Errorf("problem %d names file %q, want %q", i, p.File, path)
				}
				wantSev := problem.SeverityError
				if p.Code == "header_spaces" {
					wantSev = problem.SeverityWarning
				}
				if p.Severity != wantSev {
					t.Errorf("problem %d (%s) has severity %d, want %d", i, p.Code, p.Severity, wantSev)
				}
				for _, lang := range []string{"en", "vi"} {
					m := p.Message(lang)
					if _, ok := Messages[p.Code]; !ok {
						t.Errorf("code %s has no message", p.Code)
					}
					if strings.Contains(m, "%!") {
						t.Errorf("badly formatted message: %s", m)
					}
					prefix := fmt.Sprintf("%s:%d:%d: ", path, p.Line, p.Col)
					switch {
					case p.Line == 0:
						prefix = path + ": "
					case p.Col == 0:
						prefix = fmt.Sprintf("%s:%d: ", path, p.Line)
					}
					if !strings.HasPrefix(m, prefix) {
						t.Errorf("message %q does not start with %q", m, prefix)
					}
					fmt.Fprintf(&golden, "%s\t%s\t%s\n", fx.name, lang, m)
				}
			}
			if problem.HasErrors(ps) {
				if f != nil && len(f.Records) != 0 {
					t.Errorf("a refused file returned %d records", len(f.Records))
				}
				assertNoSensitiveValue(t, data, ps)
				return
			}
			if f == nil || len(f.Records) == 0 || len(f.Records) != len(f.Lines) {
				t.Fatalf("accepted file: got %+v", f)
			}
		})
	}
	checkGolden(t, "testdata/messages.golden", golden.String())
}

// TestAcceptedFixturesAgree checks that the accepted variants decode to exactly the
// records of the plain file, with the same lines.
func TestAcceptedFixturesAgree(t *testing.T) {
	parse := func(name string) *File {
		t.Helper()
		data, err := os.ReadFile(fixturePath(name))
		if err != nil {
			t.Fatal(err)
		}
		f, ps := Parse(fixturePath(name), data, testRules())
		if problem.HasErrors(ps) {
			t.Fatalf("%s: %v", name, ps)
		}
		return f
	}
	base := parse("valid")
	if len(base.Records) != 5 || base.Records[1].HouseholdID != "MT-T01-0181" || base.Records[1].IncomePerCapita != 783000 || base.Records[1].Cause != "illness" || base.Records[4].FemaleHead != 1 {
		t.Fatalf("valid fixture decoded as %+v", base.Records)
	}
	for _, name := range []string{"utf8-bom", "crlf", "columns-in-any-order", "header-with-spaces"} {
		t.Run(name, func(t *testing.T) {
			f := parse(name)
			if fmt.Sprint(f.Records) != fmt.Sprint(base.Records) {
				t.Errorf("records differ:\n got %+v\nwant %+v", f.Records, base.Records)
			}
			if fmt.Sprint(f.Lines) != fmt.Sprint(base.Lines) {
				t.Errorf("lines = %v, want %v", f.Lines, base.Lines)
			}
			if f.Year != 2024 {
				t.Errorf("year = %d", f.Year)
			}
		})
	}
}

// assertNoSensitiveValue fails when a message, in either language, holds a value of
// a sensitive or personal-looking column of the fixture, or one that looks like an ID.
func assertNoSensitiveValue(t *testing.T, data []byte, ps []problem.Problem) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rows, _ := r.ReadAll()
	if len(rows) < 2 {
		return
	}
	var secret []string
	for i, name := range rows[0] {
		name = strings.TrimSpace(name)
		c, known := ColumnByName(name)
		if known && !c.Sensitive {
			continue
		}
		for _, row := range rows[1:] {
			// Short values (0, 1, 4) also occur as line numbers and limits.
			if i < len(row) && len(row[i]) >= 4 {
				secret = append(secret, row[i])
			}
		}
	}
	for _, row := range rows[1:] {
		for _, v := range row {
			if LooksLikeIdentifier(v) != "" || LooksPersonal(v) {
				secret = append(secret, v)
			}
		}
	}
	for _, p := range ps {
		for _, lang := range []string{"en", "vi"} {
			// The file name (2024.csv) is not a cell.
			m := strings.TrimPrefix(p.Message(lang), p.File)
			for _, s := range secret {
				if strings.Contains(m, s) {
					t.Errorf("message echoes the value %q: %s", s, m)
				}
			}
		}
	}
}

// TestMessagesHideValues names the values the fixtures hide, so a change to the
// fixtures cannot silently drop the check.
func TestMessagesHideValues(t *testing.T) {
	cases := []struct {
		fixture string
		secrets []string
	}{
		{"id-looks-like-citizen-id", []string{"001089012345", "034187654"}},
		{"id-looks-like-phone", []string{"0912345678", "+84912345678", "0912.345.678", "912345678"}},
		{"personal-column", []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}},
		{"income-out-of-range", []string{"783000", "-783000"}},
		{"members-out-of-range", []string{"MT-T01-0001"}},
		{"duplicate-household", []string{"MT-T01-0001"}},
		{"bad-enum", []string{"Nghèo"}},
		{"bad-village-code", []string{"Thôn Đông"}},
		{"no-header", []string{"MT-T01-0001", "5211000"}},
	}
	for _, c := range cases {
		t.Run(c.fixture, func(t *testing.T) {
			data, err := os.ReadFile(fixturePath(c.fixture))
			if err != nil {
				t.Fatal(err)
			}
			_, ps := Parse(fixturePath(c.fixture), data, testRules())
			if !problem.HasErrors(ps) {
				t.Fatal("the fixture was accepted")
			}
			for _, p := range ps {
				for _, lang := range []string{"en", "vi"} {
					m := strings.TrimPrefix(p.Message(lang), p.File)
					for _, s := range c.secrets {
						if strings.Contains(m, s) {
							t.Errorf("message shows %q: %s", s, m)
						}
					}
				}
			}
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d (run go test -update if intended):\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
}
