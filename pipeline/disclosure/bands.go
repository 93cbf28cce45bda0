package disclosure

// A band publishes a withheld quantity as a range of at most 2k households that
// contains it ("11–21 hộ"), where the rest of the table leaves it much wider: the
// village pages lead with such figures, and a range as wide as the village says
// nothing. Like a mark (markPrimaries) it is knowledge the audit must include, so it
// enters the model as two relations, and settle keeps it only if the audit still
// passes with it.
//
// Why a fixed grid. The band is the cell of the grid of multiples of 2k+1 that holds
// the truth ([0, 2k], [2k+1, 4k+1], ...), the same grid for every figure and every
// build. The cell is a function of which cell the truth falls in and of nothing
// else, so publishing it tells the reader exactly "the value lies in this cell", a
// relation the audit states, and no more. A band centred on the truth, starting at
// it, or placed to fit the other intervals would be a function of the truth itself:
// its midpoint, its start or its fit would give the value away. The published range
// is the cell cut to the audit's interval, which the reader can compute from the
// cell and the rest, so it adds nothing.
//
// What is left. Whether a figure gets its band depends on the audit, and so on the
// truth: a wide range where a band could be tells the reader that some band would
// have narrowed a small count. That is the knowledge every cell-suppression method
// gives by its choice of cells (the marks and the complementary cells here
// included), not a bound on any one figure, and the audit does not model it.

// bandSpan is a band's width in integers: 2k+1 values, a range of 2k.
func (p *protector) bandSpan() int64 { return 2*p.k + 1 }

// bandOf is the grid cell holding a non-negative count t.
func (p *protector) bandOf(t int64) target {
	w := p.bandSpan()
	lo := (t / w) * w
	return target{float64(lo), float64(lo + w - 1)}
}

// banded is one band kept: the quantity and its cell.
type banded struct {
	key  qkey
	cell target
}

// bandRelations states the bands kept, in the order settle kept them.
func (p *protector) bandRelations(m *model) {
	for _, b := range p.bands {
		bandRows(m, b)
	}
}

// bandRows adds a band's two relations: lo <= x <= hi.
func bandRows(m *model, b banded) {
	m.between([]qkey{b.key}, []float64{1}, b.cell.lo, b.cell.hi)
}

// wide reports whether a variable's interval is wider than a band: only then does
// a band tell the reader more.
func (p *protector) wide(m *model, v int) bool {
	return m.hi[v]-m.lo[v] > float64(2*p.k)
}

// Bands and marks go to the villages' figures over all households, and then to
// the root unit's (see rootAll): each of them is in one table only.

// keyQuantities are the quantities of the figures a village page leads with (issue
// 17's goal): the poor and near-poor (counts and rates, whose denominator is the
// households) and the escaped. They are marked and banded before the other
// headline quantities, which may only use what safety those leave.
var keyQuantities = map[quantity]bool{qPoor: true, qNear: true, qEscaped: true, qHouseholds: true}

// villageAll reports whether a quantity is over all households of a village, the
// first ones banded (a village is in one table only; see lead).
func (p *protector) villageAll(m *model, k qkey) bool {
	cs := m.cells[k]
	return len(cs) > 0 && p.fig(cs[0].fig).Group == "all" && p.fig(cs[0].fig).UnitLevel == "village"
}

// quantityOf is what quantity k counts (the poor, the escaped...).
func (m *model) quantityOf(k qkey) quantity {
	return m.qs.quants.names[m.qs.names[k].q]
}
