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

// LPCheck is one withheld quantity of a block too large for the package's LP, as
// the audit left it: its interval and its truth.
type LPCheck struct {
	Var    int // its column, x<Var> in the LP text
	Name   string
	Truth  int64
	Lo, Hi float64 // the audit's interval, as published
}

// Audited is the final audit's model, for a reader with another LP solver.
type Audited struct {
	// LP is the model in CPLEX LP format: every withheld quantity a column x0,
	// x1, ... at least 0, every relation a row; the objective is the line
	// " obj: x0", for the caller to replace.
	LP string
	// Checks lists the withheld quantities in blocks larger than MaxBlockLP that
	// the criterion concerns: primary ones and non-zero ones.
	Checks []LPCheck
	// Report is Protect's.
	Report Report
	judge  func(i int, lo, hi float64) (float64, float64, bool, error)
}

// Judge applies the audit's own criterion (check) to Checks[i] with the interval
// [lo, hi] in place of the audit's, rounded inward as the audit rounds; it
// returns the rounded interval and whether the criterion fails.
func (a *Audited) Judge(i int, lo, hi float64) (float64, float64, bool, error) {
	return a.judge(i, lo, hi)
}

// AuditedLP protects t with opts and returns its final audit's model.
func AuditedLP(t *indicator.Table, k int, opts ...Option) (*Audited, error) {
	out := &Audited{}
	audited = func(p *protector, m *model) {
		all := make([]int, len(m.keys))
		for v := range all {
			all[v] = v
		}
		out.LP = blockLP(m, all) // every variable: the whole model
		targets := p.auditTargets(m)
		for _, block := range m.blocks() {
			if len(block) <= MaxBlockLP {
				continue
			}
			for _, v := range block {
				_, primary := targets.get(m.keys[v])
				if fl, ok := p.floor.get(m.keys[v]); !primary && (m.truth[v] == 0 || (ok && fl.lo == fl.hi)) {
					continue // check asks nothing of it
				}
				out.Checks = append(out.Checks, LPCheck{Var: v, Name: m.describeKey(m.keys[v]), Truth: m.truth[v], Lo: m.lo[v], Hi: m.hi[v]})
			}
		}
		out.judge = func(i int, lo, hi float64) (float64, float64, bool, error) {
			v := out.Checks[i].Var
			was := [2]float64{m.lo[v], m.hi[v]}
			defer func() { m.lo[v], m.hi[v] = was[0], was[1] }()
			m.set(v, lo, hi)
			_, failed, err := p.check(m, v, targets)
			return m.lo[v], m.hi[v], failed, err
		}
	}
	defer func() { audited = nil }()
	var err error
	if out.Report, err = Protect(t, k, opts...); err != nil {
		return nil, err
	}
	return out, nil
}
