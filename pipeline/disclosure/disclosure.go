// Package disclosure protects small counts in the computed figures so that no family
// can be singled out, before anything is written.
package disclosure

import (
	"fmt"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// part is half of a figure that can be withheld: its numerator (and with it the
// value) or its denominator.
type part uint8

const (
	num part = iota
	den
)

// cell is one withholdable number.
type cell struct {
	fig  int
	part part
}

// Report says what protection did, for the officer and for tests.
type Report struct {
	K          int
	Primary    int // figures withheld because their own count is small
	Secondary  int // figures withheld so a small one cannot be recovered
	Unresolved []string
	// Relaxed counts withheld quantities in blocks too large for the LP
	// (MaxBlockLP): their intervals come from propagation along single relations,
	// which contain the reader's tightest ones but may be wider. The audit's
	// criterion is checked against those intervals there: a failure it finds is
	// real, but a pass is not proven as the LP proves it in the smaller blocks.
	// With WithExactLP, those the final audit solved exactly are counted in Exact
	// instead; the others passed an earlier exact audit or are ones the criterion
	// asks nothing of.
	Relaxed int
	// Exact counts the large blocks' quantities the final audit bounded with the
	// exact LP (WithExactLP), and ExactSolves those all audits bounded with it,
	// two solves each: the exact audit's cost.
	Exact, ExactSolves int
	// Marked counts the primary figures published as a range within 1 to k-1
	// (see markPrimaries); the others carry the wider interval the rest gives.
	Marked int
	// Banded counts the other withheld quantities published as a band of 2k+1
	// values (see bands.go).
	Banded int
	// AuditFailures lists withheld quantities a reader can still pin down (a primary
	// one to less than 1..k-1, another one exactly) when no further figure may be
	// withheld: the build refuses to publish them.
	AuditFailures []string
	// AuditRounds counts the audits secure ran before it passed (the largest of
	// any part's, for a table protected in parts): each is a model built and
	// bounded from scratch, the audit's cost.
	AuditRounds int
}

// Protect withholds, in place, every figure from which a count between 1 and k-1 of
// households or people could be read at a protected level (a village, or a priority
// group at any level), then withholds further figures until no withheld number can be
// recovered by adding or subtracting published ones. The commune's all-households
// figures are always published.
func Protect(t *indicator.Table, k int, opts ...Option) (Report, error) {
	return ProtectTree(t, k, Tree{}, opts...)
}

// Tree says how the units of a table nest: Top is the unit whose all-households
// figures are always published, and Children lists each parent's children, whose
// figures add up to the parent's. The zero Tree is a commune and its villages: the
// first unit of the table and every other unit as its children.
type Tree struct {
	Top      string
	Children map[string][]string
	// TopProtected lets the top unit's all-households figures be withheld too: the
	// top of a part of a larger tree (a province of a nation) is a child there, and
	// a province of one commune would otherwise publish the commune's withheld
	// figures as its own.
	TopProtected bool
}

// ProtectTree is Protect for units that nest on several levels (a province, its
// communes and their villages): every level below Top is protected as villages are,
// and each parent's figures are the published sum of its children's. Figures that
// come in already withheld stay withheld, even the top unit's.
func ProtectTree(t *indicator.Table, k int, tree Tree, opts ...Option) (Report, error) {
	if k < 3 {
		return Report{}, fmt.Errorf("protect: threshold k=%d is below 3", k)
	}
	p := newProtector(t, k, tree)
	for _, o := range opts {
		o(p)
	}
	eqs := p.equations()
	groups := p.linkGroups()
	var (
		m       *model
		relaxed int
		err     error
	)
	secured := -1 // the hidden count secure last left, whose audit m is
	for {
		for changed := true; changed; {
			changed = p.propagate(groups)
			for _, eq := range eqs {
				if p.complement(eq) {
					changed = true
				}
			}
		}
		// secure's audit stands if the sums withheld nothing more since: running
		// it again would find what it found (two full audits, a tenth of a
		// province's protection).
		if before := p.hiddenCount(); before != secured {
			if m, relaxed, err = p.secure(); err != nil {
				return Report{}, fmt.Errorf("protect: %w", err)
			}
			if secured = p.hiddenCount(); secured != before {
				continue
			}
		}
		if m, relaxed, err = p.markPrimaries(m); err != nil {
			return Report{}, fmt.Errorf("protect: %w", err)
		}
		break
	}
	// An equation is unresolved only if it still has exactly one hidden cell once
	// nothing more changes: one that looked stuck early may have been closed since.
	for _, eq := range eqs {
		if p.hiddenIn(eq) == 1 {
			p.unresolved = append(p.unresolved, p.describe(eq))
		}
	}
	r := p.apply()
	r.Relaxed, r.Marked, r.Banded = relaxed, len(p.marked), len(p.bands)
	r.AuditFailures = dedupe(p.auditFailures)
	r.AuditRounds = p.rounds
	r.Exact, r.ExactSolves = p.exactSolved, p.exactSolves
	if audited != nil {
		audited(p, m)
	}
	p.publishBounds(m)
	return r, nil
}

// newProtector readies the protection of t: its frame and standards read, the
// figures that come in withheld kept so, the primary figures withheld.
func newProtector(t *indicator.Table, k int, tree Tree) *protector {
	p := &protector{t: t, k: int64(k), hidden: make([]bool, 2*len(t.Figures))}
	p.t.Reindex()
	p.fr = p.frame(tree)
	p.std = p.standards()
	p.primaries = map[int]bool{}
	p.preset()
	p.primary()
	return p
}

// audited, when set, is shown the model the final audit passed: a test hands it
// to an independent LP solver, which sees what propagation may miss in the
// blocks too large for this package's LP.
var audited func(*protector, *model)

func (p *protector) hiddenCount() int {
	n := 0
	for _, h := range p.hidden {
		if h {
			n++
		}
	}
	return n
}

type protector struct {
	t          *indicator.Table
	k          int64
	hidden     []bool // by cell: 2*fig + part
	fr         frame
	primaries  map[int]bool
	unresolved []string
	floor      *targetSet    // see exemptBounds
	rules      []targetRule  // see targets
	tset       *targetSet    // see targets
	rounds     int           // audits secure ran
	qs         *quantities   // the table's quantities (see quantities)
	listed     *relationList // the relations between them (see listRelations)
	// auditFailures lists the quantities the audit still finds too closely
	// determined once nothing more may be withheld.
	auditFailures []string
	// std is what the model knows of each year's standard (see standards).
	std map[int]yearStandard
	// marked lists the primary figures published as a range within 1 to k-1 (see
	// markPrimaries).
	marked map[int]bool
	// bands lists the withheld quantities published as a band of 2k+1 values (see
	// bands.go), and kept every mark and band in the order settle kept them.
	bands []banded
	kept  []candidate
	// exact, when set, bounds the large blocks' quantities (see WithExactLP).
	exact        Solver
	exactSolved  int           // by the last audit
	exactSolves  int           // by all audits
	exactPassed  map[qkey]bool // see passedExact
	exactSkipped bool          // the last audit skipped one that passed before
}

func (p *protector) fig(i int) *indicator.Figure { return &p.t.Figures[i] }

// protected reports whether a figure may be withheld: everything except the top
// unit's stocks over all households, which the commune posts and reports upwards
// anyway. Its flows, groups and multidimensional figures are protected like any
// village's.
func (p *protector) protected(i int) bool {
	f := p.fig(i)
	return p.fr.topProtected || f.UnitCode != p.fr.top || f.Group != "all" || !topStocks[f.Indicator]
}

// topStocks are the figures of the top unit's all-households stocks.
var topStocks = map[string]bool{
	"households": true, "poor_households": true, "poor_rate": true, "near_poor_households": true,
	"near_poor_rate": true, "poor_near_poor_households": true, "mpi_h": true,
}

func (p *protector) isHidden(c cell) bool { return p.hidden[2*c.fig+int(c.part)] }

func (p *protector) small(n int64) bool { return n >= 1 && n < p.k }

// selfContained lists the figures whose numerator and denominator are not household
// or people counts; they are protected through their link to the poor count.
var selfContained = map[string]bool{"mpi_a": true, "mpi_m0": true}

// preset keeps withheld what is already withheld: a figure shared with another
// table (a province's, in the nation's table and in its own) may have been withheld
// there.
func (p *protector) preset() {
	for i := range p.t.Figures {
		f := p.fig(i)
		if f.Flag != indicator.FlagSuppressed {
			continue
		}
		p.hidden[2*i+int(num)] = true
		if f.HideDen && !f.IsCount() {
			p.hidden[2*i+int(den)] = true
		}
		if !f.Secondary {
			p.primaries[i] = true
		}
	}
}

func (p *protector) primary() {
	for i := range p.t.Figures {
		f := p.fig(i)
		if !p.protected(i) || f.Flag == indicator.FlagNotAvailable || selfContained[f.Indicator] {
			continue
		}
		if f.IsCount() {
			if p.small(f.Num) {
				p.hide(cell{i, num})
				p.primaries[i] = true
			}
			continue
		}
		if p.small(f.Den) {
			p.hide(cell{i, den})
			p.hide(cell{i, num})
			p.primaries[i] = true
		}
		if p.small(f.Num) || p.small(f.Den-f.Num) {
			p.hide(cell{i, num})
			p.primaries[i] = true
		}
	}
}

func (p *protector) hide(c cell) bool {
	if p.isHidden(c) {
		return false
	}
	p.hidden[2*c.fig+int(c.part)] = true
	if c.part == den {
		// A rate and its numerator give the denominator away.
		p.hidden[2*c.fig+int(num)] = true
	}
	return true
}

// propagate makes every cell of a link group hidden once one of them is: they are the
// same number published in several places.
func (p *protector) propagate(groups [][]cell) bool {
	changed := false
	for _, g := range groups {
		any := false
		for _, c := range g {
			if p.isHidden(c) {
				any = true
				break
			}
		}
		if !any {
			continue
		}
		for _, c := range g {
			if p.hide(c) {
				changed = true
			}
		}
	}
	return changed
}

// complement withholds one more cell of an equation that has exactly one hidden
// cell, choosing the smallest protected one (non-zero first).
func (p *protector) complement(eq []cell) bool {
	if p.hiddenIn(eq) != 1 {
		return false
	}
	best := -1
	for j, c := range eq {
		if p.isHidden(c) || !p.protected(c.fig) {
			continue
		}
		if best < 0 || less(p.value(c), p.value(eq[best])) {
			best = j
		}
	}
	if best < 0 {
		return false
	}
	return p.hide(eq[best])
}

func (p *protector) hiddenIn(eq []cell) int {
	n := 0
	for _, c := range eq {
		if p.isHidden(c) {
			n++
		}
	}
	return n
}

// less orders candidate values: non-zero before zero, then smaller first, so the
// complementary cell hides as little information as possible.
func less(a, b int64) bool {
	if (a == 0) != (b == 0) {
		return a != 0
	}
	return a < b
}

func (p *protector) value(c cell) int64 {
	if c.part == den {
		return p.fig(c.fig).Den
	}
	return p.fig(c.fig).Num
}

func (p *protector) describe(eq []cell) string {
	var parts []string
	for _, c := range eq {
		f := p.fig(c.fig)
		parts = append(parts, fmt.Sprintf("%d/%s/%s/%s", f.Year, f.UnitCode, f.Group, f.Indicator))
	}
	sort.Strings(parts)
	return strings.Join(parts, " + ")
}

func (p *protector) apply() Report {
	r := Report{K: int(p.k), Unresolved: dedupe(p.unresolved)}
	for i := range p.t.Figures {
		f := p.fig(i)
		if !p.isHidden(cell{i, num}) {
			continue
		}
		// A rate that is not available because its denominator is 0 is withheld
		// when that 0 is: "not available" would give the hidden zero away. (Counts
		// that are not available, the first year's movement, are never hidden.)
		if f.Flag != indicator.FlagNotAvailable || !f.IsCount() {
			f.Flag = indicator.FlagSuppressed
		}
		f.HideDen = p.isHidden(cell{i, den}) || f.IsCount()
		f.Secondary = !p.primaries[i]
		if f.Secondary {
			r.Secondary++
		} else {
			r.Primary++
		}
	}
	return r
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
