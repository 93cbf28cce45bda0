package chart

import "strconv"

// SVG renders the chart as a standalone, accessible <svg> element.
func (c Bars) SVG() string {
	m := newBarsModel(c)
	id := chartID("bars", c.Title, c.Desc, m.cv.w)
	hd := layoutHeader(m.cv, m.legendItems(id), c.YLabel)
	m.layout(hd.bottom) // may make a narrow canvas taller
	var w svgWriter
	openRoot(&w, m.cv, "bars", c.Title, c.Desc)
	m.drawPatterns(&w, id)
	hd.draw(&w)
	drawYGrid(&w, m.y, m.b, m.format)
	m.drawCategories(&w)
	drawXTitle(&w, m.cv, c.XLabel, m.b)
	for i := 0; i < m.n; i++ {
		m.drawSeries(&w, id, i)
	}
	m.drawValueLabels(&w)
	w.close("svg")
	return w.String()
}

// barFill returns the fill of series i: solid for the first series and
// patterns for the others, so bars differ by more than colour (for colour
// blind readers and grey-scale print).
func barFill(id string, i int) string {
	if i%4 == 0 {
		return "currentColor"
	}
	return "url(#" + id + "-pat-" + strconv.Itoa(i%4) + ")"
}

// drawPatterns defines the hatch patterns. Each pattern carries the class
// and colour of its series so that .chart-series-N { color } restyles it.
func (m *barsModel) drawPatterns(w *svgWriter, id string) {
	if m.n < 2 {
		return
	}
	w.open("defs")
	for i := 1; i < min(m.n, 4); i++ {
		cls, col := seriesClass(i)
		w.open("pattern", "id", id+"-pat-"+strconv.Itoa(i), "class", cls, "color", col,
			"patternUnits", "userSpaceOnUse", "width", "8", "height", "8")
		w.leaf("rect", "width", "8", "height", "8", "fill", "currentColor")
		w.leaf("path", "d", hatch(i), "fill", "none", "stroke", "#fff", "stroke-opacity", "0.6", "stroke-width", "2")
		w.close("pattern")
	}
	w.close("defs")
}

// hatch returns the light overlay of pattern i: diagonal stripes, a dot
// grid or horizontal stripes. Stripes extend past the tile so that the
// seams are invisible.
func hatch(i int) string {
	switch i {
	case 1:
		return "M-2 2L2 -2M0 8L8 0M6 10L10 6"
	case 2:
		return "M3 3h1.5M7 7h1.5"
	default:
		return "M0 4H8"
	}
}

// legendItems lists the series with a swatch of their fill.
func (m *barsModel) legendItems(id string) []legendItem {
	var items []legendItem
	for i, name := range m.SeriesNames {
		items = append(items, legendItem{name, func(w *svgWriter, x, y float64) {
			cls, col := seriesClass(i)
			w.leaf("rect", "class", "chart-series "+cls, "color", col, "fill", barFill(id, i),
				"x", num(x+4), "y", num(y-8), "width", "22", "height", "16")
		}})
	}
	return items
}

// drawSeries draws the bars of series i across all groups.
func (m *barsModel) drawSeries(w *svgWriter, id string, i int) {
	cls, col := seriesClass(i)
	w.open("g", "class", "chart-series "+cls, "color", col, "fill", barFill(id, i))
	zero := m.b.y(m.y, 0)
	for g := range m.Bars.Bars {
		v, ok := m.value(g, i)
		if !ok {
			continue
		}
		top, bottom := m.b.y(m.y, v), zero
		if v < 0 {
			top, bottom = zero, top
		}
		w.leaf("rect", "class", "chart-bar", "x", num(m.barX(g, i)+1), "y", num(top),
			"width", num(max(1, m.barW-2)), "height", num(bottom-top))
	}
	w.close("g")
}

// drawCategories writes the category labels under each group.
func (m *barsModel) drawCategories(w *svgWriter) {
	if len(m.lines) == 0 {
		return
	}
	w.open("g", "class", "chart-tick chart-label", "text-anchor", "middle")
	y := m.b.bottom + tickGap + 10
	if m.hasNegative() {
		y += float64(m.levels)*labelGap + 6
	}
	for g, lines := range m.lines {
		x := m.b.left + (float64(g)+0.5)*m.slot
		for k, line := range lines {
			lx := x
			if m.cv.narrow() { // a thinned label may be wider than its group
				lx = keepInside(m.cv, x, textWidth(line, fontSize), "middle")
			}
			w.text("text", line, "x", num(lx), "y", num(baseline(y+float64(k)*20)))
		}
	}
	w.close("g")
}
