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

// supportColumns are the columns of support.csv (and .json, .parquet, .xlsx).
var supportColumns = []column{
	indicatorColumns[0], indicatorColumns[1], indicatorColumns[2], indicatorColumns[3],
	{"programme", "string", "Mã dự án, tiểu dự án hoặc chính sách (programmes.toml)", "Code of the project, sub-project or policy (programmes.toml)"},
	{"support_type", "string", "Loại hỗ trợ; xem danh mục loại hỗ trợ", "Type of support; see the list of support types"},
	{"funding_source", "string", "Nguồn kinh phí của số tiền (central, province, district, commune, social_fund, policy_bank_credit, other); all với số hộ, số người và tỷ lệ bao phủ", "Funding source of the amount (central, province, district, commune, social_fund, policy_bank_credit, other); all for households, people and coverage"},
	{"indicator", "string", "households_reached, people_reached, people_needing, coverage_rate (người được hỗ trợ / người có nhu cầu, %) hoặc amount_vnd", "households_reached, people_reached, people_needing, coverage_rate (people reached / people needing it, %) or amount_vnd"},
	{"value", "number", "Giá trị như trên trang: số đếm và số tiền (đồng) là số nguyên, tỷ lệ % có 1 chữ số thập phân; để trống khi bị ẩn hoặc không có", "The value as on the site: counts and amounts (đồng) as whole numbers, coverage to one decimal; empty when withheld or not available"},
	{"numerator", "integer", "Tử số: số hộ, số người hoặc số tiền; với tỷ lệ bao phủ là số người được hỗ trợ trong số người có nhu cầu; để trống khi bị ẩn", "Numerator: households, people or đồng; for coverage, people reached among those needing it; empty when withheld"},
	{"denominator", "integer", "Mẫu số của tỷ lệ bao phủ (số người có nhu cầu); để trống với số đếm và số tiền, hoặc khi bị ẩn", "Denominator of coverage (people needing it); empty for counts and amounts, or when withheld"},
	{"unit_of_measure", "string", "Đơn vị đo: households, people, percent hoặc vnd", "Unit of measure: households, people, percent or vnd"},
	indicatorColumns[10],
}

// moneyChartColumns are the columns of data/charts/money.csv: what the spending chart draws.
var moneyChartColumns = []column{
	indicatorColumns[0], indicatorColumns[2],
	{"funding_group", "string", "Nhóm nguồn vốn trên biểu đồ: central (ngân sách trung ương), local (ngân sách tỉnh, huyện, xã), policy_bank_credit (vốn vay ưu đãi), funds_other (quỹ xã hội và nguồn khác)", "Funding group on the chart: central (central budget), local (provincial, district and commune budgets), policy_bank_credit (preferential loans), funds_other (social funds and other sources)"},
	{"amount_vnd", "integer", "Số tiền, đồng (trên biểu đồ tính bằng triệu đồng); chỉ cộng các số tiền được công bố, không gồm số tiền bị ẩn để bảo vệ hộ gia đình", "Amount in đồng (drawn in millions of đồng); the sum of the published amounts only, without any amount withheld to protect a household"},
}

// SupportColumns are the columns of support.csv, in order.
var SupportColumns = names(supportColumns)

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

// supportRows returns every support figure in table order, as published.
func (w *writer) supportRows() []tableRow {
	st := w.in.Support
	if st == nil {
		return nil
	}
	out := make([]tableRow, 0, len(st.Figures))
	for i := range st.Figures {
		f := &st.Figures[i]
		var value, num, den any
		valueText, numText, denText := "", "", ""
		if s, ok := f.Scaled(); ok {
			if f.Measure == indicator.Percent {
				valueText, value = csvNumber(indicator.FormatScaled(s, 1, "en"))
			} else {
				valueText = strconv.FormatInt(s, 10)
				value = s
			}
		}
		if f.Flag == "" {
			numText, num = strconv.FormatInt(f.Num, 10), f.Num
			if f.Measure == indicator.Percent {
				denText, den = strconv.FormatInt(f.Den, 10), f.Den
			}
		}
		if f.Flag == indicator.FlagNotAvailable && f.Measure == indicator.Percent {
			// No one needed it: the denominator 0 is published, as for rates.
			denText, den = "0", int64(0)
		}
		name := w.unitName(f.UnitCode)
		out = append(out, tableRow{
			cells: []string{strconv.Itoa(f.Year), f.UnitLevel, f.UnitCode, name, f.Programme, f.SupportType,
				f.FundingSource, f.Indicator, valueText, numText, denText, f.Measure, f.Flag},
			typed: map[string]any{"year": f.Year, "unit_level": f.UnitLevel, "unit_code": f.UnitCode, "unit_name": name,
				"programme": f.Programme, "support_type": f.SupportType, "funding_source": f.FundingSource,
				"indicator": f.Indicator, "value": value, "numerator": num, "denominator": den,
				"unit_of_measure": f.Measure, "flag": f.Flag},
		})
	}
	return out
}

// supportDownloads writes support.csv, .json, .parquet and .xlsx from the same rows.
func (w *writer) supportDownloads() error {
	if w.in.Support == nil {
		return nil
	}
	return w.writeTable(table{
		name: "support", cols: supportColumns, rows: w.supportRows(),
		nullable: func(c column) bool { return c.Name != "year" },
		sheet: &xlsxSheet{
			name:    "support",
			subject: "Hỗ trợ và kinh phí giảm nghèo / Poverty-reduction support and spending",
			readme:  w.supportReadme(),
		},
	})
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

// moneyCell is an amount as the page prints it: in millions of đồng, one decimal, or
// the marker of a withheld sum. VND is the exact amount (null when withheld).
type moneyCell struct {
	VND  *int64    `json:"vnd"`
	Flag string    `json:"flag"`
	Text bilingual `json:"text"`
}

// figCell is a count or coverage as the page prints it (figures/figure.html reads it).
type figCell struct {
	Value       *float64  `json:"value"`
	Numerator   *int64    `json:"numerator"`
	Denominator *int64    `json:"denominator"`
	Unit        string    `json:"unit_of_measure"`
	Flag        string    `json:"flag"`
	Text        bilingual `json:"text"`
}

// sum adds amounts; it is withheld when any part is (a sum with a withheld part
// would give it back), shown "x".
type sum struct {
	vnd      int64
	withheld bool
}

func (s *sum) add(f *support.Figure) {
	if f.Flag != "" {
		s.withheld = true
		return
	}
	s.vnd += f.Num
}

func (s sum) cell() moneyCell {
	if s.withheld {
		return moneyCell{Flag: indicator.FlagSuppressed, Text: both(SecondaryMarker, SecondaryMarker)}
	}
	v := s.vnd
	return moneyCell{VND: &v, Text: millions(v)}
}

// millions formats đồng as millions with one decimal, rounded half away from zero.
func millions(vnd int64) bilingual {
	tenths := (vnd + 50_000) / 100_000
	if vnd < 0 {
		tenths = -((-vnd + 50_000) / 100_000)
	}
	return both(indicator.FormatScaled(tenths, 1, "vi"), indicator.FormatScaled(tenths, 1, "en"))
}

func (w *writer) figCell(f *support.Figure) figCell {
	if f == nil {
		return figCell{Flag: indicator.FlagNotAvailable, Text: both(NotAvailable, NotAvailable)}
	}
	k := w.in.Portal.Disclosure.K
	c := figCell{Unit: f.Measure, Flag: f.Flag}
	switch {
	case f.Flag == indicator.FlagSuppressed && f.Secondary:
		c.Text = both(SecondaryMarker, SecondaryMarker)
	case f.Flag == indicator.FlagSuppressed:
		c.Text = both(Marker(k), Marker(k))
	case f.Flag == indicator.FlagNotAvailable:
		c.Text = both(NotAvailable, NotAvailable)
	default:
		s, ok := f.Scaled()
		if !ok {
			c.Flag = indicator.FlagNotAvailable
			c.Text = both(NotAvailable, NotAvailable)
			break
		}
		d := 0
		if f.Measure == indicator.Percent {
			d = 1
			den := f.Den
			c.Denominator = &den
		}
		c.Text = both(indicator.FormatScaled(s, d, "vi"), indicator.FormatScaled(s, d, "en"))
		v := float64(s)
		if d == 1 {
			v /= 10
		}
		num := f.Num
		c.Value, c.Numerator = &v, &num
	}
	return c
}

type moneyYear struct {
	Year        int                  `json:"year"`
	Total       moneyCell            `json:"total"`
	BySource    map[string]moneyCell `json:"by_source"`
	ByProgramme map[string]moneyCell `json:"by_programme"`
	byGroup     map[string]int64
}

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

type coverageSeries struct {
	SupportType string    `json:"support_type"`
	Name        bilingual `json:"name"`
	Indicator   string    `json:"indicator"`
	Target      string    `json:"target"`
	Series      []figCell `json:"series"`
	Years       []int     `json:"years"`
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
	// programme pages.
	ByProgramme map[string][]moneyUnitYear `json:"by_programme"`
}

func (w *writer) moneyData() moneyJSON {
	m := moneyJSON{Villages: map[string][]moneyUnitYear{}, VillageTotal: map[string]map[string]moneyCell{},
		ByProgramme: map[string][]moneyUnitYear{}, Sources: []codeName{}, Programmes: []codeName{},
		SupportTypes: []codeName{}, Coverage: []coverageSeries{}, Years: []moneyYear{}, Commune: []moneyUnitYear{}}
	st := w.in.Support
	if st == nil {
		return m
	}
	commune := w.in.Portal.Unit.Code
	usedSource, usedProg, usedType := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range st.Figures {
		f := &st.Figures[i]
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
	targetOf := map[string]string{}
	for _, t := range w.in.Targets {
		targetOf[t.Indicator] = t.ID
	}
	for _, t := range support.SupportTypes {
		if usedType[t.Code] {
			cn := codeName{Code: t.Code, Name: both(t.VI, t.EN)}
			m.SupportTypes = append(m.SupportTypes, cn)
		}
	}
	for _, y := range st.Years {
		my := moneyYear{Year: y, BySource: map[string]moneyCell{}, ByProgramme: map[string]moneyCell{}, byGroup: map[string]int64{}}
		var total sum
		bySource, byProg := map[string]*sum{}, map[string]*sum{}
		for i := range st.Figures {
			f := &st.Figures[i]
			if f.Year != y || f.UnitCode != commune || f.Indicator != support.AmountVND {
				continue
			}
			total.add(f)
			if bySource[f.FundingSource] == nil {
				bySource[f.FundingSource] = &sum{}
			}
			bySource[f.FundingSource].add(f)
			if byProg[f.Programme] == nil {
				byProg[f.Programme] = &sum{}
			}
			byProg[f.Programme].add(f)
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
			c := sum{}
			if p := bySource[s.Code]; p != nil {
				c = *p
			}
			my.BySource[s.Code] = c.cell()
		}
		for _, p := range m.Programmes {
			c := sum{}
			if s := byProg[p.Code]; s != nil {
				c = *s
			}
			my.ByProgramme[p.Code] = c.cell()
		}
		m.Years = append(m.Years, my)
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
	cov := w.in.Coverage
	for _, t := range support.SupportTypes {
		ind := support.CoverageIndicator(t.Code)
		cs := coverageSeries{SupportType: t.Code, Name: both(t.VI, t.EN), Indicator: ind, Target: targetOf[ind]}
		for _, y := range st.Years {
			if cov == nil {
				break
			}
			f, ok := cov.Get(indicator.Key{Year: y, UnitCode: commune, Group: "all", Indicator: ind})
			if !ok {
				continue
			}
			sf := support.Figure{Num: f.Num, Den: f.Den, Measure: indicator.Percent, Flag: f.Flag}
			cs.Series = append(cs.Series, w.figCell(&sf))
			cs.Years = append(cs.Years, y)
		}
		if len(cs.Series) > 0 {
			m.Coverage = append(m.Coverage, cs)
		}
	}
	return m
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

// supportReadme is the README sheet's dictionary part for support.xlsx.
func (w *writer) supportReadme() [][]any {
	rows := [][]any{{"Chỉ số / Indicator", "Đơn vị đo / Unit of measure", "Ý nghĩa", "Meaning"}}
	for _, d := range support.Indicators {
		rows = append(rows, []any{d.Code, d.Measure, d.VI, d.EN})
	}
	rows = append(rows, []any{}, []any{"Loại hỗ trợ / Support type", "Chỉ số bao phủ / Coverage indicator", "Ý nghĩa", "Meaning"})
	for _, t := range support.SupportTypes {
		rows = append(rows, []any{t.Code, t.Indicator, t.VI, t.EN})
	}
	return rows
}
