package chart

// layout fixes the plot box, bar widths and how value labels are shown.
// Room for value labels is reserved in pixels above (and below, for
// negative values) the scaled area rather than by stretching the scale,
// so the axis keeps its nice rounded bounds.
func (m *barsModel) layout(top float64) {
	b := box{top: top, right: viewW - outerPad - 4}
	b.left = outerPad + yTickWidth(m.y, m.format) + tickGap
	groups := max(1, len(m.Bars.Bars))
	m.slot = b.w() / float64(groups)
	m.barW = m.slot * 0.8 / float64(max(1, m.n))
	m.chooseLabelMode()
	lines := 1
	for _, bar := range m.Bars.Bars {
		l := wrap2(bar.Label, m.slot-4, fontSize)
		m.lines = append(m.lines, l)
		lines = max(lines, len(l))
	}
	head := float64(m.levels)*labelGap + 6
	b.top += head
	b.bottom = plotBottom(m.XLabel, lines)
	if m.hasNegative() {
		b.bottom -= head
	}
	// As for lines, never let a crowded header collapse the plot.
	b.top = min(b.top, b.bottom-60)
	m.b = b
}

// chooseLabelMode labels every bar when the labels fit side by side;
// otherwise only the last group (the latest figures) is labelled, with
// the labels staggered on as many rows as needed to avoid overlaps.
func (m *barsModel) chooseLabelMode() {
	widest := 0.0
	for g := range m.Bars.Bars {
		for i := 0; i < m.n; i++ {
			if v, ok := m.value(g, i); ok {
				widest = max(widest, textWidth(m.format(v), fontSize))
			}
		}
	}
	m.levels = 1
	if widest+4 <= m.slot/float64(max(1, m.n)) {
		m.allVals = true
		return
	}
	for m.levels < m.n && widest+4 > float64(m.levels)*m.barW {
		m.levels++
	}
}

// barX returns the left edge of bar i in group g. Groups take 80 % of
// their slot so that gaps separate categories more than series.
func (m *barsModel) barX(g, i int) float64 {
	return m.b.left + float64(g)*m.slot + m.slot*0.1 + float64(i)*m.barW
}
