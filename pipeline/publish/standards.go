package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/chart"
)

// standardChange is a year from which figures are computed under another standard
// than the year before: a break in every series that spans it.
type standardChange struct {
	Year int    `json:"year"`
	From string `json:"from"`
	To   string `json:"to"`
}

// changes returns the breaks between the standards of consecutive review years.
func (w *writer) changes() []standardChange {
	var out []standardChange
	for i := 1; i < len(w.in.Years); i++ {
		from, to := w.standardID(w.in.Years[i-1]), w.standardID(w.in.Years[i])
		if from != to && from != "" && to != "" {
			out = append(out, standardChange{Year: w.in.Years[i], From: from, To: to})
		}
	}
	return out
}

// breaks are the changes of standard as a line chart marks them.
func (w *writer) breaks(lang string) []chart.Break {
	var out []chart.Break
	for _, c := range w.changes() {
		label := "Chuẩn nghèo " + c.To
		if lang == "en" {
			label = "Standard " + c.To
		}
		out = append(out, chart.Break{X: c.Year, Label: label})
	}
	return out
}

// standardJSON is a standard as the site describes it: its decree, where it was
// checked, its lines and its indicators.
type standardJSON struct {
	ID               string              `json:"id"`
	Decree           string              `json:"decree"`
	Source           string              `json:"source"`
	PoorDeprivations int                 `json:"poor_deprivations"`
	PovertyLine      map[string]string   `json:"poverty_line"` // VND, grouped as the page shows them
	AverageLine      map[string]string   `json:"average_line"`
	Indicators       []standardIndicator `json:"indicators"`
	Years            []int               `json:"years"`
	Weighted         bool                `json:"weighted"`
}

type standardIndicator struct {
	Column    string    `json:"column"`
	Dimension string    `json:"dimension"`
	Name      bilingual `json:"name"`
	Weight    int64     `json:"weight"`
}

// standardsJSON describes the standards the years are reviewed under, in order, and
// the years of each, for the methodology and data pages.
func (w *writer) standardsJSON() []standardJSON {
	out := []standardJSON{}
	for _, s := range w.in.Standards {
		sj := standardJSON{ID: s.ID, Decree: s.Decree, Source: s.Source, PoorDeprivations: s.PoorDeprivations,
			PovertyLine: map[string]string{}, AverageLine: map[string]string{}, Years: []int{}}
		for _, area := range []string{"rural", "urban"} {
			pl, _ := s.PovertyLine.For(area)
			al, _ := s.AverageLine.For(area)
			sj.PovertyLine[area] = strconv.FormatInt(pl, 10)
			sj.AverageLine[area] = strconv.FormatInt(al, 10)
		}
		for _, ind := range s.Indicators {
			sj.Indicators = append(sj.Indicators, standardIndicator{ind.Column, ind.Dimension, both(ind.NameVI, ind.NameEN), ind.Weight})
			sj.Weighted = sj.Weighted || ind.Weight != s.Indicators[0].Weight
		}
		for _, y := range w.in.Years {
			if w.standardID(y) == s.ID {
				sj.Years = append(sj.Years, y)
			}
		}
		out = append(out, sj)
	}
	return out
}

// yearStandards maps each review year (as text, for Hugo's dict lookups) to its
// standard's id.
func (w *writer) yearStandards() map[string]string {
	out := map[string]string{}
	for _, y := range w.in.Years {
		out[strconv.Itoa(y)] = w.standardID(y)
	}
	return out
}
