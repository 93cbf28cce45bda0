package disclosure

import (
	"fmt"
	"slices"
)

// markPrimaries shows as many primary figures as it can as a range within 1 to
// k-1 ("1–4 hộ") instead of the wider interval the other published figures alone
// give, and as many other withheld headline figures as it can as a band (see
// bands.go). Telling the reader that a count is small is what the primary rule's
// "<k" always did, but it is knowledge the audit must include: two small counts
// that add up to a small total leave each less than the whole of 1 to k-1. So
// settle keeps, one at a time, each mark and band the audit allows with those kept
// before; a full audit then checks them together, and should it fail, the last kept
// mark or band tied to a failing quantity is dropped (it is then published with its
// interval without it, which is wider) until it passes. Withholding is left as
// secure made it (m is secure's audited model): marks and bands only ever narrow
// what is shown.
func (p *protector) markPrimaries(m *model) (*model, int, error) {
	p.marked, p.bands, p.kept = map[int]bool{}, nil, nil
	if err := p.settle(m); err != nil {
		return nil, 0, fmt.Errorf("mark: %w", err)
	}
	for round := 0; ; round++ {
		if round == maxMarkRounds {
			// Still failing: give up on the marks and bands, which leaves the
			// audit that secure passed.
			p.marked, p.bands, p.kept = map[int]bool{}, nil, nil
		}
		m, fails, relaxed, err := p.audit(true)
		if err != nil {
			return nil, relaxed, fmt.Errorf("mark: %w", err)
		}
		if len(fails) == 0 {
			if p.exactSkipped {
				// The final audit solves every quantity again rather than
				// trust passedExact's argument: what is published rests on it.
				p.exactPassed = nil
				continue
			}
			return m, relaxed, nil
		}
		dropped := false
		var done []candidate // the marks and bands dropped in this round
		for _, f := range fails {
			// The marks that narrow v may sit further away: widen the circle
			// until one is dropped (with none left, the audit is secure's). A
			// failure next to one dropped in this round waits for the next
			// audit, which may find it fixed.
			near := m.within(f.v, 1)
			if slices.ContainsFunc(done, func(c candidate) bool { return p.shows(m, near, c) }) {
				continue
			}
			for radius := 1; radius <= len(m.keys); radius *= 2 {
				if radius > 1 {
					near = m.within(f.v, radius)
				}
				if c, ok := p.dropAround(m, near); ok {
					done, dropped = append(done, c), true
					break
				}
			}
		}
		if !dropped {
			// These fail without any mark near them: secure already reported them.
			for _, f := range fails {
				p.auditFailures = append(p.auditFailures, f.why+" "+m.describeKey(m.keys[f.v]))
			}
			return m, relaxed, nil
		}
	}
}

// lead reports whether a primary figure may be marked: a headline quantity over
// all households of a village. Villages are the leaves of every tree, so each
// village is in one table only: a unit shared by two tables (a province, in the
// nation's and in its own; see ProtectParts) is audited by each without the
// other's marks, and is never marked.
func (p *protector) lead(i int) bool {
	f := p.fig(i)
	nq, _, _ := shows(f.Indicator, p.total(f.Year))
	return f.Group == "all" && f.UnitLevel == "village" && headline[nq]
}

// headline lists the quantities every unit's page leads with: households, the poor
// and near-poor (counts and rates) and the flows.
var headline = map[quantity]bool{qHouseholds: true, qPoor: true, qNear: true, qPoorNear: true, qEscaped: true, qNewly: true, qRelapsed: true}

// maxMarkRounds bounds the audits markPrimaries runs: each is a full audit.
const maxMarkRounds = 40

// within lists v and the variables at most radius relations away from it.
func (m *model) within(v, radius int) []int {
	set := []int{v}
	in := map[int]bool{v: true}
	from := 0
	for range radius {
		to := len(set)
		for _, w := range set[from:to] {
			for _, ri := range m.byVar[w] {
				for _, t := range m.rows[ri].terms {
					if !in[t.v] {
						in[t.v] = true
						set = append(set, t.v)
					}
				}
			}
		}
		if from = to; from == len(set) {
			break
		}
	}
	return set
}
