package disclosure

import (
	"slices"

	"github.com/minhtien/portal/pipeline/indicator"
)

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
	// termArena and keyArena hold the rows' terms and published quantities.
	termArena arena[term]
	keyArena  arena[qkey]
	byVar     [][]int32 // the rows naming each variable
	lo        []float64
	hi        []float64
	// trail, when not nil, records every change set makes (see settle's try);
	// queued is propagateFrom's, kept between calls.
	trail  *[]was
	queued []bool
	rec    *relationList        // when not nil, lin lists relations there (see listRelations)
	std    map[int]yearStandard // each year's standard, as the table shows it
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
	if p.listed == nil {
		p.listed = listRelations(m, p.fr)
	}
	// Room after them for the marks' and bands' rows, and for those settle tries.
	p.listed.addRows(m, 2*(len(p.marked)+len(p.bands))+1024)
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
	marked := make([]int, 0, len(p.marked))
	for i, ok := range p.marked {
		if ok && p.primaries[i] {
			marked = append(marked, i)
		}
	}
	slices.Sort(marked) // table order: the model's rows come out the same every build
	for _, i := range marked {
		p.markRelations(m, i)
	}
}

// markRelations adds what the mark on primary figure i tells the reader: each
// small quantity its target names (see ruleOf) lies within 1 to k-1.
func (p *protector) markRelations(m *model, i int) {
	r, ok := p.ruleOf(i)
	if !ok || p.fig(i).Flag == indicator.FlagNotAvailable {
		return
	}
	k := float64(p.k)
	if r.num {
		m.between([]qkey{r.nk}, []float64{1}, 1, k-1)
	}
	if r.den {
		m.between([]qkey{r.dk}, []float64{1}, 1, k-1)
	}
	if r.complement {
		m.between([]qkey{r.dk, r.nk}, []float64{1, -1}, 1, k-1)
	}
}

// between adds lo <= sum(cs x ks) <= hi as two relations.
func (m *model) between(ks []qkey, cs []float64, lo, hi float64) {
	m.lin(false, ks, cs, hi)
	neg := make([]float64, len(cs))
	for i, c := range cs {
		neg[i] = -c
	}
	m.lin(false, ks, neg, -lo)
}

// primaryOrder lists the primary figures in table order, so that the model's rows
// come out the same on every build.
func (p *protector) primaryOrder() []int {
	out := make([]int, 0, len(p.primaries))
	for i, ok := range p.primaries {
		if ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// lin adds the relation sum(coef x key) (= or <=) rhs (0 unless given),
// substituting published quantities; a relation naming a quantity the table does
// not have (noKey) is left out.
func (m *model) lin(eq bool, ks []qkey, cs []float64, rhs ...float64) {
	if slices.Contains(ks, noKey) {
		return
	}
	var sum float64
	for _, v := range rhs {
		sum += v
	}
	if m.rec != nil {
		m.rec.add(eq, ks, cs, sum)
		return
	}
	nt := m.withheld(ks)
	if nt == 0 {
		return
	}
	r := row{eq: eq, rhs: sum, terms: m.termArena.take(nt)[:0], known: m.keyArena.take(len(ks) - nt)[:0]}
	for i, k := range ks {
		if j := m.varOf[k]; j >= 0 {
			r.terms = append(r.terms, term{int(j), cs[i]})
			continue
		}
		r.rhs -= cs[i] * float64(m.known[k])
		r.known = append(r.known, k)
	}
	m.rows = append(m.rows, r)
}

// arena hands out slices of chunks it allocates arenaChunk elements at a time: a
// province's model has millions of rows of two or three terms, which as an
// allocation each cost more than the terms.
type arena[T any] struct{ buf []T }

const arenaChunk = 1 << 14

// take returns a slice of n elements, with no room to grow into the next one's
// (nil for none).
func (a *arena[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if len(a.buf)+n > cap(a.buf) {
		a.buf = make([]T, 0, max(arenaChunk, n))
	}
	s := a.buf[len(a.buf) : len(a.buf)+n : len(a.buf)+n]
	a.buf = a.buf[:len(a.buf)+n]
	return s
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
	// Each parent with children, then its children, as ids.
	var families [][]int32
	for _, parent := range fr.parents {
		if len(fr.children[parent]) > 0 {
			families = append(families, append([]int32{qs.units.id(parent)}, ids(&qs.units, fr.children[parent])...))
		}
	}
	for yi, y := range fr.years {
		yid := years[yi]
		yq := m.yearIDs(y)
		every := yq.every
		for gi, g := range groups {
			for _, u := range units {
				m.unitRelations(y, qname{yid, u, g, -1}, yq)
				if yi > 0 {
					m.flowRelations(years[:yi+1], qname{-1, u, g, -1})
				}
				if fr.groups[gi] != "all" {
					for _, q := range every {
						m.lin(false, []qkey{qs.find(qname{yid, u, g, q}), qs.find(qname{yid, u, all, q})}, []float64{1, -1})
					}
				}
			}
			m.familySums(families, qname{yid, -1, g, -1}, every)
		}
	}
}

// familySums state that each family's children (units after the first) add up to
// their parent (the first), for every quantity of a year and group.
func (m *model) familySums(families [][]int32, at qname, every []int32) {
	var ks []qkey
	var cs []float64
	for _, family := range families {
		cs = append(cs[:0], 1)
		for range family[1:] {
			cs = append(cs, -1)
		}
		for _, q := range every {
			ks = ks[:0]
			for _, u := range family {
				at.unit, at.q = u, q
				ks = append(ks, m.qs.find(at))
			}
			m.lin(true, ks, cs)
		}
	}
}

// yearIDs are the dictionary ids of the quantities a year's relations name in
// every unit and group, looked up once per year.
type yearIDs struct {
	every      []int32 // everyQuantity's
	counts     []int32 // those of every that count households
	deps, cens []int32 // by deprivation of the year's standard
}

func (m *model) yearIDs(y int) *yearIDs {
	qs := &m.qs.quants
	yq := &yearIDs{every: ids(qs, m.everyQuantity(y))}
	for i, q := range m.everyQuantity(y) {
		if householdCount(q) {
			yq.counts = append(yq.counts, yq.every[i])
		}
	}
	for _, n := range m.std[y].deps {
		yq.deps = append(yq.deps, qs.id(qDep(n)))
		yq.cens = append(yq.cens, qs.id(qCensored(n)))
	}
	return yq
}

// unitRelations are the identities and inclusions within one unit, group and year
// (at names a unit, group and year; its quantity is set by each relation).
func (m *model) unitRelations(y int, at qname, yq *yearIDs) {
	id := func(q int32) qkey {
		at.q = q
		return m.qs.find(at)
	}
	k := func(q quantity) qkey { return id(m.qs.quants.id(q)) }
	m.lin(true, []qkey{k(qPoorNear), k(qPoor), k(qNear)}, []float64{1, -1, -1})
	m.lin(true, []qkey{k(qDep("water")), k(qWaterOK), k(qPoorNear)}, []float64{1, 1, -1})
	m.lin(true, []qkey{k(qDep("sanitation")), k(qLatrineOK), k(qPoorNear)}, []float64{1, 1, -1})
	ys := m.std[y]
	censored := []qkey{k(qDepSum)}
	cs := []float64{1}
	for i := range ys.deps {
		dep, cen := id(yq.deps[i]), id(yq.cens[i])
		censored = append(censored, cen)
		cs = append(cs, -1)
		m.lin(false, []qkey{dep, k(qPoorNear)}, []float64{1, -1})
		m.lin(false, []qkey{cen, k(qPoor)}, []float64{1, -1})
		m.lin(false, []qkey{cen, dep}, []float64{1, -1})
	}
	if !ys.weighted && len(ys.deps) > 0 {
		// Under unequal weights dep_sum is a weighted sum of the censored counts,
		// which this relation of plain sums cannot state (as in equations); a table
		// without deprivation figures states nothing about it.
		m.lin(true, censored, cs)
	}
	for _, q := range yq.counts {
		m.lin(false, []qkey{id(q), k(qHouseholds)}, []float64{1, -1})
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
