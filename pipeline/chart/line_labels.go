package chart

import (
	"math"
	"sort"
)

// labelGap is the minimum distance between the centres of two stacked
// value labels so that they do not overlap.
const labelGap = fontSize + 3

// valueLabel is a value printed next to the last point of a line.
type valueLabel struct {
	p      Point
	text   string
	gutter bool // the point is at the last year: print in the right margin
	above  bool // otherwise print above (or below) and to the right
}

// placedLabel is a valueLabel with its final position (y is the centre).
type placedLabel struct {
	x, y float64
	text string
}

// valueLabels labels the last observed point of each series and of the
// projection: readers look for the latest figure, and labelling every
// point would clutter a phone screen.
func (m *lineModel) valueLabels() []valueLabel {
	var out []valueLabel
	for i, ps := range m.series {
		p, ok := lastObserved(ps)
		if !ok {
			continue
		}
		l := valueLabel{p: p, text: m.format(p.Y), gutter: float64(p.X) == m.xhi, above: true}
		if i == 0 {
			// Keep the label off the projection that starts at this point.
			if next, ok := firstObservedAfter(m.proj, 1); ok {
				l.above = next.Y <= p.Y
			}
		}
		out = append(out, l)
	}
	if p, ok := lastObserved(m.proj); ok && !isAnchor(m, p) {
		out = append(out, valueLabel{p: p, text: m.format(p.Y), gutter: float64(p.X) == m.xhi, above: true})
	}
	return out
}

// isAnchor reports whether p is the projection's anchor point, which is
// already labelled as the end of the first series.
func isAnchor(m *lineModel, p Point) bool {
	return len(m.proj) > len(m.Projection) && m.proj[0] == p
}

// firstObservedAfter returns the first non-missing point from index i on.
func firstObservedAfter(ps []Point, i int) (Point, bool) {
	for ; i < len(ps); i++ {
		if !ps[i].Missing {
			return ps[i], true
		}
	}
	return Point{}, false
}

// gutterWidth is the right margin: wide enough for the labels printed
// there, and at least half a year label so the last tick is not clipped.
func gutterWidth(cv canvas, labels []valueLabel) float64 {
	w := 24.0
	for _, l := range labels {
		if l.gutter {
			w = max(w, textWidth(l.text, fontSize)+markerRadius+10)
		}
	}
	return min(w, cv.w*0.3)
}

// placeLabels positions the labels and pushes apart those in the right
// margin, which collide when several series end close together.
func placeLabels(labels []valueLabel, m *lineModel, b box) []placedLabel {
	var gutter, inner []placedLabel
	for _, l := range labels {
		x, y := m.pix(b, l.p)
		switch {
		case l.gutter:
			gutter = append(gutter, placedLabel{x + markerRadius + 5, y, l.text})
		case l.above:
			inner = append(inner, placedLabel{x + 4, y - labelGap, l.text})
		default:
			inner = append(inner, placedLabel{x + 4, y + labelGap, l.text})
		}
	}
	return append(spread(gutter, b.top, b.bottom), inner...)
}

// spread sorts labels by y and moves them apart by at least labelGap,
// keeping them between top and bottom where possible.
func spread(ls []placedLabel, top, bottom float64) []placedLabel {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].y < ls[j].y })
	for i := range ls {
		ls[i].y = math.Max(ls[i].y, top)
		if i > 0 {
			ls[i].y = math.Max(ls[i].y, ls[i-1].y+labelGap)
		}
	}
	for i := len(ls) - 1; i >= 0; i-- {
		limit := bottom
		if i < len(ls)-1 {
			limit = ls[i+1].y - labelGap
		}
		ls[i].y = math.Min(ls[i].y, limit)
	}
	return ls
}

// drawValueLabels writes the labels in bold so they stand out from ticks.
// On a narrow canvas a label that would run off the right edge is moved
// left so that the latest value is always readable.
func drawValueLabels(w *svgWriter, cv canvas, ls []placedLabel, b box) {
	if len(ls) == 0 {
		return
	}
	w.open("g", "class", "chart-label chart-value", "font-weight", "bold")
	for _, l := range ls {
		y := math.Max(b.top-rowH, math.Min(b.bottom+rowH, l.y))
		x := l.x
		if cv.narrow() {
			x = keepInside(cv, x, textWidth(l.text, fontSize), "start")
		}
		w.text("text", l.text, "x", num(x), "y", num(baseline(y)))
	}
	w.close("g")
}

// drawTarget draws the dashed target line and its label.
func (m *lineModel) drawTarget(w *svgWriter, b box) {
	t, ok := m.targetValue()
	if !ok {
		return
	}
	y := b.y(m.y, t)
	if y < b.top-0.5 || y > b.bottom+0.5 {
		return // outside a fixed axis
	}
	label := m.TargetLabel
	if label == "" {
		label = m.format(t)
	}
	// On a narrow canvas 60 % of the plot is only a dozen characters, so
	// the label is broken onto two lines before anything is cut off.
	lines := []string{truncate(label, b.w()*0.6, fontSize)}
	if m.cv.narrow() {
		lines = wrap2(label, b.w()*0.6, fontSize)
	}
	extra := float64(len(lines)-1) * lineH
	left, below := m.targetSide(b, y, extra)
	x, anchor := b.right-6, "end"
	if left {
		x, anchor = b.left+6, "start"
	}
	ty := y - 12 - extra
	if below {
		ty = y + 14
	}
	w.open("g", "class", "chart-target")
	w.leaf("line", "stroke", "currentColor", "stroke-width", "2", "stroke-dasharray", targetDash,
		"x1", num(b.left), "x2", num(b.right), "y1", num(y), "y2", num(y))
	for i, l := range lines {
		w.text("text", l, "class", "chart-label",
			"text-anchor", anchor, "x", num(x), "y", num(baseline(ty+float64(i)*lineH)))
	}
	w.close("g")
}

// targetSide puts the target label at the end of the plot where the data
// is farthest from the target line, and on the side of the line away from
// the data, so that the label does not sit on top of the series. extra is
// the height of the label's lines after the first.
func (m *lineModel) targetSide(b box, ty, extra float64) (left, below bool) {
	first, last, ok := m.dataEnds()
	if ok {
		_, fy := m.pix(b, first)
		_, ly := m.pix(b, last)
		left = math.Abs(fy-ty) > math.Abs(ly-ty)
		ref := ly
		if left {
			ref = fy
		}
		below = ref < ty
	}
	if below && ty+rowH+4+extra > b.bottom {
		below = false
	}
	if !below && ty-rowH-4-extra < b.top {
		below = true
	}
	return left, below
}

// dataEnds returns the first observed point of the first non-empty series
// and the last observed point of the projection or of that series.
func (m *lineModel) dataEnds() (first, last Point, ok bool) {
	for _, ps := range m.series {
		if f, found := firstObservedAfter(ps, 0); found {
			first, ok = f, true
			last, _ = lastObserved(ps)
			break
		}
	}
	if l, found := lastObserved(m.proj); found {
		last = l
		if !ok {
			first, ok = l, true
		}
	}
	return first, last, ok
}
