package disclosure

import "github.com/minhtien/portal/pipeline/indicator"

// qkey locates a quantity.
type qkey struct {
	year  int
	unit  string
	group string
	q     quantity
}

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
	known map[qkey]int64
	cells map[qkey][]cell // the cells that show each quantity
	index map[qkey]int    // variable of each withheld quantity
	keys  []qkey
	truth []int64
	rows  []row
	byVar [][]int // the rows naming each variable
	lo    []float64
	hi    []float64
	std   map[int]yearStandard // each year's standard, as the table shows it
}

// buildModel reads which quantities the current withholding hides.
func (p *protector) buildModel() *model {
	m := &model{known: map[qkey]int64{}, index: map[qkey]int{}, cells: map[qkey][]cell{}, std: p.std}
	value := map[qkey]int64{}
	var order []qkey
	see := func(k qkey, v int64, c cell) {
		hidden := p.isHidden(c)
		m.cells[k] = append(m.cells[k], c)
		if _, ok := value[k]; !ok {
			value[k] = v
			order = append(order, k)
		}
		if !hidden {
			m.known[k] = v
		}
	}
	for i := range p.t.Figures {
		f := p.fig(i)
		if f.Flag == indicator.FlagNotAvailable {
			// A figure that is not available publishes no number, and its zeros are
			// not always the truth (a rate the year's standard does not measure).
			continue
		}
		nq, dq, mult := shows(f.Indicator, p.total(f.Year))
		if nq == "" {
			continue
		}
		see(qkey{f.Year, f.UnitCode, f.Group, nq}, f.Num, cell{i, num})
		if dq != "" {
			see(qkey{f.Year, f.UnitCode, f.Group, dq}, f.Den/mult, cell{i, den})
		}
	}
	for _, k := range order {
		if _, ok := m.known[k]; ok {
			continue
		}
		m.index[k] = len(m.keys)
		m.keys = append(m.keys, k)
		m.truth = append(m.truth, value[k])
	}
	m.relations(p.fr)
	p.primaryRelations(m)
	return m
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
		nk := qkey{f.Year, f.UnitCode, f.Group, nq}
		if p.small(f.Num) {
			m.lin(false, []qkey{nk}, []float64{1}, k-1)
			m.lin(false, []qkey{nk}, []float64{-1}, -1)
		}
		if dq == "" || mult != 1 || f.Den == 0 {
			continue
		}
		dk := qkey{f.Year, f.UnitCode, f.Group, dq}
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
// not have is left out.
func (m *model) lin(eq bool, ks []qkey, cs []float64, rhs ...float64) {
	var r row
	r.eq = eq
	for _, v := range rhs {
		r.rhs += v
	}
	for i, k := range ks {
		if v, ok := m.known[k]; ok {
			r.rhs -= cs[i] * float64(v)
			r.known = append(r.known, k)
			continue
		}
		j, ok := m.index[k]
		if !ok {
			return
		}
		r.terms = append(r.terms, term{j, cs[i]})
	}
	if len(r.terms) > 0 {
		m.rows = append(m.rows, r)
	}
}

// exists reports whether the table has a quantity at all.
func (m *model) exists(k qkey) bool {
	if _, ok := m.known[k]; ok {
		return true
	}
	_, ok := m.index[k]
	return ok
}

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

// relations lists every relation of DESIGN 6 a reader can apply.
func (m *model) relations(fr frame) {
	for yi, y := range fr.years {
		for _, g := range fr.groups {
			for _, u := range fr.units {
				m.unitRelations(y, u, g)
				if yi > 0 {
					m.flowRelations(fr.years[:yi+1], u, g)
				}
				if g != "all" {
					for _, q := range m.everyQuantity(y) {
						m.lin(false, []qkey{{y, u, g, q}, {y, u, "all", q}}, []float64{1, -1})
					}
				}
			}
			for _, parent := range fr.parents {
				if len(fr.children[parent]) == 0 {
					continue
				}
				for _, q := range m.everyQuantity(y) {
					ks := []qkey{{y, parent, g, q}}
					cs := []float64{1}
					for _, c := range fr.children[parent] {
						ks = append(ks, qkey{y, c, g, q})
						cs = append(cs, -1)
					}
					m.lin(true, ks, cs)
				}
			}
		}
	}
}

// unitRelations are the identities and inclusions within one unit, group and year.
func (m *model) unitRelations(y int, u, g string) {
	k := func(q quantity) qkey { return qkey{y, u, g, q} }
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

// flowRelations tie the last of years to the one before: this year's poor are at
// most last year's, less those who escaped, plus the newly poor and the relapsed
// (households that leave make it an inequality); nobody escapes who was not poor;
// the recently escaped escaped in one of the last three reviews.
func (m *model) flowRelations(years []int, u, g string) {
	t := len(years) - 1
	k := func(y int, q quantity) qkey { return qkey{y, u, g, q} }
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
