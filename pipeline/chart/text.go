package chart

import (
	"strings"
	"unicode"
)

// charWidth is the assumed average advance of a glyph as a fraction of the
// font size. It is on the generous side for sans-serif fonts so that the
// estimates err towards leaving too much room rather than overlapping.
const charWidth = 0.6

// textWidth estimates the rendered width of s in user units. We cannot
// measure fonts at build time; counting glyphs is good enough for layout.
// Combining marks are skipped because Vietnamese text in decomposed form
// (NFD) carries its tone marks as separate runes that take no space.
func textWidth(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me) {
			n++
		}
	}
	return float64(n) * size * charWidth
}

// truncate shortens s with an ellipsis so that it fits maxW. Used for
// legend entries and axis titles that would otherwise run off the chart;
// the full text belongs in the chart's <desc>.
func truncate(s string, maxW, size float64) string {
	if textWidth(s, size) <= maxW {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && textWidth(string(runes)+"…", size) > maxW {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimRightFunc(string(runes), unicode.IsSpace) + "…"
}

// wrap2 breaks s at spaces into at most two lines of width maxW, which is
// enough for category names such as "Trung du và miền núi phía Bắc" under
// a bar group; whatever still does not fit is truncated.
func wrap2(s string, maxW, size float64) []string {
	if textWidth(s, size) <= maxW {
		return []string{s}
	}
	words := strings.Fields(s)
	first := ""
	i := 0
	for ; i < len(words); i++ {
		next := strings.TrimSpace(first + " " + words[i])
		if first != "" && textWidth(next, size) > maxW {
			break
		}
		first = next
	}
	rest := strings.Join(words[i:], " ")
	if rest == "" {
		return []string{truncate(first, maxW, size)}
	}
	return []string{truncate(first, maxW, size), truncate(rest, maxW, size)}
}
