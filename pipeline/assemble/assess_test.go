package assemble

import (
	"reflect"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/progress"
)

// TestUnitAssessmentsAreThePublishedTables: a nation's provinces and communes are
// assessed while each province is protected, so that publishing assesses nothing.
// Those assessments must be the ones the published table of each province gives
// (rebuilt from the sums with the kept protection), for every province and commune.
func TestUnitAssessmentsAreThePublishedTables(t *testing.T) {
	l := nationSandbox(t)
	in, err := Load(l, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	pin, _, err := Compute(l, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(pin.Parts) == 0 || len(pin.Targets) == 0 {
		t.Fatalf("%d parts, %d targets: not a nation with targets", len(pin.Parts), len(pin.Targets))
	}
	units := 0
	for _, p := range pin.Parts {
		table, err := p.Table()
		if err != nil {
			t.Fatal(err)
		}
		codes := append([]string{p.Code}, communeCodes(pin.Registry, p.Code)...)
		want := progress.Units(pin.Targets, table, pin.Years, codes)
		for _, code := range codes {
			units++
			if got := pin.UnitAssessments[code]; !reflect.DeepEqual(got, want[code]) {
				t.Errorf("%s: assessed %+v while protected, %+v from its published table", code, got, want[code])
			}
		}
	}
	provinces := 0
	for _, u := range pin.Registry.Units {
		if u.Level == config.LevelProvince {
			provinces++
		}
	}
	if want := provinces + len(pin.Registry.Communes(pin.Portal.Unit.Code)); units != want || len(pin.UnitAssessments) != want {
		t.Errorf("%d units assessed (%d in the map), want every province and commune: %d", units, len(pin.UnitAssessments), want)
	}
}
