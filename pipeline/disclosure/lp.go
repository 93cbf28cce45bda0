package disclosure

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// ineq is one inequality of an LP over a set of variables: the sum of coef (by the
// variable's column) times the variable, shifted by its lower bound, is at most rhs.
type ineq struct {
	coef map[int]float64
	rhs  float64
}

// solveBlock finds each variable's smallest and largest value over all the
// relations of a block with gonum's simplex: the reader's own interval.
func (m *model) solveBlock(block []int) error {
	return m.solveSet(block, block)
}

// solveSet bounds the variables of only by an LP over the variables of set and
// every relation naming two or more of them. A variable outside set is replaced by
// its current interval, which makes the LP a relaxation of the whole model: its
// bounds contain the reader's, and equal them when set is a whole block.
//
// Standard form: every relation is one or two inequalities with a slack of its own
// (so A has full row rank), every variable is shifted by its lower bound (x = lo +
// y, y >= 0) and every finite upper bound is one more inequality.
func (m *model) solveSet(set, only []int) error {
	col := make(map[int]int, len(set))
	for i, v := range set {
		col[v] = i
	}
	ineqs := m.setIneqs(set, col)
	for i, v := range set {
		if !math.IsInf(m.hi[v], 1) {
			ineqs = append(ineqs, ineq{map[int]float64{i: 1}, m.hi[v] - m.lo[v]})
		}
	}
	prob := standardForm(len(set), ineqs)
	for _, v := range only {
		i := col[v]
		for _, sign := range []float64{1, -1} {
			// The true values satisfy every relation: where one sits on the
			// propagated bound, that bound is attained and the LP can add nothing.
			if t := float64(m.truth[v]); (sign > 0 && t == m.lo[v]) || (sign < 0 && t == m.hi[v]) {
				continue
			}
			x, ok, err := prob.optimum(i, sign)
			switch {
			case err != nil:
				return fmt.Errorf("bounds: %s: %w", m.describeKey(m.keys[v]), err)
			case !ok:
				// Only a maximum can be unbounded: the variables are >= 0.
			case sign > 0:
				m.set(v, m.lo[v]+x, math.Inf(1))
			default:
				m.set(v, math.Inf(-1), m.lo[v]+x)
			}
		}
	}
	return nil
}

// setIneqs writes the relations naming two or more variables of set as
// inequalities over their columns; the other variables they name are moved to the
// right-hand side at whichever end of their interval loosens the inequality (a
// side with no finite end is left out). A relation naming one variable of set is
// its interval, which propagation has already applied.
func (m *model) setIneqs(set []int, col map[int]int) []ineq {
	seen := map[int32]bool{}
	var out []ineq
	for _, v := range set {
		for _, ri := range m.byVar[v] {
			if seen[ri] {
				continue
			}
			seen[ri] = true
			r := m.rows[ri]
			c := map[int]float64{}
			up, down := r.rhs, r.rhs // c.y <= up; and c.y >= down when r.eq
			for _, t := range r.terms {
				if j, ok := col[t.v]; ok {
					c[j] += t.c
					up -= t.c * m.lo[t.v]
					down -= t.c * m.lo[t.v]
					continue
				}
				a, b := termEnds(t.c, m.lo[t.v], m.hi[t.v])
				up -= a
				down -= b
			}
			if len(c) < 2 {
				continue
			}
			if !math.IsInf(up, 0) && !math.IsNaN(up) {
				out = append(out, ineq{c, up})
			}
			if r.eq && !math.IsInf(down, 0) && !math.IsNaN(down) {
				neg := make(map[int]float64, len(c))
				for j, x := range c {
					neg[j] = -x
				}
				out = append(out, ineq{neg, -down})
			}
		}
	}
	return out
}

// problem is an LP in gonum's standard form, min c.x subject to A x = b, x >= 0,
// with a feasible first basis.
type problem struct {
	n, rows int
	A       *mat.Dense
	b       []float64
	c       []float64
	basic   []int
}

// standardForm builds the problem of n shifted variables under ineqs. A row with a
// negative right-hand side is negated and given an artificial column, so that the
// slacks and artificials form a feasible first basis (big-M method): gonum's own
// search for one costs far more than the solve.
func standardForm(n int, ineqs []ineq) *problem {
	rows := len(ineqs)
	var arts []int
	for i, q := range ineqs {
		if q.rhs < 0 {
			arts = append(arts, i)
		}
	}
	cols := n + rows + len(arts)
	p := &problem{n: n, rows: rows, A: mat.NewDense(max(rows, 1), cols, nil), b: make([]float64, max(rows, 1)), c: make([]float64, cols), basic: make([]int, max(rows, 1))}
	for i, q := range ineqs {
		sign := 1.0
		if q.rhs < 0 {
			sign = -1
		}
		for j, c := range q.coef {
			p.A.Set(i, j, sign*c)
		}
		p.A.Set(i, n+i, sign)
		p.b[i] = sign * q.rhs
		p.basic[i] = n + i
	}
	for a, i := range arts {
		p.A.Set(i, n+rows+a, 1)
		p.basic[i] = n + rows + a
		p.c[n+rows+a] = bigM
	}
	return p
}

// optimum returns the smallest (sign 1) or largest (sign -1) value of variable i;
// ok is false when it is unbounded.
func (p *problem) optimum(i int, sign float64) (float64, bool, error) {
	if p.rows == 0 {
		// Nothing ties the variable: its interval is its own.
		return 0, sign > 0, nil
	}
	p.c[i] = sign
	defer func() { p.c[i] = 0 }()
	_, x, err := lp.Simplex(p.c, p.A, p.b, 1e-9, p.basic)
	switch {
	case errors.Is(err, lp.ErrUnbounded):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	case artificial(x, p.n+p.rows) > eps:
		return 0, false, errors.New("the relations admit no solution")
	}
	return x[i], true, nil
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
