package support

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
)

// testRules are the sample commune's: villages T01-T09, every programme in scope
// except those the fixture says.
func testRules() Rules {
	v := map[string]bool{}
	for i := 1; i <= 9; i++ {
		v[fmt.Sprintf("T%02d", i)] = true
	}
	p := map[string]bool{}
	for _, c := range Programmes {
		p[c] = true
	}
	return Rules{Villages: v, Programmes: p}
}

type want struct {
	code      string
	line, col int
	column    string
}

// fixtures are the inputs under testdata/<defect>/<year>.csv, named after their
// defect, with every problem each must yield, in order.
var fixtures = []struct {
	name  string
	rules func(Rules) Rules
	want  []want
}{
	{"valid", nil, nil},
	{"utf8-bom", nil, nil},
	{"empty-file", nil, []want{{"empty_file", 0, 0, ""}}},
	{"header-only", nil, []want{{"no_rows", 0, 0, ""}}},
	{"not-utf8", nil, []want{{"not_utf8", 5, 7, ""}}},
	{"personal-column", nil, []want{{"personal_column", 1, 117, ""}}},
	{"phone-column", nil, []want{{"personal_column", 1, 106, ""}}},
	{"unknown-column", nil, []want{{"unknown_column", 1, 117, ""}}},
	{"missing-column", nil, []want{{"missing_column", 1, 0, ""}}},
	{"wrong-separator", nil, []want{{"wrong_separator", 1, 1, ""}}},
	{"village-looks-like-citizen-id", nil, []want{{"looks_like_id", 4, 6, "village_code"}}},
	{"village-looks-like-phone", nil, []want{{"looks_like_phone", 4, 6, "village_code"}}},
	{"amount-looks-like-phone", nil, []want{{"leading_zero", 4, 47, "amount_vnd"}}},
	{"amount-not-a-number", nil, []want{{"not_int", 4, 47, "amount_vnd"}}},
	{"amount-too-large", nil, []want{{"out_of_range", 4, 47, "amount_vnd"}}},
	{"negative-amount", nil, []want{{"negative", 4, 47, "amount_vnd"}}},
	{"unknown-programme", nil, []want{{"bad_enum", 2, 10, "programme"}}},
	{"unknown-support-type", nil, []want{{"bad_enum", 4, 18, "support_type"}}},
	{"unknown-funding-source", nil, []want{{"bad_enum", 4, 33, "funding_source"}}},
	{"reached-gt-needing", nil, []want{{"reached_gt_needing", 3, 38, "people_reached"}}},
	{"needing-differs", nil, []want{{"needing_differs", 3, 40, "people_needing"}}},
	{"households-gt-people", nil, []want{{"households_gt_people", 2, 35, "households_reached"}}},
	{"year-mismatch", nil, []want{{"year_mismatch", 5, 1, "year"}}},
	{"undeclared-village", nil, []want{{"undeclared_village", 4, 6, "village_code"}}},
	{"duplicate-row", nil, []want{{"duplicate_row", 6, 25, "funding_source"}}},
	{"bad-file-name", nil, []want{{"bad_file_name", 0, 0, ""}}},
	{"programme-out-of-scope", func(r Rules) Rules { delete(r.Programmes, "housing"); return r },
		[]want{{"programme_out_of_scope", 4, 10, "programme"}}},
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join("testdata", fx.name, "*"))
			if len(paths) != 1 {
				t.Fatalf("want one fixture file, got %v", paths)
			}
			b, err := os.ReadFile(paths[0])
			if err != nil {
				t.Fatal(err)
			}
			rules := testRules()
			if fx.rules != nil {
				rules = fx.rules(rules)
			}
			f, ps := Parse(paths[0], b, rules)
			if len(ps) != len(fx.want) {
				for _, p := range ps {
					t.Log(p.Message("en"))
				}
				t.Fatalf("got %d problems, want %d", len(ps), len(fx.want))
			}
			for i, w := range fx.want {
				p := ps[i]
				if p.Code != w.code || p.Line != w.line || p.Col != w.col || p.Column != w.column {
					t.Errorf("problem %d = %s %d:%d %q, want %s %d:%d %q (%s)", i, p.Code, p.Line, p.Col, p.Column, w.code, w.line, w.col, w.column, p.Message("en"))
				}
				for _, lang := range []string{"vi", "en"} {
					m := p.Message(lang)
					if strings.Contains(m, "%!") || !strings.Contains(m, "(") || strings.HasPrefix(m[strings.Index(m, ": ")+2:], p.Code) {
						t.Errorf("%s message is not rendered: %q", lang, m)
					}
				}
			}
			if fx.want == nil && (f == nil || len(f.Records) == 0) {
				t.Fatal("a valid file gave no records")
			}
		})
	}
}

// TestNothingPersonalEchoed: a message never repeats a value that could identify
// someone, whatever column it was typed in.
func TestNothingPersonalEchoed(t *testing.T) {
	for _, name := range []string{"village-looks-like-citizen-id", "village-looks-like-phone", "amount-looks-like-phone", "personal-column", "phone-column"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name, "2024.csv"))
		_, ps := Parse(name+"/2024.csv", b, testRules())
		for _, p := range ps {
			for _, lang := range []string{"vi", "en"} {
				m := p.Message(lang)
				for _, secret := range []string{"001234567890", "0912345678", "912345678"} {
					if strings.Contains(m, secret) {
						t.Errorf("%s: %q echoes %s", name, m, secret)
					}
				}
			}
		}
	}
}

func TestValidDecodes(t *testing.T) {
	b, _ := os.ReadFile("testdata/valid/2024.csv")
	f, ps := Parse("testdata/valid/2024.csv", b, testRules())
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	if len(f.Records) != 4 || f.Records[0].PeopleNeeding == nil || *f.Records[0].PeopleNeeding != 10 {
		t.Fatalf("records: %+v", f.Records)
	}
	if f.Records[2].PeopleNeeding != nil {
		t.Errorf("an empty people_needing decoded as %d, want none", *f.Records[2].PeopleNeeding)
	}
	// The encoder writes back the same text.
	out, err := CSV(f.Records)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(b) {
		t.Errorf("round trip:\n%s\nwant\n%s", out, b)
	}
}

func TestEveryProblemListed(t *testing.T) {
	text := "year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd\n" +
		"2023,T99,9,x,bank,-1,2,1,-5\n" +
		"2024,T01,credit,preferential_credit,policy_bank_credit,3,2,,70000000\n"
	_, ps := Parse("2024.csv", []byte(text), testRules())
	var codes []string
	for _, p := range ps {
		codes = append(codes, p.Code)
	}
	got := strings.Join(codes, " ")
	want := "undeclared_village bad_enum bad_enum bad_enum negative negative year_mismatch households_gt_people"
	if got != want {
		t.Errorf("codes = %s\nwant    %s", got, want)
	}
}

func TestReadFolder(t *testing.T) {
	if d, ps, err := Read(filepath.Join(t.TempDir(), "none"), testRules(), nil); err != nil || len(ps) != 0 || len(d.Files) != 0 {
		t.Errorf("a missing folder: %v %v %v", d, ps, err)
	}
	dir := t.TempDir()
	_, ps, err := Read(dir, testRules(), nil)
	if err != nil || len(ps) != 1 || ps[0].Code != "no_files" {
		t.Errorf("an empty folder: %v %v", ps, err)
	}
	if m := ps[0].Message("vi"); !strings.Contains(m, "data/support") {
		t.Errorf("message %q", m)
	}
}

// TestCommittedSample: the committed sample passes its own contract.
func TestCommittedSample(t *testing.T) {
	if p, err := config.LoadPortal("../../data/portal.toml"); err != nil || !p.Data.Sample {
		t.Skip("data/ holds real, sealed data (or no settings); the generated sample is checked in package sample")
	}
	d, ps, err := Read("../../data/support", testRules(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Error(p.Message("en"))
	}
	if got := fmt.Sprint(d.Years()); got != "[2022 2023 2024 2025]" {
		t.Errorf("years %s", got)
	}
}
