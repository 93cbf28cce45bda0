package indicator

// Building a Table (or a part of one) from the Aggregator's sums.

import (
	"fmt"
	"slices"

	"github.com/minhtien/portal/pipeline/standard"
)

// Table returns every figure computed so far, in the order year, unit, group,
// indicator; its key index is built on first use.
func (a *Aggregator) Table() *Table {
	if a.t == nil {
		a.t = a.table(a.units)
	}
	return a.t
}

// TableOf returns the figures of the given units only, in the order year, unit (as
// given), group, indicator: a part of a large dataset (a province of the nation) can
// be protected and published without every figure of the whole existing at once.
// Once the last review has ended, TableOf is safe for concurrent use.
func (a *Aggregator) TableOf(units []Unit) (*Table, error) {
	for _, u := range units {
		if _, ok := a.unitAt[u]; !ok {
			return nil, fmt.Errorf("compute: no figures for %s %q", u.Level, u.Code)
		}
	}
	return a.table(units), nil
}

func (a *Aggregator) table(units []Unit) *Table {
	n := 0
	for _, ys := range a.sums {
		n += len(units) * len(Groups) * len(ys.std.defs)
	}
	var stds []*standard.Standard
	for _, ys := range a.sums {
		if !slices.Contains(stds, ys.std.std) {
			stds = append(stds, ys.std.std)
		}
	}
	t := &Table{Figures: make([]Figure, 0, n), Definitions: Catalogue(stds), Standards: map[int]string{}, Weighted: map[int]bool{}}
	for _, ys := range a.sums {
		t.Standards[ys.year] = ys.std.std.ID
		for _, w := range ys.std.weights {
			t.Weighted[ys.year] = t.Weighted[ys.year] || w != ys.std.weights[0]
		}
	}
	g := &grid{units: map[string]int{}, groups: map[string]int{}, inds: map[string]int{}, yearAt: map[int]int{}}
	for i, ys := range a.sums {
		g.yearAt[ys.year] = i
	}
	for i, u := range units {
		g.units[u.Code] = i
	}
	for i, gr := range Groups {
		g.groups[gr] = i
	}
	uniform := true // every year under one standard: the grid's arithmetic holds
	for _, ys := range a.sums {
		uniform = uniform && ys.std.std == a.sums[0].std.std
	}
	if len(a.sums) > 0 {
		for i, d := range a.sums[0].std.defs {
			g.inds[d.Code] = i
		}
	}
	if len(g.units) == len(units) && uniform {
		t.grid = g
	}
	ng := len(Groups)
	for _, ys := range a.sums {
		for _, u := range units {
			ui := a.unitIndex(u)
			for gi, group := range Groups {
				t.Figures = ys.accs[ui*ng+gi].figures(t.Figures, ys.std, ys.year, u, group, ys.first)
			}
		}
	}
	return t
}
