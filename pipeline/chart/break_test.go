package chart

import (
	"strconv"
	"strings"
	"testing"
)

func TestLineBreak(t *testing.T) {
	pts := []Point{{X: 2021, Y: 3.5}, {X: 2022, Y: 2.9}, {X: 2023, Y: 2.3}, {X: 2024, Y: 1.7}, {X: 2025, Y: 1.1}, {X: 2026, Y: 2.4}}
	tests := []struct {
		name   string
		breaks []Break
		want   int // rules drawn
	}{
		{"one break inside", []Break{{X: 2026, Label: "Chuẩn nghèo mới"}}, 1},
		{"no break", nil, 0},
		{"break at the first year is not drawn", []Break{{X: 2021, Label: "x"}}, 0},
		{"break after the last year is not drawn", []Break{{X: 2030, Label: "x"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := Line{Title: "t", Desc: "d", XLabel: "Năm", YLabel: "%", Series: []Series{{Name: "a", Points: pts}}, Breaks: tt.breaks}.SVG()
			if got := strings.Count(svg, `class="chart-break"`); got != tt.want {
				t.Fatalf("%d break rules, want %d", got, tt.want)
			}
			if tt.want > 0 && !strings.Contains(svg, ">Chuẩn nghèo mới</text>") {
				t.Error("the break's label is missing")
			}
		})
	}
}

// TestBreakLabelAvoidsTheData: with values near the top of the axis (a share near
// 100 %), the break's label moves to the bottom of the plot instead of sitting on
// the line and the target (issue 17, the target pages of the coverage targets).
func TestBreakLabelAvoidsTheData(t *testing.T) {
	tests := []struct {
		name   string
		points []Point
		target float64
	}{
		{"falling rate: room at the top", []Point{{X: 2021, Y: 3.5}, {X: 2022, Y: 2.9}, {X: 2023, Y: 2.3}, {X: 2024, Y: 1.7}, {X: 2025, Y: 1.1}}, 1.5},
		{"share near 100 %: the label goes down", []Point{{X: 2021, Y: 85.8}, {X: 2022, Y: 88}, {X: 2023, Y: 90.8}, {X: 2024, Y: 93.4},
			{X: 2025, Missing: true, Ranged: true, Lo: 29.6, Hi: 100}}, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Line{Title: "t", Desc: "d", XLabel: "Năm", YLabel: "%", Series: []Series{{Name: "a", Points: tc.points}},
				Target: ptr(tc.target), Breaks: []Break{{X: 2025, Label: "Chuẩn nghèo 2026-2030"}}}
			m := newLineModel(c)
			b := box{top: 60, bottom: 300, left: 60, right: 600}
			x := m.xPix(b, 2024.5)
			span := rect{left: x - 6 - textWidth(c.Breaks[0].Label, fontSize), right: x - 6}
			y := m.breakLabelY(b, span, 1)
			if n := m.crossings(b, span, y, 1); n != 0 {
				t.Errorf("the label at y=%.0f crosses %d marks of the data", y, n)
			}
		})
	}
}

// TestLineNeverCrossesABreak: no segment of a series or projection line runs from
// one side of a break's rule to the other, whatever the gaps, widths and series;
// a lone point after a break still has its marker.
func TestLineNeverCrossesABreak(t *testing.T) {
	br := []Break{{X: 2026, Label: "Chuẩn nghèo 2026-2030"}}
	tests := []struct {
		name string
		line Line
	}{
		{"the commune's rate, one point after the break", standardBreakLine()},
		{"phone width", narrowLine(standardBreakLine())},
		{"two points after the break", Line{Series: []Series{{Points: years(2023, 2.3, 1.7, 1.1, 2.4, 2.0)}}, Breaks: br}},
		{"a gap just before the break", Line{Series: []Series{{Points: []Point{{X: 2023, Y: 2}, {X: 2024, Y: 1.5}, {X: 2025, Missing: true}, {X: 2026, Y: 2.4}}}}, Breaks: br}},
		{"years skipped across the break", Line{Series: []Series{{Points: []Point{{X: 2020, Y: 3}, {X: 2024, Y: 1.5}, {X: 2028, Y: 2.4}}}}, Breaks: br}},
		{"two series and two breaks", Line{Series: []Series{
			{Points: years(2019, 5, 4, 3.5, 3, 2.5, 2, 1.5, 2.4, 2)},
			{Points: years(2019, 6, 5, 4.5, 4, 3.5, 3, 2.5, 3.4, 3), Dashed: true},
		}, Breaks: []Break{{X: 2022, Label: "Chuẩn nghèo 2022-2025"}, {X: 2026, Label: "Chuẩn nghèo 2026-2030"}}}},
		{"a projection across the break", Line{Series: []Series{{Points: years(2022, 2.9, 2.3, 1.7)}},
			Projection: years(2025, 1.2, 2.2), ProjectionLabel: "Dự báo", Breaks: br}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.line.Title = "t"
			svg := tc.line.SVG()
			var rules []float64
			for _, v := range attrValues(svg, `<g class="chart-break">`, `x1="`) {
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatal(err)
				}
				rules = append(rules, x)
			}
			if len(rules) == 0 {
				t.Fatal("no break rule drawn")
			}
			for _, d := range attrValues(svg, `class="chart-line" d="`, "") {
				for _, seg := range segments(t, d) {
					for _, rx := range rules {
						if (seg[0] < rx) != (seg[1] < rx) {
							t.Errorf("a segment from x=%.1f to x=%.1f crosses the break at x=%.1f", seg[0], seg[1], rx)
						}
					}
				}
			}
			if !strings.Contains(svg, `class="chart-marker" d="`) {
				t.Error("no markers drawn")
			}
		})
	}
}

// attrValues returns, for every occurrence of start in svg, the text that follows
// attr (or start itself when attr is empty), up to the next quote.
func attrValues(svg, start, attr string) []string {
	var out []string
	for rest := svg; ; {
		i := strings.Index(rest, start)
		if i < 0 {
			return out
		}
		rest = rest[i+len(start):]
		if attr != "" {
			j := strings.Index(rest, attr)
			if j < 0 {
				return out
			}
			rest = rest[j+len(attr):]
		}
		out = append(out, rest[:strings.IndexByte(rest, '"')])
	}
}

// segments lists the x of both ends of every straight segment in path data made
// of M and L commands, as linePath writes it.
func segments(t *testing.T, d string) [][2]float64 {
	t.Helper()
	var out [][2]float64
	pen, x0 := false, 0.0
	for _, cmd := range strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'L' }) {
		i := strings.Index(d, cmd)
		op := d[i-1]
		d = d[i+len(cmd):]
		xs, _, _ := strings.Cut(cmd, " ")
		x, err := strconv.ParseFloat(xs, 64)
		if err != nil {
			t.Fatalf("path %q: %v", cmd, err)
		}
		if op == 'L' && pen {
			out = append(out, [2]float64{x0, x})
		}
		pen, x0 = true, x
	}
	return out
}

// TestBreakLabelFits: at phone width the break's label is wrapped beside its rule,
// never cut to "Chuẩn ngh…", and stays inside the plot.
func TestBreakLabelFits(t *testing.T) {
	for _, w := range []float64{0, 320, phoneWidth, 1280} {
		c := standardBreakLine()
		c.Width = w
		svg := c.SVG()
		i := strings.Index(svg, `<g class="chart-break">`)
		g := svg[i : i+strings.Index(svg[i:], "</g>")]
		if strings.Contains(g, "…") {
			t.Errorf("width %v: the break label is cut: %s", w, g)
		}
		if !strings.Contains(g, "2026-2030") {
			t.Errorf("width %v: the break label lost its standard: %s", w, g)
		}
	}
}

// TestSparkNeverCrossesABreak: a sparkline's line and band stop at a change of
// standard, and a value left alone after it is drawn as a dot.
func TestSparkNeverCrossesABreak(t *testing.T) {
	withheld := func(x int, lo, hi float64) Point { return Point{X: x, Missing: true, Ranged: true, Lo: lo, Hi: hi} }
	tests := []struct {
		name   string
		points []Point
	}{
		{"values on both sides", years(2021, 3.5, 2.9, 2.3, 1.7, 1.1, 2.4)},
		{"a band on both sides", []Point{{X: 2021, Y: 3.5}, withheld(2022, 1, 4), withheld(2023, 1, 3), {X: 2024, Y: 1.7}, withheld(2025, 0, 2.8), withheld(2026, 1.2, 4), {X: 2027, Y: 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svg := Spark{Title: "t", Points: tc.points, Breaks: []Break{{X: 2026}}}.SVG()
			m := &lineModel{series: [][]Point{cleanPoints(tc.points)}}
			m.xDomain()
			rx := m.xPix(box{left: sparkPad, right: sparkW - sparkPad}, 2025.5)
			for _, attr := range []string{`class="chart-line" d="`, `class="chart-band" d="`} {
				for _, d := range attrValues(svg, attr, "") {
					for _, seg := range segments(t, strings.TrimSuffix(d, "Z")) {
						if (seg[0] < rx) != (seg[1] < rx) {
							t.Errorf("%s: a segment from x=%.1f to x=%.1f crosses the break at x=%.1f", attr, seg[0], seg[1], rx)
						}
					}
				}
			}
		})
	}
}
