package publish

import (
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/progress"
)

// This file holds the view-model fields of the build contract: what a template would
// otherwise have to work out (a choice of words, a search for a year, an address), so
// that templates only look values up and lay them out (docs/build-contract.md).

// portalView are the view-model fields of portal.json.
func (w *writer) portalView() map[string]any {
	p := w.in.Portal
	return map[string]any{
		"place":        place(p.Unit),
		"org_name":     orgName(p.Unit),
		"citation_url": citationURL(p.Site.BaseURL),
		"home":         w.home(),
		// The largest count withheld for itself, which the data page states.
		"largest_withheld": p.Disclosure.K - 1,
		"village_names":    villageNames(p.Villages),
	}
}

// homeView is what the home page's headline shows: the top unit's latest poverty
// rate with the two counts it is made of, and the target that rate is measured
// against. A figure is nil when the table has none for that year.
type homeView struct {
	Rate       *figureJSON `json:"rate"`
	Poor       *figureJSON `json:"poor_households"`
	Households *figureJSON `json:"households"`
	// Target is the id of the plan's headline target, the first measured by the
	// poor-household rate ("" when the plan has none): found by indicator, so a
	// renamed id does not lose the home page its target.
	Target string `json:"target"`
	// Standard is the poverty standard of the latest year; StandardDiffers says the
	// headline target's latest value was measured under another one, so the page
	// says the two cannot be compared.
	Standard        string `json:"standard"`
	StandardDiffers bool   `json:"standard_differs"`
}

// headlineIndicator is the indicator of the home page's headline and of its target.
const headlineIndicator = "poor_rate"

func (w *writer) home() homeView {
	var h homeView
	years := w.in.Years
	if len(years) == 0 {
		return h
	}
	latest := years[len(years)-1]
	at := func(ind string) *figureJSON {
		f, ok := w.get(indicator.Key{Year: latest, UnitCode: w.in.Portal.Unit.Code, Group: groupAll, Indicator: ind})
		if !ok {
			return nil
		}
		j := w.figureJSON(f)
		return &j
	}
	h.Rate, h.Poor, h.Households = at(headlineIndicator), at("poor_households"), at("households")
	h.Standard = w.yearStandards()[strconv.Itoa(latest)]
	for i, t := range w.in.Targets {
		if t.Indicator != headlineIndicator {
			continue
		}
		h.Target = t.ID
		std := w.in.Assessments[i].Standard
		h.StandardDiffers = std != "" && h.Standard != "" && std != h.Standard
		break
	}
	return h
}

// place is the unit's full name as the site's sentences give it: with the district
// and province above it when it has them ("xã Minh Tiến, huyện Phù Cừ, tỉnh Hưng
// Yên"), its name alone when nothing is above it (a province, the nation). Each
// language is checked on its own, as one may lack a name the other has.
func place(u config.Unit) bilingual {
	full := func(unit, district, province string) string {
		if province == "" {
			return unit
		}
		parts := []string{unit}
		if district != "" {
			parts = append(parts, district)
		}
		return strings.Join(append(parts, province), ", ")
	}
	return both(full(u.NameVI, u.DistrictVI, u.ProvinceVI), full(u.NameEN, u.DistrictEN, u.ProvinceEN))
}

// orgName is the body that publishes the site, as the header names it: the People's
// Committee of the unit (with what is above it), and for the country its name alone,
// as it has no People's Committee.
func orgName(u config.Unit) bilingual {
	p := place(u)
	if u.Level == "nation" {
		return p
	}
	return both("Ủy ban nhân dân "+p.VI, "People's Committee of "+p.EN)
}

// citationURL is the address of the data page in each language at the published
// address (portal.toml's base_url), which a citation names even when the site is
// built for a preview or under another path; empty when no base_url is set, and the
// page then cites its own address. The default language (hugo.toml's
// defaultContentLanguage, "vi") is served at the root, the others under their code.
func citationURL(baseURL string) bilingual {
	if baseURL == "" {
		return both("", "")
	}
	return both(baseURL+"data/", baseURL+"en/data/")
}

// point is a number that figures/figure.html prints, with the flag that says how:
// "" for a value, "not_available" for the dash.
type point struct {
	Text bilingual `json:"text"`
	Flag string    `json:"flag"`
}

// targetView is a target as the site reads it (targets.json): the API's fields, and
// those only the page needs.
type targetView struct {
	targetJSON
	// Points are the progress components (the keys of Text) as flagged figures.
	Points map[string]point `json:"points"`
	// Suffix is the unit printed after the target's numbers: "%" unless the
	// indicator's series says it is not a percentage.
	Suffix string `json:"suffix"`
	// Wording chooses how the home page words the gap: "achieved", "to_cut" (a
	// "below" target still above its value: the gap is what is left to cut) or
	// "gap" (the latest value minus the target, as it is).
	Wording string `json:"gap_wording"`
	// HasRange says whether the target's series shows a withheld figure as a range:
	// the legend under it explains ranges only then.
	HasRange bool `json:"has_range"`
}

// hasRange reports whether any of figs is printed as a range.
func hasRange(figs []figureJSON) bool {
	for _, f := range figs {
		if f.Lower != nil && !f.Deduced {
			return true
		}
	}
	return false
}

func (w *writer) targetViews() []targetView {
	ts := w.targets()
	out := make([]targetView, len(ts))
	for i, t := range ts {
		out[i] = targetView{targetJSON: t, Points: targetPoints(t), Suffix: w.suffix(t.Indicator), Wording: gapWording(t), HasRange: hasRange(t.Series)}
	}
	return out
}

// targetPoints flags each progress component: a number that does not exist yet
// (no latest value, no pace) is not available.
func targetPoints(t targetJSON) map[string]point {
	values := map[string]*float64{
		"target": &t.Target, "baseline": t.Baseline, "latest": t.Latest,
		"required_pace": t.RequiredPace, "observed_pace": t.ObservedPace,
		"ratio": t.Ratio, "projection": t.Projection, "gap": t.Gap,
	}
	out := make(map[string]point, len(values))
	for k, v := range values {
		p := point{Text: t.Text[k]}
		if v == nil {
			p.Flag = indicator.FlagNotAvailable
		}
		out[k] = p
	}
	return out
}

// suffix is "%" unless the first figure of the top unit's series of ind is not a
// percentage: targets.toml carries no unit, and every target of the 2022-2025 plan
// is a rate.
func (w *writer) suffix(ind string) string {
	for _, y := range w.in.Years {
		if f, ok := w.get(indicator.Key{Year: y, UnitCode: w.in.Portal.Unit.Code, Group: groupAll, Indicator: ind}); ok {
			if f.Measure != indicator.Percent {
				return ""
			}
			return "%"
		}
	}
	return "%"
}

// gapWording chooses the home page's words for the distance to a target. The gap is
// latest minus target; only for a "below" target is a positive gap something still
// to cut.
func gapWording(t targetJSON) string {
	switch {
	case t.Status == progress.Achieved:
		return "achieved"
	case t.Gap != nil && *t.Gap > 0 && (t.Comparator == "<" || t.Comparator == "<="):
		return "to_cut"
	}
	return "gap"
}

// villageNames are the villages' names by code, for a story to name its village
// without a template searching the list.
func villageNames(vs []config.Village) map[string]bilingual {
	out := make(map[string]bilingual, len(vs))
	for _, v := range vs {
		out[v.Code] = both(v.NameVI, v.NameEN)
	}
	return out
}
