package publish

import (
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/standard"
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

// TestDirectionKeepsToOneStandard: when the latest year is under a new poverty
// standard, the headline compares the first year with the last year of its own
// standard and says why it stops there; with one standard it compares with the latest.
func TestDirectionKeepsToOneStandard(t *testing.T) {
	in := testInput(t)
	w := &writer{in: in}
	if got := w.villageDirection("T01", 2021).EN; strings.Contains(got, "standard") || got == "" {
		t.Errorf("one standard: %q, want a plain comparison with the latest year", got)
	}
	a, b := &standard.Standard{ID: "old"}, &standard.Standard{ID: "new"}
	in.StandardFor = func(y int) (*standard.Standard, bool) {
		if y >= 2024 {
			return b, true
		}
		return a, true
	}
	got := w.villageDirection("T01", 2021)
	for _, want := range []string{"Under the old poverty standard, by 2023: ", "From 2024 the new standard applies"} {
		if !strings.Contains(got.EN, want) {
			t.Errorf("%q, want it to say %q", got.EN, want)
		}
	}
	if !strings.Contains(got.VI, "Theo chuẩn nghèo old, đến năm 2023: ") || !strings.Contains(got.VI, "Từ năm 2024 áp dụng chuẩn nghèo new") {
		t.Errorf("vi: %q", got.VI)
	}
}
