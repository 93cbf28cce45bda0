package chart

import (
	"math"
	"strconv"
	"strings"
)

// maxTickCount bounds the number of ticks; it also guarantees the tick
// loops terminate whatever the input (tiny steps on huge values cannot
// advance a float, so we never loop on "v += step").
const maxTickCount = 50

// linAxis maps a value domain [lo, hi] (hi > lo) onto [0, 1].
type linAxis struct {
	lo, hi float64
	ticks  []float64
}

// frac returns the position of v in the domain as a fraction. Halving
// first keeps the arithmetic finite even for a domain of ±MaxFloat64.
func (s linAxis) frac(v float64) float64 {
	return (v*0.5 - s.lo*0.5) / (s.hi*0.5 - s.lo*0.5)
}

// finite reports whether v is an ordinary number.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// extent returns the smallest and largest finite values; ok is false when
// there are none.
func extent(vals []float64) (lo, hi float64, ok bool) {
	for _, v := range vals {
		if !finite(v) {
			continue
		}
		if !ok || v < lo {
			lo = v
		}
		if !ok || v > hi {
			hi = v
		}
		ok = true
	}
	return lo, hi, ok
}

// withZero stretches [lo, hi] to reach 0 when the data is far enough from
// 0 that the stretch does not flatten the line: rates such as poverty
// shares read best from a zero baseline, but incomes ranging from 3 000 to
// 4 500 would become a flat line if we forced 0 in.
func withZero(lo, hi float64) (float64, float64) {
	if lo > 0 && lo <= hi/2 {
		return 0, hi
	}
	if hi < 0 && hi >= lo/2 {
		return lo, 0
	}
	return lo, hi
}

// widen turns an empty domain into a usable one around the single value.
func widen(lo, hi float64) (float64, float64) {
	if hi > lo {
		return lo, hi
	}
	if lo == 0 {
		return 0, 1
	}
	d := math.Abs(lo) * 0.1
	switch {
	case math.IsInf(hi+d, 1): // near +MaxFloat64: widen downwards only
		return lo - 2*d, hi
	case math.IsInf(lo-d, -1):
		return lo, hi + 2*d
	}
	return lo - d, hi + d
}

// niceStep rounds raw up to 1, 2, 2.5 or 5 times a power of ten, the steps
// readers can add up in their head.
func niceStep(raw float64) float64 {
	if !(raw > 0) || !finite(raw) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// autoAxis returns a domain covering [lo, hi] with bounds rounded out to a
// nice step, and about n ticks. Degenerate input (overflowing spans, steps
// below float precision) falls back to the raw bounds as the only ticks.
func autoAxis(lo, hi float64, n int) linAxis { return autoAxisAt(lo, hi, n, 0) }

// autoAxisAt is autoAxis with a step of at least minStep: the labels' precision,
// so that no two ticks read the same ("0,9 1,0 1,0 1,1").
func autoAxisAt(lo, hi float64, n int, minStep float64) linAxis {
	lo, hi = widen(lo, hi)
	step := max(niceStep((hi-lo)/float64(n-1)), minStep)
	i0, i1 := math.Floor(lo/step), math.Ceil(hi/step)
	nlo, nhi := i0*step, i1*step
	if step == 0 || !finite(nlo) || !finite(nhi) || !(nhi > nlo) || i1-i0 > maxTickCount {
		return linAxis{lo: lo, hi: hi, ticks: []float64{lo, hi}}
	}
	return linAxis{lo: nlo, hi: nhi, ticks: stepTicks(i0, i1, step)}
}

// fixedAxis keeps the caller's exact domain and places nice ticks inside.
func fixedAxis(lo, hi float64, n int) linAxis { return fixedAxisAt(lo, hi, n, 0) }

// fixedAxisAt is fixedAxis with a step of at least minStep (see autoAxisAt).
func fixedAxisAt(lo, hi float64, n int, minStep float64) linAxis {
	s := linAxis{lo: lo, hi: hi}
	step := max(niceStep((hi-lo)/float64(n-1)), minStep)
	if step == 0 {
		s.ticks = []float64{lo, hi}
		return s
	}
	// The small epsilon keeps ticks that sit exactly on a bound but suffer
	// from rounding, e.g. 0.3/0.1 = 2.9999999999999996.
	i0, i1 := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	if !finite(i0) || !finite(i1) || i1-i0 > maxTickCount {
		s.ticks = []float64{lo, hi}
		return s
	}
	s.ticks = stepTicks(i0, i1, step)
	return s
}

// stepTicks returns i*step for i from i0 to i1. It counts with an int:
// near 1e17 adding 1 to a float64 does not change it, so a float loop
// counter would never end.
func stepTicks(i0, i1, step float64) []float64 {
	var ticks []float64
	for k := 0; k <= int(i1-i0); k++ {
		ticks = append(ticks, (i0+float64(k))*step)
	}
	return ticks
}

// yearTicks picks years between lo and hi at a step of 1, 2, 5, 10, ...
// years so that at most maxTicks labels are shown: a label per year would
// collide on a phone once a series spans a decade or more.
func yearTicks(lo, hi float64, maxTicks int) []float64 {
	maxTicks = max(1, min(maxTicks, maxTickCount))
	step := 1.0
	for m := 0; (hi-lo)/step+1 > float64(maxTicks); m++ {
		step *= []float64{2, 2.5, 2}[m%3] // 1, 2, 5, 10, 20, 50, ...
	}
	return stepTicks(math.Ceil(lo/step), math.Floor(hi/step), step)
}

// spacedYearTicks picks years between lo and hi at a step of 1, 2, 5, 10,
// ... years, the smallest step whose ticks are at least minGap apart on a
// plot width wide. Unlike yearTicks it measures the real spacing, so a
// decade on a phone keeps every other year rather than only two ticks.
func spacedYearTicks(lo, hi, width, minGap float64) []float64 {
	perYear := width / (hi - lo)
	if hi <= lo || !(perYear > 0) || !finite(perYear) {
		return yearTicks(lo, hi, 1)
	}
	step := 1.0
	for m := 0; m < 400; m++ {
		n := math.Floor(hi/step) - math.Ceil(lo/step) + 1
		if step*perYear >= minGap && n <= maxTickCount {
			break
		}
		step *= []float64{2, 2.5, 2}[m%3]
	}
	return stepTicks(math.Ceil(lo/step), math.Floor(hi/step), step)
}

// yearLabel prints a year without grouping separators in any language.
func yearLabel(y float64) string { return strconv.FormatFloat(y, 'f', 0, 64) }

// labelStep is the smallest step the tick labels can tell apart: one unit of the
// last digit format writes (format(1.23456789) = "1,2" gives 0.1).
func labelStep(format func(float64) string) float64 {
	s := format(1.23456789)
	i := strings.LastIndexAny(s, ".,")
	if i < 0 {
		return 1
	}
	d := 0
	for _, c := range s[i+1:] {
		if c < '0' || c > '9' {
			break
		}
		d++
	}
	return math.Pow(10, -float64(d))
}
