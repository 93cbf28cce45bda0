package chart

import (
	"strconv"
	"strings"
	"testing"
)

// TestAccessibleRoot checks the contract with the page: a scalable,
// CSP-safe SVG whose accessible name comes from its <title> and <desc>.
func TestAccessibleRoot(t *testing.T) {
	for _, tc := range goldenCases() {
		if strings.HasPrefix(tc.name, "spark") {
			continue // sparklines are checked in TestSpark
		}
		t.Run(tc.name, func(t *testing.T) {
			root := parse(t, tc.svg())
			for attr, want := range map[string]string{
				"role": "img", "width": "100%", "preserveAspectRatio": "xMidYMid meet",
			} {
				if got := root.attr(attr); got != want {
					t.Errorf("%s = %q, want %q", attr, got, want)
				}
			}
			if w, h := viewBox(t, root); strings.HasSuffix(tc.name, "-narrow") {
				if w != phoneWidth || h < narrowH || h > 2*phoneWidth {
					t.Errorf("narrow viewBox is %vx%v, want %v wide and %v to %v high", w, h, phoneWidth, narrowH, 2*phoneWidth)
				}
			} else if w != 640 || h < 360 || h > 1280 {
				t.Errorf("viewBox is %vx%v, want 640 wide and 360 to 1280 high", w, h)
			}
			ids := map[string]string{} // id -> element name
			root.walk(func(n node) {
				if id := n.attr("id"); id != "" {
					if _, dup := ids[id]; dup {
						t.Errorf("duplicate id %q", id)
					}
					ids[id] = n.XMLName.Local
				}
			})
			refs := strings.Fields(root.attr("aria-labelledby"))
			if len(refs) == 0 {
				t.Fatal("no aria-labelledby")
			}
			if ids[refs[0]] != "title" {
				t.Errorf("aria-labelledby %q does not start with the <title> id", refs)
			}
			if len(refs) > 1 && ids[refs[1]] != "desc" {
				t.Errorf("aria-labelledby %q: second id is not the <desc>", refs)
			}
		})
	}
}

// TestNoInlineStyleAndLegibleText enforces the strict CSP (no style
// attributes or elements) and a minimum font size of 14 user units, or 16
// on the narrow canvas, which phones show at about its natural size.
func TestNoInlineStyleAndLegibleText(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			minSize := 14.0
			if strings.HasSuffix(tc.name, "-narrow") {
				minSize = 16
			}
			root := parse(t, tc.svg())
			root.walk(func(n node) {
				if n.XMLName.Local == "style" || n.XMLName.Local == "script" || n.attr("style") != "" {
					t.Errorf("<%s> uses inline style or script", n.XMLName.Local)
				}
				if fs := n.attr("font-size"); fs != "" {
					if v, err := strconv.ParseFloat(fs, 64); err != nil || v < minSize {
						t.Errorf("font-size %q below %v", fs, minSize)
					}
				}
			})
		})
	}
}

// TestIDsDifferPerChart makes sure two charts on one page do not share
// ids, which would make aria-labelledby point at the wrong title.
func TestIDsDifferPerChart(t *testing.T) {
	a := Line{Title: "Tỷ lệ hộ nghèo"}.SVG()
	b := Line{Title: "Tỷ lệ hộ cận nghèo"}.SVG()
	idA, idB := parse(t, a).attr("aria-labelledby"), parse(t, b).attr("aria-labelledby")
	if idA == idB {
		t.Errorf("both charts use %q", idA)
	}
	if c := (Bars{Title: "Tỷ lệ hộ nghèo"}).SVG(); parse(t, c).attr("aria-labelledby") == idA {
		t.Error("a line and a bar chart with the same title share ids")
	}
}

// TestEscaping feeds markup-like and Vietnamese text through every text
// field and checks it comes back unchanged after XML parsing.
func TestEscaping(t *testing.T) {
	const nasty = `Hộ nghèo <5% & "cận nghèo" 'x' </svg><script>`
	tests := []struct {
		name string
		svg  string
	}{
		{"line", Line{Title: nasty, Desc: nasty, XLabel: nasty, YLabel: nasty, TargetLabel: nasty, Target: ptr(1),
			Series: []Series{{Name: nasty, Points: years(2020, 1, 2)}}, Projection: years(2022, 1), ProjectionLabel: nasty,
			Format: func(float64) string { return "<5" }}.SVG()},
		{"bars", Bars{Title: nasty, Desc: nasty, XLabel: nasty, YLabel: nasty, SeriesNames: []string{nasty},
			Bars: []Bar{{Label: nasty, Values: []float64{1}}}, Format: func(float64) string { return "<5" }}.SVG()},
		{"spark", Spark{Title: nasty, Points: years(2020, 1, 2)}.SVG()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.svg, "<script") || strings.Contains(tc.svg, "<5") {
				t.Fatal("unescaped markup in output")
			}
			var title string
			parse(t, tc.svg).walk(func(n node) {
				if n.XMLName.Local == "title" && title == "" {
					title = n.Text
				}
			})
			if title != nasty {
				t.Errorf("title round-trip = %q, want %q", title, nasty)
			}
		})
	}
}

// TestFormatIsUsed checks that values are printed only through the
// caller's Format, so Vietnamese pages get decimal commas everywhere.
func TestFormatIsUsed(t *testing.T) {
	root := parse(t, povertyLine().SVG())
	root.walk(func(n node) {
		if n.XMLName.Local != "text" {
			return
		}
		if _, err := strconv.ParseFloat(n.Text, 64); err == nil && strings.Contains(n.Text, ".") {
			t.Errorf("label %q has a decimal point; Format was bypassed", n.Text)
		}
	})
	for _, want := range []string{">2,9<", ">1,9<", ">12,5<"} {
		if !strings.Contains(povertyLine().SVG(), want) {
			t.Errorf("missing label %s", want)
		}
	}
}

// viewBox returns the width and height of the root's viewBox.
func viewBox(t *testing.T, root node) (w, h float64) {
	t.Helper()
	f := strings.Fields(root.attr("viewBox"))
	if len(f) != 4 || f[0] != "0" || f[1] != "0" {
		t.Fatalf("viewBox %q", root.attr("viewBox"))
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !(w > 0) || !(h > 0) {
		t.Fatalf("viewBox %q", root.attr("viewBox"))
	}
	return w, h
}

// TestWideAndNarrowIDsDiffer: the site inlines both drawings of a chart
// on one page (one of them hidden by CSS), so no id may occur in both.
func TestWideAndNarrowIDsDiffer(t *testing.T) {
	cases := goldenCases()
	byName := map[string]func() string{}
	for _, tc := range cases {
		byName[tc.name] = tc.svg
	}
	pairs := 0
	for _, tc := range cases {
		wide, ok := byName[strings.TrimSuffix(tc.name, "-narrow")]
		if !strings.HasSuffix(tc.name, "-narrow") || !ok {
			continue
		}
		pairs++
		t.Run(tc.name, func(t *testing.T) {
			seen := map[string]bool{}
			for _, svg := range []string{wide(), tc.svg()} {
				parse(t, svg).walk(func(n node) {
					if id := n.attr("id"); id != "" {
						if seen[id] {
							t.Errorf("id %q is used by both drawings", id)
						}
						seen[id] = true
					}
				})
			}
		})
	}
	if pairs == 0 {
		t.Fatal("no wide/narrow pairs among the golden cases")
	}
	// An explicit default width is the default drawing, ids included.
	if a, b := povertyLine(), povertyLine(); true {
		b.Width = 640
		if a.SVG() != b.SVG() {
			t.Error("Width 640 differs from Width 0")
		}
	}
}
