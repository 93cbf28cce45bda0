package chart

// Spark is a word-sized trend line for tables and indicator cards.
type Spark struct {
	// Title is the accessible name, e.g. "Tỷ lệ hộ nghèo 2016–2024: giảm".
	Title string
	// Points are the observations; Missing (or non-finite) ones are gaps.
	Points []Point
	// Target, when set, draws a faint dashed reference line.
	Target *float64
}

// Sparkline geometry: drawn at its natural size, next to text.
const (
	sparkW   = 120.0
	sparkH   = 32.0
	sparkPad = 3.0
)

// SVG renders a 120x32 sparkline. It has no text of its own: the value it
// summarises is expected next to it, and Title is its accessible name.
func (c Spark) SVG() string {
	ps := cleanPoints(c.Points)
	m := &lineModel{series: [][]Point{ps}}
	m.xDomain()
	vals := []float64{}
	for _, p := range ps {
		if !p.Missing {
			vals = append(vals, p.Y)
		}
	}
	if c.Target != nil {
		vals = append(vals, *c.Target)
	}
	lo, hi, ok := extent(vals)
	if !ok {
		lo, hi = 0, 1
	}
	lo, hi = widen(lo, hi)
	// No nice rounding: a sparkline shows shape, not values, so it uses
	// the full height.
	m.y = linScale{lo: lo, hi: hi}
	b := box{left: sparkPad, top: sparkPad, right: sparkW - sparkPad, bottom: sparkH - sparkPad}

	var w svgWriter
	w.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 120 32",
		"width", "120", "height", "32", "role", "img", "aria-label", c.Title, "class", "chart chart-spark")
	w.text("title", c.Title)
	if c.Target != nil && finite(*c.Target) {
		y := num(b.y(m.y, *c.Target))
		w.leaf("line", "class", "chart-target", "stroke", "currentColor", "stroke-opacity", "0.6",
			"stroke-width", "1", "stroke-dasharray", "3 3", "x1", num(b.left), "x2", num(b.right), "y1", y, "y2", y)
	}
	drawSparkLine(&w, m, b, ps)
	w.close("svg")
	return w.String()
}

// drawSparkLine draws the line, dots for isolated points (which a line
// cannot show) and a larger dot on the latest value.
func drawSparkLine(w *svgWriter, m *lineModel, b box, ps []Point) {
	_, col := seriesClass(0)
	w.open("g", "class", "chart-series chart-series-0", "color", col, "fill", "currentColor")
	if d := m.linePath(b, ps); d != "" {
		w.leaf("path", "class", "chart-line", "d", d, "fill", "none", "stroke", "currentColor",
			"stroke-width", "2", "stroke-linejoin", "round", "stroke-linecap", "round")
	}
	for i, p := range ps {
		if p.Missing {
			continue
		}
		r := 0.0
		switch {
		case isLastObserved(ps, i):
			r = 2.5
		case isolated(ps, i):
			r = 1.5
		}
		if r > 0 {
			x, y := m.pix(b, p)
			w.leaf("circle", "class", "chart-marker", "cx", num(x), "cy", num(y), "r", num(r))
		}
	}
	w.close("g")
}

// isolated reports whether point i has no observed neighbour to join.
func isolated(ps []Point, i int) bool {
	return (i == 0 || ps[i-1].Missing) && (i == len(ps)-1 || ps[i+1].Missing)
}

// isLastObserved reports whether i is the index of the last observed point.
func isLastObserved(ps []Point, i int) bool {
	for j := i + 1; j < len(ps); j++ {
		if !ps[j].Missing {
			return false
		}
	}
	return !ps[i].Missing
}
