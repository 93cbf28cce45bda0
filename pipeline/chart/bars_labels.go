package chart

// drawValueLabels writes the value (or "...") of each labelled bar.
func (m *barsModel) drawValueLabels(w *svgWriter) {
	if len(m.Bars.Bars) == 0 || m.n == 0 {
		return
	}
	w.open("g", "class", "chart-label chart-value", "text-anchor", "middle", "font-weight", "bold")
	for g := range m.Bars.Bars {
		if !m.allVals && g != len(m.Bars.Bars)-1 {
			continue
		}
		for i := 0; i < m.n; i++ {
			m.drawValueLabel(w, g, i)
		}
	}
	w.close("g")
	m.drawMissing(w)
}

// drawValueLabel writes the label of bar i in group g above a positive bar
// or below a negative one. When staggered, labels are measured from the
// group's tallest bar so no label sits on a neighbouring bar.
func (m *barsModel) drawValueLabel(w *svgWriter, g, i int) {
	v, ok := m.value(g, i)
	if !ok {
		return
	}
	end := m.b.y(m.y, v)
	if !m.allVals {
		end = m.groupEnd(g, v < 0)
	}
	off := 6 + fontSize/2 + float64(i%m.levels)*labelGap
	y := end - off
	if v < 0 {
		y = end + off
	}
	label, x := m.format(v), m.barX(g, i)+m.barW/2
	if m.cv.narrow() {
		x = keepInside(m.cv, x, textWidth(label, fontSize), "middle")
	}
	w.text("text", label, "x", num(x), "y", num(baseline(y)))
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

// drawMissing marks missing values with "..." just above the zero line so
// that a suppressed value is never mistaken for a zero-length bar.
func (m *barsModel) drawMissing(w *svgWriter) {
	zero := m.b.y(m.y, 0)
	opened := false
	for g := range m.Bars.Bars {
		for i := 0; i < m.n; i++ {
			if _, ok := m.value(g, i); ok {
				continue
			}
			if !opened {
				w.open("g", "class", "chart-label chart-missing", "text-anchor", "middle")
				opened = true
			}
			w.text("text", "...", "x", num(m.barX(g, i)+m.barW/2), "y", num(zero-6))
		}
	}
	if opened {
		w.close("g")
	}
}
