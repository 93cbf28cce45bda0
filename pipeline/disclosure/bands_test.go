package disclosure

import "testing"

// TestBandIsTheGridCell checks that a band depends on which cell of the fixed grid
// the value is in and on nothing else (so it cannot tell where in the cell the value
// lies), that it holds the value, and that it is no wider than 2k.
func TestBandIsTheGridCell(t *testing.T) {
	cases := []struct {
		name   string
		k, v   int64
		lo, hi float64
	}{
		{"zero is in the first cell", 5, 0, 0, 10},
		{"a small count shares the first cell", 5, 3, 0, 10},
		{"the last value of a cell", 5, 10, 0, 10},
		{"the first value of the next", 5, 11, 11, 21},
		{"far up the grid", 5, 480, 473, 483},
		{"a smaller threshold, a finer grid", 3, 7, 7, 13},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := &protector{k: tc.k}
			if got := p.bandOf(tc.v); got != (target{tc.lo, tc.hi}) {
				t.Errorf("bandOf(%d) = %v, want [%g, %g]", tc.v, got, tc.lo, tc.hi)
			}
		})
	}
	for _, k := range []int64{3, 5, 10} {
		p := &protector{k: k}
		for v := range int64(200) {
			b := p.bandOf(v)
			if float64(v) < b.lo || float64(v) > b.hi || b.hi-b.lo != float64(2*k) {
				t.Fatalf("k=%d: bandOf(%d) = %v does not hold it or is not 2k wide", k, v, b)
			}
			for w := int64(b.lo); w <= int64(b.hi); w++ {
				if p.bandOf(w) != b {
					t.Fatalf("k=%d: %d and %d share a cell but get %v and %v: the band depends on the value", k, v, w, b, p.bandOf(w))
				}
			}
		}
	}
}
