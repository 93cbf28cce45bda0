package disclosure

import (
	"fmt"
	"math"
	"strings"
)

// Query asks for the smallest value of variable Var, or with Max the largest.
type Query struct {
	Var int
	Max bool
}

// Optimum answers a Query: the optimal value (±Inf where unbounded) and a point of
// the feasible set that reaches it, by variable (nil where unbounded).
type Optimum struct {
	Value float64
	Point map[int]float64
}

// Solver answers each query over an LP's feasible set: what a reader with an LP
// solver deduces. The LP is in CPLEX LP format, every withheld quantity a column
// x<v> at least 0 and every relation a row, with the objective written as the
// line " obj: x0" for the solver to point at each query's variable.
type Solver func(lp string, qs []Query) ([]Optimum, error)

// Option changes how Protect works.
type Option func(*protector)

// WithExactLP has the audit bound the withheld quantities of blocks too large for
// the package's own LP (MaxBlockLP) with solve, over the whole block, instead of
// by propagation alone: propagation can miss what a reader learns by combining
// relations along a chain (TestExactLPReader found 9 such quantities on the
// sample), and an exact solver does not. It costs up to two solves per quantity
// the criterion concerns in each audit that uses the LP (see solveExact).
func WithExactLP(solve Solver) Option {
	return func(p *protector) { p.exact = solve }
}

// solveExact bounds, with p.exact, the quantities of the large blocks that the
// criterion concerns and returns the variables it bounded. A primary quantity
// gets both ends from the LP. Another needs only not to be exact, and every
// optimum's point, being a value of all the block's quantities that fits every
// relation, proves that for each quantity it puts away from its truth (the truth
// fits too): most are proven so by the primaries' optima, and the rest get their
// smallest value, and their largest only if that is the truth. The solver's ends
// are rounded inward as propagation's are and only ever narrow them: both
// contain the truth, and check catches a solver that says otherwise.
//
// A quantity that passed an earlier exact audit is not solved again (see
// passedExact): it keeps propagation's interval, which contains the exact one
// and so passes too; markPrimaries' last audit skips none.
func (p *protector) solveExact(m *model, targets *targetSet) ([]int, error) {
	var solved []int
	p.exactSkipped = false
	for _, block := range m.blocks() {
		if len(block) <= MaxBlockLP {
			continue
		}
		var primary, other []int
		for _, v := range p.concerned(m, block, targets) {
			if p.exactPassed[m.keys[v]] {
				p.exactSkipped = true
				continue
			}
			if _, ok := targets.get(m.keys[v]); ok {
				primary = append(primary, v)
			} else {
				other = append(other, v)
			}
		}
		if len(primary)+len(other) == 0 {
			continue
		}
		if err := p.solveBlock(m, blockLP(m, block), primary, other); err != nil {
			return solved, fmt.Errorf("exact lp: %w", err)
		}
		solved = append(append(solved, primary...), other...)
	}
	return solved, nil
}

// exactBatch is how many of the other quantities' queries go to the solver at
// once: enough to keep every core busy, few enough that one optimum's point can
// spare the next batch's queries.
const exactBatch = 32

// solveBlock answers the block's queries (see solveExact).
func (p *protector) solveBlock(m *model, lp string, primary, other []int) error {
	open := make(map[int]bool, len(other)) // not yet proven not exact
	for _, v := range other {
		open[v] = true
	}
	asked := make(map[int]int, len(other)) // the other quantities' sides asked so far
	var qs []Query
	for _, v := range primary {
		qs = append(qs, Query{v, false}, Query{v, true})
	}
	for len(qs) > 0 {
		res, err := p.exact(lp, qs)
		if err != nil {
			return err
		}
		if len(res) != len(qs) {
			return fmt.Errorf("%d optima for %d queries", len(res), len(qs))
		}
		for i, q := range qs {
			if q.Max {
				m.set(q.Var, math.Inf(-1), res[i].Value)
			} else {
				m.set(q.Var, res[i].Value, math.Inf(1))
			}
			for v := range open {
				if x, ok := res[i].Point[v]; ok && math.Abs(x-float64(m.truth[v])) >= 0.5 {
					delete(open, v)
				}
			}
		}
		// The next batch: the smallest value of each open quantity, then the
		// largest of one whose smallest was its truth; with both asked, an open
		// quantity is exact, and check fails it.
		qs = qs[:0]
		for _, v := range other {
			if len(qs) == exactBatch {
				break
			}
			if open[v] && asked[v] < 2 {
				qs = append(qs, Query{v, asked[v] == 1})
				asked[v]++
			}
		}
	}
	return nil
}

// passedExact records the solved variables that passed the criterion. Until a
// mark or band is kept, each later audit knows less than this one (secure only
// withholds more; markPrimaries only drops marks and bands), so every reader's
// interval is at least as wide and the criterion, which asks for width, still
// holds: settle, which keeps marks and bands, forgets the record.
func (p *protector) passedExact(m *model, solved []int, fails []failure) {
	if p.exactPassed == nil {
		p.exactPassed = map[qkey]bool{}
	}
	failed := make(map[int]bool, len(fails))
	for _, f := range fails {
		failed[f.v] = true
	}
	for _, v := range solved {
		if !failed[v] {
			p.exactPassed[m.keys[v]] = true
		}
	}
}

// concerned lists the variables of block that check asks something of: a primary
// one must span its target; another must not be exact unless it is zero or the
// exempt figures already fix it.
func (p *protector) concerned(m *model, block []int, targets *targetSet) []int {
	var out []int
	for _, v := range block {
		_, primary := targets.get(m.keys[v])
		fl, fixed := p.floor.get(m.keys[v])
		if primary || (m.truth[v] != 0 && m.lo[v] < m.hi[v] && !(fixed && fl.lo == fl.hi)) {
			out = append(out, v)
		}
	}
	return out
}

// blockLP writes the relations naming block's variables as an LP (see Solver).
// A relation's variables are all in one block, so the block's rows are the whole
// of what a reader knows about it.
func blockLP(m *model, block []int) string {
	in := make(map[int32]bool, len(block))
	for _, v := range block {
		in[int32(v)] = true
	}
	var b strings.Builder
	b.WriteString("Minimize\n obj: x0\nSubject To\n")
	for i, r := range m.rows {
		if len(r.terms) == 0 || !in[int32(r.terms[0].v)] {
			continue
		}
		writeRow(&b, i, r)
	}
	b.WriteString("Bounds\n")
	for _, v := range block {
		fmt.Fprintf(&b, " x%d >= 0\n", v)
	}
	b.WriteString("End\n")
	return b.String()
}

// writeRow writes relation r, numbered i, as an LP row; %.17g keeps every
// coefficient exact.
func writeRow(b *strings.Builder, i int, r row) {
	fmt.Fprintf(b, " r%d:", i)
	for _, t := range r.terms {
		fmt.Fprintf(b, " %+.17g x%d", t.c, t.v)
	}
	op := "<="
	if r.eq {
		op = "="
	}
	fmt.Fprintf(b, " %s %.17g\n", op, r.rhs)
}
