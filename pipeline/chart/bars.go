package chart

// Bar is one category (for example a year or a region) of a grouped bar
// chart, with one value per series.
type Bar struct {
	// Label names the category under its group of bars.
	Label string
	// Values holds one value per series, in SeriesNames order.
	Values []float64
	// Missing marks values that are suppressed or not available; they are
	// drawn as "..." (the GSO/UN sign for "not available"), never as 0.
	// Missing may be shorter than Values.
	Missing []bool
	// Ranged marks Missing values whose interval [Lo, Hi] is known (a withheld
	// figure, DESIGN 6): drawn as a whisker, so a withheld year is shown, never
	// dropped (issue 17). Ranged, Lo and Hi may be shorter than Values.
	Ranged []bool
	Lo, Hi []float64
	// Labels, when given, are the value labels of the series, the text a table
	// prints for the same cell ("822,6"), so that chart and table never disagree;
	// "" or a missing entry means Format(value). Labels may be shorter than Values.
	Labels []string
}

// Bars is a grouped bar chart: one group per Bar, one bar per series.
type Bars struct {
	// Title and Desc go into <title> and <desc>, referenced by
	// aria-labelledby; Desc should summarise what the chart shows.
	Title, Desc string
	// XLabel and YLabel are axis titles including the unit.
	XLabel, YLabel string
	// SeriesNames name the series in the legend.
	SeriesNames []string
	// Bars are the categories, drawn left to right.
	Bars []Bar
	// Format formats tick and value labels; nil means "%.1f".
	Format func(float64) string
	// Width is the width of the viewBox in user units, as for Line.Width:
	// 0 means the default 640x360 canvas, e.g. 360 suits phones.
	Width float64
}

// barsModel is a Bars with its axis and geometry.
type barsModel struct {
	Bars
	cv      canvas
	format  func(float64) string
	n       int // number of series
	y       linAxis
	b       box
	slot    float64 // width of one category
	barW    float64
	levels  int  // rows of staggered value labels
	allVals bool // label every bar, not only the last group
	lines   [][]string
}

// value returns series i of bar g, or false when it must not be drawn.
func (m *barsModel) value(g, i int) (float64, bool) {
	bar := m.Bars.Bars[g]
	if i >= len(bar.Values) || (i < len(bar.Missing) && bar.Missing[i]) || !finite(bar.Values[i]) {
		return 0, false
	}
	return bar.Values[i], true
}

// label returns the value label of series i of bar g, whose value is v.
func (m *barsModel) label(g, i int, v float64) string {
	if l := m.Bars.Bars[g].Labels; i < len(l) && l[i] != "" {
		return l[i]
	}
	return m.format(v)
}

// interval returns the range of series i of bar g when it is withheld with one.
func (m *barsModel) interval(g, i int) (lo, hi float64, ok bool) {
	bar := m.Bars.Bars[g]
	if _, drawn := m.value(g, i); drawn || i >= len(bar.Ranged) || !bar.Ranged[i] || i >= len(bar.Lo) || i >= len(bar.Hi) {
		return 0, 0, false
	}
	lo, hi = min(bar.Lo[i], bar.Hi[i]), max(bar.Lo[i], bar.Hi[i])
	return lo, hi, finite(lo) && finite(hi)
}

// newBarsModel computes the scale; layout happens in layout.
func newBarsModel(c Bars) *barsModel {
	m := &barsModel{Bars: c, cv: newCanvas(c.Width), format: orDefault(c.Format), n: len(c.SeriesNames)}
	for _, bar := range c.Bars {
		m.n = max(m.n, len(bar.Values))
	}
	vals := []float64{0} // bars must start at zero or their lengths lie
	for g := range c.Bars {
		for i := 0; i < m.n; i++ {
			if v, ok := m.value(g, i); ok {
				vals = append(vals, v)
			} else if lo, hi, ok := m.interval(g, i); ok {
				vals = append(vals, lo, hi)
			}
		}
	}
	lo, hi, _ := extent(vals)
	m.y = autoAxisAt(lo, hi, 6, labelStep(m.format))
	return m
}

// hasNegative reports whether the axis goes below zero.
func (m *barsModel) hasNegative() bool { return m.y.lo < 0 }
