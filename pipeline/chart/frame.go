package chart

import (
	"math"
	"strconv"
)

// The drawing is laid out on a 640x360 canvas by default. At 320 px wide it
// is shown at half size, so 18-unit text still renders at 9 px – the
// smallest size we accept – and at full size in print or on desktop.
// Callers can ask for another width (Line.Width, Bars.Width): a 360-unit
// canvas shown on a 375 px phone keeps 18-unit text at about 17 px.
const (
	viewW    = 640.0 // default canvas width
	viewH    = 360.0 // default canvas height
	outerPad = 8.0
	fontSize = 18.0
	rowH     = 26.0 // height of one line of text including leading
	tickGap  = 8.0  // space between an axis and its tick labels
	lineH    = 20.0 // distance between the baselines of a wrapped label
)

// Canvas limits for a caller-chosen width. Below minViewW the 18-unit text
// would leave no room for the plot; above maxViewW the output only grows.
const (
	minViewW = 320.0
	maxViewW = 1280.0
	narrowH  = 300.0 // smallest canvas height
	minPlotH = 150.0 // a crowded canvas grows taller to keep this plot height
)

// canvas is the size of one drawing in user units. It is passed down the
// drawing code rather than kept in package state so that charts of
// different widths can be drawn concurrently.
type canvas struct{ w, h float64 }

// newCanvas returns the canvas for a requested width: 0 (or any value that
// is not a positive number) means the default 640x360; other widths are
// clamped to [minViewW, maxViewW]. The height keeps the default 16:9
// proportion but never drops below narrowH, because a phone has room to
// scroll but not to shrink the plot further.
func newCanvas(width float64) canvas {
	switch {
	case !(width > 0) || width == viewW:
		return canvas{viewW, viewH}
	case width < minViewW:
		width = minViewW
	case width > maxViewW: // includes +Inf
		width = maxViewW
	}
	return canvas{w: width, h: math.Max(narrowH, width*viewH/viewW)}
}

// narrow reports whether the canvas is narrower than the default. Narrow
// canvases wrap rather than truncate labels, thin year ticks by their
// actual spacing, grow taller when the header is crowded, and keep labels
// inside the canvas; the default canvas keeps its historical layout.
func (c canvas) narrow() bool { return c.w < viewW }

// grow returns the canvas made taller, when the header is crowded, so that the plot
// between top and the bottom reserve (the space plotBottom leaves under
// the plot) is at least minPlotH high. Growth is capped at twice the
// width so absurd legends cannot make the drawing endless.
func (c canvas) grow(top, reserve float64) canvas {
	// A wide canvas grows too when a long legend or stacked value labels would leave
	// the plot too short to read; an uncrowded chart keeps its 16:9 shape.
	need := top + minPlotH + reserve
	c.h = math.Max(c.h, math.Min(need, 2*c.w))
	return c
}

// box is the plot area in user units.
type box struct{ left, top, right, bottom float64 }

func (b box) w() float64 { return b.right - b.left }
func (b box) h() float64 { return b.bottom - b.top }

// y maps a value onto the vertical axis (SVG y grows downwards).
func (b box) y(s linAxis, v float64) float64 { return b.bottom - s.frac(v)*b.h() }

// baseline returns the text baseline that vertically centres a line of
// text on y. dominant-baseline is avoided because print engines and some
// SVG renderers ignore it.
func baseline(y float64) float64 { return y + fontSize*0.35 }

// openRoot writes the <svg> start tag with its accessible name. Both the
// title and the description are listed in aria-labelledby because that is
// the combination screen readers announce most reliably for role="img".
func openRoot(w *svgWriter, cv canvas, kind, title, desc string) string {
	id := chartID(kind, title, desc, cv.w)
	labelled := id + "-title"
	if desc != "" {
		labelled += " " + id + "-desc"
	}
	w.open("svg", "xmlns", "http://www.w3.org/2000/svg",
		"viewBox", "0 0 "+num(cv.w)+" "+num(cv.h), "width", "100%",
		"preserveAspectRatio", "xMidYMid meet", "role", "img",
		"aria-labelledby", labelled, "class", "chart chart-"+kind,
		"font-family", fontFamily, "font-size", num(fontSize), "fill", "currentColor")
	w.text("title", title, "id", id+"-title")
	if desc != "" {
		w.text("desc", desc, "id", id+"-desc")
	}
	return id
}

// header is the laid-out legend and y-axis title above the plot.
type header struct {
	legend []placedItem
	yLabel []string // lines of the y-axis title
	top    float64  // baseline-centre of the first y-axis title line
	bottom float64  // the plot's top edge
}

// layoutHeader places the legend rows and the y-axis title above the plot,
// where they never collide with data. The y-axis title is horizontal:
// rotated text is hard to read on phones. On a narrow canvas it wraps onto
// a second line rather than losing its unit to an ellipsis.
func layoutHeader(cv canvas, items []legendItem, yLabel string) header {
	var h header
	y := outerPad
	h.legend, y = layoutLegend(cv, items, y)
	if len(h.legend) > 0 {
		y += 4
	}
	if yLabel != "" {
		maxW := cv.w - 2*outerPad
		if cv.narrow() {
			h.yLabel = wrap2(yLabel, maxW, fontSize)
		} else {
			h.yLabel = []string{truncate(yLabel, maxW, fontSize)}
		}
		h.top = y + rowH/2
		y += rowH + float64(len(h.yLabel)-1)*lineH
	}
	h.bottom = y + 16 // room for the top tick label, centred on its grid line
	return h
}

// draw writes the legend and the y-axis title.
func (h header) draw(w *svgWriter) {
	drawLegend(w, h.legend)
	for i, l := range h.yLabel {
		w.text("text", l, "class", "chart-label chart-axis-label", "x", num(outerPad),
			"y", num(baseline(h.top+float64(i)*lineH)))
	}
}

// drawXTitle writes the x-axis title centred under the plot. On a narrow
// canvas the centre is moved, if needed, so the title stays on the canvas.
func drawXTitle(w *svgWriter, cv canvas, xLabel string, b box) {
	if xLabel == "" {
		return
	}
	label := truncate(xLabel, cv.w-2*outerPad, fontSize)
	x := (b.left + b.right) / 2
	if cv.narrow() {
		x = keepInside(cv, x, textWidth(label, fontSize), "middle")
	}
	w.text("text", label,
		"class", "chart-label chart-axis-label", "text-anchor", "middle",
		"x", num(x), "y", num(cv.h-outerPad-5))
}

// keepInside moves the anchor x of a text of width tw, anchored as given
// ("start", "middle" or "end"), so that the text lies within the canvas
// padding whenever it is narrow enough to fit at all.
func keepInside(cv canvas, x, tw float64, anchor string) float64 {
	left := x // left edge of the text for this anchor
	switch anchor {
	case "middle":
		left -= tw / 2
	case "end":
		left -= tw
	}
	shifted := math.Max(outerPad, math.Min(cv.w-outerPad-tw, left))
	return x + shifted - left
}

// bottomReserve is the space plotBottom leaves under the plot for
// tickLines lines of x tick labels and the optional x-axis title.
func bottomReserve(xLabel string, tickLines int) float64 {
	r := outerPad + float64(tickLines)*20 + tickGap
	if xLabel != "" {
		r += rowH
	}
	return r
}

// plotBottom returns the plot's lower edge, leaving room for tickLines
// lines of x tick labels and the optional x-axis title.
func plotBottom(cv canvas, xLabel string, tickLines int) float64 {
	bottom := cv.h - outerPad - float64(tickLines)*20 - tickGap
	if xLabel != "" {
		bottom -= rowH
	}
	return bottom
}

// yTickWidth returns the width of the widest y tick label, capped so that
// absurd labels cannot squeeze the plot to nothing.
func yTickWidth(cv canvas, s linAxis, format func(float64) string) float64 {
	wmax := 0.0
	for _, t := range s.ticks {
		wmax = max(wmax, textWidth(format(t), fontSize))
	}
	return min(wmax, cv.w*0.3)
}

// drawYGrid draws horizontal grid lines with their tick labels, and a
// solid zero line when zero lies inside the domain, since crossing zero
// changes the meaning of a value.
func drawYGrid(w *svgWriter, s linAxis, b box, format func(float64) string) {
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
