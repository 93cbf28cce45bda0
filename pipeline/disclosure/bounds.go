package disclosure

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// MaxBlockLP is the largest block of interlocked withheld quantities solved by
// linear programming; a larger block keeps the bounds that propagation along each
// relation gives, which contain the reader's tightest ones (see Report.Relaxed).
const MaxBlockLP = 12

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
	byVar := make([][]int, n)
	for ri, r := range m.rows {
		for _, t := range r.terms {
			byVar[t.v] = append(byVar[t.v], ri)
		}
	}
	m.byVar = byVar
	m.propagate(byVar)
	if !useLP {
		return 0, nil
	}
	for _, block := range m.blocks() {
		if len(block) > MaxBlockLP {
			relaxed += len(block)
			continue
		}
		if err := m.solveBlock(block, byVar); err != nil {
			return relaxed, err
		}
	}
	return relaxed, nil
}

// propagate tightens bounds along single relations until nothing changes.
func (m *model) propagate(byVar [][]int) {
	queue := make([]int, len(m.rows))
	queued := make([]bool, len(m.rows))
	for i := range queue {
		queue[i], queued[i] = i, true
	}
	for steps := 0; len(queue) > 0 && steps < 200*len(m.rows)+1000; steps++ {
		ri := queue[0]
		queue = queue[1:]
		queued[ri] = false
		for _, v := range m.tighten(m.rows[ri]) {
			for _, rj := range byVar[v] {
				if !queued[rj] {
					queued[rj] = true
					queue = append(queue, rj)
				}
			}
		}
	}
}

// tighten applies one relation's closed form and returns the variables it changed.
func (m *model) tighten(r row) []int {
	var minSum, maxSum float64
	for _, t := range r.terms {
		a, b := t.c*m.lo[t.v], t.c*m.hi[t.v]
		minSum += math.Min(a, b)
		maxSum += math.Max(a, b)
	}
	var changed []int
	for _, t := range r.terms {
		a, b := t.c*m.lo[t.v], t.c*m.hi[t.v]
		othersMin := minSum - math.Min(a, b)
		othersMax := maxSum - math.Max(a, b)
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

// set narrows a variable's interval to integers within [lo, hi]; NaN (from an
// infinite side minus another) tells nothing.
func (m *model) set(v int, lo, hi float64) bool {
	changed := false
	if !math.IsNaN(lo) && !math.IsInf(lo, 0) {
		if l := math.Ceil(lo - eps); l > m.lo[v] {
			m.lo[v], changed = l, true
		}
	}
	if !math.IsNaN(hi) && !math.IsInf(hi, 0) {
		if h := math.Floor(hi + eps); h < m.hi[v] {
			m.hi[v], changed = h, true
		}
	}
	return changed
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

// solveBlock finds each variable's smallest and largest value over the block's
// relations with gonum's simplex. Standard form: every relation is one or two
// inequalities with a slack of its own (so A has full row rank), and every finite
// upper bound from propagation is one more.
func (m *model) solveBlock(block []int, byVar [][]int) error {
	col := map[int]int{}
	for i, v := range block {
		col[v] = i
	}
	seen := map[int]bool{}
	type ineq struct {
		coef map[int]float64
		rhs  float64
	}
	var ineqs []ineq
	for _, v := range block {
		for _, ri := range byVar[v] {
			if seen[ri] {
				continue
			}
			seen[ri] = true
			r := m.rows[ri]
			if len(r.terms) < 2 {
				// A relation of one variable is its interval, which propagation
				// has already applied.
				continue
			}
			// Each variable is shifted by its lower bound (x = lo + y, y >= 0), so
			// that the bounds need no rows of their own with a negative side.
			c := map[int]float64{}
			neg := map[int]float64{}
			rhs := r.rhs
			for _, t := range r.terms {
				c[col[t.v]] += t.c
				neg[col[t.v]] -= t.c
				rhs -= t.c * m.lo[t.v]
			}
			ineqs = append(ineqs, ineq{c, rhs})
			if r.eq {
				ineqs = append(ineqs, ineq{neg, -rhs})
			}
		}
		if !math.IsInf(m.hi[v], 1) {
			ineqs = append(ineqs, ineq{map[int]float64{col[v]: 1}, m.hi[v] - m.lo[v]})
		}
	}
	n, rows := len(block), len(ineqs)
	// A row with a negative right-hand side is negated and given an artificial
	// column, so that the slacks and artificials form a feasible first basis (big-M
	// method): gonum's own search for one costs far more than the solve.
	var arts []int
	for i, q := range ineqs {
		if q.rhs < 0 {
			arts = append(arts, i)
		}
	}
	cols := n + rows + len(arts)
	A := mat.NewDense(rows, cols, nil)
	b := make([]float64, rows)
	basic := make([]int, rows)
	for i, q := range ineqs {
		sign := 1.0
		if q.rhs < 0 {
			sign = -1
		}
		for j, c := range q.coef {
			A.Set(i, j, sign*c)
		}
		A.Set(i, n+i, sign)
		b[i] = sign * q.rhs
		basic[i] = n + i
	}
	c := make([]float64, cols)
	for a, i := range arts {
		A.Set(i, n+rows+a, 1)
		basic[i] = n + rows + a
		c[n+rows+a] = bigM
	}
	lo := make([]float64, n)
	for i, v := range block {
		lo[i] = m.lo[v]
	}
	for i, v := range block {
		for _, sign := range []float64{1, -1} {
			// The true values satisfy every relation: where one sits on the
			// propagated bound, that bound is attained and the LP can add nothing.
			if t := float64(m.truth[v]); (sign > 0 && t == m.lo[v]) || (sign < 0 && t == m.hi[v]) {
				continue
			}
			c[i] = sign
			_, x, err := lp.Simplex(c, A, b, 1e-9, basic)
			switch {
			case errors.Is(err, lp.ErrUnbounded):
				// Only a maximum can be unbounded: the variables are >= 0.
			case err != nil:
				return fmt.Errorf("bounds: %s: %w", describeKey(m.keys[v]), err)
			case artificial(x, n+rows) > eps:
				return fmt.Errorf("bounds: %s: the relations admit no solution", describeKey(m.keys[v]))
			case sign > 0:
				m.set(v, lo[i]+x[i], math.Inf(1))
			default:
				m.set(v, math.Inf(-1), lo[i]+x[i])
			}
		}
		c[i] = 0
	}
	return nil
}

// bigM prices the artificial columns out of every optimum: bounds are at most a few
// million, so an artificial left in would cost more than any bound can gain.
const bigM = 1e9

func artificial(x []float64, from int) float64 {
	s := 0.0
	for _, v := range x[from:] {
		s += v
	}
	return s
}
