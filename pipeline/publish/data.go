package publish

import (
	"bytes"
	"encoding/json"
	"maps"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/indicator"
)

// figureJSON is one figure as templates read it; see docs/build-contract.md.
type figureJSON struct {
	Year        int       `json:"year"`
	Value       *float64  `json:"value"`
	Numerator   *int64    `json:"numerator"`
	Denominator *int64    `json:"denominator"`
	Unit        string    `json:"unit_of_measure"`
	Flag        string    `json:"flag"`
	Text        bilingual `json:"text"`
	// Lower and Upper are a withheld figure's interval (DESIGN 6), nil when it has none.
	Lower *float64 `json:"value_lower,omitempty"`
	Upper *float64 `json:"value_upper,omitempty"`
	// Deduced marks a withheld figure whose interval is a single value, which readers
	// work out from the published figures (the audit allows that only for 0): the page
	// prints it as a plain figure instead of a "withheld" range of one number.
	Deduced bool `json:"deduced,omitempty"`
}

func (w *writer) figureJSON(f *indicator.Figure) figureJSON {
	k := w.in.Portal.Disclosure.K
	out := figureJSON{Year: f.Year, Unit: f.Measure, Flag: f.Flag,
		Text: both(figureText(f, k, "vi"), figureText(f, k, "en"))}
	if v, ok := f.Value(); ok {
		out.Value = &v
	}
	if _, ok := f.Scaled(); !ok && f.Flag == "" {
		// A figure with no value and no flag prints the dash (figureText): say so, so
		// that every point carries the flag that explains it.
		out.Flag = indicator.FlagNotAvailable
	}
	out.Numerator, out.Denominator = published(f)
	if lo, hi, hasUpper, ok := f.Bounds(); ok {
		out.Lower = &lo
		if hasUpper {
			out.Upper = &hi
			out.Deduced = lo == hi
		}
	}
	return out
}

// published returns the numerator and denominator that may be shown, nil when not:
// none for a withheld or missing figure, except a denominator that protection left
// visible.
func published(f *indicator.Figure) (num, den *int64) {
	n, d := f.Num, f.Den
	switch f.Flag {
	case indicator.FlagNotAvailable:
		return nil, nil
	case indicator.FlagSuppressed:
		if !f.HideDen && !f.IsCount() {
			return nil, &d
		}
		return nil, nil
	}
	if f.IsCount() {
		return &n, nil
	}
	return &n, &d
}

// encodeJSON is how every JSON file is written: one value, indented by indent ("" for
// none), with <, > and & left as they are (they are text, not HTML, and readers
// should see them as written), ending in a newline.
func encodeJSON(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	err := enc.Encode(v)
	return b.Bytes(), err
}

func (w *writer) jsonFile(name string, v any) error {
	b, err := encodeJSON(v, "")
	if err != nil {
		return err
	}
	return w.write(filepath.Join(w.l.BuildData(), name), b)
}

func (w *writer) data() error {
	p := w.in.Portal
	villages := make([]map[string]any, 0, len(p.Villages))
	for _, v := range p.Villages {
		villages = append(villages, map[string]any{"code": v.Code, "name": both(v.NameVI, v.NameEN),
			"sort": w.villageSortKeys(v.Code)})
	}
	unit := map[string]any{
		"code": p.Unit.Code, "level": p.Unit.Level,
		"name":     both(p.Unit.NameVI, p.Unit.NameEN),
		"district": both(p.Unit.DistrictVI, p.Unit.DistrictEN),
		"province": both(p.Unit.ProvinceVI, p.Unit.ProvinceEN),
	}
	if s, ok := w.successor(); ok {
		unit["successor"] = s
	}
	portal := map[string]any{
		"unit": unit,
		"plan": map[string]any{
			"number": p.Plan.Number, "date": p.Plan.Date, "period": p.Plan.Period,
			"implements": p.Plan.Implements, "title": both(p.Plan.TitleVI, p.Plan.TitleEN),
			"document": p.Plan.Document,
		},
		"base_url":    p.Site.BaseURL,
		"sample":      p.Data.Sample,
		"k":           p.Disclosure.K,
		"exact_lp":    p.Disclosure.ExactLP,
		"marker":      Marker(p.Disclosure.K),
		"secondary":   SecondaryMarker,
		"release":     w.in.Release,
		"years":       w.in.Years,
		"latest_year": w.in.Years[len(w.in.Years)-1],
		// The standard of each year and the years where it changes: tables name the
		// standard of each year and charts mark the break.
		"year_standards":   w.yearStandards(),
		"standard_changes": w.changes(),
		"villages":         villages,
		"groups":           indicator.Groups,
	}
	// The view-model fields (view.go): what the header, home and data pages would
	// otherwise work out themselves.
	maps.Copy(portal, w.portalView())
	// The markers some page still prints, for the legend (see markersInUse).
	portal["markers_in_use"] = w.markersInUse()
	if err := w.jsonFile("portal.json", portal); err != nil {
		return err
	}
	if err := w.jsonFile("figures.json", w.figures()); err != nil {
		return err
	}
	if err := w.jsonFile("headlines.json", w.headlines()); err != nil {
		return err
	}
	if err := w.jsonFile("targets.json", w.targetViews()); err != nil {
		return err
	}
	if err := w.jsonFile("plans.json", w.plans()); err != nil {
		return err
	}
	if err := w.jsonFile("standards.json", w.standardsJSON()); err != nil {
		return err
	}
	return w.jsonFile("programmes.json", w.programmes())
}

// successor is the unit the portal's unit became part of, from the unit registry
// (its code, name and first year), when it has one: the site says so.
func (w *writer) successor() (map[string]any, bool) {
	if w.in.Registry == nil {
		return nil, false
	}
	u, ok := w.in.Registry.Unit(w.in.Portal.Unit.Code)
	if !ok || u.Successor == "" || u.ValidTo == 0 {
		return nil, false
	}
	s, ok := w.in.Registry.Unit(u.Successor)
	if !ok {
		return nil, false
	}
	return map[string]any{"code": s.Code, "name": both(s.NameVI, s.NameEN), "year": u.ValidTo + 1}, true
}

// figures nests every figure by unit, group and indicator, each series in year order.
// A province's holds its own figures only; its communes' are in data/units/ (see
// unitFiles).
func (w *writer) figures() unitFigures {
	out := unitFigures{}
	all := w.in.Table.Figures
	if w.in.Coverage != nil {
		// The commune's coverage of the support types, the figures of the
		// support_coverage_* targets.
		all = append(all[:len(all):len(all)], w.in.Coverage.Figures...)
	}
	for i := range all {
		f := &all[i]
		if w.in.atScale() && f.UnitCode != w.in.Portal.Unit.Code {
			continue
		}
		if out[f.UnitCode] == nil {
			out[f.UnitCode] = map[string]map[string][]figureJSON{}
		}
		if out[f.UnitCode][f.Group] == nil {
			out[f.UnitCode][f.Group] = map[string][]figureJSON{}
		}
		out[f.UnitCode][f.Group][f.Indicator] = append(out[f.UnitCode][f.Group][f.Indicator], w.figureJSON(f))
	}
	return out
}

type targetJSON struct {
	ID           string    `json:"id"`
	Plan         string    `json:"plan"`
	Title        bilingual `json:"title"`
	Section      string    `json:"section"`
	Indicator    string    `json:"indicator"`
	Comparator   string    `json:"comparator"`
	Target       float64   `json:"target"`
	TargetYear   int       `json:"target_year"`
	Method       string    `json:"method"`
	Keep         bool      `json:"keep"`
	Status       string    `json:"status"`
	Final        bool      `json:"final"`
	Baseline     *float64  `json:"baseline"`
	BaselineYear int       `json:"baseline_year"`
	Latest       *float64  `json:"latest"`
	LatestYear   int       `json:"latest_year"`
	RequiredPace *float64  `json:"required_pace"`
	ObservedPace *float64  `json:"observed_pace"`
	Ratio        *float64  `json:"ratio"`
	Projection   *float64  `json:"projection"`
	Gap          *float64  `json:"gap"`
	// BaselineStandard and Standard are the poverty standards of the baseline and the
	// latest value; they differ when the status is not_comparable.
	BaselineStandard string               `json:"baseline_standard"`
	Standard         string               `json:"standard"`
	Series           []figureJSON         `json:"series"`
	Text             map[string]bilingual `json:"text"`
}

func (w *writer) targets() []targetJSON {
	out := make([]targetJSON, len(w.in.Targets))
	for i, t := range w.in.Targets {
		a := w.in.Assessments[i]
		tv := t.Value
		out[i] = targetJSON{
			ID: t.ID, Plan: w.planOf(t), Title: both(t.TitleVI, t.TitleEN), Section: t.Section, Indicator: t.Indicator,
			Comparator: t.Comparator, Target: t.Value, TargetYear: t.Year, Method: a.Method, Keep: t.Keep,
			Status: a.Status, Final: a.Final, Baseline: a.Baseline, BaselineYear: a.BaselineYear,
			Latest: a.Latest, LatestYear: a.LatestYear, RequiredPace: a.RequiredPace,
			ObservedPace: a.ObservedPace, Ratio: a.Ratio, Projection: a.Projection, Gap: a.Gap,
			BaselineStandard: a.BaselineStandard, Standard: a.Standard,
			Series: w.series(w.in.Portal.Unit.Code, "all", t.Indicator),
			Text: map[string]bilingual{
				"target": number(&tv, 1), "baseline": w.baselineText(t, a), "latest": number(a.Latest, 1),
				"required_pace": number(a.RequiredPace, 2), "observed_pace": number(a.ObservedPace, 2),
				"ratio": number(a.Ratio, 2), "projection": number(a.Projection, 1), "gap": number(a.Gap, 1),
			},
		}
	}
	return out
}

// series returns one indicator's figures for a unit and group, in year order.
func (w *writer) series(unit, group, ind string) []figureJSON {
	var out []figureJSON
	for _, y := range w.in.Years {
		if f, ok := w.get(indicator.Key{Year: y, UnitCode: unit, Group: group, Indicator: ind}); ok {
			out = append(out, w.figureJSON(f))
		}
	}
	return out
}

// get looks a figure up in the indicator table, then in the support coverage figures.
func (w *writer) get(k indicator.Key) (*indicator.Figure, bool) {
	if f, ok := w.in.Table.Get(k); ok {
		return f, true
	}
	if w.in.Coverage != nil {
		return w.in.Coverage.Get(k)
	}
	return nil, false
}

func (w *writer) programmes() []map[string]any {
	out := make([]map[string]any, 0, len(w.in.Programmes))
	for _, p := range w.in.Programmes {
		funding := bilingualList{VI: []string{}, EN: []string{}}
		for _, code := range p.Funding {
			l := fundingLabels[code]
			funding.VI = append(funding.VI, l.VI)
			funding.EN = append(funding.EN, l.EN)
		}
		out = append(out, map[string]any{
			"code": p.Code, "parent": p.Parent, "title": both(p.TitleVI, p.TitleEN),
			"in_scope": p.InScope, "office": both(p.OfficeVI, p.OfficeEN),
			"funding": funding, "funding_codes": nonNil(p.Funding), "summary": both(p.SummaryVI, p.SummaryEN),
		})
	}
	return out
}

type bilingualList struct {
	VI []string `json:"vi"`
	EN []string `json:"en"`
}

// fundingLabels names the funding-source codes of programmes.toml and the support data.
var fundingLabels = map[string]bilingual{
	"central":            both("Ngân sách trung ương", "Central budget"),
	"province":           both("Ngân sách tỉnh", "Provincial budget"),
	"district":           both("Ngân sách huyện", "District budget"),
	"commune":            both("Ngân sách xã", "Commune budget"),
	"social_fund":        both("Quỹ xã hội (Quỹ Vì người nghèo, quỹ khuyến học)", "Social funds (Fund for the Poor, study-promotion fund)"),
	"policy_bank_credit": both("Vốn vay Ngân hàng Chính sách xã hội", "Loans from the Vietnam Bank for Social Policies"),
	"other":              both("Nguồn lồng ghép và huy động hợp pháp khác", "Combined programmes and other lawful sources"),
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
