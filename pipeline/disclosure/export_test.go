package disclosure

import "github.com/minhtien/portal/pipeline/indicator"

// ModelAfterPrimaries withholds t's primary figures and returns a function that
// builds and bounds (by propagation) the model of what is left published, as a
// table past MaxAuditFigures is bounded; each call builds the table's list of
// quantities again, as each protection does. For benchmarks.
func ModelAfterPrimaries(t *indicator.Table, k int, tree Tree) func() error {
	p := &protector{t: t, k: int64(k), hidden: make([]bool, 2*len(t.Figures))}
	p.t.Reindex()
	p.fr = p.frame(tree)
	p.std = p.standards()
	p.primaries = map[int]bool{}
	p.preset()
	p.primary()
	return func() error {
		p.qs = nil
		_, err := p.buildModel().bound(false)
		return err
	}
}
