package chart

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestNewCanvas(t *testing.T) {
	tests := []struct {
		width, wantW, wantH float64
	}{
		{0, 640, 360},
		{640, 640, 360},
		{-360, 640, 360},
		{math.NaN(), 640, 360},
		{math.Inf(-1), 640, 360},
		{1e-300, minViewW, narrowH},
		{100, minViewW, narrowH},
		{360, 360, narrowH},
		{600, 600, 337.5},
		{960, 960, 540},
		{1e300, maxViewW, 720},
		{math.Inf(1), maxViewW, 720},
	}
	for _, tc := range tests {
		if c := newCanvas(tc.width); c.w != tc.wantW || c.h != tc.wantH {
			t.Errorf("newCanvas(%v) = %vx%v, want %vx%v", tc.width, c.w, c.h, tc.wantW, tc.wantH)
		}
	}
}

// TestNarrowCanvasGrows: a crowded header on a phone makes the drawing
// taller instead of squeezing the plot, up to a bound.
func TestNarrowCanvasGrows(t *testing.T) {
	c := newCanvas(360)
	if g := c.grow(200, 62); g.h != 200+minPlotH+62 {
		t.Errorf("grown to %v, want %v", g.h, 200+minPlotH+62)
	}
	if g := c.grow(1e6, 62); g.h != 2*c.w {
		t.Errorf("growth not capped: %v", g.h)
	}
	if g := c.grow(10, 10); g.h != narrowH {
		t.Errorf("an uncrowded canvas grew to %v", g.h)
	}
	// The default canvas keeps its shape unless crowded, and then grows within the
	// same bound.
	if g := newCanvas(0).grow(10, 10); g.h != viewH {
		t.Errorf("an uncrowded default canvas grew to %v", g.h)
	}
	if g := newCanvas(0).grow(1e6, 62); g.h != 2*viewW {
		t.Errorf("default canvas growth not capped: %v", g.h)
	}
	// Many series: the viewBox gets taller than the base height.
	l := Line{Title: "t", Width: 360, YLabel: "y"}
	for i := range 8 {
		l.Series = append(l.Series, Series{Name: "Series number " + strconv.Itoa(i), Points: years(2020, 1, 2)})
	}
	if _, h := viewBox(t, parse(t, l.SVG())); h <= narrowH {
		t.Errorf("crowded narrow chart kept height %v", h)
	}
}

func TestSpacedYearTicks(t *testing.T) {
	tests := []struct {
		name          string
		lo, hi, width float64
		want          string
	}{
		{"decade on a phone keeps every other year", 2016, 2025, 245, "2016 2018 2020 2022 2024"},
		{"few years: every year", 2016, 2020, 245, "2016 2017 2018 2019 2020"},
		{"long span", 1990, 2024, 250, "1990 2000 2010 2020"},
		{"single year", 2020, 2020, 250, "2020"},
		{"no room", 2016, 2025, 0, ""},
		{"huge span is bounded", -1e18, 1e18, 250, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ticks := spacedYearTicks(tc.lo, tc.hi, tc.width, 51.2)
			if len(ticks) > maxTickCount {
				t.Fatalf("%d ticks", len(ticks))
			}
			if tc.want == "" {
				return
			}
			var got []string
			for _, y := range ticks {
				got = append(got, yearLabel(y))
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
}

// textBox is the estimated extent of a <text> element.
type textBox struct {
	text                     string
	left, right, top, bottom float64
	tick                     bool // an axis tick label
}

// textBoxes estimates the box of every <text> from its x, y, inherited
// text-anchor and the same glyph-width estimate the layout uses.
func textBoxes(t *testing.T, n node, anchor string) []textBox {
	t.Helper()
	if a := n.attr("text-anchor"); a != "" {
		anchor = a
	}
	tick := n.hasClass("chart-tick")
	if n.XMLName.Local == "text" {
		x, err1 := strconv.ParseFloat(n.attr("x"), 64)
		y, err2 := strconv.ParseFloat(n.attr("y"), 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("text %q without position", n.Text)
		}
		w := textWidth(n.Text, fontSize)
		left := x
		switch anchor {
		case "middle":
			left -= w / 2
		case "end":
			left -= w
		}
		return []textBox{{n.Text, left, left + w, y - fontSize*0.75, y + fontSize*0.25, tick}}
	}
	var out []textBox
	for _, c := range n.Nodes {
		for _, b := range textBoxes(t, c, anchor) {
			b.tick = b.tick || tick
			out = append(out, b)
		}
	}
	return out
}

// TestNarrowTextFitsAndDoesNotOverlap checks, with estimated glyph widths,
// that every label of a narrow drawing lies on its canvas and that no two
// labels overlap. Estimates are generous, so a small overlap is allowed.
func TestNarrowTextFitsAndDoesNotOverlap(t *testing.T) {
	const slack = 2.0
	for _, tc := range goldenCases() {
		if !strings.HasSuffix(tc.name, "-narrow") {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			root := parse(t, tc.svg())
			w, h := viewBox(t, root)
			boxes := textBoxes(t, root, "start")
			for i, a := range boxes {
				if a.left < -slack || a.right > w+slack || a.top < -slack || a.bottom > h+slack {
					t.Errorf("%q at [%.1f, %.1f]x[%.1f, %.1f] leaves the %vx%v canvas", a.text, a.left, a.right, a.top, a.bottom, w, h)
				}
				for _, b := range boxes[i+1:] {
					if a.left+slack < b.right && b.left+slack < a.right && a.top+slack < b.bottom && b.top+slack < a.bottom {
						t.Errorf("%q and %q overlap", a.text, b.text)
					}
				}
			}
		})
	}
}

// TestLabelsInsideNarrowCanvas: long target labels, last values and axis
// titles wrap or move rather than leave a phone-width drawing. (Tick
// labels are not checked: the y axis makes room for them up to a cap.)
func TestLabelsInsideNarrowCanvas(t *testing.T) {
	long := func(float64) string { return "1 234 567,8 nghìn đồng" }
	charts := map[string]string{
		"target": Line{Title: "t", Width: 360, Series: []Series{{Name: "a", Points: years(2020, 3, 2, 1)}},
			Target: ptr(2.5), TargetLabel: "Mục tiêu của Chương trình mục tiêu quốc gia 2025: 1,5%"}.SVG(),
		"value": Line{Title: "t", Width: 360, Format: long, Series: []Series{
			{Name: "a", Points: years(2020, 3, 2, 1)},
			{Name: "b", Points: []Point{{X: 2020, Y: 2}, {X: 2021, Y: 1}, {X: 2022, Missing: true}}},
		}}.SVG(),
		"bars": Bars{Title: "t", Width: 360, Format: long, SeriesNames: []string{"a", "b"},
			Bars: []Bar{{Label: "x", Values: []float64{1, 2}}, {Label: "y", Values: []float64{3, 4}}}}.SVG(),
		"x title": Line{Title: "t", Width: 360, XLabel: strings.Repeat("Năm khảo sát ", 5),
			Series: []Series{{Name: "a", Points: years(2020, 3, 2, 1)}}}.SVG(),
	}
	for name, svg := range charts {
		t.Run(name, func(t *testing.T) {
			root := parse(t, svg)
			w, _ := viewBox(t, root)
			for _, b := range textBoxes(t, root, "start") {
				if !b.tick && (b.left < 0 || b.right > w) {
					t.Errorf("%q spans [%.1f, %.1f], outside 0..%v", b.text, b.left, b.right, w)
				}
			}
		})
	}
}

// TestConcurrentWidths draws wide and narrow charts at the same time: the
// canvas is passed down, never stored in package state, so every drawing
// must equal its sequential twin (run with -race to check for races).
func TestConcurrentWidths(t *testing.T) {
	cases := goldenCases()
	want := make([]string, len(cases))
	for i, tc := range cases {
		want[i] = tc.svg()
	}
	var wg sync.WaitGroup
	for range 4 {
		for i, tc := range cases {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got := tc.svg(); got != want[i] {
					t.Errorf("%s differs when drawn concurrently", tc.name)
				}
			}()
		}
	}
	wg.Wait()
}

// TestNarrowBarsThinYearLabels: nine years of bars on a phone label
// every other year, ending with the latest, instead of cutting each to
// "2…"; region names are still all shown.
func TestNarrowBarsThinYearLabels(t *testing.T) {
	labels := func(svg string) []string {
		var out []string
		parse(t, svg).walk(func(n node) {
			if n.XMLName.Local == "g" && n.hasClass("chart-tick") && n.attr("text-anchor") == "middle" {
				for _, c := range n.Nodes {
					out = append(out, c.Text)
				}
			}
		})
		return out
	}
	if got := strings.Join(labels(movementBars().SVG()), " "); got != "2016 2017 2018 2019 2020 2021 2022 2023 2024" {
		t.Errorf("wide labels %q", got)
	}
	if got := strings.Join(labels(narrowBars(movementBars()).SVG()), " "); got != "2016 2018 2020 2022 2024" {
		t.Errorf("narrow labels %q", got)
	}
	if got := labels(narrowBars(changeBars()).SVG()); len(got) != 4 {
		t.Errorf("region labels were dropped: %q", got)
	}
}
