package progress

import (
	"math"
	"slices"

	"github.com/minhtien/portal/pipeline/config"
)

// clean returns the usable observations sorted by year, one per year (the later
// entry of a repeated year wins): finite values, and intervals whose lower bound is
// finite and not above the upper one.
func clean(obs []Observation) []Observation {
	out := make([]Observation, 0, len(obs))
	for _, o := range obs {
		if !usable(o) {
			continue
		}
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(x, y Observation) int {
		switch {
		case x.Year < y.Year:
			return -1
		case x.Year > y.Year:
			return 1
		}
		return 0
	})
	// Keep the last entry of each run of equal years.
	dedup := out[:0]
	for i, o := range out {
		if i+1 < len(out) && out[i+1].Year == o.Year {
			continue
		}
		dedup = append(dedup, o)
	}
	return dedup
}

// baselineOf returns the baseline and its year: the plan's baseline (t.Baseline with
// t.BaselineYear) when the plan gives one, else the value published for
// t.BaselineYear, else the earliest published value. series is non-empty and sorted.
func baselineOf(t config.Target, series []Observation) (float64, int) {
	if t.Baseline != nil && t.BaselineYear != 0 && !math.IsNaN(*t.Baseline) && !math.IsInf(*t.Baseline, 0) {
		return *t.Baseline, t.BaselineYear
	}
	if t.BaselineYear != 0 {
		for _, o := range series {
			if o.Year == t.BaselineYear {
				return o.Value, o.Year
			}
		}
	}
	return series[0].Value, series[0].Year
}

// upTo returns the observations of years up to year and, when year itself has none,
// the first one after it, which stands in for it (series is sorted).
func upTo(series []Observation, year int) []Observation {
	for i, o := range series {
		if o.Year > year {
			if i > 0 && series[i-1].Year == year {
				return series[:i]
			}
			return series[:i+1]
		}
	}
	return series
}

// standardAt returns the standard of the observation of year, or of the earliest one
// when year has none (a plan's baseline from before the published series).
func standardAt(series []Observation, year int) string {
	for _, o := range series {
		if o.Year == year {
			return o.Standard
		}
	}
	return series[0].Standard
}

// previous returns the published value before the latest one, or the baseline when
// there is none.
func previous(series []Observation, baseline float64) float64 {
	if len(series) >= 2 {
		return series[len(series)-2].Value
	}
	return baseline
}

// usable reports whether o can be assessed: a finite value, or an interval whose
// lower bound is not above its upper bound (-Inf and +Inf when nothing bounds it).
func usable(o Observation) bool {
	if !o.Interval {
		return !math.IsNaN(o.Value) && !math.IsInf(o.Value, 0)
	}
	return !math.IsNaN(o.Lower) && !math.IsInf(o.Lower, 1) && !math.IsNaN(o.Upper) && !math.IsInf(o.Upper, -1) && o.Lower <= o.Upper
}

// split separates the window upTo returned into its exact values and the interval
// of the target year (or of the year standing in for it), nil when that year's
// value is exact or absent. Intervals before the target year are dropped: only the
// target year's interval can settle a verdict, and an interval is never a value.
func split(window []Observation, year int) ([]Observation, *Observation) {
	var withheld *Observation
	if n := len(window); n > 0 && window[n-1].Interval && window[n-1].Year >= year {
		o := window[n-1]
		withheld = &o
	}
	exact := make([]Observation, 0, len(window))
	for _, o := range window {
		if !o.Interval {
			exact = append(exact, o)
		}
	}
	return exact, withheld
}

// sameStandard reports whether two poverty standards can be compared: equal, or
// either not known.
func sameStandard(a, b string) bool {
	return a == "" || b == "" || a == b
}
