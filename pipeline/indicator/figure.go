// Package indicator computes the portal's indicators from the household reviews over
// Apache Arrow columns: classification counts, movement between reviews, the
// Alkire-Foster poverty measures and the coverage rates the plan targets.
package indicator

import (
	"fmt"
	"strings"
)

// Flags a figure can carry.
const (
	FlagNone         = ""
	FlagSuppressed   = "suppressed"
	FlagNotAvailable = "not_available"
)

// Units of measure.
const (
	Percent    = "percent"
	Households = "households"
	People     = "people"
	Index      = "index"
)

// Figure is one published number: an indicator for a unit, a group and a year, with
// the numerator and denominator it was computed from.
type Figure struct {
	Year      int
	UnitLevel string
	UnitCode  string
	Group     string
	Indicator string
	Num       int64
	Den       int64 // 0 for counts, which have no denominator
	Measure   string
	Flag      string
	// HideDen withholds the denominator too, when it is itself a small count or could
	// give one away.
	HideDen bool
	// Secondary marks a figure withheld only so that another, small one cannot be
	// worked out by subtraction; its own value need not be small.
	Secondary bool
	// Bounded says Lower and Upper hold a withheld figure's interval in units of its
	// last decimal (as Scaled returns): the smallest and largest value a reader can
	// deduce from everything published (DESIGN 6). Upper is -1 when nothing bounds
	// it from above.
	Bounded      bool
	Lower, Upper int64
}

// Bounds returns a withheld figure's interval as published values; hasUpper is
// false when nothing bounds it from above.
func (f *Figure) Bounds() (lo, hi float64, hasUpper, ok bool) {
	if !f.Bounded {
		return 0, 0, false, false
	}
	return f.unscale(f.Lower), f.unscale(f.Upper), f.Upper >= 0, true
}

// RangeText formats a withheld figure's interval ("1–4", "0,2–0,9"; "≥ 12" with no
// upper bound), or returns "" when it has none.
func (f *Figure) RangeText(lang string) string {
	if !f.Bounded {
		return ""
	}
	return FormatRange(f.Lower, f.Upper, f.Decimals(), lang)
}

// FormatRange writes an interval of integer counts of 10^-decimals units as every
// withheld figure of the site reads: "1–4", "0,2–0,9", a single value when both ends
// agree, and "≥ 12" when hi is negative (no upper bound).
func FormatRange(lo, hi int64, decimals int, lang string) string {
	l := FormatScaled(lo, decimals, lang)
	switch {
	case hi < 0:
		return "≥ " + l
	case hi == lo:
		return l
	}
	return l + "–" + FormatScaled(hi, decimals, lang)
}

func (f *Figure) unscale(s int64) float64 {
	switch f.Decimals() {
	case 1:
		return float64(s) / 10
	case 3:
		return float64(s) / 1000
	}
	return float64(s)
}

// Key identifies a figure.
type Key struct {
	Year      int
	UnitCode  string
	Group     string
	Indicator string
}

// Key returns the figure's key.
func (f *Figure) Key() Key { return Key{f.Year, f.UnitCode, f.Group, f.Indicator} }

// IsCount reports whether the figure is a count with no denominator.
func (f *Figure) IsCount() bool { return f.Measure == Households || f.Measure == People }

// Decimals is how many decimals the figure is published with.
func (f *Figure) Decimals() int {
	switch f.Measure {
	case Percent:
		return 1
	case Index:
		return 3
	}
	return 0
}

// Scaled returns the published value as an integer number of units of the last
// decimal (tenths for percentages, thousandths for indices), rounded half away from
// zero with integer arithmetic so no binary fraction can tip a rounding the wrong way.
func (f *Figure) Scaled() (int64, bool) {
	if f.Flag != FlagNone {
		return 0, false
	}
	if f.IsCount() {
		return f.Num, true
	}
	if f.Den == 0 {
		return 0, false
	}
	// Percentages in tenths (x100 x10) and indices in thousandths both scale by 1000.
	return roundDiv(f.Num*1000, f.Den), true
}

// Value returns the published value as a float (already rounded).
func (f *Figure) Value() (float64, bool) {
	s, ok := f.Scaled()
	if !ok {
		return 0, false
	}
	switch f.Decimals() {
	case 1:
		return float64(s) / 10, true
	case 3:
		return float64(s) / 1000, true
	}
	return float64(s), true
}

// Exact returns the unrounded value, for progress assessment and tests.
func (f *Figure) Exact() (float64, bool) {
	if f.Flag != FlagNone {
		return 0, false
	}
	if f.IsCount() {
		return float64(f.Num), true
	}
	if f.Den == 0 {
		return 0, false
	}
	if f.Measure == Index {
		return float64(f.Num) / float64(f.Den), true
	}
	return 100 * float64(f.Num) / float64(f.Den), true
}

// Text formats the published value with the decimal separator of lang ("vi" uses a
// comma), or returns "" when there is no value.
func (f *Figure) Text(lang string) string {
	s, ok := f.Scaled()
	if !ok {
		return ""
	}
	return FormatScaled(s, f.Decimals(), lang)
}

// FormatScaled writes an integer count of 10^-decimals units as a decimal number; for
// Vietnamese the decimal separator is a comma and thousands are grouped with dots.
func FormatScaled(s int64, decimals int, lang string) string {
	neg := s < 0
	if neg {
		s = -s
	}
	pow := int64(1)
	for range decimals {
		pow *= 10
	}
	whole, frac := s/pow, s%pow
	dec, group := ".", ","
	if lang == "vi" {
		dec, group = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(groupThousands(whole, group))
	if decimals > 0 {
		fmt.Fprintf(&b, "%s%0*d", dec, decimals, frac)
	}
	return b.String()
}

// groupThousands groups every number of four or more digits: 2400 is "2.400" in
// Vietnamese and "2,400" in English, as the contract's examples read.
func groupThousands(n int64, sep string) string {
	s := fmt.Sprint(n)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// roundDiv returns a/b rounded half away from zero, for b > 0.
func roundDiv(a, b int64) int64 {
	if a >= 0 {
		return (2*a + b) / (2 * b)
	}
	return -((-2*a + b) / (2 * b))
}
