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
// and its year, labelled inside the plot; the label goes to the left of a rule near
// the right edge so it stays on the canvas. It sits at the top of the plot unless
// the data or the target pass there (a percentage near 100 %), then at the bottom.
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
			label := truncate(br.Label, b.w()*0.45, fontSize)
			tw := textWidth(label, fontSize)
			tx, anchor, left := px+6, "start", px+6
			if px+6+tw > b.right {
				tx, anchor, left = px-6, "end", px-6-tw
			}
			y := m.breakLabelY(b, rect{left: left, right: left + tw})
			w.text("text", label, "class", "chart-label", "x", num(tx), "y", num(baseline(y)), "text-anchor", anchor)
		}
		w.close("g")
	}
}

// breakLabelY is the centre of a break label spanning span's left and right: the row
// at the top of the plot, or the one at the bottom when fewer things cross it there.
func (m *lineModel) breakLabelY(b box, span rect) float64 {
	top, bottom := b.top+10, b.bottom-10
	if m.crossings(b, span, top) <= m.crossings(b, span, bottom) {
		return top
	}
	return bottom
}

// crossings counts the markers, line samples, whisker ends and target line that fall
// in a label's box centred at y.
func (m *lineModel) crossings(b box, span rect, y float64) int {
	pad := markerRadius + 2
	box := rect{span.left - pad, span.right + pad, y - fontSize/2 - pad, y + fontSize/2 + pad}
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
			if prev != nil { // samples along the segment from the previous point
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
