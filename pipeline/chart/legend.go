package chart

// legendItem is one entry of a legend: a label and a function drawing its
// sample (line, marker or swatch) centred vertically on y, starting at x.
type legendItem struct {
	label  string
	swatch func(w *svgWriter, x, y float64)
}

// Legend geometry in user units.
const (
	swatchW   = 30.0
	swatchGap = 6.0
	itemGap   = 20.0
)

// placedItem is a legend item with its position; y is the centre of the
// first line of its label.
type placedItem struct {
	legendItem
	lines []string
	x, y  float64
}

// layoutLegend flows the items into rows from left to right, starting a new
// row when the next item would pass the right edge, so long Vietnamese
// series names wrap instead of being clipped. A label too long for a whole
// row is truncated, or on a narrow canvas broken onto two lines first. It
// returns the placed items and the y below the last row.
func layoutLegend(cv canvas, items []legendItem, top float64) ([]placedItem, float64) {
	maxW := cv.w - 2*outerPad
	var out []placedItem
	x, y, rowHt := outerPad, top, rowH
	for _, it := range items {
		if it.label == "" {
			continue
		}
		lines := []string{truncate(it.label, maxW-swatchW-swatchGap, fontSize)}
		if cv.narrow() {
			lines = wrap2(it.label, maxW-swatchW-swatchGap, fontSize)
		}
		tw := 0.0
		for _, l := range lines {
			tw = max(tw, textWidth(l, fontSize))
		}
		wd := swatchW + swatchGap + tw
		if x > outerPad && x+wd > cv.w-outerPad {
			x, y, rowHt = outerPad, y+rowHt, rowH
		}
		rowHt = max(rowHt, rowH+float64(len(lines)-1)*lineH)
		out = append(out, placedItem{it, lines, x, y + rowH/2})
		x += wd + itemGap
	}
	if len(out) == 0 {
		return nil, top
	}
	return out, y + rowHt
}

// drawLegend draws the placed legend items.
func drawLegend(w *svgWriter, placed []placedItem) {
	if len(placed) == 0 {
		return
	}
	w.open("g", "class", "chart-legend")
	for _, p := range placed {
		p.swatch(w, p.x, p.y)
		for i, l := range p.lines {
			w.text("text", l, "class", "chart-label", "x", num(p.x+swatchW+swatchGap), "y", num(baseline(p.y+float64(i)*lineH)))
		}
	}
	w.close("g")
}
