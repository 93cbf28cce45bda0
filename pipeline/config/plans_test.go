package config

import (
	"strings"
	"testing"
)

const twoPlans = `[[plans]]
id = "2022-2025"
period = "2022-2025"
title_vi = "Kế hoạch 2022-2025"
title_en = "The 2022-2025 plan"

[[plans]]
id = "next"
period = "2026-2030"
title_vi = "Kế hoạch sau"
title_en = "The next plan"

[[targets]]
id = "poverty-rate"
plan = "2022-2025"
title_vi = "a"
title_en = "a"
indicator = "poor_rate"
comparator = "<"
value = 1.2
year = 2025

[[targets]]
id = "poverty-rate-next"
plan = "next"
title_vi = "b"
title_en = "b"
indicator = "poor_rate"
comparator = "<"
value = 1.0
year = 2030
`

func TestPlans(t *testing.T) {
	f, err := ParseTargetFile("targets.toml", []byte(twoPlans), knownIndicators)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Plans) != 2 || f.Targets[1].Plan != "next" {
		t.Fatalf("parsed %+v", f)
	}
	one := strings.SplitN(twoPlans, "[[plans]]\nid = \"next\"", 2)[0] + "[[targets]]\nid = \"x\"\ntitle_vi = \"x\"\ntitle_en = \"x\"\nindicator = \"poor_rate\"\ncomparator = \"<\"\nvalue = 1.0\nyear = 2025\n"
	if f, err := ParseTargetFile("targets.toml", []byte(one), knownIndicators); err != nil || f.Targets[0].Plan != "2022-2025" {
		t.Errorf("a target of the only plan: %+v %v", f, err)
	}
	tests := []struct{ name, old, new, want string }{
		{"plan_not_declared", `plan = "next"`, `plan = "later"`, `plan "later" is not declared`},
		{"plan_missing_with_two", "plan = \"next\"\n", "", "each target names its plan"},
		{"plan_twice", `id = "next"`, `id = "2022-2025"`, "used twice"},
		{"bad_period", `period = "2026-2030"`, `period = "2030-2026"`, "is not two years"},
		{"no_title", `title_en = "The next plan"`, `title_en = ""`, "needs title_vi and title_en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTargetFile("targets.toml", []byte(strings.Replace(twoPlans, tt.old, tt.new, 1)), knownIndicators)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}
