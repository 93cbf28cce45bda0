package standard

import (
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// committed loads the repository's own data/standards.toml.
func committed(t *testing.T) *Set {
	t.Helper()
	s, err := Load("../../data/standards.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestClassify(t *testing.T) {
	s, err := committed(t).Lookup("2022-2025")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Indicators) != 12 || s.TotalWeight() != 12 {
		t.Fatalf("2022-2025 has %d indicators of total weight %d, want 12 of equal weight", len(s.Indicators), s.TotalWeight())
	}
	tests := []struct {
		name string
		h    Household
		want string
	}{
		{"rural at the line with 3 deprivations is poor", Household{"rural", 1_500_000, 3}, "poor"},
		{"rural at the line with 2 deprivations is near-poor", Household{"rural", 1_500_000, 2}, "near_poor"},
		{"rural one dong above the line is not poor", Household{"rural", 1_500_001, 12}, "non_poor"},
		{"urban line is higher", Household{"urban", 1_900_000, 4}, "poor"},
		{"urban above its line", Household{"urban", 2_000_001, 4}, "non_poor"},
		{"no income, no deprivation: near-poor", Household{"rural", 0, 0}, "near_poor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Classify(tt.h)
			if err != nil || got != tt.want {
				t.Errorf("Classify(%+v) = %q, %v; want %q", tt.h, got, err, tt.want)
			}
		})
	}
	if _, err := s.Classify(Household{"suburb", 0, 0}); err == nil {
		t.Error("an unknown area was classified")
	}
}

func TestAgrees(t *testing.T) {
	s, _ := committed(t).Lookup("2022-2025")
	tests := []struct {
		name     string
		recorded string
		h        Household
		want     bool
	}{
		{"average living standard within the average line", "average_agri", Household{"rural", 2_000_000, 0}, true},
		{"average living standard above the average line", "average_agri", Household{"rural", 2_300_000, 0}, false},
		{"average living standard below the poverty line", "average_agri", Household{"rural", 1_400_000, 0}, false},
		{"poor recorded as near-poor", "near_poor", Household{"rural", 1_000_000, 4}, false},
		{"matching poor", "poor", Household{"rural", 1_000_000, 4}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := s.Agrees(tt.recorded, tt.h)
			if err != nil || got != tt.want {
				t.Errorf("Agrees(%q, %+v) = %v, %v; want %v", tt.recorded, tt.h, got, err, tt.want)
			}
		})
	}
}

func TestNextStandardIsData(t *testing.T) {
	set := committed(t)
	if _, err := set.Lookup("2031-2035"); err == nil {
		t.Error("a standard that does not exist was found")
	}
	next, err := set.Lookup("2026-2030")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := next.Classify(Household{"rural", 2_100_000, 3}); got != "poor" {
		t.Errorf("2026-2030: income 2.1M with 3 deprivations is %q, want poor (line 2.2M)", got)
	}
	if _, _, ok := next.Indicator("d_information_access"); ok {
		t.Error("2026-2030 still lists the information-devices indicator it replaced")
	}
	if !strings.Contains(next.Source, "NOT CHECKED") {
		t.Error("the next standard's source no longer says what was not checked against the decree")
	}
}

// madeUp is a standard of seven weighted indicators, as a province might add.
const madeUp = `[[standard]]
id = "test-7"
decree = "test"
source = "a made-up standard for tests"
poor_deprivations = 2
[standard.poverty_line]
rural = 900_000
urban = 1_100_000
[standard.average_line]
rural = 1_000_000
urban = 1_500_000
[[standard.indicators]]
column = "d_a"
dimension = "x"
name_vi = "a"
name_en = "a"
weight = 2
[[standard.indicators]]
column = "d_b"
dimension = "x"
name_vi = "b"
name_en = "b"
weight = 0.5
`

func TestParseMadeUp(t *testing.T) {
	set, err := Parse("s.toml", []byte(madeUp))
	if err != nil {
		t.Fatal(err)
	}
	s := set.Standards[0]
	if s.ID != "test-7" || s.Indicators[0].Weight != 4 || s.Indicators[1].Weight != 1 || s.PovertyLine.Urban != 1_100_000 {
		t.Errorf("parsed %+v", s)
	}
}

// refusals are broken standards files, each with words its problem must contain and
// the line it must be placed at.
var refusals = []struct {
	name, text, want string
	line             int
}{
	{"column_without_prefix", strings.Replace(madeUp, `"d_b"`, `"water"`, 1), "column \"water\" must be d_", 19},
	{"column_twice", strings.Replace(madeUp, `"d_b"`, `"d_a"`, 1), "appears twice", 19},
	{"weight_zero", strings.Replace(madeUp, "weight = 0.5", "weight = 0", 1), "must be positive", 23},
	{"weight_negative", strings.Replace(madeUp, "weight = 0.5", "weight = -1", 1), "must be positive", 23},
	{"weights_for_some", strings.Replace(madeUp, "weight = 0.5\n", "", 1), "only some indicators", 1},
	{"too_many_deprivations", strings.Replace(madeUp, "poor_deprivations = 2", "poor_deprivations = 3", 1), "from 1 to the number of indicators (2)", 5},
	{"no_deprivations", strings.Replace(madeUp, "poor_deprivations = 2", "poor_deprivations = 0", 1), "from 1 to the number", 5},
	{"average_below_line", strings.Replace(madeUp, "rural = 1_000_000", "rural = 800_000", 1), "no lower than the poverty line", 9},
	{"line_zero", strings.Replace(madeUp, "rural = 900_000", "rural = 0", 1), "must be positive", 6},
	{"id_twice", madeUp + strings.SplitN(madeUp, "[[standard.indicators]]", 2)[0] + "[[standard.indicators]]\ncolumn = \"d_a\"\ndimension = \"x\"\nname_vi = \"a\"\nname_en = \"a\"\n", "declared twice", 25},
	{"unknown_key", strings.Replace(madeUp, "decree = \"test\"", "decree = \"test\"\nyears = 5", 1), "unknown key", 4},
	{"syntax", strings.Replace(madeUp, "[standard.poverty_line]", "[standard.poverty_line", 1), "cannot be read", 7},
	{"empty", "", "no poverty standard", 0},
	{"id_not_a_code", strings.Replace(madeUp, `id = "test-7"`, `id = "test 7!"`, 1), "must be 1-32 letters", 2},
	{"no_decree", strings.Replace(madeUp, `decree = "test"`, `decree = ""`, 1), "the decree and where", 3},
	{"indicator_unnamed", strings.Replace(madeUp, `name_en = "b"`, `name_en = ""`, 1), "needs dimension, name_vi and name_en", 21},
}

func TestParseRefuses(t *testing.T) {
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.toml", []byte(tt.text))
			if err == nil {
				t.Fatal("accepted")
			}
			var found *problem.Problem
			for _, e := range unwrap(err) {
				if p, ok := e.(problem.Problem); ok && strings.Contains(p.Message("en"), tt.want) {
					found = &p
				}
			}
			if found == nil {
				t.Fatalf("got %v, want a problem saying %q", err, tt.want)
			}
			if found.Line != tt.line {
				t.Errorf("line %d, want %d: %s", found.Line, tt.line, found.Message("en"))
			}
			if _, ok := messages[found.Code]; !ok {
				t.Errorf("code %q is not in the catalogue", found.Code)
			}
			if vi := found.Message("vi"); vi == found.Message("en") || !strings.HasPrefix(vi, "s.toml") {
				t.Errorf("the Vietnamese message is missing: %s", vi)
			}
		})
	}
}

func unwrap(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
