package chart

import "strings"

// layout fixes the plot box, bar widths and how value labels are shown.
// Room for value labels is reserved in pixels above (and below, for
// negative values) the scaled area rather than by stretching the scale,
// so the axis keeps its nice rounded bounds.
func (m *barsModel) layout(top float64) {
	b := box{top: top, right: m.cv.w - outerPad - 4}
	b.left = outerPad + yTickWidth(m.cv, m.y, m.format) + tickGap
	m.columns(b)
	if m.cv.narrow() {
		b = m.fitLatestLabels(b)
		m.columns(b)
	}
	lines := 1
	every, labelW := 1, m.slot-4
	if m.cv.narrow() {
		every, labelW = m.labelEvery()
	}
	for g, bar := range m.Bars.Bars {
		if (len(m.Bars.Bars)-1-g)%every != 0 {
			m.lines = append(m.lines, nil) // thinned out
			continue
		}
		l := wrap2(bar.Label, labelW, fontSize)
		m.lines = append(m.lines, l)
		lines = max(lines, len(l))
	}
	head := float64(m.levels)*labelGap + 6
	b.top += head
	reserve := bottomReserve(m.XLabel, lines)
	if m.hasNegative() {
		reserve += head
	}
	m.cv = m.cv.grow(b.top, reserve)
	b.bottom = plotBottom(m.cv, m.XLabel, lines)
	if m.hasNegative() {
		b.bottom -= head
	}
	// As for lines, never let a crowded header collapse the plot.
	b.top = min(b.top, b.bottom-60)
	m.b = b
}

// columns sets the width of the groups and bars for the plot box b and
// chooses how value labels are shown.
func (m *barsModel) columns(b box) {
	groups := max(1, len(m.Bars.Bars))
	m.slot = b.w() / float64(groups)
	m.barW = m.slot * 0.8 / float64(max(1, m.n))
	m.allVals = false
	m.chooseLabelMode()
}

// fitLatestLabels moves the plot's right edge left, on a narrow canvas,
// so that the value labels of the latest group, centred over their bars,
// end inside the canvas instead of being pushed off their bars. A bar's
// centre is an affine function of the right edge, so the edge is solved
// for directly. At most half the plot is given up to absurd labels (those
// are then moved inside by drawValueLabel).
func (m *barsModel) fitLatestLabels(b box) box {
	g := len(m.Bars.Bars) - 1
	if g < 0 || m.n == 0 {
		return b
	}
	limit, right := m.cv.w-outerPad, b.right
	for i := 0; i < m.n; i++ {
		v, ok := m.value(g, i)
		if !ok {
			continue
		}
		// The centre of bar i of the last group, as a fraction of the plot width.
		c := (float64(g) + 0.1 + (float64(i)+0.5)*0.8/float64(m.n)) / float64(g+1)
		half := textWidth(m.label(g, i, v), fontSize) / 2
		right = min(right, b.left+(limit-half-b.left)/c)
	}
	b.right = max(right, b.left+b.w()/2)
	return b
}

// chooseLabelMode labels every bar when the labels fit side by side;
// otherwise only the last group (the latest figures) is labelled, with
// the labels staggered on as many rows as needed to avoid overlaps.
func (m *barsModel) chooseLabelMode() {
	widest := 0.0
	for g := range m.Bars.Bars {
		for i := 0; i < m.n; i++ {
			if v, ok := m.value(g, i); ok {
				widest = max(widest, textWidth(m.label(g, i, v), fontSize))
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

// labelEvery thins the category labels of a narrow canvas: eight years
// of bars on a phone leave too little room for "2024" under each group,
// which would be cut to "2…". It returns k such that labelling every k-th
// group, counted back from the latest, lets every label fit (on up to two
// lines) in the width it also returns. At least two labels are kept and
// k stops at maxLabelEvery; when no k works, every label is shown and
// truncated as on the default canvas (names of regions are better cut
// than dropped).
func (m *barsModel) labelEvery() (int, float64) {
	const gap, maxLabelEvery = 10.0, 10
	if m.labelsFit(m.slot - 4) {
		return 1, m.slot - 4
	}
	for k := 2; k < min(len(m.Bars.Bars), maxLabelEvery+1); k++ {
		if w := float64(k)*m.slot - gap; m.labelsFit(w) {
			return k, w
		}
	}
	return 1, m.slot - 4
}

// labelsFit reports whether every category label fits maxW on at most
// two lines without being truncated.
func (m *barsModel) labelsFit(maxW float64) bool {
	for _, bar := range m.Bars.Bars {
		lines := wrap2(bar.Label, maxW, fontSize)
		if strings.Join(lines, " ") != strings.Join(strings.Fields(bar.Label), " ") && lines[0] != bar.Label {
			return false
		}
	}
	return true
}
