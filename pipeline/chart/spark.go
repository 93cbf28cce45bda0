package chart

// Spark is a word-sized trend line for tables and indicator cards.
type Spark struct {
	// Title is the accessible name, e.g. "Tỷ lệ hộ nghèo 2016–2024: giảm".
	Title string
	// Points are the observations; Missing (or non-finite) ones are gaps,
	// unless they are Ranged: a withheld year with an interval is drawn as a
	// whisker inside a shaded band, never dropped (issue 17).
	Points []Point
	// Target, when set, draws a faint dashed reference line.
	Target *float64
	// Breaks are changes of standard: the line and the band stop at each, so two
	// standards' figures are never joined (a break's label is not drawn: a
	// sparkline has no text).
	Breaks []Break
}

// Sparkline geometry: drawn at its natural size, next to text.
const (
	sparkW = 120.0
	sparkH = 32.0
	// sparkPad keeps the latest value's dot and the whiskers' caps inside the 120x32
	// drawing, which clips what leaves it.
	sparkPad = sparkLast + 1
	// sparkDot is the radius of a point that has no neighbour to join: large
	// enough to read as a mark at 120 px (a 1.5 radius vanished next to text).
	sparkDot = 2.5
	// sparkLast is the radius of the latest value, which the text beside it states.
	sparkLast = 3.5
	// sparkCap is the half-width of a whisker's caps.
	sparkCap = 2.5
)

// SVG renders a 120x32 sparkline. It has no text of its own: the value it
// summarises is expected next to it, and Title is its accessible name.
func (c Spark) SVG() string {
	ps := cleanPoints(c.Points)
	m := &lineModel{Line: Line{Breaks: c.Breaks}, series: [][]Point{ps}}
	m.xDomain()
	vals := []float64{}
	for _, p := range ps {
		if lo, hi, ok := sparkSpan(p); ok {
			vals = append(vals, lo, hi)
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
	m.y = linAxis{lo: lo, hi: hi}
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

// sparkSpan is what point p says about its year: the value twice, a withheld
// figure's interval, or nothing (a gap).
func sparkSpan(p Point) (lo, hi float64, ok bool) {
	switch {
	case !p.Missing:
		return p.Y, p.Y, true
	case p.Ranged && finite(p.Lo) && finite(p.Hi):
		return min(p.Lo, p.Hi), max(p.Lo, p.Hi), true
	}
	return 0, 0, false
}

// drawSparkLine draws the band where a run of years holds a withheld one, the
// line between adjacent values, a whisker for each withheld year, a dot for each
// value with no value beside it (which a line cannot show) and a larger dot on
// the latest year's value. A year with neither value nor interval stays an empty gap.
func drawSparkLine(w *svgWriter, m *lineModel, b box, ps []Point) {
	_, col := seriesClass(0)
	w.open("g", "class", "chart-series chart-series-0", "color", col, "fill", "currentColor")
	if d := sparkBand(m, b, ps); d != "" {
		w.leaf("path", "class", "chart-band", "d", d, "fill", "currentColor", "fill-opacity", "0.2", "stroke", "none")
	}
	if d := m.linePath(b, ps); d != "" {
		w.leaf("path", "class", "chart-line", "d", d, "fill", "none", "stroke", "currentColor",
			"stroke-width", "2", "stroke-linejoin", "round", "stroke-linecap", "round")
	}
	if d := sparkWhiskers(m, b, ps); d != "" {
		w.leaf("path", "class", "chart-range", "d", d, "fill", "none", "stroke", "currentColor",
			"stroke-width", "1.5", "stroke-linecap", "round")
	}
	for i, p := range ps {
		if p.Missing {
			continue
		}
		r := 0.0
		switch {
		case i == len(ps)-1:
			// The latest year's value, which the text beside it states. When the
			// latest year is withheld its whisker ends the line, and no earlier value
			// is dressed as the latest.
			r = sparkLast
		case m.isolated(ps, i):
			r = sparkDot
		}
		if r > 0 {
			x, y := m.pix(b, p)
			w.leaf("circle", "class", "chart-marker", "cx", num(x), "cy", num(y), "r", num(r))
		}
	}
	w.close("g")
}

// sparkBand outlines each run of two or more adjacent years under one standard that
// all have a value or an interval, at least one an interval: along the tops, then back
// along the bottoms. The true line lies inside it, so the reader sees the
// trend's possible course instead of loose dots.
func sparkBand(m *lineModel, b box, ps []Point) string {
	d := ""
	for start := 0; start < len(ps); {
		end, ranged := start, false
		for end < len(ps) {
			if _, _, ok := sparkSpan(ps[end]); !ok || (end > start && !m.joins(ps[end-1], ps[end])) {
				break
			}
			ranged = ranged || ps[end].Missing
			end++
		}
		if end-start >= 2 && ranged {
			d += bandOutline(m, b, ps[start:end])
		}
		start = max(end, start+1)
	}
	return d
}

// bandOutline is the closed path around one run of spans.
func bandOutline(m *lineModel, b box, run []Point) string {
	d := ""
	for i, p := range run {
		_, hi, _ := sparkSpan(p)
		cmd := "L"
		if i == 0 {
			cmd = "M"
		}
		d += cmd + num(m.xPix(b, float64(p.X))) + " " + num(clampY(b, b.y(m.y, hi)))
	}
	for i := len(run) - 1; i >= 0; i-- {
		lo, _, _ := sparkSpan(run[i])
		d += "L" + num(m.xPix(b, float64(run[i].X))) + " " + num(clampY(b, b.y(m.y, lo)))
	}
	return d + "Z"
}

// sparkWhiskers draws each withheld year's interval as a capped vertical rule.
func sparkWhiskers(m *lineModel, b box, ps []Point) string {
	d := ""
	for _, p := range ps {
		if !p.Missing {
			continue
		}
		lo, hi, ok := sparkSpan(p)
		if !ok {
			continue
		}
		x := m.xPix(b, float64(p.X))
		ylo, yhi := clampY(b, b.y(m.y, lo)), clampY(b, b.y(m.y, hi))
		d += "M" + num(x) + " " + num(ylo) + "L" + num(x) + " " + num(yhi)
		d += "M" + num(x-sparkCap) + " " + num(ylo) + "H" + num(x+sparkCap)
		d += "M" + num(x-sparkCap) + " " + num(yhi) + "H" + num(x+sparkCap)
	}
	return d
}

// isolated reports whether point i has no observed neighbour to join under its
// standard.
func (m *lineModel) isolated(ps []Point, i int) bool {
	return (i == 0 || ps[i-1].Missing || !m.joins(ps[i-1], ps[i])) &&
		(i == len(ps)-1 || ps[i+1].Missing || !m.joins(ps[i], ps[i+1]))
}
