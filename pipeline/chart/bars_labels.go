package chart

import "sort"

// drawValueLabels writes the value (or "...") of each labelled bar.
func (m *barsModel) drawValueLabels(w *svgWriter) {
	if len(m.Bars.Bars) == 0 || m.n == 0 {
		return
	}
	var leaders string
	w.open("g", "class", "chart-label chart-value", "text-anchor", "middle", "font-weight", "bold")
	for g := range m.Bars.Bars {
		if !m.allVals && g != len(m.Bars.Bars)-1 {
			continue
		}
		for _, l := range m.placeGroupLabels(g) {
			w.text("text", l.text, "x", num(l.x), "y", num(baseline(l.y)))
			leaders += l.leader
		}
	}
	w.close("g")
	if leaders != "" {
		// A label that had to rise above a taller neighbour is tied to its own bar by a
		// thin rule, so it never reads as the neighbour's value (issue 17).
		w.leaf("path", "class", "chart-leader", "d", leaders, "fill", "none", "stroke", "currentColor",
			"stroke-opacity", "0.7", "stroke-width", "1")
	}
	m.drawMissing(w)
}

// barLabel is a bar's value label where it is drawn: its text, the centre of
// its box and the leader rule down (or up) to its bar, "" when it sits on the bar.
type barLabel struct {
	text   string
	x, y   float64
	leader string
	bar    int // the series index of its bar
}

// rect is an axis-aligned box in user units, top < bottom.
type rect struct{ left, right, top, bottom float64 }

func (r rect) overlaps(o rect) bool {
	return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom
}

// labelRest is the distance from a bar's end to its label's box.
const labelRest = 6.0

// placeGroupLabels puts each bar's label of group g as close to its own bar as the
// other bars and labels allow. When every label fits beside the others it sits on
// its bar. Otherwise the bars are taken from the tallest down (the tallest label
// then sits on its bar): each label takes the nearest free place beyond its bar's
// end that crosses no other bar, label or leader, within the rows layout reserved.
// When one finds none, the whole group falls back to rows staggered from its
// tallest bar, which never overlap. A label more than a few units from its bar
// gets a leader, so it cannot be read as its neighbour's (issue 17).
func (m *barsModel) placeGroupLabels(g int) []barLabel {
	type entry struct {
		i   int
		v   float64
		end float64
	}
	var bars []entry
	for i := 0; i < m.n; i++ {
		if v, ok := m.value(g, i); ok {
			bars = append(bars, entry{i, v, m.b.y(m.y, v)})
		}
	}
	zero := m.b.y(m.y, 0)
	sort.SliceStable(bars, func(a, b int) bool {
		return abs(bars[a].end-zero) > abs(bars[b].end-zero)
	})
	var taken []rect
	out := make([]barLabel, 0, len(bars))
	for _, e := range bars {
		l, box, lead, ok := m.placeLabel(g, e.i, e.v, e.end, taken)
		if !ok {
			return m.staggeredLabels(g)
		}
		taken = append(taken, box)
		if lead.bottom > lead.top {
			taken = append(taken, lead)
		}
		out = append(out, l)
	}
	return out
}

// staggeredLabels puts the labels of group g on rows measured from the group's
// tallest bar, bar i on row i mod levels: chooseLabelMode made the rows wide
// enough that no two labels of one row meet.
func (m *barsModel) staggeredLabels(g int) []barLabel {
	var out []barLabel
	for i := 0; i < m.n; i++ {
		v, ok := m.value(g, i)
		if !ok {
			continue
		}
		label, centre := m.label(g, i, v), m.barX(g, i)+m.barW/2
		x, dir := m.labelX(centre, label), labelDir(v)
		y := m.groupEnd(g, v < 0) + dir*(labelRest+fontSize/2+float64(i%m.levels)*labelGap)
		lead := leaderBox(centre, m.b.y(m.y, v), labelBox(x, y, label), dir)
		out = append(out, barLabel{text: label, x: x, y: y, leader: leaderPath(centre, lead), bar: i})
	}
	return out
}

// labelX is where a label centred over centre is drawn: moved inside a phone's canvas.
func (m *barsModel) labelX(centre float64, label string) float64 {
	if m.cv.narrow() {
		return keepInside(m.cv, centre, textWidth(label, fontSize), "middle")
	}
	return centre
}

// labelDir is the direction labels go from the bar's end: up (-1) for a positive
// value, down for a negative one.
func labelDir(v float64) float64 {
	if v < 0 {
		return 1
	}
	return -1
}

// labelBox is the box of label drawn centred at (x, y), with a little air.
func labelBox(x, y float64, label string) rect {
	tw := textWidth(label, fontSize)
	return rect{x - tw/2 - 2, x + tw/2 + 2, y - fontSize/2, y + fontSize/2}
}

// placeLabel chooses where the label of bar i (value v, end at pixel end) goes,
// given the boxes already taken. It returns the label, its box and its leader's
// box, and false when no place within the reserved rows is free.
func (m *barsModel) placeLabel(g, i int, v, end float64, taken []rect) (barLabel, rect, rect, bool) {
	label, centre := m.label(g, i, v), m.barX(g, i)+m.barW/2
	x, dir := m.labelX(centre, label), labelDir(v)
	own := end + dir*(labelRest+fontSize/2)
	if m.allVals {
		return barLabel{text: label, x: x, y: own, bar: i}, labelBox(x, own, label), rect{}, true
	}
	obstacles := append(m.otherBars(g, i), taken...)
	// Candidates: on the bar, then just beyond each obstacle's far edge, nearest first.
	cands := []float64{own}
	for _, o := range obstacles {
		edge := o.top
		if dir > 0 {
			edge = o.bottom
		}
		if y := edge + dir*(3+fontSize/2); (y-own)*dir >= 0 {
			cands = append(cands, y)
		}
	}
	sort.Float64s(cands)
	if dir < 0 {
		sort.Sort(sort.Reverse(sort.Float64Slice(cands)))
	}
	limit := m.labelLimit(dir)
	for _, y := range cands {
		box := labelBox(x, y, label)
		if (dir < 0 && box.top < limit) || (dir > 0 && box.bottom > limit) {
			break
		}
		lead := leaderBox(centre, end, box, dir)
		if free(box, obstacles) && free(lead, taken) {
			return barLabel{text: label, x: x, y: y, leader: leaderPath(centre, lead), bar: i}, box, lead, true
		}
	}
	return barLabel{}, rect{}, rect{}, false
}

// labelLimit is the furthest edge a label may reach: the rows layout reserved
// beyond the plot (above it, or below it for negative bars).
func (m *barsModel) labelLimit(dir float64) float64 {
	head := float64(m.levels)*labelGap + 6
	if dir < 0 {
		return m.b.top - head
	}
	return m.b.bottom + head
}

// otherBars are the boxes of group g's drawn bars except bar i.
func (m *barsModel) otherBars(g, i int) []rect {
	zero := m.b.y(m.y, 0)
	var out []rect
	for j := 0; j < m.n; j++ {
		v, ok := m.value(g, j)
		if !ok || j == i {
			continue
		}
		end := m.b.y(m.y, v)
		x := m.barX(g, j)
		out = append(out, rect{x + 1, x + m.barW - 1, min(end, zero), max(end, zero)})
	}
	return out
}

// leaderBox is the thin box of the rule from a label's box to its bar's end at
// x = centre; empty when the label sits within a few units of the bar.
func leaderBox(centre, end float64, box rect, dir float64) rect {
	near := box.bottom + 2
	if dir > 0 {
		near = box.top - 2
	}
	if abs(end-near) <= labelRest+2 {
		return rect{}
	}
	return rect{centre - 1, centre + 1, min(near, end-dir*2), max(near, end-dir*2)}
}

// leaderPath draws a leader box's rule.
func leaderPath(centre float64, lead rect) string {
	if lead.bottom <= lead.top {
		return ""
	}
	return "M" + num(centre) + " " + num(lead.top) + "V" + num(lead.bottom)
}

// free reports whether box overlaps none of others.
func free(box rect, others []rect) bool {
	if box.bottom <= box.top {
		return true
	}
	for _, o := range others {
		if box.overlaps(o) {
			return false
		}
	}
	return true
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// groupEnd returns the outermost bar end of group g on one side of zero.
func (m *barsModel) groupEnd(g int, negative bool) float64 {
	end := m.b.y(m.y, 0)
	for i := 0; i < m.n; i++ {
		v, ok := m.value(g, i)
		if !ok || (v < 0) != negative {
			continue
		}
		y := m.b.y(m.y, v)
		if (negative && y > end) || (!negative && y < end) {
			end = y
		}
	}
	return end
}

// drawMissing draws each withheld value with an interval as a capped whisker over
// its interval, and marks the other missing values just above the zero line with
// their label (the table's word, upright) or "...", so that a withheld value is
// never mistaken for a zero-length bar.
func (m *barsModel) drawMissing(w *svgWriter) {
	zero := m.b.y(m.y, 0)
	m.drawWhiskers(w)
	opened := false
	for g := range m.Bars.Bars {
		for i := 0; i < m.n; i++ {
			if _, ok := m.value(g, i); ok {
				continue
			}
			if _, _, ok := m.interval(g, i); ok {
				continue
			}
			if !opened {
				w.open("g", "class", "chart-label chart-missing", "text-anchor", "middle")
				opened = true
			}
			x := m.barX(g, i) + m.barW/2
			if l := m.Bars.Bars[g].Labels; i < len(l) && l[i] != "" {
				// The table's word for the cell ("đã ẩn"), standing up from the zero
				// line in its bar's place, so it takes no more width than the bar.
				w.text("text", l[i], "x", num(x), "y", num(zero-6), "text-anchor", "start",
					"dominant-baseline", "central", "transform", "rotate(-90 "+num(x)+" "+num(zero-6)+")")
				continue
			}
			w.text("text", "...", "x", num(x), "y", num(zero-6))
		}
	}
	if opened {
		w.close("g")
	}
}

// drawWhiskers draws the intervals of the withheld values, in their series' colour.
func (m *barsModel) drawWhiskers(w *svgWriter) {
	for i := 0; i < m.n; i++ {
		d := ""
		for g := range m.Bars.Bars {
			lo, hi, ok := m.interval(g, i)
			if !ok {
				continue
			}
			x, c := m.barX(g, i)+m.barW/2, max(2, min(6, m.barW/2-1))
			ylo, yhi := m.b.y(m.y, lo), m.b.y(m.y, hi)
			d += "M" + num(x) + " " + num(ylo) + "V" + num(yhi)
			d += "M" + num(x-c) + " " + num(ylo) + "H" + num(x+c) + "M" + num(x-c) + " " + num(yhi) + "H" + num(x+c)
		}
		if d != "" {
			cls, col := seriesClass(i)
			w.leaf("path", "class", "chart-range chart-series "+cls, "color", col, "d", d, "fill", "none",
				"stroke", "currentColor", "stroke-width", "2.5")
		}
	}
}
