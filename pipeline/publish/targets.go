package publish

import (
	"strconv"
	"strings"
)

// targetRecord is one target's progress components, rounded as the target pages show
// them (number() with the same decimals), so a download and a page never disagree.
type targetRecord struct {
	cells []string
	typed map[string]any
}

// roundedNumber returns the page's text of v in English (no grouping) and its value.
func roundedNumber(v *float64, decimals int) (string, *float64) {
	if v == nil {
		return "", nil
	}
	s := strings.ReplaceAll(number(v, decimals).EN, ",", "")
	if s == NotAvailable {
		return "", nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "", nil
	}
	return s, &f
}

func (w *writer) targetRecords() []targetRecord {
	out := make([]targetRecord, len(w.in.Targets))
	for i, t := range w.in.Targets {
		a := w.in.Assessments[i]
		tv := t.Value
		typed := map[string]any{
			"id": t.ID, "title_vi": t.TitleVI, "title_en": t.TitleEN, "indicator": t.Indicator,
			"comparator": t.Comparator, "target_year": t.Year, "method": a.Method,
			"status": a.Status, "final": a.Final,
		}
		cells := map[string]string{
			"id": t.ID, "title_vi": t.TitleVI, "title_en": t.TitleEN, "indicator": t.Indicator,
			"comparator": t.Comparator, "target_year": strconv.Itoa(t.Year), "method": a.Method,
			"status": a.Status, "final": strconv.FormatBool(a.Final),
		}
		for _, n := range []struct {
			name     string
			v        *float64
			decimals int
		}{
			{"target", &tv, 1}, {"baseline", a.Baseline, 2}, {"latest", a.Latest, 1},
			{"required_pace", a.RequiredPace, 2}, {"observed_pace", a.ObservedPace, 2},
			{"ratio", a.Ratio, 2}, {"projection", a.Projection, 1}, {"gap", a.Gap, 1},
		} {
			cells[n.name], typed[n.name] = roundedNumber(n.v, n.decimals)
		}
		year := func(name string, y int, v *float64) {
			if v == nil || y == 0 {
				cells[name], typed[name] = "", nil
				return
			}
			cells[name], typed[name] = strconv.Itoa(y), y
		}
		year("baseline_year", a.BaselineYear, a.Baseline)
		year("latest_year", a.LatestYear, a.Latest)
		row := make([]string, len(targetColumns))
		for j, c := range targetColumns {
			row[j] = cells[c.Name]
		}
		out[i] = targetRecord{cells: row, typed: typed}
	}
	return out
}

// targetsCSV is targets.csv; like indicators.csv it does not name the release.
func (w *writer) targetsCSV() ([]byte, error) {
	recs := w.targetRecords()
	rows := make([][]string, len(recs))
	for i, r := range recs {
		rows[i] = r.cells
	}
	return csvBytes(names(targetColumns), rows)
}

func (w *writer) targetDownloads() error {
	b, err := w.targetsCSV()
	if err != nil {
		return err
	}
	if err := w.download("targets.csv", b); err != nil {
		return err
	}
	recs := w.targetRecords()
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		rows[i] = r.typed
	}
	js, err := tableJSON(targetColumns, w.in.Release, rows)
	if err != nil {
		return err
	}
	return w.download("targets.json", js)
}
