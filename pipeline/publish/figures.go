package publish

import (
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
)

// indicatorTable holds figures as the columns of indicators.csv, in table order, as
// published: each figure's fields are worked out once, and every format is written
// from them, so a value withheld in one format is withheld in all of them.
func (w *writer) indicatorTable(figs []indicator.Figure) *opendata.Table {
	n := len(figs)
	year := &opendata.Ints{V: make([]int64, 0, n), Valid: make([]bool, 0, n)}
	var level, code, name, group, ind, measure, flag, std opendata.Strings
	for _, s := range []*opendata.Strings{&level, &code, &name, &group, &ind, &measure, &flag, &std} {
		s.Codes = make([]uint32, 0, n)
	}
	newDecimals := func() *opendata.Decimals {
		return &opendata.Decimals{Scaled: make([]int64, 0, n), Places: make([]uint8, 0, n), Valid: make([]bool, 0, n)}
	}
	value, lower, upper := newDecimals(), newDecimals(), newDecimals()
	num := &opendata.Ints{V: make([]int64, 0, n), Valid: make([]bool, 0, n)}
	den := &opendata.Ints{V: make([]int64, 0, n), Valid: make([]bool, 0, n)}
	names := map[string]string{}
	stds := map[int]string{}
	for i := range figs {
		f := &figs[i]
		year.Add(int64(f.Year), true)
		level.Add(f.UnitLevel)
		code.Add(f.UnitCode)
		un, ok := names[f.UnitCode]
		if !ok {
			un = w.unitName(f.UnitCode)
			names[f.UnitCode] = un
		}
		name.Add(un)
		group.Add(f.Group)
		ind.Add(f.Indicator)
		places := f.Decimals()
		s, ok := f.Scaled()
		value.Add(s, places, ok)
		p, q := published(f)
		num.Add(deref(p), p != nil)
		den.Add(deref(q), q != nil)
		measure.Add(f.Measure)
		flag.Add(f.Flag)
		lower.Add(f.Lower, places, f.Bounded)
		upper.Add(f.Upper, places, f.Bounded && f.Upper >= 0)
		sid, ok := stds[f.Year]
		if !ok {
			sid = w.standardID(f.Year)
			stds[f.Year] = sid
		}
		std.Add(sid)
	}
	return &opendata.Table{Columns: openIndicatorColumns, Vectors: []opendata.Vector{
		year, &level, &code, &name, &group, &ind, value, num, den, &measure, &flag, lower, upper, &std,
	}}
}

// openIndicatorColumns are indicatorColumns as the writers take them.
var openIndicatorColumns = openColumns(indicatorColumns)

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// unitName is a unit's Vietnamese name, its code when it has none.
func (w *writer) unitName(code string) string {
	p := w.in.Portal
	if code == p.Unit.Code {
		return p.Unit.NameVI
	}
	if w.in.atScale() {
		if name, ok := w.scaleUnitName(code); ok {
			return name
		}
	}
	if v, ok := p.Village(code); ok {
		return v.NameVI
	}
	return code
}

// standardID is the id of the standard in force in a year, "" when none is known
// (a table read back from a release).
func (w *writer) standardID(year int) string {
	if w.in.StandardFor == nil {
		return ""
	}
	if s, ok := w.in.StandardFor(year); ok {
		return s.ID
	}
	return ""
}

// csvNumber is a number as the page shows it in English, written as the CSVs have it
// (without grouping commas, which would read as separators), and its value, untyped
// nil when the text is not a number.
func csvNumber(en string) (string, any) {
	s := strings.ReplaceAll(en, ",", "")
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return s, v
	}
	return s, nil
}

func intCell(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

// csvBytes writes a small published CSV in memory (see opendata.BOM).
func csvBytes(header []string, rows [][]string) ([]byte, error) {
	return opendata.CSVBytes(header, rows)
}

// utf8BOM starts every published CSV (see opendata.BOM).
var utf8BOM = opendata.BOM
