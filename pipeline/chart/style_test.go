package chart

import (
	"math"
	"strconv"
	"testing"
)

// luminance returns the WCAG relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

// contrast returns the WCAG contrast ratio of two luminances.
func contrast(a, b float64) float64 {
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

// TestPaletteContrast: every series colour must reach 3:1 (WCAG 1.4.11)
// on a white page and on a typical dark-mode page.
func TestPaletteContrast(t *testing.T) {
	for _, bg := range []string{"#ffffff", "#121212"} {
		for _, c := range palette {
			t.Run(c+" on "+bg, func(t *testing.T) {
				if r := contrast(luminance(t, c), luminance(t, bg)); r < 3 {
					t.Errorf("contrast %.2f < 3", r)
				}
			})
		}
	}
}

// TestMarkersDiffer: neighbouring series must not share a marker shape,
// or they could only be told apart by colour.
func TestMarkersDiffer(t *testing.T) {
	seen := map[string]int{}
	for i := range 5 {
		d := markerPath(i, 0, 0)
		if j, dup := seen[d]; dup {
			t.Errorf("series %d and %d share marker %q", j, i, d)
		}
		seen[d] = i
	}
}
