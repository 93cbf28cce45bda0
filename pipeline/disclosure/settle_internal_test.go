package disclosure

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestJoinKeepsTheBlocks checks that blockIndex.join, which settle uses instead
// of finding the blocks again after each relation, ends with the blocks m.blocks
// finds from all the relations.
func TestJoinKeepsTheBlocks(t *testing.T) {
	for seed := range uint64(20) {
		m, randomRow, n := randomBlockModel(seed, 1)
		var bl blockIndex
		bl.index(m)
		for range n / 2 {
			rw := randomRow()
			m.rows = append(m.rows, rw)
			if len(rw.terms) > 1 {
				bl.join(m, rw.terms)
			}
		}
		if got, want := partition(bl.blocks), partition(m.blocks()); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("seed %d: joined blocks %v, found %v", seed, got, want)
		}
	}
}

// TestUnjoinPutsBackTheBlocks checks that undoing the joins of a dropped candidate
// leaves the blocks and every variable's block as they were, and that joins after
// it still end with the blocks m.blocks finds.
func TestUnjoinPutsBackTheBlocks(t *testing.T) {
	for seed := range uint64(20) {
		m, randomRow, _ := randomBlockModel(seed, 2)
		r := rand.New(rand.NewPCG(seed, 3)) // how many relations a candidate adds
		var bl blockIndex
		bl.index(m)
		for range 5 {
			wantBlocks, wantOf := partition(bl.blocks), slices.Clone(bl.of)
			bl.begin()
			from := len(m.rows)
			for range 1 + r.IntN(4) {
				rw := randomRow()
				m.rows = append(m.rows, rw)
				if len(rw.terms) > 1 {
					bl.join(m, rw.terms)
				}
			}
			m.rows = m.rows[:from]
			bl.unjoin()
			if got := partition(bl.blocks); !slices.EqualFunc(got, wantBlocks, slices.Equal) || !slices.Equal(bl.of, wantOf) {
				t.Fatalf("seed %d: blocks %v after unjoin, %v before", seed, got, wantBlocks)
			}
			rw := randomRow()
			m.rows = append(m.rows, rw)
			if len(rw.terms) > 1 {
				bl.join(m, rw.terms)
			}
		}
		if got, want := partition(bl.blocks), partition(m.blocks()); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("seed %d: blocks %v, found %v", seed, got, want)
		}
	}
}

// randomBlockModel is a model of 30 to 79 variables with a third as many random
// relations of one to three of them, and the source of more such relations.
func randomBlockModel(seed, stream uint64) (*model, func() row, int) {
	r := rand.New(rand.NewPCG(seed, stream))
	n := 30 + r.IntN(50)
	m := &model{keys: make([]qkey, n)}
	randomRow := func() row {
		var terms []term
		for range 1 + r.IntN(3) {
			terms = append(terms, term{v: r.IntN(n), c: 1})
		}
		return row{terms: terms}
	}
	for range n / 3 {
		m.rows = append(m.rows, randomRow())
	}
	return m, randomRow, n
}

// partition is blocks as sorted sets, in a fixed order, without the empty ones
// and the single variables (which need no LP).
func partition(blocks [][]int) [][]int {
	var out [][]int
	for _, b := range blocks {
		b = slices.Compact(slices.Sorted(slices.Values(b)))
		if len(b) > 1 {
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// TestUndoPutsBackTheBounds checks the trail try keeps: propagating a relation
// and undoing it leaves every bound as it was.
func TestUndoPutsBackTheBounds(t *testing.T) {
	m := &model{keys: make([]qkey, 3), rows: []row{
		{terms: []term{{0, 1}, {1, 1}, {2, 1}}, rhs: 10, eq: true},
	}}
	m.lo, m.hi = make([]float64, 3), []float64{math.Inf(1), 4, math.Inf(1)}
	m.byVar = m.rowsByVar()
	m.propagate(m.byVar)
	lo, hi := slices.Clone(m.lo), slices.Clone(m.hi)

	var trail []was
	m.trail = &trail
	m.rows = append(m.rows, row{terms: []term{{0, 1}}, rhs: 3}) // x0 <= 3
	m.byVar[0] = append(m.byVar[0], 1)
	m.propagateFrom(m.byVar, []int32{1})
	m.trail = nil
	if m.hi[0] != 3 || m.lo[2] != 3 {
		t.Fatalf("propagation gave x0 <= %g, x2 >= %g; want 3 and 3", m.hi[0], m.lo[2])
	}
	if len(trail) == 0 {
		t.Fatal("the trail recorded nothing")
	}
	m.undo(trail)
	if !slices.Equal(m.lo, lo) || !slices.Equal(m.hi, hi) {
		t.Errorf("after undo: lo %v hi %v, want lo %v hi %v", m.lo, m.hi, lo, hi)
	}
}
