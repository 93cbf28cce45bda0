package publish

import (
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/chart"
	"github.com/minhtien/portal/pipeline/indicator"
)

// The money page's by-source table and its chart draw the same cells (issue 17).
// The chart once drew each funding group as the sum of its published amounts, the
// withheld ones counted as 0, and labelled bars with totals the table printed as
// withheld ("455" for the local budgets of 2025, whose commune part the table hid).
// Now each group is a column of the table, a subtotal where the group has several
// sources, made by the same sum (withheld with its range when any part is), and the
// chart draws that cell: its value labelled with the table's text, its range as a
// whisker, or the table's word "withheld" standing in the bar's place. Loans are not
// drawn: they are lent and paid back, so their bars would stand beside spending as
// if they could be added to it; the table gives them a column of their own.

// moneyChartColumns are the columns of data/charts/money.csv: what the spending chart draws.
var moneyChartColumns = []column{
	indicatorColumns[0], indicatorColumns[2],
	{"funding_group", "string", "Nhóm nguồn vốn trên biểu đồ: central (ngân sách trung ương), local (ngân sách tỉnh, huyện, xã), funds_other (quỹ xã hội và nguồn khác); vốn vay ưu đãi không vẽ vì là tiền cho vay, phải hoàn trả", "Funding group on the chart: central (central budget), local (provincial, district and commune budgets), funds_other (social funds and other sources); preferential loans are not drawn, since they are lent and paid back"},
	{"amount_vnd", "integer", "Số tiền đã chi, đồng (trên biểu đồ tính bằng triệu đồng), đúng như ô của nhóm trong bảng theo nguồn vốn; để trống khi bị ẩn (một khoản trong nhóm bị ẩn để bảo vệ hộ gia đình)", "Amount spent in đồng (drawn in millions of đồng), the group's cell of the by-source table; empty when withheld (an amount in the group is withheld to protect a household)"},
	{"value_lower", "integer", "Với số tiền bị ẩn: cận dưới, đồng, suy ra từ các số đã công bố; trống khi có số liệu", "For a withheld amount: its lower bound in đồng, deduced from the published figures; empty when there is a value"},
	{"value_upper", "integer", "Với số tiền bị ẩn: cận trên, đồng; trống khi có số liệu hoặc khi không có giới hạn trên (trên trang: \"đã ẩn\")", "For a withheld amount: its upper bound in đồng; empty when there is a value or when nothing bounds it from above (the page says \"withheld\")"},
	{"flag", "string", "Trống khi có số liệu; suppressed khi bị ẩn", "Empty when there is a value; suppressed when withheld"},
}

// fundingGroups are the series of the spending chart, each a group of spending
// sources (the chart tells four series apart; loans are not drawn).
var fundingGroups = []struct {
	code    string
	sources []string
	name    bilingual
}{
	{"central", []string{"central"}, both("Ngân sách trung ương", "Central budget")},
	{"local", []string{"province", "district", "commune"}, both("Ngân sách tỉnh, huyện, xã", "Provincial, district and commune budgets")},
	{"funds_other", []string{"social_fund", "other"}, both("Quỹ xã hội và nguồn khác", "Social funds and other sources")},
}

// sourceColumn is one column of the by-source table. Kind is "source" (one funding
// source's spending), "group" (the subtotal of a funding group of several sources),
// "total" (everything spent) or "lent" (everything lent, whatever the source).
// Group is the chart series the column is drawn as, "" when it is not drawn.
type sourceColumn struct {
	Kind  string    `json:"kind"`
	Code  string    `json:"code"`
	Group string    `json:"group"`
	Name  bilingual `json:"name"`
}

// sourceColumns are the by-source table's columns: each funding group's sources
// spent from, then the group's subtotal when it has several, then the total spent,
// then the loans when anything was lent.
func sourceColumns(spent map[string]bool, lends bool) []sourceColumn {
	out := []sourceColumn{}
	for _, g := range fundingGroups {
		var used []string
		for _, s := range g.sources {
			if spent[s] {
				used = append(used, s)
			}
		}
		for _, s := range used {
			c := sourceColumn{Kind: "source", Code: s, Name: fundingLabels[s]}
			if len(used) == 1 {
				c.Group = g.code
			}
			out = append(out, c)
		}
		if len(used) > 1 {
			out = append(out, sourceColumn{Kind: "group", Code: g.code, Group: g.code,
				Name: both("Cộng "+strings.ToLower(g.name.VI[:1])+g.name.VI[1:], "Subtotal, "+strings.ToLower(g.name.EN[:1])+g.name.EN[1:])})
		}
	}
	out = append(out, sourceColumn{Kind: "total", Code: "total", Name: both("Tổng đã chi (không gồm vốn vay)", "Total spent (loans apart)")})
	if lends {
		out = append(out, sourceColumn{Kind: "lent", Code: "lent", Name: both("Vốn cho vay ưu đãi (phải hoàn trả)", "Preferential loans (paid back)")})
	}
	return out
}

// columnCell is column c's cell, from the year's sums by source.
func columnCell(c sourceColumn, bySource keyedKinds) moneyCell {
	var s sum
	for src, k := range bySource {
		switch {
		case c.Kind == "lent":
			s.merge(k.lent)
		case c.Kind == "total", c.Kind == "source" && src == c.Code, c.Kind == "group" && inGroup(c.Code, src):
			s.merge(k.spent)
		}
	}
	return s.cell()
}

// inGroup reports whether source src belongs to funding group g.
func inGroup(g, src string) bool {
	for _, fg := range fundingGroups {
		if fg.code != g {
			continue
		}
		for _, s := range fg.sources {
			if s == src {
				return true
			}
		}
	}
	return false
}

// groupCells returns, for each year, the cell each funding group's chart series
// draws (in fundingGroups order; ok false for a group with no column).
func groupCells(m moneyJSON, y moneyYear) (cells []moneyCell, ok []bool) {
	for _, g := range fundingGroups {
		var cell moneyCell
		found := false
		for i, c := range m.SourceColumns {
			if c.Group == g.code && i < len(y.Columns) {
				cell, found = y.Columns[i], true
			}
		}
		cells, ok = append(cells, cell), append(ok, found)
	}
	return cells, ok
}

// moneyChart draws spending per year by funding group, in millions of đồng: the
// by-source table's group cells, labelled with the table's text.
func (w *writer) moneyChart(lang string, m moneyJSON) chart.Bars {
	title := map[string]string{"vi": "Kinh phí đã chi cho giảm nghèo theo nguồn vốn (không gồm vốn vay)", "en": "Poverty-reduction spending by funding source (loans apart)"}[lang]
	c := chart.Bars{
		Title:  title,
		Desc:   title + map[string]string{"vi": ", triệu đồng, theo năm", "en": ", millions of đồng, by year"}[lang],
		XLabel: chartWords[lang].year,
		YLabel: map[string]string{"vi": "Triệu đồng", "en": "Million đồng"}[lang],
		Format: func(v float64) string { return indicator.FormatScaled(roundHalfAway(v), 0, lang) },
	}
	var drawn []int
	if len(m.Years) > 0 {
		_, ok := groupCells(m, m.Years[0])
		for i, g := range fundingGroups {
			if ok[i] {
				drawn = append(drawn, i)
				c.SeriesNames = append(c.SeriesNames, pick(g.name, lang))
			}
		}
	}
	for _, y := range m.Years {
		cells, _ := groupCells(m, y)
		bar := chart.Bar{Label: strconv.Itoa(y.Year)}
		for _, i := range drawn {
			addCell(&bar, cells[i], lang)
		}
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// addCell appends a money cell to a bar as the next series: its value and the
// table's text, or its range, or missing.
func addCell(bar *chart.Bar, cell moneyCell, lang string) {
	var v, lo, hi float64
	missing, ranged := cell.VND == nil, false
	if !missing {
		v = float64(*cell.VND) / 1e6
	} else if cell.LowerVND != nil && cell.UpperVND != nil {
		ranged, lo, hi = true, float64(*cell.LowerVND)/1e6, float64(*cell.UpperVND)/1e6
	}
	bar.Values = append(bar.Values, v)
	bar.Labels = append(bar.Labels, pick(cell.Text, lang))
	bar.Missing = append(bar.Missing, missing)
	bar.Ranged = append(bar.Ranged, ranged)
	bar.Lo, bar.Hi = append(bar.Lo, lo), append(bar.Hi, hi)
}

// pick is b in lang.
func pick(b bilingual, lang string) string {
	if lang == "en" {
		return b.EN
	}
	return b.VI
}

// moneyChartRows are data/charts/money.csv: what the chart draws, cell by cell.
func (w *writer) moneyChartRows(m moneyJSON) [][]string {
	var rows [][]string
	opt := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	for _, y := range m.Years {
		cells, ok := groupCells(m, y)
		for i, g := range fundingGroups {
			if !ok[i] {
				continue
			}
			c := cells[i]
			lo, hi := "", ""
			if c.VND == nil {
				lo, hi = opt(c.LowerVND), opt(c.UpperVND)
			}
			rows = append(rows, []string{strconv.Itoa(y.Year), w.in.Portal.Unit.Code, g.code, opt(c.VND), lo, hi, c.Flag})
		}
	}
	return rows
}
