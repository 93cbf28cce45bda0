package publish

import (
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/chart"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/progress"
)

// chartWords are the words charts need, by language.
var chartWords = map[string]struct {
	year, target, projection, rate, poverty, escaped, newly, relapsed, households string
}{
	"vi": {"Năm", "Mục tiêu", "Dự báo", "Tỷ lệ (%)", "Tỷ lệ hộ nghèo (%)", "Thoát nghèo", "Nghèo phát sinh", "Tái nghèo", "Số hộ"},
	"en": {"Year", "Target", "Projection", "Rate (%)", "Poor-household rate (%)", "Escaped", "Newly poor", "Relapsed", "Households"},
}

func formatter(lang string) func(float64) string {
	return func(v float64) string {
		s := roundHalfAway(v * 10)
		return indicator.FormatScaled(s, 1, lang)
	}
}

func (w *writer) points(unit, group, ind string) []chart.Point {
	var out []chart.Point
	for _, y := range w.in.Years {
		f, ok := w.get(indicator.Key{Year: y, UnitCode: unit, Group: group, Indicator: ind})
		if !ok {
			continue
		}
		v, ok := f.Value()
		p := chart.Point{X: y, Y: v, Missing: !ok}
		if lo, hi, hasUpper, bounded := f.Bounds(); bounded && hasUpper {
			p.Ranged, p.Lo, p.Hi = true, lo, hi
		}
		out = append(out, p)
	}
	return out
}

func (w *writer) svg(lang, name, svg string) error {
	return w.write(w.l.ChartSVG(lang, name), []byte(svg))
}

// narrowWidth is the canvas of the phone-sized twin of each full chart: at 360 units
// shown about 343 px wide, its 18-unit labels stay legible.
const narrowWidth = 360

// lineCharts writes a line chart and its narrow twin, which the site shows on phones.
func (w *writer) lineCharts(lang, name string, c chart.Line) error {
	if err := w.svg(lang, name, c.SVG()); err != nil {
		return err
	}
	c.Width = narrowWidth
	return w.svg(lang, name+"-narrow", c.SVG())
}

// barCharts writes a bar chart and its narrow twin.
func (w *writer) barCharts(lang, name string, c chart.Bars) error {
	if err := w.svg(lang, name, c.SVG()); err != nil {
		return err
	}
	c.Width = narrowWidth
	return w.svg(lang, name+"-narrow", c.SVG())
}

// chartCSV writes the data a chart shows, so every chart has its download.
func (w *writer) chartCSV(name string, header []string, rows [][]string) error {
	b, err := csvBytes(header, rows)
	if err != nil {
		return err
	}
	return w.download(paths.Charts+"/"+name+".csv", b)
}

func (w *writer) charts() error {
	unit := w.in.Portal.Unit.Code
	for _, lang := range w.lang {
		cw := chartWords[lang]
		for i, t := range w.in.Targets {
			title := t.TitleVI
			if lang == "en" {
				title = t.TitleEN
			}
			tv := t.Value
			c := chart.Line{
				Title: title, Desc: title, XLabel: cw.year, YLabel: cw.rate,
				Series: []chart.Series{{Name: title, Points: w.points(unit, "all", t.Indicator)}},
				Target: &tv, TargetLabel: cw.target + " " + formatter(lang)(tv),
				Projection: clampPercent(t.Indicator, toPoints(w.in.Projections[i])), ProjectionLabel: cw.projection,
				Format: formatter(lang), Breaks: w.breaks(lang),
			}
			if err := w.lineCharts(lang, "target-"+t.ID, c); err != nil {
				return err
			}
			if t.Indicator == "poor_rate" {
				c.YLabel = cw.poverty
				if err := w.lineCharts(lang, "poverty-rate", c); err != nil {
					return err
				}
			}
		}
		for _, v := range w.in.Portal.Villages {
			name := v.NameVI
			if lang == "en" {
				name = v.NameEN
			}
			points := w.points(v.Code, "all", "poor_rate")
			s := chart.Spark{Title: name + ": " + cw.poverty, Points: points, Breaks: w.breaks(lang)}
			if err := w.svg(lang, "village-"+strings.ToLower(v.Code), s.SVG()); err != nil {
				return err
			}
			// The village page shows the full trend, with axes; the sparkline is for
			// the villages table.
			trend := chart.Line{
				Title: name + ": " + cw.poverty, Desc: name + ": " + cw.poverty,
				XLabel: cw.year, YLabel: cw.poverty,
				Series: []chart.Series{{Name: name, Points: points}},
				Format: formatter(lang), Breaks: w.breaks(lang),
			}
			if err := w.lineCharts(lang, "village-"+strings.ToLower(v.Code)+"-trend", trend); err != nil {
				return err
			}
		}
		if err := w.barCharts(lang, "movement", w.movementChart(lang)); err != nil {
			return err
		}
	}
	return w.chartData()
}

func toPoints(obs []progress.Observation) []chart.Point {
	out := make([]chart.Point, len(obs))
	for i, o := range obs {
		out[i] = chart.Point{X: o.Year, Y: o.Value}
	}
	return out
}

// clampPercent stops a projected percentage at 0 and 100: a rate cannot leave its
// scale, however fast it moved.
func clampPercent(code string, ps []chart.Point) []chart.Point {
	d, ok := indicator.Lookup(code)
	if (!ok || d.Measure != indicator.Percent) && !strings.HasPrefix(code, "support_coverage_") {
		return ps
	}
	for i := range ps {
		ps[i].Y = min(100, max(0, ps[i].Y))
	}
	return ps
}

var movementIndicators = []string{"escaped", "newly_poor", "relapsed"}

func (w *writer) movementChart(lang string) chart.Bars {
	cw := chartWords[lang]
	unit := w.in.Portal.Unit.Code
	c := chart.Bars{
		Title:  map[string]string{"vi": "Biến động hộ nghèo theo năm", "en": "Movement in and out of poverty by year"}[lang],
		XLabel: cw.year, YLabel: cw.households,
		SeriesNames: []string{cw.escaped, cw.newly, cw.relapsed},
		Format:      func(v float64) string { return strconv.FormatInt(roundHalfAway(v), 10) },
	}
	c.Desc = c.Title
	for _, y := range w.in.Years {
		bar := chart.Bar{Label: strconv.Itoa(y)}
		for _, ind := range movementIndicators {
			f, found := w.in.Table.Get(indicator.Key{Year: y, UnitCode: unit, Group: "all", Indicator: ind})
			v, ok := f.Value()
			var lo, hi float64
			ranged := false // a withheld flow with an interval is drawn as a whisker
			if found && !ok {
				var hasUpper, bounded bool
				lo, hi, hasUpper, bounded = f.Bounds()
				ranged = bounded && hasUpper
			}
			bar.Values = append(bar.Values, v)
			bar.Missing = append(bar.Missing, !ok)
			bar.Ranged, bar.Lo, bar.Hi = append(bar.Ranged, ranged), append(bar.Lo, lo), append(bar.Hi, hi)
		}
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// chartData writes one CSV per chart with exactly the figures it draws.
func (w *writer) chartData() error {
	header := names(chartColumns)
	row := func(f *indicator.Figure) []string {
		return []string{strconv.Itoa(f.Year), f.UnitCode, f.Indicator, strings.ReplaceAll(valueCell(f), ",", ""), f.Flag}
	}
	collect := func(unit string, inds ...string) [][]string {
		var rows [][]string
		for _, y := range w.in.Years {
			for _, ind := range inds {
				if f, ok := w.get(indicator.Key{Year: y, UnitCode: unit, Group: "all", Indicator: ind}); ok {
					rows = append(rows, row(f))
				}
			}
		}
		return rows
	}
	unit := w.in.Portal.Unit.Code
	for _, t := range w.in.Targets {
		if err := w.chartCSV("target-"+t.ID, header, collect(unit, t.Indicator)); err != nil {
			return err
		}
	}
	if err := w.chartCSV("poverty-rate", header, collect(unit, "poor_rate")); err != nil {
		return err
	}
	for _, v := range w.in.Portal.Villages {
		rows := collect(v.Code, "poor_rate")
		if err := w.chartCSV("village-"+strings.ToLower(v.Code)+"-trend", header, rows); err != nil {
			return err
		}
		if err := w.chartCSV("village-"+strings.ToLower(v.Code), header, rows); err != nil {
			return err
		}
	}
	return w.chartCSV("movement", header, collect(unit, movementIndicators...))
}

func valueCell(f *indicator.Figure) string {
	if f.Flag != indicator.FlagNone {
		return ""
	}
	return f.Text("en")
}
