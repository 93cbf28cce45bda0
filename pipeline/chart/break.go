package chart

// Break is a change of definition in a line chart's series, from year X on: the
// values before and after it are not comparable (a new poverty standard).
type Break struct {
	// X is the first year under the new definition.
	X int
	// Label names the change, e.g. "Chuẩn nghèo mới" or "New standard".
	Label string
}

// breakDash is the dash of a break's rule, apart from the target's.
const breakDash = "2 4"

// drawBreaks draws each break as a vertical rule halfway between the year before
// and its year, labelled inside the plot beside the rule: on the right when the
// label fits there, else on the left, else wrapped onto two lines on the wider
// side (a phone-width plot has no room for "Chuẩn nghèo 2026-2030" on one line).
// It sits at the top of the plot unless the data or the target pass there (a
// percentage near 100 %), then at the bottom.
func (m *lineModel) drawBreaks(w *svgWriter, b box) {
	if !m.hasX {
		return
	}
	for _, br := range m.Breaks {
		x := float64(br.X) - 0.5
		if x <= m.xlo || x >= m.xhi {
			continue
		}
		px := m.xPix(b, x)
		w.open("g", "class", "chart-break")
		w.leaf("line", "stroke", "currentColor", "stroke-width", "1.5", "stroke-dasharray", breakDash,
			"x1", num(px), "x2", num(px), "y1", num(b.top), "y2", num(b.bottom))
		if br.Label != "" {
			lines, tx, anchor, span := breakLabel(br.Label, px, b)
			y := m.breakLabelY(b, span, len(lines))
			for i, l := range lines {
				w.text("text", l, "class", "chart-label", "x", num(tx),
					"y", num(baseline(y+float64(i)*lineH)), "text-anchor", anchor)
			}
		}
		w.close("g")
	}
}

// breakLabel lays out a break's label beside the rule at px: its lines, the x and
// anchor of their text and the horizontal span they take.
func breakLabel(label string, px float64, b box) (lines []string, tx float64, anchor string, span rect) {
	const gap = 6
	right, left := b.right-px-gap, px-gap-b.left
	tw := textWidth(label, fontSize)
	lines = []string{label}
	if tw > right && tw > left {
		lines = wrap2(label, max(left, right), fontSize)
	}
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, fontSize))
	}
	if w <= right {
		return lines, px + gap, "start", rect{left: px + gap, right: px + gap + w}
	}
	return lines, px - gap, "end", rect{left: px - gap - w, right: px - gap}
}

// breakLabelY is the centre of the first line of a break label of n lines spanning
// span's left and right: the row at the top of the plot, or the one at the bottom
// when fewer things cross it there.
func (m *lineModel) breakLabelY(b box, span rect, n int) float64 {
	extra := float64(n-1) * lineH
	top, bottom := b.top+10, b.bottom-10-extra
	if m.crossings(b, span, top, n) <= m.crossings(b, span, bottom, n) {
		return top
	}
	return bottom
}

// crossings counts the markers, line samples, whisker ends and target line that fall
// in the box of a label of n lines whose first line is centred at y.
func (m *lineModel) crossings(b box, span rect, y float64, lines int) int {
	pad := markerRadius + 2
	box := rect{span.left - pad, span.right + pad, y - fontSize/2 - pad, y + float64(lines-1)*lineH + fontSize/2 + pad}
	inside := func(x, y float64) bool { return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom }
	n := 0
	if t, ok := m.targetValue(); ok {
		if ty := b.y(m.y, t); ty >= box.top && ty <= box.bottom {
			n++
		}
	}
	for _, ps := range m.allPoints() {
		var prev *Point
		for i := range ps {
			p := ps[i]
			if p.Missing {
				if lo, hi, ok := sparkSpan(p); ok {
					x := m.xPix(b, float64(p.X))
					for _, v := range []float64{lo, hi} {
						if inside(x, clampY(b, b.y(m.y, v))) {
							n++
						}
					}
				}
				prev = nil
				continue
			}
			x, py := m.pix(b, p)
			if inside(x, py) {
				n++
			}
			if prev != nil && m.joins(*prev, p) { // samples along the segment drawn from the previous point
				x0, y0 := m.pix(b, *prev)
				for k := 1; k < 8; k++ {
					f := float64(k) / 8
					if inside(x0+(x-x0)*f, y0+(py-y0)*f) {
						n++
					}
				}
			}
			prev = &ps[i]
		}
	}
	return n
}
