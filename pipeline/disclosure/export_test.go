package disclosure

import (
	"fmt"
	"reflect"

	"github.com/minhtien/portal/pipeline/indicator"
)

// ModelAfterPrimaries withholds t's primary figures and returns a function that
// builds and bounds (by propagation) the model of what is left published, as a
// propagation alone bounds it; each call builds the table's list of
// quantities again, as each protection does. For benchmarks.
func ModelAfterPrimaries(t *indicator.Table, k int, tree Tree) func() error {
	p := newProtector(t, k, tree)
	return func() error {
		p.qs, p.listed = nil, nil
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

// ListedRowsDiffer builds t's model from the listed relations and again by stating
// each relation through lin, once with the primary figures withheld and once with
// every protected figure withheld, and describes the first row where the two
// differ ("" for none).
func ListedRowsDiffer(t *indicator.Table, k int, tree Tree) string {
	p := newProtector(t, k, tree)
	for _, all := range []bool{false, true} {
		if all {
			for i := range p.t.Figures {
				if p.protected(i) {
					p.hidden[2*i], p.hidden[2*i+1] = true, true
				}
			}
		}
		m := p.buildModel()
		direct := &model{qs: m.qs, cells: m.cells, std: m.std, known: m.known, varOf: m.varOf, keys: m.keys}
		direct.relations(p.fr)
		p.primaryRelations(direct)
		if len(direct.rows) != len(m.rows) {
			return fmt.Sprintf("all=%v: %d rows listed, %d stated", all, len(m.rows), len(direct.rows))
		}
		for i := range m.rows {
			if !reflect.DeepEqual(m.rows[i], direct.rows[i]) {
				return fmt.Sprintf("all=%v: row %d listed as %+v, stated as %+v", all, i, m.rows[i], direct.rows[i])
			}
		}
	}
	return ""
}
