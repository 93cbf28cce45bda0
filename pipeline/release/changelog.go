package release

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// figure is a published figure, as read back from a release's indicators.csv.
type figure struct {
	key                 [4]string // year, unit_code, group, indicator
	name                string
	value, num, den, fl string
}

// utf8BOM starts every CSV download, for spreadsheet programs.
var utf8BOM = []byte("\xef\xbb\xbf")

// readIndicators parses an indicators.csv of any release, by header name, so a release
// whose columns were ordered differently still compares.
func readIndicators(b []byte) ([]figure, error) {
	b = bytes.TrimPrefix(b, utf8BOM)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("empty indicators.csv")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range []string{"year", "unit_code", "group", "indicator", "value", "numerator", "denominator", "flag"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("indicators.csv has no %s column", need)
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	out := make([]figure, 0, len(rows)-1)
	for _, row := range rows[1:] {
		out = append(out, figure{
			key:  [4]string{get(row, "year"), get(row, "unit_code"), get(row, "group"), get(row, "indicator")},
			name: get(row, "unit_name"), value: get(row, "value"), num: get(row, "numerator"),
			den: get(row, "denominator"), fl: get(row, "flag"),
		})
	}
	return out, nil
}

// Change is one figure that differs between two releases. The values are the
// published cells of indicators.csv ("" when withheld or not available).
type Change struct {
	Kind                  string // changed, added, removed
	Year                  int
	UnitCode, UnitName    string
	Group, Indicator      string
	Before, After         string
	NumBefore, NumAfter   string
	DenBefore, DenAfter   string
	FlagBefore, FlagAfter string
}

// Entry is one release of the changelog and what changed from the one before it.
type Entry struct {
	Version, Date, Previous string
	Recorded, Current       bool
	Changed, Added, Removed int
	// Years are the review years the release adds, whose figures are counted, not
	// listed in Changes: the changelog is about revisions.
	Years   []int
	Changes []Change
}

// compare lists what changed from before to after: figures whose value, numerator,
// denominator or flag differ, in the order of after, then those removed, in the
// order of before. Figures added are counted, and listed too.
func compare(before, after []figure) (changes []Change, changed, added, removed int, years []int) {
	old := make(map[[4]string]figure, len(before))
	oldYears := map[string]bool{}
	for _, f := range before {
		old[f.key] = f
		oldYears[f.key[0]] = true
	}
	seen := make(map[[4]string]bool, len(after))
	newYears := map[int]bool{}
	for i := range after {
		a := &after[i]
		seen[a.key] = true
		b, ok := old[a.key]
		switch {
		case !ok:
			added++
			if !oldYears[a.key[0]] {
				y, _ := strconv.Atoi(a.key[0])
				newYears[y] = true
			}
			changes = append(changes, changeOf("added", nil, a))
		case b.value != a.value || b.num != a.num || b.den != a.den || b.fl != a.fl:
			changed++
			changes = append(changes, changeOf("changed", &b, a))
		}
	}
	for i := range before {
		if b := &before[i]; !seen[b.key] {
			removed++
			changes = append(changes, changeOf("removed", b, nil))
		}
	}
	for y := range newYears {
		years = append(years, y)
	}
	sort.Ints(years)
	return changes, changed, added, removed, years
}

// changeOf is the change from b to a (either nil: added or removed).
func changeOf(kind string, b, a *figure) Change {
	ref := a
	if ref == nil {
		ref = b
	}
	y, _ := strconv.Atoi(ref.key[0])
	c := Change{Kind: kind, Year: y, UnitCode: ref.key[1], UnitName: ref.name, Group: ref.key[2], Indicator: ref.key[3]}
	if b != nil {
		c.Before, c.NumBefore, c.DenBefore, c.FlagBefore = b.value, b.num, b.den, b.fl
	}
	if a != nil {
		c.After, c.NumAfter, c.DenAfter, c.FlagAfter = a.value, a.num, a.den, a.fl
	}
	return c
}

// Changelog compares each release of h with the one before it, newest first; current,
// which published the indicators.csv currentCSV, is the last entry when it is not
// recorded yet.
func (h History) Changelog(current Release, currentCSV []byte) ([]Entry, error) {
	type step struct {
		rel      Release
		csv      []byte
		recorded bool
	}
	var steps []step
	for _, r := range h.releases {
		steps = append(steps, step{r.Release, r.indicators, true})
	}
	if !h.Recorded {
		steps = append(steps, step{current, currentCSV, false})
	}
	var out []Entry
	var prev []figure
	prevVersion := ""
	for _, s := range steps {
		figs, err := readIndicators(s.csv)
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", s.rel.Version, err)
		}
		e := Entry{Version: s.rel.Version, Date: s.rel.Date, Previous: prevVersion,
			Recorded: s.recorded, Current: s.rel.Version == current.Version, Changes: []Change{}, Years: []int{}}
		if prevVersion != "" {
			ch, c, a, r, ys := compare(prev, figs)
			e.Changed, e.Added, e.Removed = c, a, r
			if ys != nil {
				e.Years = ys
			}
			for _, x := range ch {
				if x.Kind == "added" && slices.Contains(ys, x.Year) {
					continue
				}
				e.Changes = append(e.Changes, x)
			}
		}
		out = append(out, e)
		prev, prevVersion = figs, s.rel.Version
	}
	slices.Reverse(out)
	return out, nil
}
