package disclosure

import "github.com/minhtien/portal/pipeline/indicator"

// ModelAfterPrimaries withholds t's primary figures and returns a function that
// builds and bounds (by propagation) the model of what is left published, as a
// propagation alone bounds it; each call builds the table's list of
// quantities again, as each protection does. For benchmarks.
func ModelAfterPrimaries(t *indicator.Table, k int, tree Tree) func() error {
	p := newProtector(t, k, tree)
	return func() error {
		p.qs = nil
		_, err := p.buildModel().bound(false)
		return err
	}
}

// SparseIndexes makes every protection find its quantities and figures through
// maps instead of dense grids until restore is called, so that a test can compare
// the two.
func SparseIndexes() (restore func()) {
	saved := maxDenseSlots
	maxDenseSlots = func(int) int { return -1 }
	return func() { maxDenseSlots = saved }
}
