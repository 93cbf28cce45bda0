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

// placedItem is a legend item with its position.
type placedItem struct {
	legendItem
	x, y float64
}

// layoutLegend flows the items into rows from left to right, starting a new
// row when the next item would pass the right edge, so long Vietnamese
// series names wrap instead of being clipped. It returns the placed items
// and the y below the last row.
func layoutLegend(items []legendItem, top float64) ([]placedItem, float64) {
	maxW := viewW - 2*outerPad
	var out []placedItem
	x, row := outerPad, 0
	for _, it := range items {
		if it.label == "" {
			continue
		}
		it.label = truncate(it.label, maxW-swatchW-swatchGap, fontSize)
		wd := swatchW + swatchGap + textWidth(it.label, fontSize)
		if x > outerPad && x+wd > viewW-outerPad {
			x, row = outerPad, row+1
		}
		out = append(out, placedItem{it, x, top + float64(row)*rowH + rowH/2})
		x += wd + itemGap
	}
	if len(out) == 0 {
		return nil, top
	}
	return out, top + float64(row+1)*rowH
}

// drawLegend draws the legend starting at top and returns the y below it.
func drawLegend(w *svgWriter, items []legendItem, top float64) float64 {
	placed, bottom := layoutLegend(items, top)
	if len(placed) == 0 {
		return bottom
	}
	w.open("g", "class", "chart-legend")
	for _, p := range placed {
		p.swatch(w, p.x, p.y)
		w.text("text", p.label, "class", "chart-label", "x", num(p.x+swatchW+swatchGap), "y", num(baseline(p.y)))
	}
	w.close("g")
	return bottom + 4
}
