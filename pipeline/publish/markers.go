package publish

import "github.com/minhtien/portal/pipeline/indicator"

// markersJSON is portal.json's markers_in_use: the markers ("<5", "x") some table
// still prints, so that a legend explains them only where they can be seen. Figures
// are the review figures, which show their range unless they have none (a release
// made before ranges were published); Support are the support and money tables,
// which print markers for every withheld cell.
type markersJSON struct {
	Figures []string `json:"figures"`
	Support []string `json:"support"`
}

func (w *writer) markersInUse() markersJSON {
	k := w.in.Portal.Disclosure.K
	figures, support := map[string]bool{}, map[string]bool{}
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		if f.Flag == indicator.FlagSuppressed && !f.Bounded {
			figures[figureText(f, k, "vi")] = true
		}
	}
	if w.in.Support != nil {
		for i := range w.in.Support.Figures {
			f := &w.in.Support.Figures[i]
			if f.Flag != indicator.FlagSuppressed {
				continue
			}
			// As money.go prints them: "<k" for a small count, "x" for the rest and
			// for every sum with a withheld part.
			support[SecondaryMarker] = true
			if !f.Secondary {
				support[Marker(k)] = true
			}
		}
	}
	return markersJSON{w.orderMarkers(figures), w.orderMarkers(support)}
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
