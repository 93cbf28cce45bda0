package support

import (
	"math"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
)

// unbounded is an interval's upper end when nothing published bounds it.
const unbounded = math.MaxInt64

// passes caps the propagation: every pass only narrows intervals by a valid
// deduction, so stopping early leaves them wider, never wrong.
const passes = 64

// intervals gives every withheld number the interval a reader can deduce anyway
// from what is published, or a wider one (DESIGN 6):
//
//   - a count withheld by the primary rule is from 1 to k-1 (the rule is published);
//   - any other withheld number is at least 0;
//   - each published sum (the commune's figure over the villages') narrows its
//     parts: a part is at most the total minus the others' lower bounds and at least
//     the total minus the others' upper bounds; a withheld total lies between the
//     sums of its parts' bounds. This is repeated until nothing narrows.
//
// An amount withheld with its count keeps no upper bound when no published total
// bounds it: the page then says "withheld" in words. Coverage is left out here
// (coverageBounds): sums lists only sums of counts and amounts.
func (t *Table) intervals(c *disclosure.Counts, k int, sums [][]int) (lo, hi []int64) {
	lo, hi = make([]int64, len(t.Figures)), make([]int64, len(t.Figures))
	for i := range t.Figures {
		f := &t.Figures[i]
		switch {
		case !c.Withheld(i):
			lo[i], hi[i] = f.Num, f.Num
		case c.IsPrimary(i):
			lo[i], hi[i] = 1, int64(k-1)
		default:
			lo[i], hi[i] = 0, unbounded
		}
	}
	for range passes {
		changed := false
		for _, eq := range sums {
			if narrow(eq, lo, hi, c) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return lo, hi
}

// boundSums lists the published sums of counts and amounts. The covered-people sums
// mix coverage numerators with people reached; they are left out, which can only
// leave an interval wider.
func (t *Table) boundSums() [][]int {
	var sums [][]int
	for _, eq := range t.equations() {
		if t.Figures[eq[0]].Indicator != CoverageRate {
			sums = append(sums, eq)
		}
	}
	return sums
}

// exposed lists the withheld numbers a reader could pin down too closely: a
// non-zero one known exactly, or a count withheld as small whose interval no longer
// reaches 1 or k-1 (the reader would know more than "from 1 to k-1"). A commune
// total of several small village counts is at least their number whatever is
// withheld, so its lower end is not asked to reach 1.
func (t *Table) exposed(c *disclosure.Counts, k int, lo, hi []int64, parents map[int]bool) []int {
	var out []int
	for i := range t.Figures {
		if !c.Withheld(i) || t.Figures[i].Indicator == CoverageRate {
			continue
		}
		exact := lo[i] == hi[i] && t.Figures[i].Num != 0
		narrowed := c.IsPrimary(i) && (hi[i] < int64(k-1) || (lo[i] > 1 && !parents[i]))
		if exact || narrowed {
			out = append(out, i)
		}
	}
	return out
}

// widen withholds, for each exposed number, the smallest published non-zero part
// of a sum it is in; failing that the sum's total (five villages of 1 under a total
// of 5 stay exact whatever zeros are withheld); failing that a zero part. It
// reports whether it withheld anything.
func (t *Table) widen(c *disclosure.Counts, exposed []int, sums [][]int) bool {
	bySum := map[int][][]int{}
	for _, eq := range sums {
		for _, i := range eq {
			bySum[i] = append(bySum[i], eq)
		}
	}
	did := false
	for _, i := range exposed {
		if j := t.candidate(c, bySum[i]); j >= 0 {
			c.Withhold(j)
			did = true
		}
	}
	return did
}

// candidate picks the number to withhold among the published members of sums, in
// widen's order, or -1.
func (t *Table) candidate(c *disclosure.Counts, sums [][]int) int {
	best, zero := -1, -1
	for _, eq := range sums {
		for _, j := range eq[1:] {
			switch {
			case c.Withheld(j):
			case t.Figures[j].Num == 0:
				zero = j
			case best < 0 || t.Figures[j].Num < t.Figures[best].Num:
				best = j
			}
		}
	}
	if best >= 0 {
		return best
	}
	for _, eq := range sums {
		if !c.Withheld(eq[0]) {
			return eq[0]
		}
	}
	return zero
}

// publishBounds writes each withheld figure's interval, coverage from the people
// reached and needing it is computed from.
func (t *Table) publishBounds(lo, hi []int64) {
	for i := range t.Figures {
		f := &t.Figures[i]
		f.Bounded, f.Lower, f.Upper = false, 0, 0
		if !f.Withheld() {
			continue
		}
		f.Bounded = true
		if f.Indicator == CoverageRate {
			f.Lower, f.Upper = t.coverageBounds(f, lo, hi)
			continue
		}
		f.Lower, f.Upper = lo[i], hi[i]
		if hi[i] == unbounded {
			f.Upper = -1
		}
	}
}

// narrow applies one published sum, eq[0] = eq[1] + ... + eq[n], to the intervals
// of its withheld members, and reports whether any narrowed.
func narrow(eq []int, lo, hi []int64, c *disclosure.Counts) bool {
	var sumLo, sumHi int64
	for _, i := range eq[1:] {
		sumLo += lo[i]
		sumHi = addHi(sumHi, hi[i])
	}
	changed := false
	set := func(i int, l, h int64) {
		if !c.Withheld(i) {
			return
		}
		if l > lo[i] {
			lo[i], changed = l, true
		}
		if h < hi[i] {
			hi[i], changed = h, true
		}
	}
	p := eq[0]
	set(p, sumLo, sumHi)
	for _, i := range eq[1:] {
		othersLo := sumLo - lo[i]
		h := int64(unbounded)
		if hi[p] != unbounded {
			h = max(0, hi[p]-othersLo)
		}
		l := int64(0)
		if othersHi, ok := finiteOthers(eq[1:], i, hi); ok {
			l = max(0, lo[p]-othersHi)
		}
		set(i, l, h)
	}
	return changed
}

// finiteOthers sums the upper bounds of the parts other than i, when all are finite.
func finiteOthers(parts []int, i int, hi []int64) (int64, bool) {
	var s int64
	for _, j := range parts {
		if j == i {
			continue
		}
		if hi[j] == unbounded {
			return 0, false
		}
		s += hi[j]
	}
	return s, true
}

func addHi(a, b int64) int64 {
	if a == unbounded || b == unbounded {
		return unbounded
	}
	return a + b
}

// coverageBounds is a withheld coverage's interval in tenths of a percent: from 0 to
// the people reached's upper bound over the people needing's lower bound, rounded
// up (people reached where the need is known is at most people reached) and at
// most 100%; 0..100% when either is unknown.
func (t *Table) coverageBounds(f *Figure, lo, hi []int64) (int64, int64) {
	reached, ok1 := t.at(f, PeopleReached, AllSources)
	needing, ok2 := t.at(f, PeopleNeeding, AllSources)
	if !ok1 || !ok2 || hi[reached] == unbounded || lo[needing] <= 0 {
		return 0, 1000
	}
	// The contract rejects more people reached than needing it (reached_gt_needing),
	// so coverage is at most 100%.
	return 0, min(1000, int64(math.Ceil(1000*float64(hi[reached])/float64(lo[needing]))))
}

// Interval returns a withheld figure's interval as published values (coverage in
// percent); hasUpper is false when nothing bounds it from above.
func (f *Figure) Interval() (lo, hi float64, hasUpper, ok bool) {
	if !f.Bounded {
		return 0, 0, false, false
	}
	scale := 1.0
	if f.Measure == indicator.Percent {
		scale = 10
	}
	return float64(f.Lower) / scale, float64(f.Upper) / scale, f.Upper >= 0, true
}
