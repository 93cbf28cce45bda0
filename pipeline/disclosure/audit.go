package disclosure

import (
	"fmt"
	"sort"
)

// target is what a withheld quantity's interval must still span: a primary count
// from 1 to k-1 must stay anywhere in [1, k-1] for the reader; a rate whose
// complement is small must leave the complement anywhere in [1, k-1].
type target struct{ lo, hi float64 }

// failure is a withheld quantity the reader can pin down too closely.
type failure struct {
	v    int
	why  string
	need target
}

// audit bounds every withheld quantity and lists those that fail DESIGN 6's
// criterion: a primary one whose interval does not contain its whole target, or a
// non-zero one determined exactly.
func (p *protector) audit(useLP bool) (*model, []failure, int, error) {
	m := p.buildModel()
	p.bandRelations(m)
	relaxed, err := m.bound(useLP)
	if err != nil {
		return m, nil, relaxed, err
	}
	targets := p.auditTargets(m)
	var fails []failure
	for v := range m.keys {
		f, failed, err := p.check(m, v, targets)
		if err != nil {
			return m, nil, relaxed, err
		}
		if failed {
			fails = append(fails, f)
		}
	}
	return m, fails, relaxed, nil
}

// auditTargets is targets cut to what the exempt figures alone give away, which
// protection cannot take back.
func (p *protector) auditTargets(m *model) map[qkey]target {
	targets := p.targets(m)
	for k, tg := range targets {
		if fl, ok := p.floor[k]; ok {
			tg.lo, tg.hi = max(tg.lo, fl.lo), min(tg.hi, fl.hi)
			targets[k] = tg
		}
	}
	return targets
}

// check applies DESIGN 6's criterion to variable v: a primary quantity's interval
// must contain its whole target, a non-zero one must not be exact. An interval
// that misses the truth is an error: a relation of the model is wrong.
func (p *protector) check(m *model, v int, targets map[qkey]target) (failure, bool, error) {
	k := m.keys[v]
	if float64(m.truth[v]) < m.lo[v] || float64(m.truth[v]) > m.hi[v] {
		return failure{}, false, fmt.Errorf("audit: %s is outside its own interval [%g, %g]: a relation of the model is wrong", m.describeKey(k), m.lo[v], m.hi[v])
	}
	if tg, ok := targets[k]; ok && (m.lo[v] > tg.lo || m.hi[v] < tg.hi) {
		return failure{v, "primary", tg}, true, nil
	}
	if fl, ok := p.floor[k]; m.truth[v] != 0 && m.lo[v] == m.hi[v] && (!ok || fl.lo < fl.hi) {
		return failure{v, "exact", target{}}, true, nil
	}
	return failure{}, false, nil
}

// targets lists, for the primary figures, the interval their small quantity must
// keep.
func (p *protector) targets(m *model) map[qkey]target {
	out := map[qkey]target{}
	k := float64(p.k)
	for i := range p.primaries {
		f := p.fig(i)
		nq, dq, mult := shows(f.Indicator, p.total(f.Year))
		if nq == "" {
			continue
		}
		nk := p.key(i, nq)
		if p.small(f.Num) {
			out[nk] = target{1, k - 1}
		}
		if dq == "" || f.Den == 0 {
			continue
		}
		dk := p.key(i, dq)
		if mult == 1 && p.small(f.Den) {
			out[dk] = target{1, k - 1}
		}
		if mult == 1 && p.small(f.Den-f.Num) {
			if d, ok := m.published(dk); ok {
				out[nk] = target{float64(d) - (k - 1), float64(d) - 1}
			}
		}
	}
	return out
}

// secure withholds further quantities until the audit passes: for each failure,
// the smallest published protected quantity (non-zero first) sharing a relation with
// the failing one. Rounds bound by propagation alone until that passes, then by
// the LP too (the LP is the costly part, and propagation finds most failures). It
// returns the final model, bounded with the LP.
func (p *protector) secure() (*model, int, error) {
	if p.floor == nil {
		p.floor = p.exemptBounds()
	}
	useLP := false
	for round := 0; ; round++ {
		m, fails, relaxed, err := p.audit(useLP)
		if debugRounds {
			fmt.Println("round", round, useLP, len(fails), len(m.keys), len(m.rows))
		}
		if err != nil {
			return nil, relaxed, err
		}
		if len(fails) == 0 {
			if useLP {
				return m, relaxed, nil
			}
			useLP = true
			continue
		}
		added := false
		for _, f := range fails {
			if p.hideNeighbour(m, f.v) {
				added = true
			}
		}
		if !added {
			var names []string
			for _, f := range fails {
				names = append(names, f.why+" "+m.describeKey(m.keys[f.v]))
			}
			sort.Strings(names)
			p.auditFailures = append(p.auditFailures, names...)
			return m, relaxed, nil
		}
	}
}

// hideNeighbour withholds the smallest published quantity (non-zero first) that
// shares a relation with variable v and may be withheld, with every cell showing it.
// Sums are tried before inclusions: withholding the other side of "a group is at
// most all households" would hide a large figure to widen a small one.
func (p *protector) hideNeighbour(m *model, v int) bool {
	for _, eq := range []bool{true, false} {
		var best qkey
		found := false
		for _, ri := range m.byVar[v] {
			r := m.rows[ri]
			if r.eq != eq {
				continue
			}
			for _, k := range r.known {
				if !p.withholdable(m, k) {
					continue
				}
				if !found || less(m.known[k], m.known[best]) || (m.known[k] == m.known[best] && m.keyLess(k, best)) {
					best, found = k, true
				}
			}
		}
		if found {
			for _, c := range m.cells[best] {
				p.hide(c)
			}
			return true
		}
	}
	return false
}

// withholdable reports whether every cell showing a published quantity may be
// withheld.
func (p *protector) withholdable(m *model, k qkey) bool {
	for _, c := range m.cells[k] {
		if !p.protected(c.fig) {
			return false
		}
	}
	return true
}

var debugRounds = false

// exemptBounds is what a reader would know of each quantity if every figure that
// may be withheld were: the bounds the exempt figures (the top unit's stocks) set by
// themselves. A primary quantity's target is cut to them.
func (p *protector) exemptBounds() map[qkey]target {
	saved := append([]bool(nil), p.hidden...)
	for i := range p.t.Figures {
		if p.protected(i) {
			p.hidden[2*i], p.hidden[2*i+1] = true, true
		}
	}
	m := p.buildModel()
	m.bound(false)
	copy(p.hidden, saved)
	out := make(map[qkey]target, len(m.keys))
	for v, k := range m.keys {
		out[k] = target{m.lo[v], m.hi[v]}
	}
	return out
}
