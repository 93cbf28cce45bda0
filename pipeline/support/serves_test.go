package support

import "testing"

func TestServes(t *testing.T) {
	tests := []struct {
		name, supportType, indicator string
		want                         bool
	}{
		{"a coverage type serves its own target", "job_matching", "support_coverage_jobs", true},
		{"a coverage type serves no other coverage", "job_matching", "support_coverage_training", false},
		{"health cards serve the insured share", "health_insurance_card", "health_insurance_rate", true},
		{"water grants serve both water and latrines", "water_latrine", "hygienic_latrine_rate", true},
		{"nutrition serves no schooling target", "nutrition", "school_attendance_rate", false},
		{"every type serves the poverty rate", "communication", "poor_rate", true},
		{"an unknown type serves nothing", "fireworks", "poor_rate", false},
		{"the derived coverage of an untargeted type is not a target", "nutrition", "support_coverage_nutrition", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Serves(tc.supportType, tc.indicator); got != tc.want {
				t.Errorf("Serves(%q, %q) = %v, want %v", tc.supportType, tc.indicator, got, tc.want)
			}
		})
	}
	if !ServesAll("poor_rate") || ServesAll("clean_water_rate") {
		t.Error("only the poverty rate is served by every support type")
	}
}
