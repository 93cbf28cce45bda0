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
// and its year, labelled at the top of the plot; the label goes to the left of a
// rule near the right edge so it stays on the canvas.
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
			tx, anchor := px+6, "start"
			if px+6+textWidth(label, fontSize) > b.right {
				tx, anchor = px-6, "end"
			}
			w.text("text", label, "class", "chart-label", "x", num(tx), "y", num(baseline(b.top+10)), "text-anchor", anchor)
		}
		w.close("g")
	}
}
