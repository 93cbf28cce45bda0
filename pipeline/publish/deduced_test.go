package publish

import (
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// TestDeducedZeroIsMarked: a withheld figure whose interval is one value (readers
// work it out; the audit allows it only for 0) is marked deduced, so the page prints
// "0" rather than a withheld range of one number; any real interval is not.
func TestDeducedZeroIsMarked(t *testing.T) {
	w := &writer{in: testInput(t)}
	tests := []struct {
		name         string
		lower, upper int64
		want         bool
	}{
		{"interval of one value", 0, 0, true},
		{"small count", 1, 4, false},
		{"no upper bound", 12, -1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &indicator.Figure{Year: 2024, UnitCode: "T09", Group: "all", Indicator: "poor_households",
				Flag: indicator.FlagSuppressed, Bounded: true, Lower: tc.lower, Upper: tc.upper}
			if got := w.figureJSON(f).Deduced; got != tc.want {
				t.Errorf("deduced = %v, want %v", got, tc.want)
			}
		})
	}
}
