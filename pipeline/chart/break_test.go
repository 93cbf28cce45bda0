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
