package disclosure

import "github.com/minhtien/portal/pipeline/indicator"

// term is c times variable v.
type term struct {
	v int
	c float64
}

// row is a linear relation a reader can use: the sum of its terms equals rhs (eq) or
// is at most rhs, once the published quantities are moved to the right-hand side.
type row struct {
	terms []term
	rhs   float64
	eq    bool
	// known lists the published quantities moved to the right-hand side: the
	// candidates for complementary withholding.
	known []qkey
}

// model is what a reader knows: the published quantities, the withheld ones as
// variables, and every relation of DESIGN 6 between them.
type model struct {
	qs    *quantities
	known []int64  // by qkey: the published value (0 for a withheld quantity)
	varOf []int32  // by qkey: the variable of a withheld quantity, -1 for a published one
	cells [][]cell // by qkey: the cells that show each quantity
	keys  []qkey   // by variable
	truth []int64
	rows  []row
	byVar [][]int // the rows naming each variable
	lo    []float64
	hi    []float64
	std   map[int]yearStandard // each year's standard, as the table shows it
}

// buildModel reads which quantities the current withholding hides.
func (p *protector) buildModel() *model {
	qs := p.quantities()
	m := &model{qs: qs, cells: qs.cells, std: p.std, known: make([]int64, len(qs.names)), varOf: make([]int32, len(qs.names))}
	published := make([]bool, len(qs.names))
	for i, s := range qs.shown {
		for pt, k := range s.key {
			if k != noKey && !p.isHidden(cell{i, part(pt)}) {
				// The last published cell's value, as every cell shows the same.
				published[k], m.known[k] = true, s.val[pt]
			}
		}
	}
	for k := range qs.names {
		if published[k] {
			m.varOf[k] = -1
			continue
		}
		m.varOf[k] = int32(len(m.keys))
		m.keys = append(m.keys, qkey(k))
		m.truth = append(m.truth, qs.value[k])
	}
	m.relations(p.fr)
	p.primaryRelations(m)
	return m
}

// published returns a quantity's value when it is published.
func (m *model) published(k qkey) (int64, bool) {
	if k == noKey || m.varOf[k] >= 0 {
		return 0, false
	}
	return m.known[k], true
}

// primaryRelations state what the primary rule tells the reader of the marked
// figures: one withheld for its own small count and shown as a range within 1 to
// k-1 ("1–4 hộ") has its small quantity (or the complement of a rate) known to lie
// there. The audit reasons with that knowledge, so that publishing the range gives
// nothing more away (see markPrimaries).
func (p *protector) primaryRelations(m *model) {
	k := float64(p.k)
	for _, i := range p.primaryOrder() {
		if !p.marked[i] {
			continue
		}
		f := p.fig(i)
		nq, dq, mult := shows(f.Indicator, p.total(f.Year))
		if nq == "" || f.Flag == indicator.FlagNotAvailable {
			continue
		}
		nk := p.key(i, nq)
		if p.small(f.Num) {
			m.lin(false, []qkey{nk}, []float64{1}, k-1)
			m.lin(false, []qkey{nk}, []float64{-1}, -1)
		}
		if dq == "" || mult != 1 || f.Den == 0 {
			continue
		}
		dk := p.key(i, dq)
		if p.small(f.Den) {
			m.lin(false, []qkey{dk}, []float64{1}, k-1)
			m.lin(false, []qkey{dk}, []float64{-1}, -1)
		}
		if p.small(f.Den - f.Num) {
			m.lin(false, []qkey{dk, nk}, []float64{1, -1}, k-1)
			m.lin(false, []qkey{dk, nk}, []float64{-1, 1}, -1)
		}
	}
}

// primaryOrder lists the primary figures in table order, so that the model's rows
// come out the same on every build.
func (p *protector) primaryOrder() []int {
	out := make([]int, 0, len(p.primaries))
	for i := range p.t.Figures {
		if p.primaries[i] {
			out = append(out, i)
		}
	}
	return out
}

// lin adds the relation sum(coef x key) (= or <=) rhs (0 unless given),
// substituting published quantities; a relation naming a quantity the table does
// not have (noKey) is left out.
func (m *model) lin(eq bool, ks []qkey, cs []float64, rhs ...float64) {
	var r row
	r.eq = eq
	for _, v := range rhs {
		r.rhs += v
	}
	for i, k := range ks {
		if k == noKey {
			return
		}
		if j := m.varOf[k]; j >= 0 {
			r.terms = append(r.terms, term{int(j), cs[i]})
			continue
		}
		r.rhs -= cs[i] * float64(m.known[k])
		r.known = append(r.known, k)
	}
	if len(r.terms) > 0 {
		m.rows = append(m.rows, r)
	}
}

// exists reports whether the table has a quantity at all.
func (m *model) exists(k qkey) bool { return k != noKey }

// everyQuantity lists the quantities of a year summed from children to parents and
// bounded by their all-households value: the deprivations are those of the year's
// own standard.
func (m *model) everyQuantity(y int) []quantity {
	out := []quantity{qHouseholds, qPoor, qNear, qPoorNear, qEscaped, qNewly, qRelapsed, qRecent, qDepSum, qChildren, qInSchool, qMembers, qInsured, qWaterOK, qLatrineOK}
	for _, n := range m.std[y].deps {
		out = append(out, qDep(n), qCensored(n))
	}
	return out
}

// ids returns the dictionary ids of names (-1 for one the table does not have).
func ids[T comparable](n *interner[T], names []T) []int32 {
	out := make([]int32, len(names))
	for i, v := range names {
		out[i] = n.id(v)
	}
	return out
}

// relations lists every relation of DESIGN 6 a reader can apply.
func (m *model) relations(fr frame) {
	qs := m.qs
	units, groups, all := ids(&qs.units, fr.units), ids(&qs.groups, fr.groups), qs.groups.id("all")
	years := ids(&qs.years, fr.years)
	for yi, y := range fr.years {
		yid := years[yi]
		every := ids(&qs.quants, m.everyQuantity(y))
		for gi, g := range groups {
			for _, u := range units {
				m.unitRelations(y, qname{yid, u, g, -1})
				if yi > 0 {
					m.flowRelations(years[:yi+1], qname{-1, u, g, -1})
				}
				if fr.groups[gi] != "all" {
					for _, q := range every {
						m.lin(false, []qkey{qs.find(qname{yid, u, g, q}), qs.find(qname{yid, u, all, q})}, []float64{1, -1})
					}
				}
			}
			for _, parent := range fr.parents {
				if len(fr.children[parent]) == 0 {
					continue
				}
				pid, children := qs.units.id(parent), ids(&qs.units, fr.children[parent])
				for _, q := range every {
					ks := []qkey{qs.find(qname{yid, pid, g, q})}
					cs := []float64{1}
					for _, c := range children {
						ks = append(ks, qs.find(qname{yid, c, g, q}))
						cs = append(cs, -1)
					}
					m.lin(true, ks, cs)
				}
			}
		}
	}
}

// unitRelations are the identities and inclusions within one unit, group and year
// (at names a unit, group and year; its quantity is set by each relation).
func (m *model) unitRelations(y int, at qname) {
	k := func(q quantity) qkey {
		at.q = m.qs.quants.id(q)
		return m.qs.find(at)
	}
	m.lin(true, []qkey{k(qPoorNear), k(qPoor), k(qNear)}, []float64{1, -1, -1})
	m.lin(true, []qkey{k(qDep("water")), k(qWaterOK), k(qPoorNear)}, []float64{1, 1, -1})
	m.lin(true, []qkey{k(qDep("sanitation")), k(qLatrineOK), k(qPoorNear)}, []float64{1, 1, -1})
	ys := m.std[y]
	censored := []qkey{k(qDepSum)}
	cs := []float64{1}
	for _, n := range ys.deps {
		censored = append(censored, k(qCensored(n)))
		cs = append(cs, -1)
		m.lin(false, []qkey{k(qDep(n)), k(qPoorNear)}, []float64{1, -1})
		m.lin(false, []qkey{k(qCensored(n)), k(qPoor)}, []float64{1, -1})
		m.lin(false, []qkey{k(qCensored(n)), k(qDep(n))}, []float64{1, -1})
	}
	if !ys.weighted && len(ys.deps) > 0 {
		// Under unequal weights dep_sum is a weighted sum of the censored counts,
		// which this relation of plain sums cannot state (as in equations); a table
		// without deprivation figures states nothing about it.
		m.lin(true, censored, cs)
	}
	for _, q := range m.everyQuantity(y) {
		if householdCount(q) {
			m.lin(false, []qkey{k(q), k(qHouseholds)}, []float64{1, -1})
		}
	}
	m.lin(false, []qkey{k(qWaterOK), k(qPoorNear)}, []float64{1, -1})
	m.lin(false, []qkey{k(qLatrineOK), k(qPoorNear)}, []float64{1, -1})
	m.lin(false, []qkey{k(qInSchool), k(qChildren)}, []float64{1, -1})
	m.lin(false, []qkey{k(qInsured), k(qMembers)}, []float64{1, -1})
	m.lin(false, []qkey{k(qDepSum), k(qPoor)}, []float64{1, -float64(ys.total)})
	m.lin(false, []qkey{k(qNewly), k(qRelapsed), k(qPoor)}, []float64{1, 1, -1})
}

// flowRelations tie the last of years (dictionary ids) to the one before: this
// year's poor are at most last year's, less those who escaped, plus the newly poor
// and the relapsed (households that leave make it an inequality); nobody escapes
// who was not poor; the recently escaped escaped in one of the last three reviews.
func (m *model) flowRelations(years []int32, at qname) {
	t := len(years) - 1
	k := func(y int32, q quantity) qkey {
		at.year, at.q = y, m.qs.quants.id(q)
		return m.qs.find(at)
	}
	y, prev := years[t], years[t-1]
	m.lin(false, []qkey{k(y, qPoor), k(prev, qPoor), k(y, qEscaped), k(y, qNewly), k(y, qRelapsed)}, []float64{1, -1, 1, -1, -1})
	m.lin(false, []qkey{k(y, qEscaped), k(prev, qPoor)}, []float64{1, -1})
	ks := []qkey{k(y, qRecent)}
	cs := []float64{1}
	for back := 0; back < 3 && t-back >= 1; back++ {
		if m.exists(k(years[t-back], qEscaped)) {
			ks = append(ks, k(years[t-back], qEscaped))
			cs = append(cs, -1)
		}
	}
	m.lin(false, ks, cs)
}
