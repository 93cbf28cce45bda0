package disclosure

import (
	"math"
	"testing"
)

// TestTermEnds checks the fast ends of c*x against math.Min and math.Max,
// including 0 times an infinite bound, which must stay NaN (and so tell nothing).
func TestTermEnds(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		name      string
		c, lo, hi float64
	}{
		{"positive", 2, 1, 4},
		{"negative", -3, 1, 4},
		{"negative unbounded", -1, 0, inf},
		{"positive unbounded", 1, 2, inf},
		{"zero unbounded", 0, 0, inf},
		{"zero bounded", 0, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := termEnds(tc.c, tc.lo, tc.hi)
			wa, wb := math.Min(tc.c*tc.lo, tc.c*tc.hi), math.Max(tc.c*tc.lo, tc.c*tc.hi)
			same := func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) }
			if !same(a, wa) || !same(b, wb) {
				t.Fatalf("termEnds(%g, %g, %g) = %g, %g; want %g, %g", tc.c, tc.lo, tc.hi, a, b, wa, wb)
			}
		})
	}
}

// TestTightenWithAnUnboundedTerm checks that a relation still bounds a variable
// whose own end is infinite: from x <= y and x >= 3 a reader knows y >= 3 even
// while nothing bounds y from above. Subtracting y's infinite end from an infinite
// sum gave NaN, and no bound, unless propagation came back to the relation later.
func TestTightenWithAnUnboundedTerm(t *testing.T) {
	m := &model{keys: make([]qkey, 2), rows: []row{{terms: []term{{0, 1}, {1, -1}}}}} // x - y <= 0
	// x in [3, 5], y in [0, +Inf), as other relations left them.
	m.lo, m.hi = []float64{3, 0}, []float64{5, math.Inf(1)}
	m.tighten(&m.rows[0], nil)
	if m.lo[1] != 3 || !math.IsInf(m.hi[1], 1) {
		t.Fatalf("y in [%g, %g], want [3, +Inf)", m.lo[1], m.hi[1])
	}
}

// TestPropagateAppliesOneVariableRelationsOnce checks the propagation that does not
// come back to a relation of one variable: x = 5 must give both of x's bounds the
// first time, while x is still unbounded above, and x + y <= 7 then bounds y.
func TestPropagateAppliesOneVariableRelationsOnce(t *testing.T) {
	m := &model{keys: make([]qkey, 2), rows: []row{
		{terms: []term{{0, 1}}, rhs: 5, eq: true}, // x = 5
		{terms: []term{{0, 1}, {1, 1}}, rhs: 7},   // x + y <= 7
	}}
	m.lo, m.hi = []float64{0, 0}, []float64{math.Inf(1), math.Inf(1)}
	m.propagate(m.rowsByVar())
	if m.lo[0] != 5 || m.hi[0] != 5 || m.hi[1] != 2 {
		t.Fatalf("x in [%g, %g], y <= %g; want x = 5, y <= 2", m.lo[0], m.hi[0], m.hi[1])
	}
}
