package publish

import (
	"sort"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

func TestSortKey(t *testing.T) {
	rate := func(num, den int64) *indicator.Figure {
		return &indicator.Figure{Indicator: "poor_rate", Measure: indicator.Percent, Num: num, Den: den}
	}
	withheld := func(lower, upper int64) *indicator.Figure {
		f := rate(3, 150)
		f.Flag, f.Bounded, f.Lower, f.Upper = indicator.FlagSuppressed, true, lower, upper
		return f
	}
	tests := []struct {
		name string
		f    *indicator.Figure
		ok   bool
		want float64
	}{
		{"a published rate is its value", rate(11, 1000), true, 1.1},
		{"a published zero is zero, not missing", rate(0, 200), true, 0},
		{"a range sorts at its midpoint", withheld(12, 40), true, 2.6},
		{"a range with no upper bound sorts at its lower bound", withheld(12, -1), true, 1.2},
		{"withheld with no interval sorts last", &indicator.Figure{Measure: indicator.Percent, Flag: indicator.FlagSuppressed}, true, noSortKey},
		{"not available sorts last", &indicator.Figure{Measure: indicator.Percent, Flag: indicator.FlagNotAvailable}, true, noSortKey},
		{"no figure sorts last", nil, false, noSortKey},
		{"a count is its value", &indicator.Figure{Indicator: "households", Measure: indicator.Households, Num: 212}, true, 212},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sortKey(tc.f, tc.ok); got != tc.want {
				t.Errorf("sortKey = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSortKeyOrder: highest first, a village withheld at 1,2–4,0 ranks above one at
// 0,0, and one with no figure comes last (the reviewer's order on /villages/).
func TestSortKeyOrder(t *testing.T) {
	zero := &indicator.Figure{Measure: indicator.Percent, Num: 0, Den: 180}
	ranged := &indicator.Figure{Measure: indicator.Percent, Flag: indicator.FlagSuppressed, Bounded: true, Lower: 12, Upper: 40}
	high := &indicator.Figure{Measure: indicator.Percent, Num: 5, Den: 100}
	rows := []struct {
		name string
		key  float64
	}{
		{"none", sortKey(nil, false)}, {"zero", sortKey(zero, true)}, {"ranged", sortKey(ranged, true)}, {"high", sortKey(high, true)},
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].key > rows[j].key })
	var got []string
	for _, r := range rows {
		got = append(got, r.name)
	}
	want := []string{"high", "ranged", "zero", "none"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
