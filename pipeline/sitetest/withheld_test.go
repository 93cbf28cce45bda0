package sitetest

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestWithheldShownAsRanges scans every page: a withheld figure, in the review
// tables and in the support and money tables alike, is shown as a range or, where
// nothing published bounds it, as the word "withheld", never as a bare "<5" or "x"
// (no table cell anywhere reads only a marker). Every legend explains ranges and no
// marker (none is printed) and explains ranges where its table shows one (and only
// there, under a target's series); the money legends also explain the ranges of money, and
// the word exactly when some money cell of the site prints it.
func TestWithheldShownAsRanges(t *testing.T) {
	s := site(t, mainSite)
	markers := []string{"<5", "x"}
	words := []string{"đã ẩn", "withheld"}
	ranges, moneyRanges := 0, 0
	wordPrinted := false
	type legend struct {
		rel  string
		text string
	}
	var moneyLegends []legend
	omitted := 0 // legends without the range line
	for _, rel := range s.htmlPages(t) {
		page := doc(t, s, rel)
		for _, cell := range findAll(page, func(n *html.Node) bool {
			return hasClass(n, "fig--suppressed") || n.Data == "td" || n.Data == "th"
		}) {
			text := strings.TrimSpace(textOf(cell))
			if slices.Contains(markers, text) {
				t.Errorf("%s: a withheld figure is a bare %q (money tables: %v)", rel, text, insideMoney(cell))
				continue
			}
			if !hasClass(cell, "fig--suppressed") {
				continue
			}
			if slices.Contains(words, textOf(cell)) {
				wordPrinted = wordPrinted || insideMoney(cell)
				continue
			}
			ranges++
			if insideMoney(cell) {
				moneyRanges++
			}
		}
		for _, l := range findAll(page, func(n *html.Node) bool { return hasClass(n, "table-legend") }) {
			for _, a := range findAll(l, func(n *html.Node) bool { return n.Data == "abbr" }) {
				if m := textOf(a); slices.Contains(markers, m) {
					t.Errorf("%s: a legend explains %q, which no table prints", rel, m)
				}
			}
			// A legend explains ranges wherever the table it closes shows one; a
			// target's legend leaves the line out when its series shows none.
			shows := len(findAll(l.Parent, isRangeCell)) > 0
			switch explains := strings.Contains(textOf(l), "1–4"); {
			case shows && !explains:
				t.Errorf("%s: the legend does not explain ranges", rel)
			case !explains:
				omitted++
			}
			if insideMoney(l) {
				moneyLegends = append(moneyLegends, legend{rel, textOf(l)})
			}
		}
	}
	if ranges < 100 || moneyRanges < 20 {
		t.Fatalf("only %d withheld figures shown as ranges, %d in money tables: the scan is broken", ranges, moneyRanges)
	}
	if omitted == 0 {
		t.Error("every legend explains ranges, even under the targets whose series shows none")
	}
	if len(moneyLegends) == 0 {
		t.Fatal("no legend under a money table: the scan is broken")
	}
	for _, l := range moneyLegends {
		if !strings.Contains(l.text, "0,0–45,0") && !strings.Contains(l.text, "0.0–45.0") {
			t.Errorf("%s: the money legend does not explain ranges of money", l.rel)
		}
		explains := strings.Contains(l.text, "đã ẩn:") || strings.Contains(l.text, "withheld:")
		if explains != wordPrinted {
			t.Errorf("%s: the money legend explains the word %v, money cells print it %v", l.rel, explains, wordPrinted)
		}
	}
}

// isRangeCell reports whether n is a withheld figure printed as a range, not as the
// word "withheld".
func isRangeCell(n *html.Node) bool {
	if !hasClass(n, "fig--suppressed") {
		return false
	}
	text := textOf(n)
	return text != "đã ẩn" && text != "withheld"
}
