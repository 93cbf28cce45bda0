package chart

import (
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
			y := m.breakLabelY(b, span)
			if n := m.crossings(b, span, y); n != 0 {
				t.Errorf("the label at y=%.0f crosses %d marks of the data", y, n)
			}
		})
	}
}
