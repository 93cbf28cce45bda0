package disclosure

import "fmt"

// markPrimaries shows as many primary figures as it can as a range within 1 to
// k-1 ("1–4 hộ") instead of the wider interval the other published figures alone
// give. Telling the reader that a count is small is what the primary rule's "<k"
// always did, but it is knowledge the audit must include: two small counts that
// add up to a small total leave each less than the whole of 1 to k-1. So every
// primary figure starts marked, the audit runs with the marks as relations, and
// the marks of the figures tied to a failing quantity are dropped (they are then
// published with their interval without the mark, which is wider) until it passes.
// Withholding is left as secure made it: marks only ever narrow what is shown.
func (p *protector) markPrimaries() (*model, int, error) {
	p.marked = map[int]bool{}
	for i := range p.primaries {
		p.marked[i] = true
	}
	for round := 0; ; round++ {
		m, fails, relaxed, err := p.audit(true)
		if err != nil {
			return nil, relaxed, fmt.Errorf("mark: %w", err)
		}
		if len(fails) == 0 {
			return m, relaxed, nil
		}
		dropped := false
		for _, f := range fails {
			if p.unmarkAround(m, f.v) {
				dropped = true
			}
		}
		if !dropped {
			// These fail without any mark near them: secure already reported them.
			for _, f := range fails {
				p.auditFailures = append(p.auditFailures, f.why+" "+describeKey(m.keys[f.v]))
			}
			return m, relaxed, nil
		}
	}
}

// unmarkAround drops the marks of every figure showing variable v or a variable
// that shares a relation with it, and reports whether it dropped any.
func (p *protector) unmarkAround(m *model, v int) bool {
	dropped := false
	unmark := func(w int) {
		for _, c := range m.cells[m.keys[w]] {
			if p.marked[c.fig] {
				delete(p.marked, c.fig)
				dropped = true
			}
		}
	}
	unmark(v)
	for _, ri := range m.byVar[v] {
		for _, t := range m.rows[ri].terms {
			unmark(t.v)
		}
	}
	return dropped
}
