package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/chart"
	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/support"
)

// Money and support: support.csv (.json, .parquet, .xlsx), build/data/money.json that
// the /money/ page and the programme and village partials print from, the spending
// chart money.svg and its data/charts/money.csv.
//
// Every number on the money page comes from the protected support table: commune
// figures as they are, village sums only when every part of the sum is published
// (a sum with a withheld part is withheld too, shown "x", or it would give that part
// back by subtraction).

// moneyChartColumns are the columns of data/charts/money.csv: what the spending chart draws.
var moneyChartColumns = []column{
	indicatorColumns[0], indicatorColumns[2],
	{"funding_group", "string", "Nhóm nguồn vốn trên biểu đồ: central (ngân sách trung ương), local (ngân sách tỉnh, huyện, xã), policy_bank_credit (vốn vay ưu đãi), funds_other (quỹ xã hội và nguồn khác)", "Funding group on the chart: central (central budget), local (provincial, district and commune budgets), policy_bank_credit (preferential loans), funds_other (social funds and other sources)"},
	{"amount_vnd", "integer", "Số tiền, đồng (trên biểu đồ tính bằng triệu đồng); chỉ cộng các số tiền được công bố, không gồm số tiền bị ẩn để bảo vệ hộ gia đình", "Amount in đồng (drawn in millions of đồng); the sum of the published amounts only, without any amount withheld to protect a household"},
}

// fundingGroups are the four series of the spending chart (the chart has four
// colours): each funding source belongs to one.
var fundingGroups = []struct {
	code    string
	sources []string
	name    bilingual
}{
	{"central", []string{"central"}, both("Ngân sách trung ương", "Central budget")},
	{"local", []string{"province", "district", "commune"}, both("Ngân sách tỉnh, huyện, xã", "Provincial, district and commune budgets")},
	{"policy_bank_credit", []string{"policy_bank_credit"}, both("Vốn vay ưu đãi (NHCSXH)", "Preferential loans (VBSP)")},
	{"funds_other", []string{"social_fund", "other"}, both("Quỹ xã hội và nguồn khác", "Social funds and other sources")},
}

// money writes the support downloads, money.json, the spending chart and its CSV.
func (w *writer) money() error {
	if err := w.supportDownloads(); err != nil {
		return err
	}
	m := w.moneyData()
	if err := w.jsonFile("money.json", m); err != nil {
		return err
	}
	for _, lang := range w.lang {
		if err := w.barCharts(lang, "money", w.moneyChart(lang, m)); err != nil {
			return err
		}
	}
	var rows [][]string
	for _, y := range m.Years {
		for _, g := range fundingGroups {
			rows = append(rows, []string{strconv.Itoa(y.Year), w.in.Portal.Unit.Code, g.code, strconv.FormatInt(y.byGroup[g.code], 10)})
		}
	}
	return w.chartCSV("money", names(moneyChartColumns), rows)
}

// moneyYear is the commune's spending of one year, by source and by programme.
type moneyYear struct {
	Year        int                  `json:"year"`
	Total       moneyCell            `json:"total"`
	BySource    map[string]moneyCell `json:"by_source"`
	ByProgramme map[string]moneyCell `json:"by_programme"`
	byGroup     map[string]int64
}

// moneyRow is one support of one unit and year: what was delivered, to how many, for
// how many in need, and at what cost.
type moneyRow struct {
	Programme   string               `json:"programme"`
	SupportType string               `json:"support_type"`
	Households  figCell              `json:"households"`
	People      figCell              `json:"people"`
	Needing     *figCell             `json:"needing"`
	Coverage    *figCell             `json:"coverage"`
	Amount      moneyCell            `json:"amount"`
	BySource    map[string]moneyCell `json:"by_source"`
}

// moneyUnitYear is one unit's support rows of one year.
type moneyUnitYear struct {
	Year     int                  `json:"year"`
	Total    moneyCell            `json:"total"`
	BySource map[string]moneyCell `json:"by_source"`
	Rows     []moneyRow           `json:"rows"`
}

type codeName struct {
	Code string    `json:"code"`
	Name bilingual `json:"name"`
	// Indicator is a support type's coverage indicator, "" when it records no need.
	Indicator string `json:"indicator,omitempty"`
	// Target is the id of the plan's target the coverage is measured for, "" if none.
	Target string `json:"target,omitempty"`
}

// coverageSeries is the commune's coverage of one support type. Series and Years list
// the years measured; ByYear has one cell per year of money.json's years (not
// available where unmeasured), so a table prints it by position instead of searching.
type coverageSeries struct {
	SupportType string    `json:"support_type"`
	Name        bilingual `json:"name"`
	Indicator   string    `json:"indicator"`
	Target      string    `json:"target"`
	Series      []figCell `json:"series"`
	Years       []int     `json:"years"`
	ByYear      []figCell `json:"by_year"`
}

// moneyJSON is build/data/money.json (see docs/build-contract.md).
type moneyJSON struct {
	Years        []moneyYear                     `json:"years"`
	Sources      []codeName                      `json:"sources"`
	Programmes   []codeName                      `json:"programmes"`
	SupportTypes []codeName                      `json:"support_types"`
	Coverage     []coverageSeries                `json:"coverage"`
	Villages     map[string][]moneyUnitYear      `json:"villages"`
	VillageTotal map[string]map[string]moneyCell `json:"village_totals"`
	Commune      []moneyUnitYear                 `json:"commune"`
	// ByProgramme is the commune's rows of each programme, year by year, for the
	// programme pages; ProgrammeSources the funding sources each spent from, in
	// Sources order, the columns of its table.
	ByProgramme      map[string][]moneyUnitYear `json:"by_programme"`
	ProgrammeSources map[string][]string        `json:"programme_sources"`
	// ByTarget is the money aimed at each target, for its page; TargetsOf the targets
	// each programme's support serves, with their status, for the programme pages.
	ByTarget  map[string]targetMoney    `json:"by_target"`
	TargetsOf map[string][]servedTarget `json:"targets_of"`
}

// moneyData is money.json from the protected support table.
func (w *writer) moneyData() moneyJSON {
	m := moneyJSON{Villages: map[string][]moneyUnitYear{}, VillageTotal: map[string]map[string]moneyCell{},
		ByProgramme: map[string][]moneyUnitYear{}, Sources: []codeName{}, Programmes: []codeName{},
		SupportTypes: []codeName{}, Coverage: []coverageSeries{}, Years: []moneyYear{}, Commune: []moneyUnitYear{},
		ProgrammeSources: map[string][]string{}, ByTarget: map[string]targetMoney{}, TargetsOf: map[string][]servedTarget{}}
	st := w.in.Support
	if st == nil {
		return m
	}
	w.moneyNames(&m)
	commune := w.in.Portal.Unit.Code
	for _, y := range st.Years {
		m.Years = append(m.Years, w.moneyYear(y, m))
		m.Commune = append(m.Commune, w.unitYear(commune, y, ""))
		for _, v := range w.in.Portal.Villages {
			uy := w.unitYear(v.Code, y, "")
			m.Villages[v.Code] = append(m.Villages[v.Code], uy)
			if m.VillageTotal[v.Code] == nil {
				m.VillageTotal[v.Code] = map[string]moneyCell{}
			}
			m.VillageTotal[v.Code][strconv.Itoa(y)] = uy.Total
		}
		for _, p := range m.Programmes {
			m.ByProgramme[p.Code] = append(m.ByProgramme[p.Code], w.unitYear(commune, y, p.Code))
		}
	}
	m.Coverage = w.coverage(st.Years)
	for _, p := range m.Programmes {
		m.ProgrammeSources[p.Code] = usedSources(m.Sources, m.ByProgramme[p.Code])
	}
	w.targetLinks(&m)
	return m
}

// moneyNames lists the sources, programmes and support types the support data uses,
// in the order of their vocabularies.
func (w *writer) moneyNames(m *moneyJSON) {
	usedSource, usedProg, usedType := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range w.in.Support.Figures {
		f := &w.in.Support.Figures[i]
		usedProg[f.Programme], usedType[f.SupportType] = true, true
		if f.Indicator == support.AmountVND {
			usedSource[f.FundingSource] = true
		}
	}
	for _, s := range config.FundingSources {
		if usedSource[s] {
			m.Sources = append(m.Sources, codeName{Code: s, Name: fundingLabels[s]})
		}
	}
	for _, p := range w.in.Programmes {
		if usedProg[p.Code] {
			m.Programmes = append(m.Programmes, codeName{Code: p.Code, Name: both(p.TitleVI, p.TitleEN)})
		}
	}
	for _, t := range support.SupportTypes {
		if usedType[t.Code] {
			m.SupportTypes = append(m.SupportTypes, codeName{Code: t.Code, Name: both(t.VI, t.EN)})
		}
	}
}

// moneyYear sums the commune's amounts of year y by source, by programme and by the
// chart's funding groups.
func (w *writer) moneyYear(y int, m moneyJSON) moneyYear {
	my := moneyYear{Year: y, BySource: map[string]moneyCell{}, ByProgramme: map[string]moneyCell{}, byGroup: map[string]int64{}}
	var total sum
	bySource, byProg := map[string]*sum{}, map[string]*sum{}
	st := w.in.Support
	for i := range st.Figures {
		f := &st.Figures[i]
		if f.Year != y || f.UnitCode != w.in.Portal.Unit.Code || f.Indicator != support.AmountVND {
			continue
		}
		total.add(f)
		addTo(bySource, f.FundingSource, f)
		addTo(byProg, f.Programme, f)
		for _, g := range fundingGroups {
			for _, s := range g.sources {
				// A withheld amount (one household's grant) is never drawn: the
				// bar is the sum of the published amounts.
				if s == f.FundingSource && f.Flag == "" {
					my.byGroup[g.code] += f.Num
				}
			}
		}
	}
	my.Total = total.cell()
	for _, s := range m.Sources {
		my.BySource[s.Code] = cellOf(bySource, s.Code)
	}
	for _, p := range m.Programmes {
		my.ByProgramme[p.Code] = cellOf(byProg, p.Code)
	}
	return my
}

// addTo adds f to the sum under key, making it on first use.
func addTo(sums map[string]*sum, key string, f *support.Figure) {
	if sums[key] == nil {
		sums[key] = &sum{}
	}
	sums[key].add(f)
}

// cellOf is the cell of the sum under key: zero when nothing was added.
func cellOf(sums map[string]*sum, key string) moneyCell {
	if s := sums[key]; s != nil {
		return s.cell()
	}
	return sum{}.cell()
}

// coverage is the commune's coverage series of every support type that records
// need, over the support years.
func (w *writer) coverage(years []int) []coverageSeries {
	out := []coverageSeries{}
	cov := w.in.Coverage
	if cov == nil {
		return out
	}
	targetOf := map[string]string{}
	for _, t := range w.in.Targets {
		targetOf[t.Indicator] = t.ID
	}
	for _, t := range support.SupportTypes {
		ind := support.CoverageIndicator(t.Code)
		cs := coverageSeries{SupportType: t.Code, Name: both(t.VI, t.EN), Indicator: ind, Target: targetOf[ind]}
		for _, y := range years {
			f, ok := cov.Get(indicator.Key{Year: y, UnitCode: w.in.Portal.Unit.Code, Group: "all", Indicator: ind})
			if !ok {
				cs.ByYear = append(cs.ByYear, w.figCell(nil))
				continue
			}
			sf := support.Figure{Num: f.Num, Den: f.Den, Measure: indicator.Percent, Flag: f.Flag}
			cell := w.figCell(&sf)
			cs.Series, cs.Years, cs.ByYear = append(cs.Series, cell), append(cs.Years, y), append(cs.ByYear, cell)
		}
		if len(cs.Series) > 0 {
			out = append(out, cs)
		}
	}
	return out
}

// usedSources are the sources, in the order of all, that any of years spent from.
func usedSources(all []codeName, years []moneyUnitYear) []string {
	out := []string{}
	for _, s := range all {
		for _, y := range years {
			if _, ok := y.BySource[s.Code]; ok {
				out = append(out, s.Code)
				break
			}
		}
	}
	return out
}

// unitYear is one unit's support rows of one year (only one programme's when
// programme is not ""), with the unit's total. Rows where nothing was delivered, no
// need was recorded and nothing withheld are left out.
func (w *writer) unitYear(unit string, year int, programme string) moneyUnitYear {
	st := w.in.Support
	uy := moneyUnitYear{Year: year, Rows: []moneyRow{}, BySource: map[string]moneyCell{}}
	var total sum
	bySource := map[string]*sum{}
	for _, s := range st.Supports(year) {
		if programme != "" && s.Programme != programme {
			continue
		}
		get := func(ind, src string) *support.Figure {
			f, _ := st.Get(support.Key{Year: year, UnitCode: unit, Programme: s.Programme, SupportType: s.SupportType, FundingSource: src, Indicator: ind})
			return f
		}
		h, p := get(support.HouseholdsReached, support.AllSources), get(support.PeopleReached, support.AllSources)
		row := moneyRow{Programme: s.Programme, SupportType: s.SupportType, Households: w.figCell(h), People: w.figCell(p), BySource: map[string]moneyCell{}}
		empty := h != nil && p != nil && h.Flag == "" && p.Flag == "" && h.Num == 0 && p.Num == 0
		if n := get(support.PeopleNeeding, support.AllSources); n != nil {
			c, cv := w.figCell(n), w.figCell(get(support.CoverageRate, support.AllSources))
			row.Needing, row.Coverage = &c, &cv
			empty = empty && n.Flag == "" && n.Num == 0
		}
		var amount sum
		for _, src := range config.FundingSources {
			if f := get(support.AmountVND, src); f != nil {
				var one sum
				one.add(f)
				amount.add(f)
				total.add(f)
				if bySource[src] == nil {
					bySource[src] = &sum{}
				}
				bySource[src].add(f)
				row.BySource[src] = one.cell()
				empty = empty && f.Flag == "" && f.Num == 0
			}
		}
		row.Amount = amount.cell()
		if !empty {
			uy.Rows = append(uy.Rows, row)
		}
	}
	uy.Total = total.cell()
	for src, s := range bySource {
		uy.BySource[src] = s.cell()
	}
	return uy
}

// moneyChart draws spending per year by funding group, in millions of đồng.
func (w *writer) moneyChart(lang string, m moneyJSON) chart.Bars {
	title := map[string]string{"vi": "Kinh phí hỗ trợ giảm nghèo theo nguồn vốn", "en": "Poverty-reduction spending by funding source"}[lang]
	c := chart.Bars{
		Title:  title,
		Desc:   title + map[string]string{"vi": ", triệu đồng, theo năm", "en": ", millions of đồng, by year"}[lang],
		XLabel: chartWords[lang].year,
		YLabel: map[string]string{"vi": "Triệu đồng", "en": "Million đồng"}[lang],
		Format: func(v float64) string { return indicator.FormatScaled(roundHalfAway(v), 0, lang) },
	}
	for _, g := range fundingGroups {
		if lang == "en" {
			c.SeriesNames = append(c.SeriesNames, g.name.EN)
		} else {
			c.SeriesNames = append(c.SeriesNames, g.name.VI)
		}
	}
	for _, y := range m.Years {
		bar := chart.Bar{Label: strconv.Itoa(y.Year)}
		for _, g := range fundingGroups {
			bar.Values = append(bar.Values, float64(y.byGroup[g.code])/1e6)
		}
		c.Bars = append(c.Bars, bar)
	}
	return c
}
