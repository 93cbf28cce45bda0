package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func nan() float64 { return math.NaN() }

// TestSparkRanges wants every withheld year with an interval drawn (a whisker), the
// run of years around it shaded, and every value with no neighbour a visible dot.
func TestSparkRanges(t *testing.T) {
	isolatedValue := years(2021, 4.2, 0, 3.0)
	isolatedValue[1].Missing = true
	tests := []struct {
		name             string
		spark            Spark
		whiskers, bands  int
		minDot           float64 // the smallest dot's radius
		wantDots, pieces int     // pieces: pen-down moves, a lone point too
	}{
		{"every other year withheld", rangedSpark(), 2, 1, sparkDot, 3, 3},
		{"a gap without interval leaves two dots", Spark{Title: "g", Points: isolatedValue}, 0, 0, sparkDot, 2, 2},
		{"only withheld years", Spark{Title: "w", Points: []Point{
			{X: 2023, Missing: true, Ranged: true, Lo: 1, Hi: 4}, {X: 2024, Missing: true, Ranged: true, Lo: 1, Hi: 3}}}, 2, 1, 0, 0, 0},
		{"values only, no band", basicSpark(), 0, 0, sparkLast, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := parse(t, tc.spark.SVG())
			whiskers, bands, dots, pieces := 0, 0, 0, 0
			smallest := 0.0
			root.walk(func(n node) {
				switch {
				case n.hasClass("chart-range"):
					whiskers += strings.Count(n.attr("d"), "M") / 3
				case n.hasClass("chart-band"):
					bands += strings.Count(n.attr("d"), "Z")
				case n.hasClass("chart-line"):
					pieces += strings.Count(n.attr("d"), "M")
				case n.XMLName.Local == "circle":
					dots++
					r, _ := strconv.ParseFloat(n.attr("r"), 64)
					if smallest == 0 || r < smallest {
						smallest = r
					}
				}
			})
			if whiskers != tc.whiskers || bands != tc.bands || dots != tc.wantDots || pieces != tc.pieces {
				t.Errorf("got %d whiskers, %d bands, %d dots, %d line pieces; want %d, %d, %d, %d",
					whiskers, bands, dots, pieces, tc.whiskers, tc.bands, tc.wantDots, tc.pieces)
			}
			if smallest < tc.minDot {
				t.Errorf("smallest dot r=%v, want at least %v", smallest, tc.minDot)
			}
		})
	}
}

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

// TestSparkLatestWithheld: when the latest year is withheld its whisker ends the
// line and no earlier value gets the latest value's larger dot (Thôn Đông's
// sparkline showed 2022 as if it were the latest figure).
func TestSparkLatestWithheld(t *testing.T) {
	ps := years(2021, 4.0, 3.0, 0)
	ps[2].Missing, ps[2].Ranged, ps[2].Lo, ps[2].Hi = true, true, 1, 3
	root := parse(t, Spark{Title: "t", Points: ps}.SVG())
	root.walk(func(n node) {
		if n.XMLName.Local == "circle" {
			if r, _ := strconv.ParseFloat(n.attr("r"), 64); r >= sparkLast {
				t.Errorf("a dot of r=%v: an earlier value is dressed as the latest", r)
			}
		}
	})
}
