package chart

import "strconv"

// palette holds the default series colours (from the Okabe–Ito
// colour-blind-safe set). Each has a relative luminance between 0.1 and
// 0.3, which gives at least 3:1 contrast (WCAG 1.4.11, graphics) against
// both a white page and a near-black dark-mode page; style_test.go checks
// this. Sites can override them with .chart-series-N { color: ... }.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7"}

// Fixed presentation values shared by all charts.
const (
	fontFamily   = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
	gridOpacity  = "0.25"
	seriesDash   = "9 6"
	targetDash   = "6 5"
	dottedDash   = "0.1 7" // with round caps: a row of dots
	markerRadius = 5.0
)

// seriesClass names the class and default colour of series i. The colour
// is set through the inherited "color" property so that one CSS rule per
// series recolours its line, markers, bars and legend swatch together.
func seriesClass(i int) (class, color string) {
	return "chart-series-" + strconv.Itoa(i), palette[i%len(palette)]
}

// markerPath returns path data for the marker of series i at (x, y).
// Shapes cycle through circle, square, triangle, diamond and inverted
// triangle so series stay distinguishable without colour.
func markerPath(i int, x, y float64) string {
	r := markerRadius
	switch i % 5 {
	case 0: // circle drawn as two arcs, so all markers are one <path>
		return "M" + num(x-r) + " " + num(y) + "a" + num(r) + " " + num(r) + " 0 1 0 " + num(2*r) + " 0a" +
			num(r) + " " + num(r) + " 0 1 0 " + num(-2*r) + " 0Z"
	case 1:
		s := r * 0.85
		return poly(x-s, y-s, x+s, y-s, x+s, y+s, x-s, y+s)
	case 2:
		return poly(x, y-r*1.15, x+r, y+r*0.75, x-r, y+r*0.75)
	case 3:
		return poly(x, y-r*1.2, x+r*1.2, y, x, y+r*1.2, x-r*1.2, y)
	default:
		return poly(x, y+r*1.15, x-r, y-r*0.75, x+r, y-r*0.75)
	}
}

// poly returns closed path data through the given x, y pairs.
func poly(xy ...float64) string {
	d := ""
	for i := 0; i+1 < len(xy); i += 2 {
		cmd := "L"
		if i == 0 {
			cmd = "M"
		}
		d += cmd + num(xy[i]) + " " + num(xy[i+1])
	}
	return d + "Z"
}
