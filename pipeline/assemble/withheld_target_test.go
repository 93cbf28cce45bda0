package assemble

import (
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/progress"
)

// TestSampleCleanWaterWithheldTargetYear: on the committed sample, the commune's
// 2025 clean-water rate is withheld and published as an interval; a verdict comes
// from that interval against the target when it decides (final, achieved or not),
// undecided (final, never a pace verdict: the plan is over) when it straddles the
// target, and never from a projection of the 2024 value.
func TestSampleCleanWaterWithheldTargetYear(t *testing.T) {
	in, out := computeSample(t)
	for i, tg := range out.Targets {
		if tg.ID != "clean-water" {
			continue
		}
		f, ok := out.Table.Get(indicator.Key{Year: tg.Year, UnitCode: in.Portal.Unit.Code, Group: "all", Indicator: tg.Indicator})
		if !ok {
			t.Fatalf("no %s figure for %d", tg.Indicator, tg.Year)
		}
		lo, hi, hasUpper, bounded := f.Bounds()
		if !bounded || !hasUpper {
			t.Fatalf("the sample's %d figure is not a bounded withheld one (flag %q): the test no longer holds its defect", tg.Year, f.Flag)
		}
		a := out.Assessments[i]
		if tg.Comparator != ">=" {
			t.Fatalf("the sample's clean-water target is %s %v, not >=: the test no longer holds its case", tg.Comparator, tg.Value)
		}
		switch {
		case hi < tg.Value, lo >= tg.Value:
			// The interval decides: a final verdict, with no projection.
			want := progress.NotAchieved
			if lo >= tg.Value {
				want = progress.Achieved
			}
			if a.Status != want || !a.Final || a.Projection != nil || len(out.Projections[i]) != 0 {
				t.Errorf("interval %v-%v: status %s final %v projection %v (line %d points), want final %s with no projection",
					lo, hi, a.Status, a.Final, a.Projection, len(out.Projections[i]), want)
			}
			if a.WithheldYear != tg.Year || a.WithheldUpper == nil || *a.WithheldUpper != hi {
				t.Errorf("withheld %d upper %v, want %d %v", a.WithheldYear, a.WithheldUpper, tg.Year, hi)
			}
		default:
			// The interval straddles the target: undecided, and the 2024 value is
			// not projected into the withheld year.
			if !a.Final || a.Status != progress.Undecided {
				t.Errorf("interval %v-%v straddles %v: status %s final %v, want final undecided", lo, hi, tg.Value, a.Status, a.Final)
			}
			if a.Projection != nil {
				t.Errorf("interval %v-%v straddles %v: projection %v into the withheld year", lo, hi, tg.Value, a.Projection)
			}
		}
		return
	}
	t.Fatal("no clean-water target in the sample")
}
