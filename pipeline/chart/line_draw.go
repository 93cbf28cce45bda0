package chart

// SVG renders the chart as a standalone, accessible <svg> element.
func (c Line) SVG() string {
	m := newLineModel(c)
	hd := layoutHeader(newCanvas(c.Width), m.legendItems(), c.YLabel)
	m.cv = newCanvas(c.Width).grow(hd.bottom, bottomReserve(c.XLabel, 1))
	var w svgWriter
	id := openRoot(&w, m.cv, "line", c.Title, c.Desc)
	hd.draw(&w)
	b := box{top: hd.bottom, bottom: plotBottom(m.cv, c.XLabel, 1)}
	// Too many legend rows would leave no plot: let them overlap instead
	// of producing a zero-height (and thus unreadable) plot.
	b.top = min(b.top, b.bottom-80)
	b.left = outerPad + yTickWidth(m.cv, m.y, m.format) + tickGap
	labels := m.valueLabels()
	b.right = m.cv.w - outerPad - gutterWidth(m.cv, labels)
	if m.fixed {
		w.open("defs")
		w.open("clipPath", "id", id+"-clip")
		w.leaf("rect", "x", num(b.left-markerRadius*2), "y", num(b.top-markerRadius*2),
			"width", num(b.w()+markerRadius*4), "height", num(b.h()+markerRadius*4))
		w.close("clipPath")
		w.close("defs")
	}
	drawYGrid(&w, m.y, b, m.format)
	m.drawXAxis(&w, b)
	drawXTitle(&w, m.cv, c.XLabel, b)
	m.drawTarget(&w, b)
	m.drawBreaks(&w, b)
	clip := ""
	if m.fixed {
		clip = "url(#" + id + "-clip)"
	}
	for i := range m.series {
		m.drawSeries(&w, b, i, clip)
	}
	m.drawProjection(&w, b, clip)
	drawValueLabels(&w, m.cv, placeLabels(labels, m, b), b)
	w.close("svg")
	return w.String()
}

// legendItems lists one entry per named series plus the projection.
func (m *lineModel) legendItems() []legendItem {
	var items []legendItem
	for i, s := range m.Series {
		items = append(items, legendItem{s.Name, lineSwatch(i, s.Dashed)})
	}
	if len(m.Projection) > 0 {
		items = append(items, legendItem{m.ProjectionLabel, projectionSwatch})
	}
	return items
}

// lineSwatch draws a short line with the series' marker for the legend.
func lineSwatch(i int, dashed bool) func(*svgWriter, float64, float64) {
	return func(w *svgWriter, x, y float64) {
		cls, col := seriesClass(i)
		w.open("g", "class", "chart-series "+cls, "color", col)
		w.leaf("path", lineAttrs("M"+num(x)+" "+num(y)+"H"+num(x+swatchW), dashed)...)
		w.leaf("path", "class", "chart-marker", "d", markerPath(i, x+swatchW/2, y), "fill", "currentColor")
		w.close("g")
	}
}

// projectionSwatch draws the dotted line with a hollow marker.
func projectionSwatch(w *svgWriter, x, y float64) {
	_, col := seriesClass(0)
	w.open("g", "class", "chart-projection chart-series-0", "color", col)
	w.leaf("path", projAttrs("M"+num(x+2)+" "+num(y)+"H"+num(x+swatchW-2))...)
	w.leaf("path", hollowAttrs(markerPath(0, x+swatchW/2, y))...)
	w.close("g")
}

// lineAttrs are the attributes of a series line.
func lineAttrs(d string, dashed bool) []string {
	a := []string{"class", "chart-line", "d", d, "fill", "none", "stroke", "currentColor",
		"stroke-width", "3", "stroke-linejoin", "round", "stroke-linecap", "round"}
	if dashed {
		a = append(a, "stroke-dasharray", seriesDash)
	}
	return a
}

// projAttrs are the attributes of the dotted projection line.
func projAttrs(d string) []string {
	return []string{"class", "chart-line", "d", d, "fill", "none", "stroke", "currentColor",
		"stroke-width", "3.5", "stroke-linecap", "round", "stroke-dasharray", dottedDash}
}

// hollowAttrs draw markers as outlines, which reads as "not observed".
func hollowAttrs(d string) []string {
	return []string{"class", "chart-marker", "d", d, "fill", "none", "stroke", "currentColor", "stroke-width", "2"}
}

// linePath builds path data through the points, lifting the pen at every
// Missing point so that suppressed values show as gaps, never as zeros, and at
// every break, so that figures under two standards are never joined (a rise
// drawn across a change of standard would be a change of definition, not of
// poverty). A lone point left between a break and a gap shows by its marker.
func (m *lineModel) linePath(b box, ps []Point) string {
	d := ""
	var prev *Point
	for i := range ps {
		p := ps[i]
		if p.Missing {
			prev = nil
			continue
		}
		x, y := m.pix(b, p)
		cmd := "L"
		if prev == nil || !m.joins(*prev, p) {
			cmd = "M"
		}
		d += cmd + num(x) + " " + num(y)
		prev = &ps[i]
	}
	return d
}

// joins reports whether a line may run from a to the later point c: no break
// falls in (a.X, c.X], so both are under the same standard.
func (m *lineModel) joins(a, c Point) bool {
	for _, br := range m.Breaks {
		if a.X < br.X && br.X <= c.X {
			return false
		}
	}
	return true
}

// markersPath joins the markers of all observed points into one path,
// which keeps the output small. Isolated points between two gaps are
// visible only through their marker.
func (m *lineModel) markersPath(b box, ps []Point, shape int) string {
	d := ""
	for _, p := range ps {
		if !p.Missing {
			x, y := m.pix(b, p)
			d += markerPath(shape, x, y)
		}
	}
	return d
}

// drawSeries draws series i: its line and its markers.
func (m *lineModel) drawSeries(w *svgWriter, b box, i int, clip string) {
	cls, col := seriesClass(i)
	attrs := []string{"class", "chart-series " + cls, "color", col}
	if clip != "" {
		attrs = append(attrs, "clip-path", clip)
	}
	w.open("g", attrs...)
	if d := m.linePath(b, m.series[i]); d != "" {
		w.leaf("path", lineAttrs(d, m.Series[i].Dashed)...)
		w.leaf("path", "class", "chart-marker", "d", m.markersPath(b, m.series[i], i), "fill", "currentColor")
	}
	if d := m.whiskersPath(b, m.series[i]); d != "" {
		w.leaf("path", "class", "chart-range", "d", d, "fill", "none", "stroke", "currentColor", "stroke-width", "2")
	}
	w.close("g")
}

// drawProjection draws the dotted continuation with hollow markers (the
// anchor point is the last observed one and already has a solid marker).
func (m *lineModel) drawProjection(w *svgWriter, b box, clip string) {
	d := m.linePath(b, m.proj)
	if d == "" {
		return
	}
	_, col := seriesClass(0)
	attrs := []string{"class", "chart-projection chart-series-0", "color", col}
	if clip != "" {
		attrs = append(attrs, "clip-path", clip)
	}
	w.open("g", attrs...)
	w.leaf("path", projAttrs(d)...)
	rest := m.proj
	if len(m.series) > 0 && len(rest) > len(m.Projection) {
		rest = rest[1:] // skip the anchor
	}
	if md := m.markersPath(b, rest, 0); md != "" {
		w.leaf("path", hollowAttrs(md)...)
	}
	w.close("g")
}

// drawXAxis labels years, thinning them so labels never touch. On a
// narrow canvas the step is chosen from the real distance between ticks,
// which keeps, say, every other year of a decade instead of two labels.
func (m *lineModel) drawXAxis(w *svgWriter, b box) {
	if !m.hasX {
		return
	}
	labelW := max(textWidth(yearLabel(m.xlo), fontSize), textWidth(yearLabel(m.xhi), fontSize))
	var ticks []float64
	if m.cv.narrow() {
		ticks = spacedYearTicks(m.xlo, m.xhi, b.w(), labelW+tickGap)
	} else {
		ticks = yearTicks(m.xlo, m.xhi, int(b.w()/(labelW+16))+1)
	}
	w.open("g", "class", "chart-tick chart-label", "text-anchor", "middle")
	for _, t := range ticks {
		x := num(m.xPix(b, t))
		w.leaf("line", "class", "chart-axis", "stroke", "currentColor", "stroke-width", "1.5",
			"x1", x, "x2", x, "y1", num(b.bottom), "y2", num(b.bottom+5))
		w.text("text", yearLabel(t), "x", x, "y", num(baseline(b.bottom+tickGap+10)))
	}
	w.close("g")
}

// whiskersPath draws each withheld point with a range as a vertical whisker with
// caps, from the bottom of its interval to the top.
func (m *lineModel) whiskersPath(b box, ps []Point) string {
	const cap = 5
	d := ""
	for _, p := range ps {
		if !p.Missing || !p.Ranged || !finite(p.Lo) || !finite(p.Hi) {
			continue
		}
		x := m.xPix(b, float64(p.X))
		lo, hi := clampY(b, b.y(m.y, p.Lo)), clampY(b, b.y(m.y, p.Hi))
		d += "M" + num(x) + " " + num(lo) + "L" + num(x) + " " + num(hi)
		d += "M" + num(x-cap) + " " + num(lo) + "L" + num(x+cap) + " " + num(lo)
		d += "M" + num(x-cap) + " " + num(hi) + "L" + num(x+cap) + " " + num(hi)
	}
	return d
}
