package chart

import (
	"strconv"
	"strings"
	"testing"
)

// countBars counts drawn bars per series class.
func countBars(root node) map[string]int {
	n := map[string]int{}
	for _, g := range root.Nodes {
		if g.XMLName.Local != "g" || !g.hasClass("chart-series") {
			continue
		}
		for _, r := range g.Nodes {
			if r.hasClass("chart-bar") {
				n[strings.Fields(g.attr("class"))[1]]++
			}
		}
	}
	return n
}

func TestBars(t *testing.T) {
	tests := []struct {
		name     string
		chart    Bars
		bars     map[string]int
		missing  int
		contains []string
	}{
		{"missing value is not a bar", regionBars(), map[string]int{"chart-series-0": 3, "chart-series-1": 2, "chart-series-2": 3}, 1,
			[]string{">10,2<", ">6,9<", ">1,1<", "<pattern"}},
		{"short Values count as missing", Bars{Title: "t", SeriesNames: []string{"a", "b"}, Bars: []Bar{{Label: "x", Values: []float64{1}}}},
			map[string]int{"chart-series-0": 1}, 1, nil},
		{"NaN is missing", Bars{Title: "t", Bars: []Bar{{Label: "x", Values: []float64{nan()}}}}, map[string]int{}, 1, nil},
		{"negative bars hang below zero", changeBars(), map[string]int{"chart-series-0": 2, "chart-series-1": 2}, 0,
			[]string{"chart-zero", ">-1.9<"}},
		{"no data", Bars{Title: "t"}, map[string]int{}, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svg := tc.chart.SVG()
			root := parse(t, svg)
			got := countBars(root)
			for k, v := range tc.bars {
				if got[k] != v {
					t.Errorf("%s: %d bars, want %d", k, got[k], v)
				}
			}
			if n := strings.Count(svg, ">...<"); n != tc.missing {
				t.Errorf("%d missing markers, want %d", n, tc.missing)
			}
			for _, s := range tc.contains {
				if !strings.Contains(svg, s) {
					t.Errorf("missing %q", s)
				}
			}
		})
	}
}

// TestBarsStartAtZero: bar lengths must be proportional to values, so
// the axis always includes zero even for values far from it.
func TestBarsStartAtZero(t *testing.T) {
	m := newBarsModel(Bars{Bars: []Bar{{Values: []float64{3876, 4673}}}})
	if m.y.lo != 0 {
		t.Errorf("axis starts at %v, want 0", m.y.lo)
	}
}

// TestBarLabelsStayOnTheirBars wants every value label either resting on its own
// bar or tied to it by a leader, and never on top of another bar, on both canvases.
func TestBarLabelsStayOnTheirBars(t *testing.T) {
	tests := []struct {
		name  string
		chart Bars
	}{
		{"money: one tall series beside short ones", moneyBars()},
		{"money on a phone", narrowBars(moneyBars())},
		{"movement", movementBars()},
		{"movement on a phone", narrowBars(movementBars())},
		{"negative values", changeBars()},
		{"regions", regionBars()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newBarsModel(tc.chart)
			m.layout(layoutHeader(m.cv, m.legendItems("x"), tc.chart.YLabel).bottom)
			for g := range m.Bars.Bars {
				if !m.allVals && g != len(m.Bars.Bars)-1 {
					continue
				}
				for _, l := range m.placeGroupLabels(g) {
					v, _ := m.value(g, l.bar)
					end, box := m.b.y(m.y, v), labelBox(l.x, l.y, l.text)
					gap := end - box.bottom
					if v < 0 {
						gap = box.top - end
					}
					if gap > labelRest+2 && l.leader == "" {
						t.Errorf("group %d: %q floats %.1f units from its bar with no leader", g, l.text, gap)
					}
					if gap < 0 {
						t.Errorf("group %d: %q covers its own bar's end", g, l.text)
					}
					for _, o := range m.otherBars(g, l.bar) {
						if box.overlaps(o) {
							t.Errorf("group %d: %q sits on another bar", g, l.text)
						}
					}
				}
			}
		})
	}
}

// TestBarsWithheldWithRange: a withheld value with its interval is drawn as a
// whisker over the interval (and counted in the axis), never dropped; one without
// an interval keeps the "..." mark.
func TestBarsWithheldWithRange(t *testing.T) {
	c := Bars{Title: "t", SeriesNames: []string{"a", "b"}, Bars: []Bar{
		{Label: "2024", Values: []float64{12, 0}, Missing: []bool{false, true}, Ranged: []bool{false, true}, Lo: []float64{0, 1}, Hi: []float64{0, 40}},
		{Label: "2025", Values: []float64{10, 0}, Missing: []bool{false, true}},
	}}
	svg := c.SVG()
	root := parse(t, svg)
	whiskers := 0
	root.walk(func(n node) {
		if n.hasClass("chart-range") {
			whiskers += strings.Count(n.attr("d"), "V")
		}
	})
	if whiskers != 1 {
		t.Errorf("%d whiskers, want 1", whiskers)
	}
	if n := strings.Count(svg, ">...<"); n != 1 {
		t.Errorf("%d missing marks, want 1 (the value without an interval)", n)
	}
	if m := newBarsModel(c); m.y.hi < 40 {
		t.Errorf("the axis ends at %v, below the interval's 40", m.y.hi)
	}
}

// TestBarLabelsAreTheTablesText: a value's label is the text Labels gives (the
// table's), and a missing value with a label shows that word upright instead of
// "..."; without Labels the chart formats as before (issue 17).
func TestBarLabelsAreTheTablesText(t *testing.T) {
	tests := []struct {
		name     string
		bar      Bar
		contains []string
		absent   []string
	}{
		{"table text on a value", Bar{Label: "2025", Values: []float64{822.627, 89.4}, Labels: []string{"822,6", "89,4"}},
			[]string{">822,6<", ">89,4<"}, []string{">823<"}},
		{"the word for a withheld value", Bar{Label: "2025", Values: []float64{822.6, 0}, Missing: []bool{false, true}, Labels: []string{"822,6", "đã ẩn"}},
			[]string{">đã ẩn<", "rotate(-90"}, []string{">...<"}},
		{"no labels: formatted, and dots", Bar{Label: "2025", Values: []float64{822.627, 0}, Missing: []bool{false, true}},
			[]string{">823<", ">...<"}, []string{"rotate(-90"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Bars{Title: "t", Desc: "d", SeriesNames: []string{"a", "b"}, Bars: []Bar{tt.bar},
				Format: fmtInt}
			svg := c.SVG()
			for _, s := range tt.contains {
				if !strings.Contains(svg, s) {
					t.Errorf("no %q in\n%s", s, svg)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(svg, s) {
					t.Errorf("%q should not be drawn", s)
				}
			}
		})
	}
}

// fmtInt formats v rounded to a whole number.
func fmtInt(v float64) string { return strconv.Itoa(int(v + 0.5)) }
