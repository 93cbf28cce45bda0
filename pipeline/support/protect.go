package support

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
)

// Report says what protection did.
type Report struct {
	K         int
	Primary   int // withheld because the count itself is from 1 to k-1
	Secondary int // withheld so that a small count, or an amount tied to one, cannot be worked out
}

// Protect withholds, in place, the figures that could point at a family, at every
// level, the same way the review figures are protected (DESIGN 6), then withholds
// more until no withheld number can be recovered from the commune's totals:
//
//   - primary: a count of households reached, people reached or people needing from 1
//     to k-1 is withheld (shown as its interval, at most 1..k-1), the commune's too; zero is published;
//   - a village's people reached is withheld with its households reached when that is
//     small: "3 households, 14 people" tells household sizes;
//   - amounts: an amount is not a count of people and is published, except next to a
//     small count: when a village's households or people reached for a support is
//     withheld as small, every amount of that support in that village is withheld too
//     (one household's grant or loan would be on the page);
//   - complementary: the commune's figures are the sums of the villages' (for each year, programme and support type: households, people,
//     people needing, people reached where the need is known; and each funding
//     source's amount). When such a sum has exactly one withheld village figure, the
//     smallest other village figure (non-zero first) is withheld too;
//   - coverage is withheld in a village whenever its people reached or people needing
//     is, since coverage times needing gives reached back.
//
// Unmet need (needing - reached) is not withheld for being small: it adds nothing to
// needing, which is itself protected, about who the people are.
func Protect(t *Table, k int) (Report, error) {
	if k < 3 {
		return Report{}, fmt.Errorf("protect support: threshold k=%d is below 3", k)
	}
	t.reindex()
	// The rules are disclosure's, on this table's own keys: a figure is a number, the
	// counts of households and people are the ones the primary rule applies to.
	values := make([]int64, len(t.Figures))
	counted := make([]bool, len(t.Figures))
	for i, f := range t.Figures {
		values[i] = f.Num
		switch f.Indicator {
		case HouseholdsReached, PeopleReached, PeopleNeeding:
			counted[i] = true
		}
	}
	c, err := disclosure.NewCounts(values, counted, k)
	if err != nil {
		return Report{}, fmt.Errorf("protect support: %w", err)
	}
	// Every level follows the rule: the commune's "1 household, 1 person, 45 million"
	// points at a family as surely as a village's.
	c.Primary()
	t.withholdLinked(c)
	c.Complement(t.equations())
	lo, hi, err := t.audit(c, k)
	if err != nil {
		return Report{}, fmt.Errorf("protect support: %w", err)
	}
	r := t.flag(c, k)
	t.publishBounds(lo, hi)
	return r, nil
}

// audit computes every withheld number's interval and withholds more, smallest
// first, until no small count is pinned closer than 1..k-1 and no non-zero number
// exactly. A small count may stay narrower when nothing is left to withhold: two
// villages of 1 under a commune total withheld as small are each from 1 to k-2
// whatever is published, as the primary rule itself says. A non-zero number known
// exactly fails the build.
func (t *Table) audit(c *disclosure.Counts, k int) (lo, hi []int64, err error) {
	sums := t.boundSums()
	parents := map[int]bool{}
	for _, eq := range sums {
		parents[eq[0]] = true
	}
	for {
		lo, hi = t.intervals(c, k, sums)
		bad := t.exposed(c, k, lo, hi, parents)
		if len(bad) == 0 || t.widen(c, bad, sums) {
			if len(bad) == 0 {
				return lo, hi, nil
			}
			c.Complement(t.equations())
			continue
		}
		for _, i := range bad {
			if f := &t.Figures[i]; lo[i] == hi[i] && f.Num != 0 {
				return nil, nil, fmt.Errorf("audit: %d %s %s %s %s can still be worked out exactly", f.Year, f.UnitCode, f.Programme, f.SupportType, f.Indicator)
			}
		}
		return lo, hi, nil
	}
}

// at returns the index of f's figure of indicator ind and funding source src.
func (t *Table) at(f *Figure, ind, src string) (int, bool) {
	i, ok := t.index[Key{f.Year, f.UnitCode, f.Programme, f.SupportType, src, ind}]
	return i, ok
}

// withholdLinked withholds what a small count gives away: people reached with a
// small households reached, and every amount of the support in the unit with either.
func (t *Table) withholdLinked(c *disclosure.Counts) {
	for i := range t.Figures {
		f := &t.Figures[i]
		if !c.IsPrimary(i) || (f.Indicator != HouseholdsReached && f.Indicator != PeopleReached) {
			continue
		}
		if f.Indicator == HouseholdsReached {
			if j, ok := t.at(f, PeopleReached, AllSources); ok {
				c.Withhold(j)
			}
		}
		for j := range t.Figures {
			g := &t.Figures[j]
			if g.Indicator == AmountVND && g.Year == f.Year && g.UnitCode == f.UnitCode && g.Programme == f.Programme && g.SupportType == f.SupportType {
				c.Withhold(j)
			}
		}
	}
}

// flag marks the withheld figures, coverage with the people reached or needing it
// is computed from, and counts them.
func (t *Table) flag(c *disclosure.Counts, k int) Report {
	r := Report{K: k}
	for i := range t.Figures {
		f := &t.Figures[i]
		hidden, primary := c.Withheld(i), c.IsPrimary(i)
		if f.Indicator == CoverageRate {
			reached, _ := t.at(f, PeopleReached, AllSources)
			needing, _ := t.at(f, PeopleNeeding, AllSources)
			if c.Withheld(reached) || c.Withheld(needing) {
				hidden, primary = true, c.IsPrimary(reached) || c.IsPrimary(needing)
			}
		}
		if !hidden {
			continue
		}
		f.Flag = indicator.FlagSuppressed
		f.Secondary = !primary
		if f.Secondary {
			r.Secondary++
		} else {
			r.Primary++
		}
	}
	return r
}

// equations lists the sets of figures tied by a published sum: the commune's figure
// first, then the villages'.
func (t *Table) equations() [][]int {
	type sum struct {
		year            int
		prog, st, src   string
		ind             string
		coveredSubgroup bool
	}
	byKey := map[sum][]int{}
	var order []sum
	add := func(s sum, i int) {
		if _, ok := byKey[s]; !ok {
			order = append(order, s)
		}
		byKey[s] = append(byKey[s], i)
	}
	for i := range t.Figures {
		f := &t.Figures[i]
		switch f.Indicator {
		case HouseholdsReached, PeopleReached, PeopleNeeding, AmountVND:
			add(sum{f.Year, f.Programme, f.SupportType, f.FundingSource, f.Indicator, false}, i)
		case CoverageRate:
			// The commune's coverage numerator is the sum of people reached over the
			// villages whose need is known: a sum over a subset of the villages.
			if f.UnitLevel == "commune" {
				add(sum{f.Year, f.Programme, f.SupportType, AllSources, PeopleReached, true}, i)
			} else if f.Den > 0 {
				if j, ok := t.index[Key{f.Year, f.UnitCode, f.Programme, f.SupportType, AllSources, PeopleReached}]; ok {
					add(sum{f.Year, f.Programme, f.SupportType, AllSources, PeopleReached, true}, j)
				}
			}
		}
	}
	var out [][]int
	for _, s := range order {
		if len(byKey[s]) > 1 {
			out = append(out, byKey[s])
		}
	}
	return out
}
