package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// TestNetChangeFromPublishedStocks: net_change.json gives, for every pair of
// consecutive years whose poor-household counts are both published and under one
// standard, their exact difference, and nothing else: never across a change of
// standard, never from a withheld count.
func TestNetChangeFromPublishedStocks(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(in *Input)
		years []int // the years that must have a change
	}{
		{"every year published, one standard", func(in *Input) {}, []int{2022, 2023, 2024, 2025}},
		{"a change of standard", func(in *Input) {
			in.Table.Standards = map[int]string{2021: "a", 2022: "a", 2023: "b", 2024: "b", 2025: "b"}
		}, []int{2022, 2024, 2025}},
		{"a withheld count", func(in *Input) {
			f, _ := in.Table.Get(indicator.Key{Year: 2023, UnitCode: "12424", Group: "all", Indicator: "poor_households"})
			f.Flag = indicator.FlagSuppressed
		}, []int{2022, 2025}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testInput(t)
			in.Table.Standards = map[int]string{2021: "a", 2022: "a", 2023: "a", 2024: "a", 2025: "a"}
			tt.edit(in)
			w := &writer{in: in}
			got := w.unitNetChanges("12424")
			if len(got) != len(tt.years) {
				t.Fatalf("%d changes %+v, want years %v", len(got), got, tt.years)
			}
			for i, c := range got {
				a, _ := in.Table.Get(indicator.Key{Year: c.From, UnitCode: "12424", Group: "all", Indicator: "poor_households"})
				b, _ := in.Table.Get(indicator.Key{Year: c.Year, UnitCode: "12424", Group: "all", Indicator: "poor_households"})
				if c.Year != tt.years[i] || c.From != c.Year-1 || c.Change != b.Num-a.Num {
					t.Errorf("change %+v, want year %d from %d: %d", c, tt.years[i], tt.years[i]-1, b.Num-a.Num)
				}
			}
		})
	}
	l := build(t, testInput(t))
	var file map[string][]netChange
	b, err := os.ReadFile(filepath.Join(l.BuildData(), "net_change.json"))
	if err != nil || json.Unmarshal(b, &file) != nil || file["12424"] == nil {
		t.Fatalf("net_change.json: %v %s", err, b)
	}
}

// TestNetChangeText: the words of a change.
func TestNetChangeText(t *testing.T) {
	tests := []struct {
		name   string
		d      int64
		vi, en string
	}{
		{"fewer", -14, "2022: giảm 14 hộ so với 2021", "2022: 14 fewer than in 2021"},
		{"more", 3, "2022: tăng 3 hộ so với 2021", "2022: 3 more than in 2021"},
		{"none", 0, "2022: không đổi so với 2021", "2022: unchanged from 2021"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := netChangeText(2022, 2021, tt.d); got.VI != tt.vi || got.EN != tt.en {
				t.Errorf("got %q / %q", got.VI, got.EN)
			}
		})
	}
}
