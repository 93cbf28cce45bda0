package publish

import (
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/support"
)

// markersJSON is portal.json's markers_in_use: the markers ("<5", "x") some table
// still prints, so that a legend explains them only where they can be seen. Figures
// are the review figures, which show their range unless they have none (a release
// made before ranges were published); Support are the support and money tables,
// likewise. SupportWithheld says some support or money cell prints the word
// "withheld": a figure nothing published bounds from above (an amount next to a
// small count under a withheld commune total).
type markersJSON struct {
	Figures         []string `json:"figures"`
	Support         []string `json:"support"`
	SupportWithheld bool     `json:"support_withheld"`
}

func (w *writer) markersInUse() markersJSON {
	k := w.in.Portal.Disclosure.K
	figures, supp := map[string]bool{}, map[string]bool{}
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		if f.Flag == indicator.FlagSuppressed && !f.Bounded {
			figures[figureText(f, k, "vi")] = true
		}
	}
	words := false
	if w.in.Support != nil {
		for i := range w.in.Support.Figures {
			f := &w.in.Support.Figures[i]
			switch {
			case f.Flag != indicator.FlagSuppressed:
			case !f.Bounded:
				// As money_cells.go prints a figure without an interval: "<k" for a
				// small count, "x" for the rest and for every sum with such a part.
				supp[SecondaryMarker] = true
				if !f.Secondary {
					supp[Marker(k)] = true
				}
			case f.Upper < 0 && (f.Lower == 0 || f.Indicator == support.AmountVND):
				words = true
			}
		}
	}
	return markersJSON{w.orderMarkers(figures), w.orderMarkers(supp), words}
}

// orderMarkers lists the markers of a set in the order the legend explains them.
func (w *writer) orderMarkers(set map[string]bool) []string {
	out := []string{}
	for _, m := range []string{Marker(w.in.Portal.Disclosure.K), SecondaryMarker} {
		if set[m] {
			out = append(out, m)
		}
	}
	return out
}
