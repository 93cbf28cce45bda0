package publish

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/indicator"
)

// NotAvailable is shown where a figure does not exist (no denominator, first year).
const NotAvailable = "–"

// SecondaryMarker is shown for a withheld figure that is not itself a small count: a
// rate or index built on one, or a figure withheld only to protect another one.
const SecondaryMarker = "x"

// Marker is the text shown for a count from 1 to k-1.
func Marker(k int) string { return fmt.Sprintf("<%d", k) }

// figureText is how a figure reads on the page in lang: the rounded value, the
// range the audit gives a withheld figure ("1–4", "0,2–0,9"), or a dash. The
// markers remain only for a withheld figure without an interval (from a release
// made before intervals were published).
func figureText(f *indicator.Figure, k int, lang string) string {
	if r := f.RangeText(lang); r != "" && f.Flag == indicator.FlagSuppressed {
		return r
	}
	switch {
	// "<5" says a count is from 1 to k-1; a withheld rate or index is not itself a count
	// (a rate shown as "<5" would read as "under 5 percent"), so it shows "x" like a
	// figure withheld only to stop subtraction.
	case f.Flag == indicator.FlagSuppressed && (f.Secondary || !f.IsCount()):
		return SecondaryMarker
	case f.Flag == indicator.FlagSuppressed:
		return Marker(k)
	case f.Flag == indicator.FlagNotAvailable:
		return NotAvailable
	}
	if t := f.Text(lang); t != "" {
		return t
	}
	return NotAvailable
}

// bilingual is a text in Vietnamese and English.
type bilingual struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

func both(vi, en string) bilingual { return bilingual{vi, en} }

// number formats a float with one decimal in both languages, or a dash for nil.
func number(v *float64, decimals int) bilingual {
	if v == nil {
		return both(NotAvailable, NotAvailable)
	}
	pow := 1.0
	for range decimals {
		pow *= 10
	}
	s := roundHalfAway(*v * pow)
	return both(indicator.FormatScaled(s, decimals, "vi"), indicator.FormatScaled(s, decimals, "en"))
}

func roundHalfAway(x float64) int64 {
	if x < 0 {
		return -int64(-x + 0.5)
	}
	return int64(x + 0.5)
}
