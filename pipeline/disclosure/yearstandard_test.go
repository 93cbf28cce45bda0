package disclosure

import (
	"slices"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// TestEachYearsStandardFromTheTable: the audit's model reads each year's standard
// from the table, not from a fixed list of 12 indicators: its deprivation figures,
// its total weight (mpi_a's denominator over the poor count) and whether it is
// weighted, which drops the plain censored-sum relation.
func TestEachYearsStandardFromTheTable(t *testing.T) {
	fig := func(year int, ind string, num, den int64) indicator.Figure {
		return indicator.Figure{Year: year, UnitLevel: "commune", UnitCode: "C", Group: "all", Indicator: ind, Num: num, Den: den}
	}
	tab := &indicator.Table{
		Figures: []indicator.Figure{
			fig(2025, "poor_households", 11, 0), fig(2025, "dep_water_rate", 3, 20), fig(2025, "censored_water_rate", 2, 110),
			fig(2025, "mpi_a", 40, 132),
			fig(2026, "poor_households", 8, 0), fig(2026, "dep_employment_rate", 4, 20), fig(2026, "dep_income_rate", 5, 20),
			fig(2026, "censored_employment_rate", 3, 110), fig(2026, "censored_income_rate", 4, 110), fig(2026, "mpi_a", 30, 8*25),
			fig(2027, "poor_households", 0, 0), fig(2027, "dep_water_rate", 0, 0), fig(2027, "mpi_a", 0, 0),
		},
		Weighted: map[int]bool{2026: true},
	}
	tab.Reindex()
	p := &protector{t: tab}
	got := p.standards()
	for _, c := range []struct {
		name     string
		year     int
		deps     []string
		total    int64
		weighted bool
	}{
		{"twelve equal weights", 2025, []string{"water"}, 12, false},
		{"weighted, total 25", 2026, []string{"employment", "income"}, 25, true},
		{"no poor: the number of indicators", 2027, []string{"water"}, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ys := got[c.year]
			if !slices.Equal(ys.deps, c.deps) || ys.total != c.total || ys.weighted != c.weighted {
				t.Errorf("%d: %+v, want deps %v total %d weighted %v", c.year, ys, c.deps, c.total, c.weighted)
			}
		})
	}
	p.std = got
	m := &model{std: got}
	if qs := m.everyQuantity(2026); !slices.Contains(qs, qDep("income")) || slices.Contains(qs, qDep("water")) {
		t.Errorf("2026 sums %v, want its own deprivations only", qs)
	}
	if _, den, mult := shows("mpi_a", p.total(2026)); den != qPoor || mult != 25 {
		t.Errorf("mpi_a's denominator is %d x %s, want 25 x poor", mult, den)
	}
}
