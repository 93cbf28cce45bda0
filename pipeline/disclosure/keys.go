package disclosure

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/indicator"
)

// Counts runs the primary and complementary rules of Protect on numbers that are
// known by the caller's own keys, not by an indicator table's: number i is the
// caller's figure i, and the sums tying them are the caller's. The support records
// (package support) are protected with it, so a small count is withheld, and the
// sums closed around it, by the same code as a review figure.
//
// The audit (the reader's interval of each withheld number) is not run: it needs
// the indicator table's model.
type Counts struct {
	p *protector
}

// NewCounts takes the numbers to protect with threshold k; counted marks those the
// primary rule applies to (households or people). The others, such as amounts of
// money, are withheld only as a complement or when the caller says so.
func NewCounts(values []int64, counted []bool, k int) (*Counts, error) {
	if k < 3 {
		return nil, fmt.Errorf("protect: threshold k=%d is below 3", k)
	}
	if len(counted) != len(values) {
		return nil, fmt.Errorf("protect: %d numbers but %d counted marks", len(values), len(counted))
	}
	t := &indicator.Table{Figures: make([]indicator.Figure, len(values))}
	for i, v := range values {
		f := &t.Figures[i]
		f.Num = v
		if counted[i] {
			f.Measure = indicator.Households
		} else {
			// The primary rule passes over a figure that is not available: a number
			// that is not a count is left to the other rules in the same way.
			f.Flag = indicator.FlagNotAvailable
		}
	}
	// Every number is the caller's to withhold: none is the top unit's posted stock.
	p := &protector{t: t, k: int64(k), hidden: make([]bool, 2*len(values)), fr: frame{topProtected: true}, primaries: map[int]bool{}}
	return &Counts{p: p}, nil
}

// Primary withholds every counted number from 1 to k-1.
func (c *Counts) Primary() { c.p.primary() }

// Withhold withholds number i as a secondary one, for a link only the caller knows
// (an amount next to a small count).
func (c *Counts) Withhold(i int) { c.p.hide(cell{i, num}) }

// Complement withholds further numbers until no sum has exactly one withheld number:
// of a sum with one, the smallest other (non-zero first) is withheld. A sum lists the
// numbers tied by a published total, the total among them.
func (c *Counts) Complement(sums [][]int) {
	eqs := make([][]cell, len(sums))
	for i, s := range sums {
		eqs[i] = make([]cell, len(s))
		for j, n := range s {
			eqs[i][j] = cell{n, num}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, eq := range eqs {
			if c.p.complement(eq) {
				changed = true
			}
		}
	}
}

// Withheld reports whether number i is withheld.
func (c *Counts) Withheld(i int) bool { return c.p.isHidden(cell{i, num}) }

// IsPrimary reports whether number i is withheld by the primary rule.
func (c *Counts) IsPrimary(i int) bool { return c.p.primaries[i] }
