package chart

import (
	"math"
	"strings"
	"testing"
)

func nan() float64 { return math.NaN() }

func TestSpark(t *testing.T) {
	tests := []struct {
		name    string
		spark   Spark
		pieces  int // pen-down moves: line pieces and lone points
		circles int
	}{
		{"basic", basicSpark(), 1, 1},
		{"gaps and an isolated point", gapSpark(), 3, 2},
		{"empty", Spark{Title: "trống"}, 0, 0},
		{"single point", Spark{Title: "một", Points: years(2024, 3)}, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := parse(t, tc.spark.SVG())
			if root.attr("role") != "img" || root.attr("aria-label") != tc.spark.Title {
				t.Errorf("role=%q aria-label=%q", root.attr("role"), root.attr("aria-label"))
			}
			if root.attr("width") != "120" || root.attr("height") != "32" {
				t.Errorf("size %sx%s, want 120x32", root.attr("width"), root.attr("height"))
			}
			pieces, circles := 0, 0
			root.walk(func(n node) {
				if n.hasClass("chart-line") {
					pieces += strings.Count(n.attr("d"), "M")
				}
				if n.XMLName.Local == "circle" {
					circles++
				}
			})
			if pieces != tc.pieces || circles != tc.circles {
				t.Errorf("got %d pieces and %d dots, want %d and %d", pieces, circles, tc.pieces, tc.circles)
			}
		})
	}
}
