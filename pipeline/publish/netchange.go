package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/indicator"
)

// The movement page's flows of a commune are often wide ranges ("3–62 escaped"),
// because a flow under k households is withheld. The change in the number of poor
// households from one year to the next is not: both stocks are published, so the
// difference is exact and tells a reader more than the ranges (issue 17). It is
// only given between two years under the same poverty standard: across a change of
// standard the two counts measure different things.

// netChange is the change in a unit's poor households from the year before.
type netChange struct {
	Year   int       `json:"year"`
	From   int       `json:"from"`
	Change int64     `json:"change"`
	Text   bilingual `json:"text"`
}

// netChanges writes build/data/net_change.json: for the reporting unit, each year's
// change in poor households from the previous review year, where both counts are
// published and under one standard.
func (w *writer) netChanges() error {
	unit := w.in.Portal.Unit.Code
	out := map[string][]netChange{unit: w.unitNetChanges(unit)}
	return w.jsonFile("net_change.json", out)
}

// unitNetChanges are unit's yearly changes in poor households.
func (w *writer) unitNetChanges(unit string) []netChange {
	out := []netChange{}
	for i := 1; i < len(w.in.Years); i++ {
		prev, y := w.in.Years[i-1], w.in.Years[i]
		if w.in.Table.Standards[prev] != w.in.Table.Standards[y] {
			continue
		}
		a, okA := w.in.Table.Get(indicator.Key{Year: prev, UnitCode: unit, Group: "all", Indicator: "poor_households"})
		b, okB := w.in.Table.Get(indicator.Key{Year: y, UnitCode: unit, Group: "all", Indicator: "poor_households"})
		if !okA || !okB || a.Flag != indicator.FlagNone || b.Flag != indicator.FlagNone {
			continue
		}
		d := b.Num - a.Num
		out = append(out, netChange{Year: y, From: prev, Change: d, Text: netChangeText(y, prev, d)})
	}
	return out
}

// netChangeText says a change in words: "2023: giảm 15 hộ so với 2022".
func netChangeText(y, prev int, d int64) bilingual {
	n := strconv.FormatInt(max(d, -d), 10)
	ys, ps := strconv.Itoa(y), strconv.Itoa(prev)
	switch {
	case d < 0:
		return both(ys+": giảm "+n+" hộ so với "+ps, ys+": "+n+" fewer than in "+ps)
	case d > 0:
		return both(ys+": tăng "+n+" hộ so với "+ps, ys+": "+n+" more than in "+ps)
	}
	return both(ys+": không đổi so với "+ps, ys+": unchanged from "+ps)
}
