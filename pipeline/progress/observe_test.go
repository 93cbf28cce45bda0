package progress

import (
	"math"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// table is a protected table of poor_rate for two units A and B, group all (A:
// 2021 published, 2022 withheld, 2023 published under another standard) and A, women.
func table() *indicator.Table {
	fig := func(year int, unit string, num, den int64, flag string) indicator.Figure {
		return indicator.Figure{Year: year, UnitCode: unit, Group: "all", Indicator: "poor_rate", Num: num, Den: den, Measure: indicator.Percent, Flag: flag}
	}
	t := &indicator.Table{Figures: []indicator.Figure{
		fig(2021, "A", 35, 1000, indicator.FlagNone),
		fig(2022, "A", 3, 1000, indicator.FlagSuppressed),
		fig(2023, "A", 23, 1000, indicator.FlagNone),
		fig(2021, "B", 50, 1000, indicator.FlagNone),
		fig(2021, "A", 9, 10, indicator.FlagNone),
	}, Standards: map[int]string{2021: "s1", 2022: "s1", 2023: "s2"}}
	t.Figures[4].Group = "women"
	t.Reindex()
	return t
}

func TestObservationsSkipWithheldAndOtherUnits(t *testing.T) {
	tests := []struct {
		name, unit, group string
		years             []int
		want              []Observation
	}{
		{"withheld year as an open interval", "A", "all", []int{2021, 2022, 2023}, []Observation{{Year: 2021, Value: 3.5, Standard: "s1"}, {Year: 2022, Interval: true, Lower: math.Inf(-1), Upper: math.Inf(1), Standard: "s1"}, {Year: 2023, Value: 2.3, Standard: "s2"}}},
		{"only the years asked", "A", "all", []int{2023}, []Observation{{Year: 2023, Value: 2.3, Standard: "s2"}}},
		{"other unit", "B", "all", []int{2021, 2022, 2023}, []Observation{{Year: 2021, Value: 5, Standard: "s1"}}},
		{"other group", "A", "women", []int{2021}, []Observation{{Year: 2021, Value: 90, Standard: "s1"}}},
		{"no such unit", "C", "all", []int{2021}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Observations(table(), tt.years, tt.unit, tt.group, "poor_rate")
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].Year != tt.want[i].Year || got[i].Standard != tt.want[i].Standard || got[i].Interval != tt.want[i].Interval || !near(got[i].Value, tt.want[i].Value) {
					t.Errorf("observation %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func near(a, b float64) bool { return a-b < tol && b-a < tol }

func TestTargetsAndUnits(t *testing.T) {
	coverage := config.Target{ID: "cover", Indicator: "support_coverage_health", Comparator: ">=", Value: 100, Year: 2025, BaselineYear: 2021, Method: "linear"}
	planned := with(poverty(), func(t *config.Target) { t.Baseline = f(9) })
	targets := []config.Target{planned, coverage}
	years := []int{2021, 2022, 2023}
	t.Run("own unit keeps the plan's baseline", func(t *testing.T) {
		as, lines := Targets(targets, Tables{Figures: table(), Years: years}, "A")
		if len(as) != 2 || len(lines) != 2 {
			t.Fatalf("got %d assessments, %d lines", len(as), len(lines))
		}
		if as[0].Baseline == nil || *as[0].Baseline != 9 {
			t.Errorf("baseline %v, want the plan's 9", as[0].Baseline)
		}
		if as[1].Status != NotYetMeasured {
			t.Errorf("coverage target without support data: %s, want %s", as[1].Status, NotYetMeasured)
		}
	})
	t.Run("each unit its own baseline", func(t *testing.T) {
		got := Units(targets, table(), years, []string{"A", "B"})
		if len(got) != 2 || len(got["A"]) != 2 {
			t.Fatalf("got %v", got)
		}
		if b := got["A"][0].Baseline; b == nil || !near(*b, 3.5) {
			t.Errorf("A's baseline %v, want its own 3.5", b)
		}
		if b := got["B"][0].Baseline; b == nil || !near(*b, 5) {
			t.Errorf("B's baseline %v, want its own 5", b)
		}
		if got["A"][1].Status != NotYetMeasured {
			t.Errorf("coverage target at scale: %s, want %s", got["A"][1].Status, NotYetMeasured)
		}
	})
}
