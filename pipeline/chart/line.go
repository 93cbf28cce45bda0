package chart

import (
	"math"
	"sort"
)

// Point is one observation of a yearly indicator.
type Point struct {
	// X is the year.
	X int
	// Y is the value; NaN and ±Inf are treated as Missing.
	Y float64
	// Missing marks a suppressed or unavailable value. It is drawn as a
	// gap in the line, never as zero, so readers do not see a fake drop.
	Missing bool
	// Ranged gives a Missing point the interval [Lo, Hi] its true value lies in (a
	// withheld figure, DESIGN 6): it is drawn as a whisker, so a withheld year is
	// shown, never dropped.
	Ranged bool
	Lo, Hi float64
}

// Series is one named line of a Line chart.
type Series struct {
	// Name is shown in the legend.
	Name string
	// Points are the observations; they are sorted by year before drawing.
	// Years absent from Points are interpolated across (surveys are often
	// biennial); only Missing points break the line.
	Points []Point
	// Dashed draws the line dashed, e.g. for a comparison series.
	Dashed bool
}

// Line is a line chart of one or more yearly series, with an optional
// target and projection.
type Line struct {
	// Title and Desc go into <title> and <desc>, which aria-labelledby
	// references; Desc should summarise what the chart shows.
	Title, Desc string
	// XLabel and YLabel are axis titles including the unit,
	// e.g. "Năm" and "Tỷ lệ hộ nghèo (%)".
	XLabel, YLabel string
	// Series are drawn in order; colour, marker and class follow the index.
	Series []Series
	// Target, when set, draws a horizontal dashed line labelled TargetLabel
	// (or the formatted target value when TargetLabel is empty).
	Target      *float64
	TargetLabel string
	// Projection is drawn dotted, continuing from the last observed point
	// of the first series, and is named ProjectionLabel in the legend.
	Projection      []Point
	ProjectionLabel string
	// YMin and YMax fix the value axis; when nil the axis is rounded out to
	// nice bounds that include the target and, when sensible, zero.
	YMin, YMax *float64
	// Format formats tick and value labels; nil means "%.1f". Pass a
	// func with a decimal comma for Vietnamese pages.
	Format func(float64) string
	// Breaks mark where the series change definition (a new poverty standard):
	// each is drawn as a labelled vertical rule between the year before and
	// its year. A break outside the years shown is not drawn.
	Breaks []Break
	// Width is the width of the viewBox in user units; 0 means the default
	// 640x360 canvas. Other values are clamped to [320, 1280] and get a
	// height of at least 300 (taller when the legend needs it). Text keeps
	// its 18-unit size, so a 360-wide drawing suits phones, where it is
	// shown at about its natural size.
	Width float64
}

// lineModel is a Line with cleaned data and computed scales, kept apart
// from drawing so each drawing step stays small.
type lineModel struct {
	Line
	cv       canvas
	format   func(float64) string
	series   [][]Point // cleaned and sorted
	proj     []Point   // cleaned, sorted, starting at the anchor point
	xlo, xhi float64   // year domain
	hasX     bool      // false when there are no points at all
	y        linAxis
	fixed    bool // YMin/YMax given: clip what falls outside
}

// cleanPoints copies ps sorted by year, marking non-finite values Missing
// so that later code has a single notion of "no value".
func cleanPoints(ps []Point) []Point {
	out := make([]Point, len(ps))
	copy(out, ps)
	for i := range out {
		if !finite(out[i].Y) {
			out[i].Missing = true
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].X < out[j].X })
	return out
}

// lastObserved returns the last non-missing point.
func lastObserved(ps []Point) (Point, bool) {
	for i := len(ps) - 1; i >= 0; i-- {
		if !ps[i].Missing {
			return ps[i], true
		}
	}
	return Point{}, false
}

// newLineModel cleans the data and computes the scales.
func newLineModel(c Line) *lineModel {
	m := &lineModel{Line: c, format: orDefault(c.Format)}
	for _, s := range c.Series {
		m.series = append(m.series, cleanPoints(s.Points))
	}
	if len(c.Projection) > 0 {
		m.proj = cleanPoints(c.Projection)
		if len(m.series) > 0 {
			if a, ok := lastObserved(m.series[0]); ok {
				m.proj = append([]Point{a}, m.proj...)
			}
		}
	}
	m.xDomain()
	m.yDomain()
	return m
}

// allPoints lists the series and the projection without aliasing m.series.
func (m *lineModel) allPoints() [][]Point {
	all := make([][]Point, 0, len(m.series)+1)
	return append(append(all, m.series...), m.proj)
}

// xDomain spans every year that appears, including Missing ones, so a gap
// at the end of a series is visible as such.
func (m *lineModel) xDomain() {
	for _, ps := range m.allPoints() {
		for _, p := range ps {
			x := float64(p.X)
			if !m.hasX || x < m.xlo {
				m.xlo = x
			}
			if !m.hasX || x > m.xhi {
				m.xhi = x
			}
			m.hasX = true
		}
	}
}

// xPix maps a year onto the plot; a single year sits in the middle.
// Halving first keeps the arithmetic finite for any int years.
func (m *lineModel) xPix(b box, x float64) float64 {
	if m.xhi == m.xlo {
		return (b.left + b.right) / 2
	}
	return b.left + (x*0.5-m.xlo*0.5)/(m.xhi*0.5-m.xlo*0.5)*b.w()
}

// pix maps a point onto the plot.
func (m *lineModel) pix(b box, p Point) (x, y float64) {
	return m.xPix(b, float64(p.X)), clampY(b, b.y(m.y, p.Y))
}

// yDomain uses the caller's fixed range when it is valid, otherwise a nice
// range over all values and the target.
func (m *lineModel) yDomain() {
	const ticks = 6
	if c := m.Line; c.YMin != nil && c.YMax != nil && finite(*c.YMin) && finite(*c.YMax) && *c.YMax > *c.YMin {
		m.y, m.fixed = fixedAxisAt(*c.YMin, *c.YMax, ticks, labelStep(m.format)), true
		return
	}
	var vals []float64
	for _, ps := range m.allPoints() {
		for _, p := range ps {
			if !p.Missing {
				vals = append(vals, p.Y)
			} else if p.Ranged && finite(p.Lo) && finite(p.Hi) {
				vals = append(vals, p.Lo, p.Hi)
			}
		}
	}
	if m.Target != nil {
		vals = append(vals, *m.Target)
	}
	lo, hi, ok := extent(vals)
	if !ok {
		lo, hi = 0, 1
	}
	lo, hi = withZero(lo, hi)
	m.y = autoAxisAt(lo, hi, ticks, labelStep(m.format))
}

// targetValue returns the target when it can be drawn.
func (m *lineModel) targetValue() (float64, bool) {
	if m.Target == nil || !finite(*m.Target) {
		return 0, false
	}
	return *m.Target, true
}

// clampY keeps a value's pixel position within the viewBox's neighbourhood
// (only matters on a fixed axis, where the clip path hides the overflow).
func clampY(b box, y float64) float64 {
	return math.Max(b.top-b.h(), math.Min(b.bottom+b.h(), y))
}
