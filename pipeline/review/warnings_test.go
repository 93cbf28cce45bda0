package review

import (
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/standard"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// perVillage counts the warnings of each code by village, as the summary does.
func perVillage(ps []problem.Problem) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, p := range ps {
		if p.Severity != problem.SeverityWarning {
			continue
		}
		if out[p.Code] == nil {
			out[p.Code] = map[string]int{}
		}
		out[p.Code][p.Village]++
	}
	return out
}

func TestQualityWarnings(t *testing.T) {
	// The "standard" of this test says every household with income under 2,000,000
	// is poor and every other one non_poor.
	st := &standard.Standard{ID: "test", PoorDeprivations: 0, Indicators: std2022.Indicators,
		PovertyLine: standard.Lines{Rural: 1_999_999, Urban: 1_999_999}, AverageLine: standard.Lines{Rural: 1_999_999, Urban: 1_999_999}}
	rules := testRules()
	rules.StandardFor = func(year int) (*standard.Standard, bool) { return st, year == 2024 }
	cases := []struct {
		name  string
		rows  []string
		want  map[string]map[string]int
		lines []string // code@line:column-name
	}{
		{
			name: "status agrees",
			rows: []string{validRow, row("household_id", "MT-T01-0002", "income_per_capita", "700000", "status", "poor", "cause", "illness")},
			want: map[string]map[string]int{},
		},
		{
			name: "status mismatch per village",
			rows: []string{
				row("household_id", "MT-T01-0002", "income_per_capita", "700000", "status", "near_poor"),
				row("household_id", "MT-T01-0003", "income_per_capita", "800000"),
				row("household_id", "MT-T02-0001", "village_code", "T02", "income_per_capita", "900000", "status", "average_agri"),
				validRow,
			},
			want:  map[string]map[string]int{"status_mismatch": {"T01": 2, "T02": 1}},
			lines: []string{"status_mismatch@2:status", "status_mismatch@3:status", "status_mismatch@4:status"},
		},
		{
			name: "cause for a non-poor household",
			rows: []string{
				row("cause", "lack_capital"),
				row("household_id", "MT-T03-0001", "village_code", "T03", "status", "average_agri", "income_per_capita", "2100000", "cause", "illness"),
				row("household_id", "MT-T03-0002", "village_code", "T03", "cause", "other"),
			},
			want: map[string]map[string]int{
				"cause_not_poor":  {"T01": 1, "T03": 2},
				"status_mismatch": {"T03": 1},
			},
			lines: []string{"cause_not_poor@2:cause", "cause_not_poor@3:cause", "status_mismatch@3:status", "cause_not_poor@4:cause"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ps := Parse("2024.csv", file(c.rows...), rules)
			if problem.HasErrors(ps) {
				t.Fatalf("errors: %v", ps)
			}
			if len(f.Records) != len(c.rows) {
				t.Errorf("warnings must not drop rows: %d records", len(f.Records))
			}
			if got := perVillage(ps); !reflect.DeepEqual(got, c.want) {
				t.Errorf("per village = %v, want %v", got, c.want)
			}
			var got []string
			for _, p := range ps {
				got = append(got, fmt.Sprintf("%s@%d:%s", p.Code, p.Line, p.Column))
				if p.Village == "" {
					t.Errorf("warning without village: %v", p)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.lines, " ") {
				t.Errorf("got %v, want %v", got, c.lines)
			}
		})
	}
	t.Run("message", func(t *testing.T) {
		r := row("income_per_capita", "700000")
		_, ps := Parse("2024.csv", file(r), rules)
		if len(ps) != 1 {
			t.Fatalf("got %v", ps)
		}
		want := fmt.Sprintf(`2024.csv:2:%d: warning: column status: recorded status "non_poor" differs from the standard's classification (poor)`, colOf(r, "status"))
		if m := ps[0].Message("en"); !strings.HasPrefix(m, want) {
			t.Errorf("got %s\nwant %s", m, want)
		}
		if m := ps[0].Message("vi"); !strings.Contains(m, `kết luận "non_poor" khác với phân loại theo chuẩn (poor)`) {
			t.Errorf("got %s", m)
		}
	})
	t.Run("no standard reported once per file", func(t *testing.T) {
		var rows []string
		for i := 1; i <= 3; i++ {
			rows = append(rows, row("year", "2023", "household_id", fmt.Sprintf("MT-T01-%04d", i)))
		}
		_, ps := Parse("2023.csv", file(rows...), rules)
		if got := codes(ps); len(got) != 1 || got[0] != "no_standard@0:0" || ps[0].Severity != problem.SeverityError {
			t.Errorf("got %v", got)
		}
	})
}

func TestReadReappeared(t *testing.T) {
	d, ps, err := Read("testdata/reappeared", testRules(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Years(); !reflect.DeepEqual(got, []int{2022, 2023, 2024}) {
		t.Fatalf("years = %v", got)
	}
	want := map[string]map[string]int{"reappeared": {"T01": 1, "T03": 1}}
	if got := perVillage(ps); !reflect.DeepEqual(got, want) || len(ps) != 2 {
		t.Fatalf("got %v (%v)", got, ps)
	}
	for _, p := range ps {
		if p.File != filepath.Join("testdata", "reappeared", "2024.csv") {
			t.Errorf("file = %s", p.File)
		}
		if !strings.Contains(p.Message("en"), "missing from the 2023 review") || !strings.Contains(p.Message("vi"), "năm 2023") {
			t.Errorf("message: %s", p.Message("en"))
		}
		if strings.Contains(p.Message("en"), "MT-T0") {
			t.Errorf("message echoes the household id: %s", p.Message("en"))
		}
	}
	// MT-T01-0181 is line 3 and MT-T03-0014 line 6 of 2024.csv.
	if ps[0].Line != 3 || ps[1].Line != 6 {
		t.Errorf("lines %d, %d", ps[0].Line, ps[1].Line)
	}
}

// TestReadYearWithErrors checks that a year refused for errors does not make every
// household of the next year look as if it had disappeared and come back.
func TestReadYearWithErrors(t *testing.T) {
	dir := t.TempDir()
	for _, y := range []string{"2022", "2023", "2024"} {
		b, err := os.ReadFile(filepath.Join("testdata", "reappeared", y+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if y == "2023" {
			b = []byte(strings.Replace(string(b), ",T01,", ",T99,", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, y+".csv"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, ps, err := Read(dir, testRules(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(ps); len(got) != 1 || got[0] != "undeclared_village@2:12" {
		t.Errorf("got %v", got)
	}
}

func TestReadDatasetProblems(t *testing.T) {
	t.Run("no files", func(t *testing.T) {
		dir := t.TempDir()
		_, ps, err := Read(dir, testRules(), nil)
		if err != nil || len(ps) != 1 || ps[0].Code != "no_files" {
			t.Fatalf("got %v, %v", ps, err)
		}
	})
	t.Run("clear and sealed file of one year", func(t *testing.T) {
		dir := t.TempDir()
		for _, n := range []string{"2024.csv", "2024.csv.age"} {
			if err := os.WriteFile(filepath.Join(dir, n), file(validRow), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, ps, err := Read(dir, testRules(), os.ReadFile)
		if err != nil || len(ps) != 1 || ps[0].Code != "duplicate_year" || ps[0].Severity != problem.SeverityError {
			t.Fatalf("got %v, %v", ps, err)
		}
	})
	t.Run("opener failure", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "2024.csv"), file(validRow), 0o644); err != nil {
			t.Fatal(err)
		}
		boom := errors.New("no key")
		_, _, err := Read(dir, testRules(), func(string) ([]byte, error) { return nil, boom })
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("missing dir", func(t *testing.T) {
		if _, _, err := Read(filepath.Join(t.TempDir(), "nope"), testRules(), nil); err == nil {
			t.Fatal("no error")
		}
	})
}
