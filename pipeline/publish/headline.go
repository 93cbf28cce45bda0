package publish

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/indicator"
)

// headlineJSON is what a village page says first: the latest poverty and near-poor
// rates (a value, or the range of a withheld one) and, in words, whether poverty has
// gone down since the first review.
type headlineJSON struct {
	Year      int       `json:"year"`
	Rates     bilingual `json:"rates"`
	Direction bilingual `json:"direction"`
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
		if base, ok := w.get(indicator.Key{Year: first, UnitCode: v.Code, Group: "all", Indicator: "poor_rate"}); ok && first != last {
			h.Direction = direction(base, poor, first)
		}
		out[v.Code] = h
	}
	return out
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
