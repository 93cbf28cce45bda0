package publish

import "github.com/minhtien/portal/pipeline/indicator"

// noSortKey is the sort key of a figure that is missing or withheld with no
// interval: every published count and rate is at least 0, so it sorts last in a
// "highest first" order.
const noSortKey = -1.0

// villageSortIndicators are the indicators the villages list can be ordered by.
var villageSortIndicators = []string{"poor_rate", "households"}

// sortKey is the number a figure is ordered by in the villages list: its published
// value, or for a withheld figure the midpoint of its interval (the lower bound
// when nothing bounds it from above), so that a village at "1,2–4,0" ranks with
// the values it could have, above a village at 0,0. It is a sort key only: the
// midpoint is not a figure and no page prints it.
func sortKey(f *indicator.Figure, ok bool) float64 {
	if !ok || f == nil {
		return noSortKey
	}
	if v, ok := f.Value(); ok {
		return v
	}
	lo, hi, hasUpper, bounded := f.Bounds()
	switch {
	case !bounded:
		return noSortKey
	case !hasUpper:
		return lo
	}
	return (lo + hi) / 2
}

// villageSortKeys are a village's sort keys in the latest year, by indicator, for
// the villages list (site/layouts/villages/section.html reads them and only sorts).
func (w *writer) villageSortKeys(code string) map[string]float64 {
	last := w.in.Years[len(w.in.Years)-1]
	out := make(map[string]float64, len(villageSortIndicators))
	for _, ind := range villageSortIndicators {
		out[ind] = sortKey(w.get(indicator.Key{Year: last, UnitCode: code, Group: "all", Indicator: ind}))
	}
	return out
}
