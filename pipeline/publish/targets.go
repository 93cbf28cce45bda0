package publish

import "strconv"

// roundedNumber returns the page's text of v as the CSV has it and its value.
func roundedNumber(v *float64, decimals int) (string, any) {
	if v == nil {
		return "", nil
	}
	s, f := csvNumber(number(v, decimals).EN)
	if f == nil {
		return "", nil // NotAvailable: not a number
	}
	return s, f
}

// targetRows returns each target's progress components, rounded as the target pages
// show them (number() with the same decimals), so a download and a page never
// disagree.
func (w *writer) targetRows() []tableRow {
	out := make([]tableRow, len(w.in.Targets))
	for i, t := range w.in.Targets {
		a := w.in.Assessments[i]
		tv := t.Value
		typed := map[string]any{
			"id": t.ID, "plan": w.planOf(t), "title_vi": t.TitleVI, "title_en": t.TitleEN, "indicator": t.Indicator,
			"comparator": t.Comparator, "target_year": t.Year, "method": a.Method,
			"status": a.Status, "final": a.Final,
			"baseline_standard": a.BaselineStandard, "standard": a.Standard,
		}
		cells := map[string]string{
			"id": t.ID, "plan": w.planOf(t), "title_vi": t.TitleVI, "title_en": t.TitleEN, "indicator": t.Indicator,
			"comparator": t.Comparator, "target_year": strconv.Itoa(t.Year), "method": a.Method,
			"status": a.Status, "final": strconv.FormatBool(a.Final),
			"baseline_standard": a.BaselineStandard, "standard": a.Standard,
		}
		for _, n := range []struct {
			name     string
			v        *float64
			decimals int
		}{
			{"target", &tv, 1}, {"latest", a.Latest, 1},
			{"required_pace", a.RequiredPace, 2}, {"observed_pace", a.ObservedPace, 2},
			{"ratio", a.Ratio, 2}, {"projection", a.Projection, 1}, {"gap", a.Gap, 1},
		} {
			cells[n.name], typed[n.name] = roundedNumber(n.v, n.decimals)
		}
		// The baseline with the precision of its source, as the page prints it.
		cells["baseline"], typed["baseline"] = csvNumber(w.baselineText(t, a).EN)
		if typed["baseline"] == nil {
			cells["baseline"] = ""
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
		out[i] = tableRow{cells: row, typed: typed}
	}
	return out
}

// targetsCSV is targets.csv; like indicators.csv it does not name the release.
func (w *writer) targetsCSV() ([]byte, error) {
	return csvBytes(names(targetColumns), cells(w.targetRows()))
}

// targetDownloads writes targets.csv and .json, the only formats of the targets that
// the data dictionary and data page promise.
func (w *writer) targetDownloads() error {
	return w.writeTable(table{name: "targets", cols: targetColumns, rows: w.targetRows()})
}
