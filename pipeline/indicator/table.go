package indicator

// Table: the computed figures and how a figure is found by its key.

// Table is every figure the engine computed, in a fixed order: year, unit, group,
// indicator (as in Definitions).
type Table struct {
	Figures []Figure
	// Definitions are the indicators of the standards the table's years were
	// computed under (Catalogue); nil for a table made otherwise, whose catalogue is
	// the package's Definitions (see Catalogue).
	Definitions []Definition
	// Standards gives the id of the standard each year was computed under, and
	// Weighted whether that standard weighs its indicators unequally (then mpi_a's
	// numerator is a weighted sum of the censored counts, not their sum); nil for a
	// table made otherwise.
	Standards map[int]string
	Weighted  map[int]bool
	index     map[Key]int
	// grid, for a table the engine built, finds a figure by arithmetic on its
	// position instead of a map of every key (which for a province's million
	// figures would take as much memory as the figures themselves).
	grid *grid
}

// grid is the layout of a table built year by year, unit by unit, group by group,
// indicator by indicator.
type grid struct {
	years, units, groups, inds map[string]int
	yearAt                     map[int]int
}

func (g *grid) size() int {
	return len(g.yearAt) * len(g.units) * len(g.groups) * len(g.inds)
}

func (g *grid) find(k Key) (int, bool) {
	y, ok1 := g.yearAt[k.Year]
	u, ok2 := g.units[k.UnitCode]
	gr, ok3 := g.groups[k.Group]
	d, ok4 := g.inds[k.Indicator]
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, false
	}
	return ((y*len(g.units)+u)*len(g.groups)+gr)*len(g.inds) + d, true
}

// Catalogue returns the definitions of the table's indicators, in publishing order.
func (t *Table) Catalogue() []Definition {
	if t.Definitions != nil {
		return t.Definitions
	}
	return Definitions
}

// Get returns the figure with the given key.
func (t *Table) Get(k Key) (*Figure, bool) {
	i, ok := t.Index(k)
	if !ok {
		return nil, false
	}
	return &t.Figures[i], true
}

// Index returns the position of the figure with the given key.
func (t *Table) Index(k Key) (int, bool) {
	if t.grid != nil && t.grid.size() == len(t.Figures) {
		i, ok := t.grid.find(k)
		if ok && t.Figures[i].Key() == k {
			return i, true
		}
		if ok {
			// Reordered since it was built: fall back on a map.
			t.grid = nil
			t.index = nil
		} else {
			return 0, false
		}
	}
	if t.index == nil {
		t.Reindex()
	}
	i, ok := t.index[k]
	return i, ok
}

// Reindex rebuilds the key index after figures were added.
func (t *Table) Reindex() {
	if t.grid != nil && t.grid.size() == len(t.Figures) {
		return
	}
	t.grid = nil
	t.index = make(map[Key]int, len(t.Figures))
	for i := range t.Figures {
		t.index[t.Figures[i].Key()] = i
	}
}
