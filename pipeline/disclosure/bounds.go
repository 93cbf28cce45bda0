package disclosure

import "math"

// MaxBlockLP is the largest block of interlocked withheld quantities solved by
// linear programming; a larger block keeps the bounds that propagation along each
// relation gives, which contain the reader's tightest ones (see Report.Relaxed).
const MaxBlockLP = 12

// was is a variable's bounds before set changed them.
type was struct {
	v      int32
	lo, hi float64
}

// undo puts back the bounds trail recorded, latest change first.
func (m *model) undo(trail []was) {
	for i := len(trail) - 1; i >= 0; i-- {
		w := trail[i]
		m.lo[w.v], m.hi[w.v] = w.lo, w.hi
	}
}

// eps absorbs floating-point error before rounding bounds of integer quantities.
const eps = 1e-6

// bound computes every variable's interval: first by propagating each relation's
// closed form (a variable lies between the right-hand side less the others' largest
// and smallest values), then, in blocks where relations interlock, by linear
// programming. Every quantity is an integer, so bounds are rounded inward to
// integers, which any reader can do too. It returns how many variables sat in
// blocks too large for the LP.
func (m *model) bound(useLP bool) (relaxed int, err error) {
	n := len(m.keys)
	m.lo, m.hi = make([]float64, n), make([]float64, n)
	for i := range m.hi {
		m.hi[i] = math.Inf(1)
	}
	m.byVar = m.rowsByVar()
	m.propagate(m.byVar)
	if !useLP {
		return 0, nil
	}
	for _, block := range m.blocks() {
		if len(block) > MaxBlockLP {
			relaxed += len(block)
			continue
		}
		if err := m.solveBlock(block); err != nil {
			return relaxed, err
		}
	}
	return relaxed, nil
}

// rowsByVar lists the rows naming each variable, in row order; the lists share
// one array.
func (m *model) rowsByVar() [][]int32 {
	count := make([]int, len(m.keys))
	total := 0
	for _, r := range m.rows {
		for _, t := range r.terms {
			count[t.v]++
			total++
		}
	}
	all := make([]int32, 0, total)
	byVar := make([][]int32, len(m.keys))
	for v, n := range count {
		byVar[v] = all[len(all) : len(all) : len(all)+n]
		all = all[:len(all)+n]
	}
	for ri, r := range m.rows {
		for _, t := range r.terms {
			byVar[t.v] = append(byVar[t.v], int32(ri))
		}
	}
	return byVar
}

// propagate tightens bounds along single relations until nothing changes.
func (m *model) propagate(byVar [][]int32) {
	all := make([]int32, len(m.rows))
	for i := range all {
		all[i] = int32(i)
	}
	m.propagateFrom(byVar, all)
}

// propagateFrom is propagate starting from the relations in queue: from bounds that
// the other relations already hold, only those and the ones they change need a look
// (see settle).
func (m *model) propagateFrom(byVar [][]int32, queue []int32) {
	// queued is kept between calls (settle calls this once a candidate): all
	// false again when the queue has drained.
	if len(m.queued) < len(m.rows) {
		m.queued = append(m.queued, make([]bool, len(m.rows)-len(m.queued))...)
	}
	queued := m.queued
	for _, ri := range queue {
		queued[ri] = true
	}
	defer func() {
		for _, ri := range queue {
			queued[ri] = false
		}
	}()
	var changed []int
	for steps := 0; len(queue) > 0 && steps < 200*len(m.rows)+1000; steps++ {
		ri := queue[0]
		queue = queue[1:]
		queued[ri] = false
		changed = m.tighten(&m.rows[ri], changed[:0])
		for _, v := range changed {
			for _, rj := range byVar[v] {
				// A relation of one variable sets the same bounds whatever that
				// variable's (see others), and set only narrows: once applied, it
				// has nothing more to give.
				if !queued[rj] && len(m.rows[rj].terms) > 1 {
					queued[rj] = true
					queue = append(queue, rj)
				}
			}
		}
	}
}

// tighten applies one relation's closed form and appends the variables it changed
// to changed.
func (m *model) tighten(r *row, changed []int) []int {
	// Each term's smallest and largest value, worked out once: propagation
	// tightens a province's rows 3.5 million times a round.
	var buf [16][2]float64
	ends := buf[:0]
	if len(r.terms) > len(buf) {
		ends = make([][2]float64, 0, len(r.terms))
	}
	// The sums are of the finite ends, and the infinite ones are counted: the
	// others' sum is then finite when the term's own end is the only infinite one
	// (subtracting ∞ from ∞ gave NaN, and with it no bound, where a reader has one).
	var minSum, maxSum float64
	minInf, maxInf := 0, 0
	for _, t := range r.terms {
		a, b := termEnds(t.c, m.lo[t.v], m.hi[t.v])
		ends = append(ends, [2]float64{a, b})
		if math.IsInf(a, -1) {
			minInf++
		} else {
			minSum += a
		}
		if math.IsInf(b, 1) {
			maxInf++
		} else {
			maxSum += b
		}
	}
	for i, t := range r.terms {
		othersMin := others(minSum, minInf, ends[i][0], -1)
		othersMax := others(maxSum, maxInf, ends[i][1], 1)
		// c*x <= rhs - othersMin; with equality also c*x >= rhs - othersMax.
		up, down := r.rhs-othersMin, math.Inf(-1)
		if r.eq {
			down = r.rhs - othersMax
		}
		lo, hi := math.Inf(-1), math.Inf(1)
		if t.c > 0 {
			hi, lo = up/t.c, down/t.c
		} else {
			lo, hi = up/t.c, down/t.c
		}
		if m.set(t.v, lo, hi) {
			changed = append(changed, t.v)
		}
	}
	return changed
}

// others is the sum of a relation's ends less one term's own end: sum is of the
// finite ends, inf counts the infinite ones (of sign sign), own is the term's.
func others(sum float64, inf int, own float64, sign int) float64 {
	if math.IsInf(own, sign) {
		inf--
	} else {
		sum -= own
	}
	if inf > 0 {
		return math.Inf(sign)
	}
	return sum
}

// termEnds is the smallest and largest value of c*x for x in [lo, hi].
func termEnds(c, lo, hi float64) (float64, float64) {
	a, b := c*lo, c*hi
	switch {
	case c > 0:
		return a, b
	case c < 0:
		return b, a
	}
	// 0 times an infinite bound is NaN, which math.Min and math.Max pass on.
	return math.Min(a, b), math.Max(a, b)
}

// set narrows a variable's interval to integers within [lo, hi]; NaN (from an
// infinite side minus another) tells nothing.
func (m *model) set(v int, lo, hi float64) bool {
	l, h := m.lo[v], m.hi[v]
	nl, nh := l, h
	if !math.IsNaN(lo) && !math.IsInf(lo, 0) {
		nl = max(nl, math.Ceil(lo-eps))
	}
	if !math.IsNaN(hi) && !math.IsInf(hi, 0) {
		nh = min(nh, math.Floor(hi+eps))
	}
	if nl == l && nh == h {
		return false
	}
	if m.trail != nil {
		*m.trail = append(*m.trail, was{int32(v), l, h})
	}
	m.lo[v], m.hi[v] = nl, nh
	return true
}

// blocks groups the variables tied by a relation naming two or more of them; only
// those blocks need the LP, a lone variable's interval being its relations' closed
// form.
func (m *model) blocks() [][]int {
	parent := make([]int, len(m.keys))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	multi := make([]bool, len(m.keys))
	for _, r := range m.rows {
		if len(r.terms) < 2 {
			continue
		}
		a := find(r.terms[0].v)
		for _, t := range r.terms[1:] {
			if b := find(t.v); b != a {
				parent[b] = a
			}
			multi[t.v] = true
		}
		multi[r.terms[0].v] = true
	}
	byRoot := map[int][]int{}
	var roots []int
	for v := range m.keys {
		if !multi[v] {
			continue
		}
		r := find(v)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], v)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			out = append(out, byRoot[r])
		}
	}
	return out
}
