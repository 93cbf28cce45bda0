package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
)

// TestTwoPlans gives the sample's targets two plans: the finished 2022-2025 plan and
// a second one, invented for the test (no 2026-2030 plan has been adopted that the
// portal could cite). The site leads with the open plan, archives the finished one,
// and targets.csv names each target's plan.
func TestTwoPlans(t *testing.T) {
	in := testInput(t)
	in.Plans = []config.Plan{
		{ID: "2022-2025", Period: "2022-2025", TitleVI: "Kế hoạch 2022-2025", TitleEN: "The 2022-2025 plan"},
		{ID: "test-next", Period: "2026-2030", TitleVI: "Kế hoạch thử", TitleEN: "A test plan"},
	}
	for i := range in.Targets {
		in.Targets[i].Plan = "2022-2025"
	}
	in.Targets[len(in.Targets)-1].Plan = "test-next"
	l := build(t, in)

	var plans []planJSON
	b, err := os.ReadFile(filepath.Join(l.BuildData(), "plans.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &plans); err != nil {
		t.Fatal(err)
	}
	if len(plans) != 2 || plans[0].ID != "test-next" || !plans[0].Current || plans[0].Finished ||
		plans[1].ID != "2022-2025" || plans[1].Current || !plans[1].Finished {
		t.Fatalf("plans %+v: want the open plan first, current, and 2022-2025 finished", plans)
	}
	if !slices.Equal(plans[0].Targets, []string{in.Targets[len(in.Targets)-1].ID}) || len(plans[1].Targets) != len(in.Targets)-1 {
		t.Errorf("plan targets %v and %v", plans[0].Targets, plans[1].Targets)
	}
	rows := readCSV(t, filepath.Join(l.Downloads(), "targets.csv"))
	col := slices.Index(rows[0], "plan")
	if col < 0 {
		t.Fatal("targets.csv has no plan column")
	}
	seen := map[string]int{}
	for _, r := range rows[1:] {
		seen[r[col]]++
	}
	if seen["2022-2025"] != len(in.Targets)-1 || seen["test-next"] != 1 {
		t.Errorf("targets.csv plans %v", seen)
	}
}
