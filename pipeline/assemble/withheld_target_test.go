package assemble

import (
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/progress"
)

// TestSampleCleanWaterWithheldTargetYear: on the committed sample, the commune's
// 2025 clean-water rate is withheld and published as an interval; its verdict
// follows from that interval against the target (final, achieved or not), never
// from a projection of the 2024 value.
func TestSampleCleanWaterWithheldTargetYear(t *testing.T) {
	l := sandbox(t)
	in, err := Load(l, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := Compute(l, in)
	if err != nil {
		t.Fatal(err)
	}
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
		if tg.Comparator != ">=" || !(hi < tg.Value) {
			t.Fatalf("interval %v-%v against %s %v: expected the sample's interval below the target", lo, hi, tg.Comparator, tg.Value)
		}
		if a.Status != progress.NotAchieved || !a.Final || a.Projection != nil || len(out.Projections[i]) != 0 {
			t.Errorf("status %s final %v projection %v (line %d points), want final not_achieved with no projection",
				a.Status, a.Final, a.Projection, len(out.Projections[i]))
		}
		if a.WithheldYear != tg.Year || a.WithheldUpper == nil || *a.WithheldUpper != hi {
			t.Errorf("withheld %d upper %v, want %d %v", a.WithheldYear, a.WithheldUpper, tg.Year, hi)
		}
		return
	}
	t.Fatal("no clean-water target in the sample")
}
