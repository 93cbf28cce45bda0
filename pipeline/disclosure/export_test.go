package disclosure

import (
	"fmt"
	"reflect"
	"strings"

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
// the audit left it: its interval, its truth and what DESIGN 6 asks of it.
type LPCheck struct {
	Var    int // its column, x<Var> in the LP text
	Name   string
	Truth  int64
	Lo, Hi float64 // the audit's interval, as published
	Target bool    // a primary quantity: the interval must span [NeedLo, NeedHi]
	NeedLo float64 // (otherwise it must not be exact)
	NeedHi float64
}

// AuditedLP protects t and returns the final audit's model in CPLEX LP format
// (every withheld quantity a column x0, x1, ... at least 0, every relation a
// row; the objective is left to the caller as the line " obj: x0") and a check
// for each withheld quantity in a block larger than MaxBlockLP that the
// criterion concerns.
func AuditedLP(t *indicator.Table, k int) (string, []LPCheck, error) {
	var (
		text   string
		checks []LPCheck
	)
	audited = func(p *protector, m *model) {
		text = lpText(m)
		targets := p.auditTargets(m)
		for _, block := range m.blocks() {
			if len(block) <= MaxBlockLP {
				continue
			}
			for _, v := range block {
				c := LPCheck{Var: v, Name: m.describeKey(m.keys[v]), Truth: m.truth[v], Lo: m.lo[v], Hi: m.hi[v]}
				if tg, ok := targets.get(m.keys[v]); ok {
					c.Target, c.NeedLo, c.NeedHi = true, tg.lo, tg.hi
				} else if fl, ok := p.floor.get(m.keys[v]); m.truth[v] == 0 || (ok && fl.lo == fl.hi) {
					continue
				}
				checks = append(checks, c)
			}
		}
	}
	defer func() { audited = nil }()
	if _, err := Protect(t, k); err != nil {
		return "", nil, err
	}
	return text, checks, nil
}

// lpText writes m in CPLEX LP format.
func lpText(m *model) string {
	var b strings.Builder
	b.WriteString("Minimize\n obj: x0\nSubject To\n")
	for i, r := range m.rows {
		fmt.Fprintf(&b, " r%d:", i)
		for _, t := range r.terms {
			fmt.Fprintf(&b, " %+.17g x%d", t.c, t.v)
		}
		op := "<="
		if r.eq {
			op = "="
		}
		fmt.Fprintf(&b, " %s %.17g\n", op, r.rhs)
	}
	b.WriteString("Bounds\n")
	for v := range m.keys {
		fmt.Fprintf(&b, " x%d >= 0\n", v)
	}
	b.WriteString("End\n")
	return b.String()
}
