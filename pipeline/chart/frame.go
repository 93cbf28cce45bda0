package chart

import "strconv"

// The drawing is laid out on a 640x360 canvas. At 320 px wide it is shown
// at half size, so 18-unit text still renders at 9 px – the smallest size
// we accept – and at full size in print or on desktop.
const (
	viewW    = 640.0
	viewH    = 360.0
	outerPad = 8.0
	fontSize = 18.0
	rowH     = 26.0 // height of one line of text including leading
	tickGap  = 8.0  // space between an axis and its tick labels
)

// box is the plot area in user units.
type box struct{ left, top, right, bottom float64 }

func (b box) w() float64 { return b.right - b.left }
func (b box) h() float64 { return b.bottom - b.top }

// y maps a value onto the vertical axis (SVG y grows downwards).
func (b box) y(s linScale, v float64) float64 { return b.bottom - s.frac(v)*b.h() }

// baseline returns the text baseline that vertically centres a line of
// text on y. dominant-baseline is avoided because print engines and some
// SVG renderers ignore it.
func baseline(y float64) float64 { return y + fontSize*0.35 }

// openRoot writes the <svg> start tag with its accessible name. Both the
// title and the description are listed in aria-labelledby because that is
// the combination screen readers announce most reliably for role="img".
func openRoot(w *svgWriter, kind, title, desc string) string {
	id := chartID(kind, title, desc)
	labelled := id + "-title"
	if desc != "" {
		labelled += " " + id + "-desc"
	}
	w.open("svg", "xmlns", "http://www.w3.org/2000/svg",
		"viewBox", "0 0 "+num(viewW)+" "+num(viewH), "width", "100%",
		"preserveAspectRatio", "xMidYMid meet", "role", "img",
		"aria-labelledby", labelled, "class", "chart chart-"+kind,
		"font-family", fontFamily, "font-size", num(fontSize), "fill", "currentColor")
	w.text("title", title, "id", id+"-title")
	if desc != "" {
		w.text("desc", desc, "id", id+"-desc")
	}
	return id
}

// drawHeader draws the legend rows and the y-axis title above the plot,
// where they never collide with data, and returns the plot's top edge.
// The y-axis title is horizontal: rotated text is hard to read on phones.
func drawHeader(w *svgWriter, items []legendItem, yLabel string) float64 {
	y := outerPad
	y = drawLegend(w, items, y)
	if yLabel != "" {
		w.text("text", truncate(yLabel, viewW-2*outerPad, fontSize),
			"class", "chart-label chart-axis-label", "x", num(outerPad), "y", num(baseline(y+rowH/2)))
		y += rowH
	}
	return y + 16 // room for the top tick label, centred on its grid line
}

// drawXTitle writes the x-axis title centred under the plot and returns
// the space it takes from the bottom of the canvas.
func drawXTitle(w *svgWriter, xLabel string, b box) {
	if xLabel == "" {
		return
	}
	w.text("text", truncate(xLabel, viewW-2*outerPad, fontSize),
		"class", "chart-label chart-axis-label", "text-anchor", "middle",
		"x", num((b.left+b.right)/2), "y", num(viewH-outerPad-5))
}

// plotBottom returns the plot's lower edge, leaving room for tickLines
// lines of x tick labels and the optional x-axis title.
func plotBottom(xLabel string, tickLines int) float64 {
	bottom := viewH - outerPad - float64(tickLines)*20 - tickGap
	if xLabel != "" {
		bottom -= rowH
	}
	return bottom
}

// yTickWidth returns the width of the widest y tick label, capped so that
// absurd labels cannot squeeze the plot to nothing.
func yTickWidth(s linScale, format func(float64) string) float64 {
	wmax := 0.0
	for _, t := range s.ticks {
		wmax = max(wmax, textWidth(format(t), fontSize))
	}
	return min(wmax, viewW*0.3)
}

// drawYGrid draws horizontal grid lines with their tick labels, and a
// solid zero line when zero lies inside the domain, since crossing zero
// changes the meaning of a value.
func drawYGrid(w *svgWriter, s linScale, b box, format func(float64) string) {
	w.open("g", "class", "chart-grid", "stroke", "currentColor", "stroke-opacity", gridOpacity)
	for _, t := range s.ticks {
		y := num(b.y(s, t))
		w.leaf("line", "x1", num(b.left), "x2", num(b.right), "y1", y, "y2", y)
	}
	w.close("g")
	w.open("g", "class", "chart-tick chart-label", "text-anchor", "end")
	for _, t := range s.ticks {
		w.text("text", format(t), "x", num(b.left-tickGap), "y", num(baseline(b.y(s, t))))
	}
	w.close("g")
	w.leaf("line", "class", "chart-axis", "stroke", "currentColor", "stroke-width", "1.5",
		"x1", num(b.left), "x2", num(b.right), "y1", num(b.bottom), "y2", num(b.bottom))
	if s.lo < 0 && s.hi > 0 {
		y := num(b.y(s, 0))
		w.leaf("line", "class", "chart-axis chart-zero", "stroke", "currentColor", "stroke-width", "1.5",
			"x1", num(b.left), "x2", num(b.right), "y1", y, "y2", y)
	}
}

// defaultFormat is used when the caller gives no Format func. It is
// locale-neutral on purpose; Vietnamese pages should pass their own.
func defaultFormat(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// orDefault returns f, or defaultFormat when f is nil.
func orDefault(f func(float64) string) func(float64) string {
	if f == nil {
		return defaultFormat
	}
	return f
}
