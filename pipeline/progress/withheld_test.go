package progress

import (
	"math"
	"slices"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// water is the clean-water target: clean_water_rate >= 100 by 2025, from 2021.
func water() config.Target {
	return config.Target{ID: "clean-water", Indicator: "clean_water_rate", Comparator: ">=",
		Value: 100, Year: 2025, BaselineYear: 2021, Method: "linear"}
}

// withheld is the interval published for a withheld figure of year.
func withheld(year int, lo, hi float64) Observation {
	return Observation{Year: year, Interval: true, Lower: lo, Upper: hi}
}

// TestAssessWithheldTargetYear: the interval published for a withheld target year
// settles the final verdict when it lies wholly on one side of the target (the
// bounds are rounded outward, so a bound on the target settles nothing unless the
// comparator includes it); otherwise the verdict is undecided, final too: the plan
// is over, so no pace verdict (needs acceleration, on track) is ever given for it
// (issue 17), and nothing is projected to the withheld year.
func TestAssessWithheldTargetYear(t *testing.T) {
	exact := series(2021, 85.8, 2022, 88, 2023, 90.8, 2024, 93.4)
	// plus copies exact first: the cases must not share a backing array.
	plus := func(more ...Observation) []Observation { return append(slices.Clone(exact), more...) }
	tests := []struct {
		name      string
		target    config.Target
		obs       []Observation
		status    string
		final     bool
		projected bool
	}{
		{"interval below a >= target", water(), plus(withheld(2025, 96.2, 99.1)), NotAchieved, true, false},
		{"interval above a >= target", water(), plus(withheld(2025, 100, 100)), Achieved, true, false},
		{"interval straddling a >= target", water(), plus(withheld(2025, 96.2, 100)), Undecided, true, false},
		{"interval unbounded above a >= target", water(), plus(withheld(2025, 96.2, math.Inf(1))), Undecided, true, false},
		{"withheld with no interval", water(), plus(withheld(2025, math.Inf(-1), math.Inf(1))), Undecided, true, false},
		{"straddling after an exact value meeting it", water(), append(series(2021, 85.8, 2024, 100), withheld(2025, 96.2, 100)), Undecided, true, false},
		{"interval upper bound on a > target", with(water(), func(t *config.Target) { t.Comparator = ">" }), plus(withheld(2025, 96.2, 100)), NotAchieved, true, false},
		{"exact target year", water(), plus(Observation{Year: 2025, Value: 99.1}), NotAchieved, true, false},
		{"exact target year meeting", water(), plus(Observation{Year: 2025, Value: 100}), Achieved, true, false},
		{"no target year yet", water(), exact, NeedsAcceleration, false, true},
		{"interval above a <= target", poverty(), append(series(2021, 3.5, 2022, 2.9), withheld(2025, 1.3, 4.0)), NotAchieved, true, false},
		{"interval below a < target", poverty(), append(series(2021, 3.5, 2022, 2.9), withheld(2025, 0, 1.1)), Achieved, true, false},
		{"interval lower bound on a < target", poverty(), append(series(2021, 3.5, 2022, 2.9), withheld(2025, 1.2, 2)), NotAchieved, true, false},
		{"interval straddling a < target", poverty(), append(series(2021, 3.5, 2022, 2.9), withheld(2025, 0.4, 1.9)), Undecided, true, false},
		{"interval only, below", water(), []Observation{withheld(2025, 96.2, 99.1)}, NotAchieved, true, false},
		{"interval only, straddling", water(), []Observation{withheld(2025, 96.2, 100)}, Undecided, true, false},
		{"interval blocks a later stand-in", water(), plus(withheld(2025, 96.2, 100), Observation{Year: 2026, Value: 100}), Undecided, true, false},
		{"interval stands in for a missing target year", water(), plus(withheld(2026, 90, 95)), NotAchieved, true, false},
		{"interval before the target year is not a value", water(), append(series(2021, 85.8, 2022, 88), withheld(2023, 100, 100)), NeedsAcceleration, false, true},
		{"inverted interval ignored", water(), plus(withheld(2025, 99.1, 96.2)), NeedsAcceleration, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.target, tt.obs, true)
			if a.Status != tt.status || a.Final != tt.final {
				t.Fatalf("status %s final %v, want %s final %v (%+v)", a.Status, a.Final, tt.status, tt.final, a)
			}
			if got := a.Projection != nil; got != tt.projected {
				t.Errorf("projection %v, want projected %v", a.Projection, tt.projected)
			}
			if got := len(Project(tt.target, a)) > 0; got != tt.projected {
				t.Errorf("projection line drawn %v, want %v", got, tt.projected)
			}
			if a.Latest != nil && *a.Latest != 93.4 && *a.Latest != 2.9 && *a.Latest != 88 && *a.Latest != 99.1 && *a.Latest != 100 {
				t.Errorf("latest %v is not a published exact value", *a.Latest)
			}
		})
	}
}

// TestAssessWithheldKeepsBounds: the assessment carries the interval that decided
// it, with no infinite bound.
func TestAssessWithheldKeepsBounds(t *testing.T) {
	tests := []struct {
		name   string
		iv     Observation
		upper  *float64
		lower  float64
		latest float64
	}{
		{"bounded", withheld(2025, 96.2, 99.1), f(99.1), 96.2, 93.4},
		{"unbounded above", withheld(2025, 96.2, math.Inf(1)), nil, 96.2, 93.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(water(), append(series(2021, 85.8, 2024, 93.4), tt.iv), true)
			if a.WithheldYear != 2025 || a.WithheldLower == nil || *a.WithheldLower != tt.lower {
				t.Fatalf("withheld %d %v, want 2025 %v", a.WithheldYear, a.WithheldLower, tt.lower)
			}
			if (a.WithheldUpper == nil) != (tt.upper == nil) || (tt.upper != nil && *a.WithheldUpper != *tt.upper) {
				t.Errorf("upper %v, want %v", a.WithheldUpper, tt.upper)
			}
			if a.Latest == nil || *a.Latest != tt.latest || a.LatestYear != 2024 {
				t.Errorf("latest %v (%d), want %v (2024)", a.Latest, a.LatestYear, tt.latest)
			}
		})
	}
}

// TestObservationsCarryBounds: a withheld figure with a published interval is an
// interval observation (no upper bound: +Inf); one with none is the whole line, so
// a withheld target year is known to be in.
func TestObservationsCarryBounds(t *testing.T) {
	fig := func(year int, bounded bool, lo, hi int64) indicator.Figure {
		return indicator.Figure{Year: year, UnitCode: "A", Group: "all", Indicator: "clean_water_rate", Den: 108,
			Measure: indicator.Percent, Flag: indicator.FlagSuppressed, Bounded: bounded, Lower: lo, Upper: hi}
	}
	tbl := &indicator.Table{Figures: []indicator.Figure{fig(2024, false, 0, 0), fig(2025, true, 962, 991), fig(2026, true, 661, -1)},
		Standards: map[int]string{2025: "s1", 2026: "s2"}}
	tbl.Reindex()
	got := Observations(tbl, []int{2024, 2025, 2026}, "A", "all", "clean_water_rate")
	want := []Observation{
		{Year: 2024, Interval: true, Lower: math.Inf(-1), Upper: math.Inf(1)},
		{Year: 2025, Interval: true, Lower: 96.2, Upper: 99.1, Standard: "s1"},
		{Year: 2026, Interval: true, Lower: 66.1, Upper: math.Inf(1), Standard: "s2"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("observation %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
