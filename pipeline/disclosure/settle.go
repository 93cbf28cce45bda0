package disclosure

import "slices"

// candidate is one piece of knowledge settle may publish: a mark (fig >= 0, the
// primary figure shown within 1 to k-1) or a band (fig < 0, on quantity key).
type candidate struct {
	fig int
	key qkey
}

// candidates lists what settle tries, in the order it tries it: the key figures'
// marks, then their bands, then the other headline figures' marks and bands. A
// mark says more than a band (1 to k-1 against 2k+1 values), so marks come first;
// a band on a primary whose mark did not pass is the fallback, [0, 2k].
func (p *protector) candidates(m *model) []candidate {
	var out []candidate
	for _, key := range []bool{true, false} {
		for _, i := range p.primaryOrder() {
			nq, _, _ := shows(p.fig(i).Indicator, p.total(p.fig(i).Year))
			if p.lead(i) && keyQuantities[nq] == key {
				out = append(out, candidate{fig: i})
			}
		}
		for _, k := range m.keys {
			if q := m.quantityOf(k); headline[q] && keyQuantities[q] == key && p.villageAll(m, k) {
				out = append(out, candidate{fig: -1, key: k})
			}
		}
	}
	if p.fr.topProtected {
		return out
	}
	// Last, the top unit's figures over all households, when the top is the root of
	// the whole tree: the commune's flows and services, withheld since issue 17.
	for _, i := range p.primaryOrder() {
		if p.rootAll(i) {
			out = append(out, candidate{fig: i})
		}
	}
	for _, k := range m.keys {
		if cs := m.cells[k]; len(cs) > 0 && p.rootAll(cs[0].fig) {
			out = append(out, candidate{fig: -1, key: k})
		}
	}
	return out
}

// rootAll reports whether figure i is over all households of the top unit when
// that is the root of the whole tree (not TopProtected): like a village, the root
// is in one table only (ProtectParts shares a part's own unit between two tables,
// never the root), so no other table's audit misses its marks and bands.
func (p *protector) rootAll(i int) bool {
	f := p.fig(i)
	return !p.fr.topProtected && f.UnitCode == p.fr.top && f.Group == "all"
}

// settle publishes as many marks and bands as it can, one at a time: each is kept
// only if the audit, with everything kept before it, still passes. Starting from
// m, the audited model of the withholding as secure left it, it adds the
// candidate's relations, propagates from them alone (the other relations already
// hold), solves by LP the small blocks whose bounds moved, and checks the criterion
// on the quantities that moved; a failure restores the bounds and drops the
// candidate. The bounds only narrow, and each step uses every bound derived so far,
// so a kept candidate is checked against at least what the full audit derives;
// markPrimaries runs that full audit afterwards all the same.
//
// A candidate is never dropped for a failure another one caused, which is what made
// dropping marks after a failing audit cascade: on the sample 91 marks went down to
// 7.
func (p *protector) settle(m *model) error {
	p.exactPassed = nil // a kept mark or band tells the reader more (see passedExact)
	targets := p.auditTargets(m)
	var bl blockIndex
	for _, c := range p.candidates(m) {
		ok, err := p.try(m, c, targets, &bl)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		p.kept = append(p.kept, c)
		if c.fig >= 0 {
			p.marked[c.fig] = true
		} else {
			p.bands = append(p.bands, banded{c.key, p.bandOf(m.truth[m.varOf[c.key]])})
		}
	}
	return nil
}

// try adds candidate c's relations to m and keeps them if the criterion still
// holds; otherwise it leaves m as it was. Only the bounds that move are recorded
// and looked at: a province has half a million variables and tens of thousands
// of candidates.
func (p *protector) try(m *model, c candidate, targets *targetSet, bl *blockIndex) (bool, error) {
	from := len(m.rows)
	if c.fig >= 0 {
		p.markRelations(m, c.fig)
	} else if v := int(m.varOf[c.key]); v >= 0 && p.wide(m, v) {
		bandRows(m, banded{c.key, p.bandOf(m.truth[v])})
	}
	if len(m.rows) == from {
		return false, nil
	}
	trail := bl.trail[:0]
	m.trail = &trail
	defer func() { m.trail, bl.trail = nil, trail }()
	var queue []int32
	joined, fresh := false, bl.of == nil
	bl.begin()
	for ri := from; ri < len(m.rows); ri++ {
		if len(m.rows[ri].terms) > 1 {
			bl.join(m, m.rows[ri].terms)
			joined = true
		}
		for _, t := range m.rows[ri].terms {
			m.byVar[t.v] = append(m.byVar[t.v], int32(ri))
		}
		queue = append(queue, int32(ri))
	}
	m.propagateFrom(m.byVar, queue)
	ok, err := p.solveMoved(m, &trail, targets, bl)
	if err != nil || !ok {
		m.undo(trail)
		for ri := len(m.rows) - 1; ri >= from; ri-- {
			for _, t := range m.rows[ri].terms {
				m.byVar[t.v] = m.byVar[t.v][:len(m.byVar[t.v])-1]
			}
		}
		m.rows = m.rows[:from]
		switch {
		case joined && fresh:
			// The index was found with the dropped relations: find it again.
			bl.of = nil
		case joined:
			bl.unjoin()
		}
	}
	return ok, err
}

// blockIndex is m.blocks() with each variable's block (-1 for none), kept up to
// date as relations are added; trail is try's record of moved bounds, kept for
// its array.
//
// ofWas and blocksWas record what join changed during one try, and count how many
// blocks there were before it, so that a dropped candidate's joins are undone: finding
// the blocks again after each was, on a 25-commune table, a third of protection.
type blockIndex struct {
	blocks    [][]int
	of        []int
	trail     []was
	ofWas     [][2]int // variable, its block before
	blocksWas []blockWas
	count     int
}

// blockWas is a block's list before join changed it.
type blockWas struct {
	b    int
	list []int
}

// begin starts recording joins for unjoin.
func (bl *blockIndex) begin() {
	bl.ofWas, bl.blocksWas, bl.count = bl.ofWas[:0], bl.blocksWas[:0], len(bl.blocks)
}

// unjoin undoes the joins recorded since begin, latest first.
func (bl *blockIndex) unjoin() {
	for i := len(bl.ofWas) - 1; i >= 0; i-- {
		bl.of[bl.ofWas[i][0]] = bl.ofWas[i][1]
	}
	for i := len(bl.blocksWas) - 1; i >= 0; i-- {
		bl.blocks[bl.blocksWas[i].b] = bl.blocksWas[i].list
	}
	bl.blocks = bl.blocks[:bl.count]
}

func (bl *blockIndex) index(m *model) []int {
	if bl.of == nil {
		bl.blocks = m.blocks()
		bl.of = make([]int, len(m.keys))
		for v := range bl.of {
			bl.of[v] = -1
		}
		for b, block := range bl.blocks {
			for _, v := range block {
				bl.of[v] = b
			}
		}
	}
	return bl.of
}

// join puts the variables of a new relation in one block, merging theirs.
func (bl *blockIndex) join(m *model, terms []term) {
	if bl.of == nil {
		return // index will find the blocks with the new relation
	}
	to := -1
	for _, t := range terms {
		if b := bl.of[t.v]; b >= 0 && (to < 0 || len(bl.blocks[b]) > len(bl.blocks[to])) {
			to = b
		}
	}
	if to < 0 {
		to = len(bl.blocks)
		bl.blocks = append(bl.blocks, nil)
	}
	for _, t := range terms {
		switch b := bl.of[t.v]; {
		case b == to:
		case b < 0:
			bl.blocksWas = append(bl.blocksWas, blockWas{to, bl.blocks[to]})
			bl.blocks[to] = append(bl.blocks[to], t.v)
			bl.ofWas = append(bl.ofWas, [2]int{t.v, b})
			bl.of[t.v] = to
		default:
			for _, w := range bl.blocks[b] {
				bl.ofWas = append(bl.ofWas, [2]int{w, b})
				bl.of[w] = to
			}
			bl.blocksWas = append(bl.blocksWas, blockWas{to, bl.blocks[to]}, blockWas{b, bl.blocks[b]})
			bl.blocks[to] = append(bl.blocks[to], bl.blocks[b]...)
			bl.blocks[b] = nil
		}
	}
}

// solveMoved solves by LP the blocks holding a variable whose bounds moved (the
// trail's; blocks too large for the LP keep propagation's bounds, as in bound),
// then checks the criterion on every variable that moved.
func (p *protector) solveMoved(m *model, trail *[]was, targets *targetSet, bl *blockIndex) (bool, error) {
	if len(*trail) == 0 {
		return true, nil
	}
	of := bl.index(m)
	solved := map[int]bool{}
	for _, w := range *trail {
		b := of[w.v]
		if b < 0 || solved[b] || len(bl.blocks[b]) > MaxBlockLP {
			continue
		}
		solved[b] = true
		if err := m.solveBlock(bl.blocks[b]); err != nil {
			return false, err
		}
	}
	checked := map[int32]bool{}
	for _, w := range *trail {
		if checked[w.v] {
			continue
		}
		checked[w.v] = true
		if _, failed, err := p.check(m, int(w.v), targets); err != nil || failed {
			return false, err
		}
	}
	return true, nil
}

// dropAround drops the last kept mark or band that shows a variable near a failing
// quantity, and returns it.
func (p *protector) dropAround(m *model, near []int) (candidate, bool) {
	for j := len(p.kept) - 1; j >= 0; j-- {
		c := p.kept[j]
		if !p.shows(m, near, c) {
			continue
		}
		p.kept = slices.Delete(p.kept, j, j+1)
		if c.fig >= 0 {
			delete(p.marked, c.fig)
		} else {
			p.bands = slices.DeleteFunc(p.bands, func(b banded) bool { return b.key == c.key })
		}
		return c, true
	}
	return candidate{}, false
}

// shows reports whether candidate c is about one of the variables near.
func (p *protector) shows(m *model, near []int, c candidate) bool {
	for _, w := range near {
		if c.fig < 0 && m.keys[w] == c.key {
			return true
		}
		for _, cl := range m.cells[m.keys[w]] {
			if c.fig >= 0 && cl.fig == c.fig {
				return true
			}
		}
	}
	return false
}
