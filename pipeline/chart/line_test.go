package chart

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// seriesLine returns the d attribute of the line of series i (outside
// the legend), or "" when the series has no line.
func seriesLine(root node, i int) string {
	for _, g := range root.Nodes {
		if g.XMLName.Local == "g" && g.hasClass("chart-series-"+strconv.Itoa(i)) && g.hasClass("chart-series") {
			for _, p := range g.Nodes {
				if p.hasClass("chart-line") {
					return p.attr("d")
				}
			}
		}
	}
	return ""
}

// axisY returns the y of the bottom axis line.
func axisY(t *testing.T, root node) float64 {
	t.Helper()
	for _, n := range root.Nodes {
		if n.XMLName.Local == "line" && n.hasClass("chart-axis") {
			y, err := strconv.ParseFloat(n.attr("y1"), 64)
			if err != nil {
				t.Fatal(err)
			}
			return y
		}
	}
	t.Fatal("no axis line")
	return 0
}

var pathCoord = regexp.MustCompile(`[ML](-?[\d.]+) (-?[\d.]+)`)

// TestMissingIsGap proves that Missing and NaN values lift the pen instead
// of dropping the line to zero.
func TestMissingIsGap(t *testing.T) {
	root := parse(t, gapLine().SVG())
	d := seriesLine(root, 0)
	if got := strings.Count(d, "M"); got != 3 {
		t.Errorf("want 3 separate pieces (2016 | 2018 | 2020), got %d in %q", got, d)
	}
	if strings.Contains(d, "L") {
		t.Errorf("no two observed points are adjacent, yet the path draws a segment: %q", d)
	}
	zero := axisY(t, root) // the axis starts at 0 for this data
	for _, m := range pathCoord.FindAllStringSubmatch(d, -1) {
		if y, _ := strconv.ParseFloat(m[2], 64); y >= zero-0.5 {
			t.Errorf("a point is drawn at zero (y=%v): %q", y, d)
		}
	}

	// The same data with a real zero instead of the gap must differ: it
	// connects through the zero line.
	c := gapLine()
	c.Series[0].Points[1] = Point{X: 2017, Y: 0}
	if zd := seriesLine(parse(t, c.SVG()), 0); !strings.Contains(zd, "L") {
		t.Errorf("a real zero should be connected: %q", zd)
	}
}

// TestLineFeatures checks the optional parts of a line chart by name.
func TestLineFeatures(t *testing.T) {
	tests := []struct {
		name  string
		chart Line
		want  []string // substrings that must appear
		avoid []string // substrings that must not appear
	}{
		{"target drawn with its label", povertyLine(), []string{`class="chart-target"`, "Mục tiêu 2025: 1,5%"}, nil},
		{"target label defaults to the value", Line{Title: "t", Series: []Series{{Points: years(2020, 3, 2)}}, Target: ptr(1)},
			[]string{`class="chart-target"`, ">1.0<"}, nil},
		{"projection is dotted and in the legend", povertyLine(), []string{`chart-projection`, `stroke-dasharray="` + dottedDash + `"`, ">Dự báo<"}, nil},
		{"dashed series", povertyLine(), []string{`stroke-dasharray="` + seriesDash + `"`}, nil},
		{"fixed range clips", fixedRangeLine(), []string{"<clipPath", "clip-path=\"url(#"}, nil},
		{"auto range needs no clip", povertyLine(), nil, []string{"clipPath"}},
		{"invalid fixed range falls back to auto", Line{Title: "t", Series: []Series{{Points: years(2020, 3, 2)}}, YMin: ptr(5), YMax: ptr(1)},
			nil, []string{"clipPath"}},
		{"last values labelled", englishLine(), []string{">5.0<", ">3.9<", ">0.6<"}, []string{">29.4<"}},
		{"empty chart still has axes and legend", emptyLine(), []string{`class="chart-axis"`, ">Trống<"}, nil},
		{"no desc, no dangling reference", Line{Title: "t"}, []string{"-title\""}, []string{"<desc", "-desc"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svg := tc.chart.SVG()
			parse(t, svg)
			for _, s := range tc.want {
				if !strings.Contains(svg, s) {
					t.Errorf("missing %q", s)
				}
			}
			for _, s := range tc.avoid {
				if strings.Contains(svg, s) {
					t.Errorf("unexpected %q", s)
				}
			}
		})
	}
}

// TestEmptySeriesHasNoLine: a series without points draws nothing, rather
// than a line at zero.
func TestEmptySeriesHasNoLine(t *testing.T) {
	if d := seriesLine(parse(t, emptyLine().SVG()), 0); d != "" {
		t.Errorf("empty series drew %q", d)
	}
}

// TestPointsSortedByYear lets callers pass points in any order.
func TestPointsSortedByYear(t *testing.T) {
	a := Line{Title: "t", Series: []Series{{Points: years(2020, 3, 2, 1)}}}
	b := Line{Title: "t", Series: []Series{{Points: []Point{{X: 2022, Y: 1}, {X: 2020, Y: 3}, {X: 2021, Y: 2}}}}}
	if a.SVG() != b.SVG() {
		t.Error("point order changed the output")
	}
}

// TestInputNotModified guards against sorting the caller's slices in place.
func TestInputNotModified(t *testing.T) {
	ps := []Point{{X: 2022, Y: 1}, {X: 2020, Y: 3}}
	_ = Line{Series: []Series{{Points: ps}}, Projection: ps}.SVG()
	_ = Spark{Points: ps}.SVG()
	if ps[0].X != 2022 {
		t.Error("caller's points were reordered")
	}
}

// TestSpreadLabels checks that labels in the right margin never overlap.
func TestSpreadLabels(t *testing.T) {
	tests := []struct {
		name string
		ys   []float64
	}{
		{"identical", []float64{100, 100, 100}},
		{"close", []float64{100, 105, 110}},
		{"at the bottom", []float64{300, 300}},
		{"at the top", []float64{0, 0}},
		{"already apart", []float64{50, 150}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ls []placedLabel
			for _, y := range tc.ys {
				ls = append(ls, placedLabel{y: y})
			}
			ls = spread(ls, 40, 300)
			for i := 1; i < len(ls); i++ {
				if ls[i].y-ls[i-1].y < labelGap-1e-9 {
					t.Errorf("labels %d and %d overlap: %v", i-1, i, ls)
				}
			}
			if ls[len(ls)-1].y > 300 || ls[0].y < 40 {
				t.Errorf("labels left the plot: %v", ls)
			}
		})
	}
}

// TestWithheldYearDrawnAsWhisker: a withheld year with a range is drawn as a whisker,
// not dropped, and the axis spans its range.
func TestWithheldYearDrawnAsWhisker(t *testing.T) {
	c := Line{Series: []Series{{Name: "poor", Points: []Point{{X: 2021, Y: 3}, {X: 2022, Missing: true, Ranged: true, Lo: 0.2, Hi: 9}, {X: 2023, Y: 2}}}}}
	svg := c.SVG()
	if !strings.Contains(svg, `class="chart-range"`) {
		t.Fatalf("no whisker for the withheld year:\n%s", svg)
	}
	c.Series[0].Points[1].Ranged = false
	if strings.Contains(c.SVG(), `class="chart-range"`) {
		t.Error("a whisker drawn for a point without a range")
	}
}
