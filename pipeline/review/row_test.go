package review

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// validRow is line 2 of data/reviews/2024.csv, in the order of Columns.
const validRow = "2024,12424,T01,MT-T01-0001,rural,4,5211000,0,0,0,0,1,0,0,0,0,0,0,0,non_poor,,0,0,0,0,0,0,4"

func itoa(n int) string { return strconv.Itoa(n) }

// codes renders problems as code@line:col for compact comparisons.
func codes(ps []problem.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s@%d:%d", p.Code, p.Line, p.Col))
	}
	return out
}

// row returns validRow with the named cells replaced.
func row(set ...string) string {
	cells := strings.Split(validRow, ",")
	for i := 0; i+1 < len(set); i += 2 {
		found := false
		for j, c := range Columns {
			if c.Name == set[i] {
				cells[j], found = set[i+1], true
			}
		}
		if !found {
			panic("no column " + set[i])
		}
	}
	return strings.Join(cells, ",")
}

// file builds a review file from rows, with the contract's header.
func file(rows ...string) []byte {
	return []byte(strings.Join(columnNames(), ",") + "\n" + strings.Join(rows, "\n") + "\n")
}

// colOf is the byte column where the named cell starts in a row built by row().
func colOf(r, name string) int {
	cells := strings.Split(r, ",")
	col := 1
	for j, c := range Columns {
		if c.Name == name {
			return col
		}
		col += len(cells[j]) + 1
	}
	panic("no column " + name)
}

func TestLooksLikeIdentifier(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"12-digit citizen id", "001089012345", "looks_like_id"},
		{"9-digit old id card", "034187654", "looks_like_id"},
		{"12 digits with spaces", "001 089 012 345", "looks_like_id"},
		{"12 digits with dots", "001.089.012.345", "looks_like_id"},
		{"id inside text", "HH-001089012345", "looks_like_id"},
		{"id with underscores", "001_089_012_345", "looks_like_id"},
		{"mobile 09", "0912345678", "looks_like_phone"},
		{"mobile 03", "0387654321", "looks_like_phone"},
		{"mobile 05", "0567654321", "looks_like_phone"},
		{"mobile 07", "0767654321", "looks_like_phone"},
		{"mobile 08", "0867654321", "looks_like_phone"},
		{"international", "+84912345678", "looks_like_phone"},
		{"international no plus", "84912345678", "looks_like_phone"},
		{"international spaced", "+84 912 345 678", "looks_like_phone"},
		{"dotted", "0912.345.678", "looks_like_phone"},
		{"dashed", "0912-345-678", "looks_like_phone"},
		{"spaced", "0912 345 678", "looks_like_phone"},
		{"bracketed", "(091) 234 5678", "looks_like_phone"},
		{"underscored", "0912_345_678", "looks_like_phone"},
		{"nbsp", "0912\u00a0345\u00a0678", "looks_like_phone"},
		{"phone inside id", "MT0912345678", "looks_like_phone"},
		{"sample household id", "MT-T01-0001", ""},
		{"long pseudonymous id", "MT-T09-0420", ""},
		{"commune code", "12424", ""},
		{"village code", "T01", ""},
		{"year", "2024", ""},
		{"income", "5211000", ""},
		{"10 digits, not a mobile prefix", "0212345678", ""},
		{"8 digits", "12345678", ""},
		{"10 digits from 1", "1234567890", ""},
		{"13 digits", "0012345678901", ""},
		{"empty", "", ""},
		{"words", "non_poor", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := LooksLikeIdentifier(c.in); got != c.want {
				t.Errorf("LooksLikeIdentifier(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestYearFromName(t *testing.T) {
	cases := []struct {
		name, path string
		year       int
		ok         bool
	}{
		{"plain", "2024.csv", 2024, true},
		{"in a folder", "data/reviews/2021.csv", 2021, true},
		{"sealed", "data/reviews/2025.csv.age", 2025, true},
		{"lower bound", "2000.csv", 2000, true},
		{"upper bound", "2100.csv", 2100, true},
		{"before 2000", "1999.csv", 0, false},
		{"after 2100", "2101.csv", 0, false},
		{"not a number", "abcd.csv", 0, false},
		{"signed", "+202.csv", 0, false},
		{"copy suffix", "2024 (1).csv", 0, false},
		{"prefix", "review-2024.csv", 0, false},
		{"two digits", "24.csv", 0, false},
		{"xlsx", "2024.xlsx", 0, false},
		{"upper-case extension", "2024.CSV", 0, false},
		{"age only", "2024.age", 0, false},
		{"no extension", "2024", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			y, ok := YearFromName(c.path)
			if y != c.year || ok != c.ok {
				t.Errorf("YearFromName(%q) = %d, %v; want %d, %v", c.path, y, ok, c.year, c.ok)
			}
		})
	}
}

func TestBadFileName(t *testing.T) {
	f, ps := Parse("data/reviews/reviews.csv", file(validRow), testRules())
	if f != nil || len(ps) != 1 || ps[0].Code != "bad_file_name" || ps[0].Line != 0 {
		t.Fatalf("got %v, %v", f, ps)
	}
}

// TestRowProblems covers the cell and row rules one case at a time.
func TestRowProblems(t *testing.T) {
	cases := []struct {
		name string
		row  string
		want string // code@column-name, or "" for none
	}{
		{"valid", validRow, ""},
		{"leading space in an int", row("members", " 4"), "spaces@members"},
		{"trailing space in an int", row("income_per_capita", "5211000 "), "spaces@income_per_capita"},
		{"trailing space in a flag", row("d_water", "1 "), "spaces@d_water"},
		{"space in an enum", row("status", "non_poor "), "spaces@status"},
		{"space in an id", row("household_id", " MT-T01-0001"), "spaces@household_id"},
		{"spaces only in optional cause", row("cause", "  "), "spaces@cause"},
		{"thousands separators", row("income_per_capita", "5.211.000"), "not_int@income_per_capita"},
		{"decimal", row("members", "4.0"), "not_int@members"},
		{"hex", row("members", "0x4"), "not_int@members"},
		{"empty int", row("members", ""), "required@members"},
		{"empty flag", row("d_water", ""), "required@d_water"},
		{"empty status", row("status", ""), "required@status"},
		{"empty id", row("household_id", ""), "required@household_id"},
		{"flag 2", row("d_water", "2"), "not_flag@d_water"},
		{"flag -1", row("female_head", "-1"), "not_flag@female_head"},
		{"flag yes", row("female_head", "yes"), "not_int@female_head"},
		{"members 0", row("members", "0", "members_insured", "0"), "out_of_range@members"},
		{"members 31", row("members", "31"), "out_of_range@members"},
		{"negative income", row("income_per_capita", "-1"), "out_of_range@income_per_capita"},
		{"year 1999", row("year", "1999"), "out_of_range@year"},
		{"huge number", row("income_per_capita", "99999999999999999999"), "not_int@income_per_capita"},
		{"short id", row("household_id", "MT-1"), "bad_household_id@household_id"},
		{"id with accents", row("household_id", "MT-Đông-0001"), "bad_household_id@household_id"},
		{"commune of 4 digits", row("commune_code", "1242"), "bad_commune_code@commune_code"},
		{"unknown cause", row("status", "poor", "cause", "poverty"), "bad_enum@cause"},
		{"upper-case status", row("status", "POOR"), "bad_enum@status"},
		{"children more than members", row("members", "2", "members_insured", "2", "children_6_15", "3"), "children_gt_members@children_6_15"},
		{"in school more than children", row("children_6_15_in_school", "1"), "in_school_gt_children@children_6_15_in_school"},
		{"insured more than members", row("members_insured", "5"), "insured_gt_members@members_insured"},
		{"area urban", row("area", "urban"), ""},
		{"leading zeros", row("members", "04", "income_per_capita", "05211000"), ""},
		{"explicit plus", row("members", "+4"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ps := Parse("2024.csv", file(c.row), testRules())
			var got string
			if len(ps) > 0 {
				got = ps[0].Code + "@" + ps[0].Column
			}
			if len(ps) > 1 || got != c.want {
				t.Fatalf("got %v, want %s", ps, c.want)
			}
			if c.want == "" {
				if len(f.Records) != 1 {
					t.Fatalf("got %d records", len(f.Records))
				}
				return
			}
			p := ps[0]
			if p.Line != 2 || p.Col != colOf(c.row, p.Column) {
				t.Errorf("located at %d:%d, want 2:%d", p.Line, p.Col, colOf(c.row, p.Column))
			}
		})
	}
}

// TestNumbersDecodeAsChecked guards against gocsv reading integers with base prefixes:
// "010" must be ten, not octal eight, and "08" must not fail to decode.
func TestNumbersDecodeAsChecked(t *testing.T) {
	r := row("members", "010", "members_insured", "08", "children_6_15", "+3", "children_6_15_in_school", "03", "income_per_capita", "0777000", "year", "02024")
	f, ps := Parse("2024.csv", file(r), testRules())
	if problem.HasErrors(ps) {
		t.Fatalf("problems: %v", ps)
	}
	got := f.Records[0]
	if got.Members != 10 || got.MembersInsured != 8 || got.Children6to15 != 3 || got.Children6to15InSchool != 3 || got.IncomePerCapita != 777000 || got.Year != 2024 {
		t.Errorf("decoded %+v", got)
	}
}

func TestEnumValueShownOnlyWhenCodeLike(t *testing.T) {
	cases := []struct {
		name, status string
		shown        bool
	}{
		{"code-like", "nonpoor", true},
		{"capitalised code", "Poor", true},
		{"vietnamese word", "Nghèo", false},
		{"a person's name", "Nguyen Van An", false},
		{"digits", "0912345678", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := Parse("2024.csv", file(row("status", c.status)), testRules())
			if len(ps) != 1 || ps[0].Code != "bad_enum" {
				t.Fatalf("got %v", ps)
			}
			if shown := strings.Contains(ps[0].Message("en"), c.status); shown != c.shown {
				t.Errorf("value shown = %v, want %v: %s", shown, c.shown, ps[0].Message("en"))
			}
		})
	}
	// cause is sensitive: never shown, even when code-like.
	_, ps := Parse("2024.csv", file(row("status", "poor", "cause", "poverty")), testRules())
	if len(ps) != 1 || strings.Contains(ps[0].Message("en"), "poverty") {
		t.Errorf("got %v", ps)
	}
}

// TestEveryProblemListed checks that a file with several errors on several lines
// reports each, not only the first, and keeps them in line order.
func TestEveryProblemListed(t *testing.T) {
	b := file(
		row("d_water", "2"),
		row("household_id", "MT-T01-0002"),
		row("household_id", "MT-T01-0003", "village_code", "T99"),
		row("household_id", "MT-T01-0004"),
		row("household_id", "MT-T01-0005", "members_insured", "9"),
	)
	_, ps := Parse("2024.csv", b, testRules())
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = fmt.Sprintf("%s@%d", p.Code, p.Line)
	}
	want := []string{"not_flag@2", "undeclared_village@4", "insured_gt_members@6"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
	// Several problems on one row are all listed too.
	_, ps = Parse("2024.csv", file(row("year", "2023", "members", "0", "d_water", "7", "commune_code", "12427", "household_id", "0912345678")), testRules())
	if len(ps) != 5 {
		t.Errorf("got %v", codes(ps))
	}
}

func TestYearMismatchEveryRow(t *testing.T) {
	var rows []string
	for i := 1; i <= 4; i++ {
		rows = append(rows, row("year", "2023", "household_id", fmt.Sprintf("MT-T01-%04d", i)))
	}
	_, ps := Parse("data/reviews/2024.csv", file(rows...), testRules())
	if len(ps) != 4 {
		t.Fatalf("got %v", codes(ps))
	}
	for i, p := range ps {
		if p.Code != "year_mismatch" || p.Line != i+2 || p.Col != 1 {
			t.Errorf("problem %d: %s@%d:%d", i, p.Code, p.Line, p.Col)
		}
		if m := p.Message("en"); !strings.Contains(m, "year 2023 does not match the file name (2024)") {
			t.Errorf("message: %s", m)
		}
	}
}

func TestDuplicateHouseholdNamesFirstLine(t *testing.T) {
	b := file(validRow, row("household_id", "MT-T01-0002"), validRow, validRow)
	_, ps := Parse("2024.csv", b, testRules())
	if len(ps) != 2 {
		t.Fatalf("got %v", codes(ps))
	}
	for i, p := range ps {
		if p.Code != "duplicate_household" || p.Line != 4+i {
			t.Errorf("got %s@%d", p.Code, p.Line)
		}
		if m := p.Message("en"); !strings.Contains(m, "line 2") || strings.Contains(m, "MT-T01-0001") {
			t.Errorf("message: %s", m)
		}
	}
}

// TestCSVSyntax covers quotes, ragged and empty rows, encodings and line ends.
func TestCSVSyntax(t *testing.T) {
	header := strings.Join(columnNames(), ",")
	idCol := colOf(validRow, "household_id")
	quoted := strings.Replace(validRow, "MT-T01-0001", `"MT-T01-0001`, 1)
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"quote open to the end", header + "\n" + validRow + "\n" + quoted + "\n", []string{"open_quote@3:" + itoa(idCol)}},
		{"quote open to the end without newline", header + "\n" + quoted, []string{"open_quote@2:" + itoa(idCol)}},
		{"quote open with CRLF", header + "\r\n" + validRow + "\r\n" + quoted + "\r\n" + validRow + "\r\n", []string{"open_quote@3:" + itoa(idCol)}},
		// The open quote swallows line 4 and is "closed" by a quote on line 5: the
		// fault is still where the quote opened.
		{"quote open until a later quote", header + "\n" + quoted + "\n" + validRow + "\n" + strings.Replace(validRow, "MT-T01-0001", `"MT"x`, 1) + "\n", []string{"open_quote@2:" + itoa(idCol)}},
		{"quote open in the header", `year,"commune_code,village_code` + "\n" + validRow + "\n", []string{"open_quote@1:6"}},
		{"valid quoted fields", header + "\n" + strings.Replace(validRow, "MT-T01-0001,rural", `"MT-T01-0001","rural"`, 1) + "\n", nil},
		{"multi-line field then open quote", header + "\n" + strings.Replace(validRow, "T01,MT-T01-0001", "\"T\n01\",\"MT-T01-0001", 1) + "\n", []string{"open_quote@3:5"}},
		{"text after closing quote", header + "\n" + strings.Replace(validRow, "MT-T01-0001", `"MT-T01"-0001`, 1) + "\n", []string{"stray_quote@2:" + itoa(idCol+7)}},
		{"bare quote", header + "\n" + strings.Replace(validRow, "MT-T01-0001", `MT-T01"0001`, 1) + "\n", []string{"bare_quote@2:" + itoa(idCol+6)}},
		{"extra field", header + "\n" + validRow + ",\n", []string{"ragged_row@2:1"}},
		{"missing field", header + "\n" + strings.TrimSuffix(validRow, ",4") + "\n", []string{"ragged_row@2:1"}},
		{"ragged rows reported each", header + "\n" + validRow + ",x\n" + row("household_id", "MT-T01-0002") + "\n" + "2024,12424\n", []string{"ragged_row@2:1", "ragged_row@4:1"}},
		{"commas-only row", header + "\n" + strings.Repeat(",", len(Columns)-1) + "\n" + validRow + "\n", []string{"empty_row@2:1"}},
		{"blank lines between rows", header + "\n\n" + validRow + "\n\n\n", nil},
		{"CRLF", header + "\r\n" + validRow + "\r\n", nil},
		{"CRLF without final newline", header + "\r\n" + validRow, nil},
		{"BOM", "\ufeff" + header + "\n" + validRow + "\n", nil},
		{"BOM and CRLF", "\ufeff" + header + "\r\n" + validRow + "\r\n", nil},
		{"BOM only", "\ufeff", []string{"empty_file@0:0"}},
		{"BOM and blank lines", "\ufeff\r\n\r\n", []string{"empty_file@0:0"}},
		{"empty", "", []string{"empty_file@0:0"}},
		{"header only CRLF", header + "\r\n", []string{"no_rows@0:0"}},
		{"header only without newline", header, []string{"no_rows@0:0"}},
		{"header and commas-only row", header + "\n,,,\n", []string{"ragged_row@2:1"}},
		{"UTF-16 LE", "\xff\xfey\x00e\x00", []string{"utf16@0:0"}},
		{"Windows-1258 on line 2", header + "\n2024,12424,Th\xf4n,MT-T01-0001\n", []string{"not_utf8@2:14"}},
		{"TCVN3 on line 3", header + "\n" + validRow + "\n2024,12424,Th\xabn\n", []string{"not_utf8@3:14"}},
		{"bytes 0xD2 0xE3", header + "\n" + validRow + "\n" + validRow + "\n" + "2024,12424,T01,MT-T01-0003,rural,4,\xd2\xe3\n", []string{"not_utf8@4:" + itoa(len("2024,12424,T01,MT-T01-0003,rural,4,")+1)}},
		{"not UTF-8 after a multibyte rune", header + "\n" + "ư\xff", []string{"not_utf8@2:3"}},
		{"truncated rune at the end", header + "\n" + validRow + "\n\xe1\xbb", []string{"not_utf8@3:1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ps := Parse("2024.csv", []byte(c.in), testRules())
			got := codes(ps)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			if c.want == nil && (f == nil || len(f.Records) == 0) {
				t.Fatalf("accepted but no records: %+v", f)
			}
		})
	}
}
