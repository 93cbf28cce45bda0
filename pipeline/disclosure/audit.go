package disclosure

import (
	"fmt"
	"math"
	"sort"
)

// target is what a withheld quantity's interval must still span: a primary count
// from 1 to k-1 must stay anywhere in [1, k-1] for the reader; a rate whose
// complement is small must leave the complement anywhere in [1, k-1].
type target struct{ lo, hi float64 }

// failure is a withheld quantity the reader can pin down too closely.
type failure struct {
	v   int
	why string
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
	var solved []int
	if useLP && p.exact != nil {
		if solved, err = p.solveExact(m, targets); err != nil {
			return m, nil, relaxed, err
		}
		relaxed -= len(solved)
		p.exactSolved = len(solved)
		p.exactSolves += len(solved)
	}
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
	if len(solved) > 0 {
		p.passedExact(m, solved, fails)
	}
	return m, fails, relaxed, nil
}

// auditTargets is targets cut to what the exempt figures alone give away, which
// protection cannot take back.
func (p *protector) auditTargets(m *model) *targetSet {
	targets := p.targets(m)
	for _, k := range targets.keys {
		if fl, ok := p.floor.get(k); ok {
			tg := targets.of[k]
			targets.of[k] = target{max(tg.lo, fl.lo), min(tg.hi, fl.hi)}
		}
	}
	return targets
}

// targetSet holds a target for some quantities, by qkey: the audit looks one up
// for every withheld quantity in every round, half a million in a province, where
// a map took a fifth of the audit's time.
type targetSet struct {
	of   []target
	has  []bool
	keys []qkey // the quantities that have one, in the order put
}

func newTargetSet(n int) *targetSet {
	return &targetSet{of: make([]target, n), has: make([]bool, n)}
}

func (s *targetSet) get(k qkey) (target, bool) {
	if s == nil || int(k) >= len(s.has) || !s.has[k] {
		return target{}, false
	}
	return s.of[k], true
}

func (s *targetSet) put(k qkey, t target) {
	if !s.has[k] {
		s.has[k] = true
		s.keys = append(s.keys, k)
	}
	s.of[k] = t
}

// reset empties s, keeping its arrays.
func (s *targetSet) reset() {
	for _, k := range s.keys {
		s.has[k] = false
	}
	s.keys = s.keys[:0]
}

// check applies DESIGN 6's criterion to variable v: a primary quantity's interval
// must contain its whole target, a non-zero one must not be exact. An interval
// that misses the truth is an error: a relation of the model is wrong.
func (p *protector) check(m *model, v int, targets *targetSet) (failure, bool, error) {
	k := m.keys[v]
	if float64(m.truth[v]) < m.lo[v] || float64(m.truth[v]) > m.hi[v] {
		return failure{}, false, fmt.Errorf("audit: %s is outside its own interval [%g, %g]: a relation of the model is wrong", m.describeKey(k), m.lo[v], m.hi[v])
	}
	if tg, ok := targets.get(k); ok && (m.lo[v] > tg.lo || m.hi[v] < tg.hi) {
		return failure{v, "primary"}, true, nil
	}
	if fl, ok := p.floor.get(k); m.truth[v] != 0 && m.lo[v] == m.hi[v] && (!ok || fl.lo < fl.hi) {
		return failure{v, "exact"}, true, nil
	}
	return failure{}, false, nil
}

// targets lists, for the primary figures, the interval their small quantity must
// keep. The set is the protector's, filled again on each call: an audit's
// targets are used until the next audit.
func (p *protector) targets(m *model) *targetSet {
	if p.rules == nil {
		p.rules = p.targetRules()
	}
	if p.tset == nil || len(p.tset.has) < len(m.known) {
		p.tset = newTargetSet(len(m.known))
	}
	out := p.tset
	out.reset()
	k := float64(p.k)
	for _, r := range p.rules {
		if r.num {
			out.put(r.nk, target{1, k - 1})
		}
		if r.den {
			out.put(r.dk, target{1, k - 1})
		}
		if r.complement {
			if d, ok := m.published(r.dk); ok {
				out.put(r.nk, target{float64(d) - (k - 1), float64(d) - 1})
			}
		}
	}
	return out
}

// targetRule is what one primary figure asks of the audit: its numerator (num),
// its denominator (den) or the difference of the two (complement) is small.
type targetRule struct {
	nk, dk               qkey
	num, den, complement bool
}

// targetRules lists the primary figures' rules in table order, once: the
// primaries do not change while secure and settle run, and the audit asks for
// them every round.
func (p *protector) targetRules() []targetRule {
	out := []targetRule{}
	for _, i := range p.primaryOrder() {
		if r, ok := p.ruleOf(i); ok && (r.num || r.den || r.complement) {
			out = append(out, r)
		}
	}
	return out
}

// ruleOf is primary figure i's rule; false for a figure that shows no quantity.
// A mark states exactly what the rule asks (see markRelations).
func (p *protector) ruleOf(i int) (targetRule, bool) {
	f := p.fig(i)
	nq, dq, mult := shows(f.Indicator, p.total(f.Year))
	if nq == "" {
		return targetRule{}, false
	}
	r := targetRule{nk: p.key(i, nq), dk: noKey, num: p.small(f.Num)}
	if dq != "" && f.Den != 0 {
		r.dk = p.key(i, dq)
		r.den = mult == 1 && p.small(f.Den)
		r.complement = mult == 1 && p.small(f.Den-f.Num)
	}
	return r, true
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
	for {
		m, fails, relaxed, err := p.audit(useLP)
		p.rounds++
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
		for _, f := range fails {
			if !added && p.hideFurther(m, f.v) {
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

// hideNeighbour withholds, with every cell showing it, the smallest published
// quantity (non-zero first) that shares a relation with variable v and may be
// withheld, one for each equality that pins v, and reports whether it withheld any.
// Relations that set one of v's bounds are tried first: withholding a quantity
// of a sum that does not pin v widens nothing, and in a province such a choice
// can be repeated round after round while the pinning relation stays whole. Then
// sums before inclusions: withholding the other side of "a group is at most all
// households" would hide a large figure to widen a small one.
func (p *protector) hideNeighbour(m *model, v int) bool {
	// Every relation that pins v gets one: where two pin the same bound, opening
	// one leaves the other, and a province took a round for each.
	added := false
	for _, ri := range m.byVar[v] {
		r := &m.rows[ri]
		if !r.eq || !m.pins(r, v) {
			continue
		}
		if best, ok := p.smallestKnown(m, r.known); ok {
			p.hideKey(m, best)
			added = true
		}
	}
	if added {
		return true
	}
	if best, ok := p.behindPin(m, v); ok {
		p.hideKey(m, best)
		return true
	}
	for _, pinning := range []bool{true, false} {
		for _, eq := range []bool{true, false} {
			if best, ok := p.neighbour(m, v, eq, pinning); ok {
				p.hideKey(m, best)
				return true
			}
		}
	}
	return false
}

// hideFurther is secure's last resort, for a failure none of whose relations
// names a withholdable quantity: a reader who combines relations (what the
// exact LP finds) narrows v through relations further out, so it widens the
// circle until one names a quantity to withhold, and withholds the smallest.
func (p *protector) hideFurther(m *model, v int) bool {
	for radius := 2; radius <= 2*len(m.keys); radius *= 2 {
		if best, ok := p.smallestNear(m, m.within(v, radius)); ok {
			p.hideKey(m, best)
			return true
		}
	}
	return false
}

// smallestNear is the smallest withholdable published quantity that a relation of
// one of the variables near names.
func (p *protector) smallestNear(m *model, near []int) (qkey, bool) {
	var best qkey
	found := false
	for _, w := range near {
		for _, ri := range m.byVar[w] {
			if k, ok := p.smallestKnown(m, m.rows[ri].known); ok && (!found || m.before(k, best)) {
				best, found = k, true
			}
		}
	}
	return best, found
}

func (p *protector) hideKey(m *model, k qkey) {
	for _, c := range m.cells[k] {
		p.hide(c)
	}
}

// behindPin looks one step further when the relations that pin v name no
// published quantity (escaped this year is at most the poor last year less the
// poor this year plus the newly poor: all withheld): a quantity that pins one of
// their other variables. Withholding it loosens that variable, and with it v.
func (p *protector) behindPin(m *model, v int) (qkey, bool) {
	for _, ri := range m.byVar[v] {
		r := &m.rows[ri]
		if len(r.known) > 0 || !m.pins(r, v) {
			continue
		}
		for _, t := range r.terms {
			if t.v == v {
				continue
			}
			for _, eq := range []bool{true, false} {
				if best, ok := p.neighbour(m, t.v, eq, true); ok {
					return best, true
				}
			}
		}
	}
	return 0, false
}

// neighbour finds the smallest withholdable published quantity in v's relations
// of the given kind (equalities or inequalities), among those that pin v when
// pinning is true.
func (p *protector) neighbour(m *model, v int, eq, pinning bool) (qkey, bool) {
	var best qkey
	found := false
	for _, ri := range m.byVar[v] {
		r := &m.rows[ri]
		if r.eq != eq || (pinning && !m.pins(r, v)) {
			continue
		}
		if k, ok := p.smallestKnown(m, r.known); ok && (!found || m.before(k, best)) {
			best, found = k, true
		}
	}
	return best, found
}

// smallestKnown is the smallest withholdable quantity of known, non-zero first.
func (p *protector) smallestKnown(m *model, known []qkey) (qkey, bool) {
	var best qkey
	found := false
	for _, k := range known {
		if p.withholdable(m, k) && (!found || m.before(k, best)) {
			best, found = k, true
		}
	}
	return best, found
}

// before orders the candidates for withholding: smaller first (non-zero before
// zero), then by key.
func (m *model) before(a, b qkey) bool {
	return less(m.known[a], m.known[b]) || (m.known[a] == m.known[b] && m.keyLess(a, b))
}

// pins reports whether relation r, with the other variables' current bounds,
// sets variable v's lower or upper bound by itself.
func (m *model) pins(r *row, v int) bool {
	var minSum, maxSum, c float64
	for _, t := range r.terms {
		if t.v == v {
			c += t.c
			continue
		}
		a, b := termEnds(t.c, m.lo[t.v], m.hi[t.v])
		minSum += a
		maxSum += b
	}
	if c == 0 {
		return false
	}
	// c*x <= rhs - minSum; with equality also c*x >= rhs - maxSum.
	up, down := (r.rhs-minSum)/c, math.Inf(-1)
	if r.eq {
		down = (r.rhs - maxSum) / c
	}
	if c < 0 {
		up, down = down, up
	}
	return (!math.IsInf(up, 0) && !math.IsNaN(up) && math.Floor(up+eps) <= m.hi[v]) ||
		(!math.IsInf(down, 0) && !math.IsNaN(down) && math.Ceil(down-eps) >= m.lo[v])
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

// exemptBounds is what a reader would know of each quantity if every figure that
// may be withheld were: the bounds the exempt figures (the top unit's stocks) set by
// themselves. A primary quantity's target is cut to them.
func (p *protector) exemptBounds() *targetSet {
	saved := append([]bool(nil), p.hidden...)
	for i := range p.t.Figures {
		if p.protected(i) {
			p.hidden[2*i], p.hidden[2*i+1] = true, true
		}
	}
	m := p.buildModel()
	m.bound(false)
	copy(p.hidden, saved)
	out := newTargetSet(len(m.known))
	for v, k := range m.keys {
		out.put(k, target{m.lo[v], m.hi[v]})
	}
	return out
}
