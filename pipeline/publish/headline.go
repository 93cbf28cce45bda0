package publish

import (
	"fmt"
	"slices"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// headlineJSON is what a village page says first: the latest poverty and near-poor
// rates (a value, or the range of a withheld one) and, in words, whether poverty has
// gone down since the first review.
type headlineJSON struct {
	Year      int       `json:"year"`
	Rates     bilingual `json:"rates"`
	Direction bilingual `json:"direction"`
	// MPI are the multidimensional indicators the village page shows (see mpiRows).
	MPI []mpiRow `json:"mpi"`
}

// headlines are the village pages' headlines, by village code.
func (w *writer) headlines() map[string]headlineJSON {
	out := map[string]headlineJSON{}
	years := w.in.Years
	if len(years) == 0 {
		return out
	}
	first, last := years[0], years[len(years)-1]
	k := w.in.Portal.Disclosure.K
	for _, v := range w.in.Portal.Villages {
		poor, okP := w.get(indicator.Key{Year: last, UnitCode: v.Code, Group: "all", Indicator: "poor_rate"})
		near, okN := w.get(indicator.Key{Year: last, UnitCode: v.Code, Group: "all", Indicator: "near_poor_rate"})
		if !okP || !okN {
			continue
		}
		pt := func(f *indicator.Figure, lang string) string { return figureText(f, k, lang) + "%" }
		h := headlineJSON{Year: last, Rates: both(
			fmt.Sprintf("Năm %d: tỷ lệ hộ nghèo %s, tỷ lệ hộ cận nghèo %s.", last, pt(poor, "vi"), pt(near, "vi")),
			fmt.Sprintf("In %d: poverty rate %s, near-poor rate %s.", last, pt(poor, "en"), pt(near, "en")))}
		h.Direction = w.villageDirection(v.Code, first)
		h.MPI = w.mpiRows(v.Code)
		out[v.Code] = h
	}
	return out
}

// villageDirection says how a village's poverty rate moved since the first review,
// comparing only years of the same poverty standard: when the latest year is under a
// new standard, the comparison ends with the last year of the first one, and the
// sentence says why.
func (w *writer) villageDirection(code string, first int) bilingual {
	fig := func(y int) (*indicator.Figure, bool) {
		return w.get(indicator.Key{Year: y, UnitCode: code, Group: "all", Indicator: "poor_rate"})
	}
	base, ok := fig(first)
	if !ok {
		return bilingual{}
	}
	years := w.in.Years
	last, end := years[len(years)-1], 0
	from := w.standardID(first)
	for _, y := range years {
		if y > first && w.standardID(y) == from {
			end = y
		}
	}
	if end == 0 {
		return bilingual{}
	}
	now, ok := fig(end)
	if !ok {
		return bilingual{}
	}
	d := direction(base, now, first)
	if end == last {
		return d
	}
	next := years[slices.Index(years, end)+1]
	to := w.standardID(next)
	return both(
		fmt.Sprintf("Theo chuẩn nghèo %s, đến năm %d: %s Từ năm %d áp dụng chuẩn nghèo %s, nên tỷ lệ các năm sau không so sánh trực tiếp được với năm %d.",
			from, end, lowerFirst(d.VI), next, to, first),
		fmt.Sprintf("Under the %s poverty standard, by %d: %s From %d the %s standard applies, so later rates cannot be compared directly with %d.",
			from, end, lowerFirst(d.EN), next, to, first))
}

// lowerFirst lowers the first letter of a sentence that follows a colon.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// mpiRow is one row of a village's multidimensional table: the indicator and, for a
// deprivation, its short name (the table's caption says what is counted); H, A and
// M0 are named by the site's own labels.
type mpiRow struct {
	Code string     `json:"code"`
	Name *bilingual `json:"name,omitempty"`
}

// mpiRows are the multidimensional indicators of a village worth a row on its page:
// H, A and M0, then the share deprived in each indicator of the standards, each only
// when some year tells the reader something (see informative): a row of "0,0–100,0"
// in every year would only fill the page.
func (w *writer) mpiRows(code string) []mpiRow {
	rows := []mpiRow{{Code: "mpi_h"}, {Code: "mpi_a"}, {Code: "mpi_m0"}}
	seen := map[string]bool{}
	for _, s := range w.in.Standards {
		for _, n := range s.Indicators {
			c := "dep_" + n.Code() + "_rate"
			if !seen[c] {
				seen[c] = true
				name := both("Thiếu hụt "+n.NameVI, "Deprived in "+n.NameEN)
				rows = append(rows, mpiRow{c, &name})
			}
		}
	}
	out := []mpiRow{}
	for _, r := range rows {
		for _, y := range w.in.Years {
			f, ok := w.get(indicator.Key{Year: y, UnitCode: code, Group: "all", Indicator: r.Code})
			if ok && informative(f) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// informativeWidth is the widest range of a rate or index that still tells a reader
// something: 5 percentage points (in tenths), or 0.050 of an index (in thousandths),
// the width the village figures are asked to stay within.
const informativeWidth = 50

// informative reports whether a figure says more than "somewhere on the scale": a
// value, or a range no wider than informativeWidth.
func informative(f *indicator.Figure) bool {
	if _, ok := f.Value(); ok {
		return true
	}
	if !f.Bounded || f.Upper < 0 {
		return false
	}
	return f.IsCount() || f.Upper-f.Lower <= informativeWidth
}

// direction says in words how the poverty rate moved from base to now, and only
// what the published values or ranges prove: overlapping ranges cannot tell.
func direction(base, now *indicator.Figure, year int) bilingual {
	bl, bh, okB := interval(base)
	nl, nh, okN := interval(now)
	switch {
	case !okB || !okN:
		return both(fmt.Sprintf("Chưa có đủ số liệu để so sánh với năm %d.", year), fmt.Sprintf("There are not enough figures to compare with %d.", year))
	case nh < bl:
		return both(fmt.Sprintf("Tỷ lệ hộ nghèo đã giảm so với năm %d.", year), fmt.Sprintf("The poverty rate has fallen since %d.", year))
	case nl > bh:
		return both(fmt.Sprintf("Tỷ lệ hộ nghèo đã tăng so với năm %d.", year), fmt.Sprintf("The poverty rate has risen since %d.", year))
	case nl == nh && bl == bh && nl == bl:
		return both(fmt.Sprintf("Tỷ lệ hộ nghèo không đổi so với năm %d.", year), fmt.Sprintf("The poverty rate is the same as in %d.", year))
	}
	return both(fmt.Sprintf("Các số đã công bố chưa cho biết tỷ lệ hộ nghèo tăng hay giảm so với năm %d.", year),
		fmt.Sprintf("The published figures cannot tell whether the poverty rate has risen or fallen since %d.", year))
}

// interval is a figure's published value as an interval, or its withheld range.
func interval(f *indicator.Figure) (lo, hi float64, ok bool) {
	if v, ok := f.Value(); ok {
		return v, v, true
	}
	lo, hi, hasUpper, ok := f.Bounds()
	return lo, hi, ok && hasUpper
}
