package publish

import (
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// TestDirectionSaysOnlyWhatTheFiguresProve: a range that overlaps the baseline
// cannot say "fallen"; one wholly below it can.
func TestDirectionSaysOnlyWhatTheFiguresProve(t *testing.T) {
	value := func(num, den int64) *indicator.Figure {
		return &indicator.Figure{Indicator: "poor_rate", Measure: indicator.Percent, Num: num, Den: den}
	}
	withheld := func(lo, hi int64) *indicator.Figure {
		return &indicator.Figure{Indicator: "poor_rate", Measure: indicator.Percent, Flag: indicator.FlagSuppressed, Bounded: true, Lower: lo, Upper: hi}
	}
	for _, c := range []struct {
		name      string
		base, now *indicator.Figure
		want      string
	}{
		{"value below", value(30, 400), value(10, 400), "fallen"},
		{"value above", value(10, 400), value(30, 400), "risen"},
		{"same", value(10, 400), value(10, 400), "same"},
		{"range below", value(30, 400), withheld(2, 60), "fallen"},            // 0.2-6.0% < 7.5%
		{"range overlapping", value(30, 400), withheld(2, 90), "cannot tell"}, // 0.2-9.0% vs 7.5%
		{"range without upper bound", value(30, 400), withheld(0, -1), "not enough"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := direction(c.base, c.now, 2021).EN; !strings.Contains(got, c.want) {
				t.Errorf("%q, want it to say %q", got, c.want)
			}
		})
	}
}
