package publish

import (
	"strconv"

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
	return w.chartCSV("money", names(moneyChartColumns), w.moneyChartRows(m))
}

// moneyYear is the commune's money of one year: Total what was spent and Lent what
// was lent, never added together; BySource and ByProgramme the spending,
// LentByProgramme the loans; Columns one cell per moneyJSON.SourceColumns, the cells
// of the by-source table and of the chart, printed by position.
type moneyYear struct {
	Year            int                  `json:"year"`
	Total           moneyCell            `json:"total"`
	Lent            moneyCell            `json:"lent"`
	BySource        map[string]moneyCell `json:"by_source"`
	ByProgramme     map[string]moneyCell `json:"by_programme"`
	LentByProgramme map[string]moneyCell `json:"lent_by_programme"`
	Columns         []moneyCell          `json:"columns"`
}

// moneyRow is one support of one unit and year: what was delivered, to how many, for
// how many in need, and at what cost.
// Amount is what was spent on it, Lent what was lent (each of one kind).
type moneyRow struct {
	Programme   string               `json:"programme"`
	SupportType string               `json:"support_type"`
	Households  figCell              `json:"households"`
	People      figCell              `json:"people"`
	Needing     *figCell             `json:"needing"`
	Coverage    *figCell             `json:"coverage"`
	Amount      moneyCell            `json:"amount"`
	Lent        moneyCell            `json:"lent"`
	BySource    map[string]moneyCell `json:"by_source"`
}

// moneyUnitYear is one unit's support rows of one year: Total what was spent, Lent
// what was lent, BySource the spending by source; Lends says something was lent.
type moneyUnitYear struct {
	Year     int                  `json:"year"`
	Total    moneyCell            `json:"total"`
	Lent     moneyCell            `json:"lent"`
	Lends    bool                 `json:"lends"`
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
	Years   []moneyYear `json:"years"`
	Sources []codeName  `json:"sources"`
	// SourceColumns are the by-source table's columns (see sourceColumns).
	SourceColumns []sourceColumn `json:"source_columns"`
	Programmes    []codeName     `json:"programmes"`
	// SpentProgrammes and LentProgrammes are the programmes that spent and that lent,
	// the two parts of the by-programme table.
	SpentProgrammes []codeName                      `json:"spent_programmes"`
	LentProgrammes  []codeName                      `json:"lent_programmes"`
	SupportTypes    []codeName                      `json:"support_types"`
	Coverage        []coverageSeries                `json:"coverage"`
	Villages        map[string][]moneyUnitYear      `json:"villages"`
	VillageTotal    map[string]map[string]moneyCell `json:"village_totals"`
	VillageLent     map[string]map[string]moneyCell `json:"village_lent"`
	Commune         []moneyUnitYear                 `json:"commune"`
	// ByProgramme is the commune's rows of each programme, year by year, for the
	// programme pages; ProgrammeSources the funding sources each spent from, in
	// Sources order, the columns of its table.
	ByProgramme      map[string][]moneyUnitYear `json:"by_programme"`
	ProgrammeSources map[string][]string        `json:"programme_sources"`
	ProgrammeLends   map[string]bool            `json:"programme_lends"`
	// ByTarget is the money aimed at each target, for its page; TargetsOf the targets
	// each programme's support serves, with their status, for the programme pages.
	ByTarget  map[string]targetMoney    `json:"by_target"`
	TargetsOf map[string][]servedTarget `json:"targets_of"`
}

// moneyData is money.json from the protected support table.
func (w *writer) moneyData() moneyJSON {
	m := moneyJSON{Villages: map[string][]moneyUnitYear{}, VillageTotal: map[string]map[string]moneyCell{},
		VillageLent: map[string]map[string]moneyCell{}, SourceColumns: []sourceColumn{}, SpentProgrammes: []codeName{},
		LentProgrammes: []codeName{}, ProgrammeLends: map[string]bool{},
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
				m.VillageTotal[v.Code], m.VillageLent[v.Code] = map[string]moneyCell{}, map[string]moneyCell{}
			}
			m.VillageTotal[v.Code][strconv.Itoa(y)] = uy.Total
			m.VillageLent[v.Code][strconv.Itoa(y)] = uy.Lent
		}
		for _, p := range m.Programmes {
			m.ByProgramme[p.Code] = append(m.ByProgramme[p.Code], w.unitYear(commune, y, p.Code))
		}
	}
	m.Coverage = w.coverage(st.Years)
	for _, p := range m.Programmes {
		m.ProgrammeSources[p.Code] = usedSources(m.Sources, m.ByProgramme[p.Code])
		for _, uy := range m.ByProgramme[p.Code] {
			m.ProgrammeLends[p.Code] = m.ProgrammeLends[p.Code] || uy.Lends
		}
	}
	w.targetLinks(&m)
	return m
}

// moneyNames lists the sources, programmes and support types the support data uses,
// in the order of their vocabularies.
func (w *writer) moneyNames(m *moneyJSON) {
	usedSource, usedProg, usedType := map[string]bool{}, map[string]bool{}, map[string]bool{}
	spentSource, byKind := map[string]bool{}, map[string]map[string]bool{kindSpent: {}, kindLent: {}}
	for i := range w.in.Support.Figures {
		f := &w.in.Support.Figures[i]
		usedProg[f.Programme], usedType[f.SupportType] = true, true
		if f.Indicator == support.AmountVND {
			usedSource[f.FundingSource] = true
			byKind[moneyKind(f)][f.Programme] = true
			if moneyKind(f) == kindSpent {
				spentSource[f.FundingSource] = true
			}
		}
	}
	m.SourceColumns = sourceColumns(spentSource, len(byKind[kindLent]) > 0)
	for _, s := range config.FundingSources {
		if usedSource[s] {
			m.Sources = append(m.Sources, codeName{Code: s, Name: fundingLabels[s]})
		}
	}
	for _, p := range w.in.Programmes {
		cn := codeName{Code: p.Code, Name: both(p.TitleVI, p.TitleEN)}
		if usedProg[p.Code] {
			m.Programmes = append(m.Programmes, cn)
		}
		if byKind[kindSpent][p.Code] {
			m.SpentProgrammes = append(m.SpentProgrammes, cn)
		}
		if byKind[kindLent][p.Code] {
			m.LentProgrammes = append(m.LentProgrammes, cn)
		}
	}
	for _, t := range support.SupportTypes {
		if usedType[t.Code] {
			m.SupportTypes = append(m.SupportTypes, codeName{Code: t.Code, Name: both(t.VI, t.EN)})
		}
	}
}

// moneyYear sums the commune's amounts of year y by kind, and the spending by source,
// by programme and by the by-source table's columns.
func (w *writer) moneyYear(y int, m moneyJSON) moneyYear {
	my := moneyYear{Year: y, BySource: map[string]moneyCell{}, ByProgramme: map[string]moneyCell{},
		LentByProgramme: map[string]moneyCell{}, Columns: []moneyCell{}}
	var total kindSums
	bySource, byProg := keyedKinds{}, keyedKinds{}
	st := w.in.Support
	for i := range st.Figures {
		f := &st.Figures[i]
		if f.Year != y || f.UnitCode != w.in.Portal.Unit.Code || f.Indicator != support.AmountVND {
			continue
		}
		total.add(f)
		bySource.add(f.FundingSource, f)
		byProg.add(f.Programme, f)
	}
	my.Total, my.Lent = total.spent.cell(), total.lent.cell()
	for _, s := range m.Sources {
		if k := bySource[s.Code]; k != nil && k.spent != (sum{}) {
			my.BySource[s.Code] = k.spent.cell()
		}
	}
	for _, p := range m.Programmes {
		my.ByProgramme[p.Code], my.LentByProgramme[p.Code] = byProg.cells(p.Code)
	}
	for _, c := range m.SourceColumns {
		my.Columns = append(my.Columns, columnCell(c, bySource))
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
	var total kindSums
	bySource := keyedKinds{}
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
		var amount kindSums
		for _, src := range config.FundingSources {
			if f := get(support.AmountVND, src); f != nil {
				var one sum
				one.add(f)
				amount.add(f)
				total.add(f)
				bySource.add(src, f)
				row.BySource[src] = one.cell()
				empty = empty && f.Flag == "" && f.Num == 0
			}
		}
		row.Amount, row.Lent = amount.spent.cell(), amount.lent.cell()
		if !empty {
			uy.Rows = append(uy.Rows, row)
		}
	}
	uy.Total, uy.Lent, uy.Lends = total.spent.cell(), total.lent.cell(), total.lends
	for src, k := range bySource {
		if k.spent != (sum{}) {
			uy.BySource[src] = k.spent.cell()
		}
	}
	return uy
}
