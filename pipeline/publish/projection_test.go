package publish

import (
	"testing"

	"github.com/minhtien/portal/pipeline/chart"
)

// TestProjectionClampedAtScale: a coverage projected past 100% is drawn at 100%, and
// a rate projected below 0 at 0; a count is left as projected.
func TestProjectionClampedAtScale(t *testing.T) {
	for _, c := range []struct {
		name, code string
		in, want   float64
	}{
		{"coverage past 100", "support_coverage_health_insurance_card", 104.5, 100},
		{"rate below 0", "poor_rate", -0.7, 0},
		{"rate within its scale", "poor_rate", 0.9, 0.9},
		{"count left alone", "poor_households", 140, 140},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := clampPercent(c.code, []chart.Point{{X: 2025, Y: c.in}})
			if ps[0].Y != c.want {
				t.Errorf("projected %v drawn at %v, want %v", c.in, ps[0].Y, c.want)
			}
		})
	}
}
