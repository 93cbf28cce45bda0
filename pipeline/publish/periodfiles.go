package publish

import (
	"slices"
	"strconv"

	"github.com/minhtien/portal/pipeline/paths"
)

// periodTotalColumns are the columns of period-totals.csv and .json.
var periodTotalColumns = []column{
	{"plan", "string", "Mã kế hoạch (như trong targets.toml)", "Id of the plan (as in targets.toml)"},
	{"period", "string", "Giai đoạn của kế hoạch", "The plan's period"},
	{"first_year", "integer", "Năm rà soát đầu tiên được cộng", "First review year added up"},
	{"last_year", "integer", "Năm rà soát cuối cùng được cộng (trước khi kế hoạch kết thúc: năm mới nhất)", "Last review year added up (before the plan ends: the latest)"},
	{"unit_level", "string", "Cấp đơn vị: commune (xã) hoặc village (thôn)", "Level of the unit: commune or village"},
	{"unit_code", "string", "Mã đơn vị, như trong indicators.csv", "Unit code, as in indicators.csv"},
	{"unit_name", "string", "Tên đơn vị (tiếng Việt)", "Name of the unit (in Vietnamese)"},
	{"group", "string", "Nhóm hộ, như trong indicators.csv", "Household group, as in indicators.csv"},
	{"indicator", "string", "Số biến động được cộng: escaped (thoát nghèo), newly_poor (nghèo phát sinh) hoặc relapsed (tái nghèo)", "The movement added up: escaped, newly_poor or relapsed"},
	{"value", "integer", "Tổng số hộ của các năm, khi mọi năm đều được công bố; để trống khi có năm bị ẩn", "Households over the years, when every year is published; empty when a year is withheld"},
	{"value_lower", "integer", "Khi có năm bị ẩn: tổng các giá trị đã công bố và các value_lower của những năm bị ẩn trong indicators.csv", "When a year is withheld: the sum of the published values and of the withheld years' value_lower in indicators.csv"},
	{"value_upper", "integer", "Như trên, với value_upper; để trống khi có năm không có giới hạn trên", "Likewise with value_upper; empty when a year has no upper bound"},
	{"flag", "string", "Trống khi tổng là chính xác; suppressed khi có năm bị ẩn (tổng là khoảng value_lower–value_upper)", "Empty when the total is exact; suppressed when a year is withheld (the total is the range value_lower–value_upper)"},
}

// periodTotalRow is one total as the download has it.
func (w *writer) periodTotalRow(p *periodTotal) tableRow {
	var value, lo, hi any
	valueText, loText, hiText, flag := "", "", "", "suppressed"
	if p.Exact {
		value, valueText, flag = p.Lower, strconv.FormatInt(p.Lower, 10), ""
	} else {
		lo, loText = p.Lower, strconv.FormatInt(p.Lower, 10)
		if p.Upper >= 0 {
			hi, hiText = p.Upper, strconv.FormatInt(p.Upper, 10)
		}
	}
	first, last := p.Years[0], p.Years[len(p.Years)-1]
	name := w.unitName(p.UnitCode)
	return tableRow{
		cells: []string{p.Plan.ID, p.Plan.Period, strconv.Itoa(first), strconv.Itoa(last), p.UnitLevel, p.UnitCode,
			name, p.Group, p.Indicator, valueText, loText, hiText, flag},
		typed: map[string]any{"plan": p.Plan.ID, "period": p.Plan.Period, "first_year": first, "last_year": last,
			"unit_level": p.UnitLevel, "unit_code": p.UnitCode, "unit_name": name, "group": p.Group,
			"indicator": p.Indicator, "value": value, "value_lower": lo, "value_upper": hi, "flag": flag},
	}
}

// periodTotalJSON is one total as templates read it (build/data/period_totals.json).
type periodTotalJSON struct {
	Plan      string    `json:"plan"`
	Period    string    `json:"period"`
	FirstYear int       `json:"first_year"`
	LastYear  int       `json:"last_year"`
	Complete  bool      `json:"complete"`
	Value     *int64    `json:"value"`
	Lower     *int64    `json:"value_lower,omitempty"`
	Upper     *int64    `json:"value_upper,omitempty"`
	Flag      string    `json:"flag"`
	Text      bilingual `json:"text"`
}

// periodSentenceJSON is a unit's totals over one plan, in words.
type periodSentenceJSON struct {
	Plan string    `json:"plan"`
	Text bilingual `json:"text"`
}

// periodTotalsData is build/data/period_totals.json: every total by unit, group,
// indicator (one per plan, current plan first), and each unit's sentence for all
// households.
type periodTotalsData struct {
	Totals    map[string]map[string]map[string][]periodTotalJSON `json:"totals"`
	Sentences map[string][]periodSentenceJSON                    `json:"sentences"`
}

// periodFiles writes period-totals.csv and .json and build/data/period_totals.json,
// all from the same totals. The totals are derived from the published yearly
// figures (see periodTotal), so they need no protection of their own.
func (w *writer) periodFiles() error {
	totals := w.periodTotals()
	// The site shows the current plan first, as the plans list does.
	rank := map[string]int{}
	for i, p := range w.plans() {
		rank[p.ID] = i
	}
	slices.SortStableFunc(totals, func(a, b periodTotal) int { return rank[a.Plan.ID] - rank[b.Plan.ID] })
	rows := make([]tableRow, 0, len(totals))
	data := periodTotalsData{Totals: map[string]map[string]map[string][]periodTotalJSON{}, Sentences: map[string][]periodSentenceJSON{}}
	type unitPlan struct{ unit, plan string }
	var order []unitPlan
	flows := map[unitPlan][]*periodTotal{}
	for i := range totals {
		p := &totals[i]
		rows = append(rows, w.periodTotalRow(p))
		byGroup := data.Totals[p.UnitCode]
		if byGroup == nil {
			byGroup = map[string]map[string][]periodTotalJSON{}
			data.Totals[p.UnitCode] = byGroup
		}
		if byGroup[p.Group] == nil {
			byGroup[p.Group] = map[string][]periodTotalJSON{}
		}
		byGroup[p.Group][p.Indicator] = append(byGroup[p.Group][p.Indicator], periodJSON(p))
		if p.Group == "all" {
			k := unitPlan{p.UnitCode, p.Plan.ID}
			if flows[k] == nil {
				order = append(order, k)
			}
			flows[k] = append(flows[k], p)
		}
	}
	for _, k := range order {
		ts := flows[k]
		slices.SortStableFunc(ts, func(a, b *periodTotal) int {
			return slices.Index(flowIndicators, a.Indicator) - slices.Index(flowIndicators, b.Indicator)
		})
		vi, en := w.unitNames(k.unit)
		data.Sentences[k.unit] = append(data.Sentences[k.unit], periodSentenceJSON{k.plan, periodSentence(ts, vi, en)})
	}
	if err := w.writeTable(table{name: paths.PeriodTotals, cols: periodTotalColumns, rows: rows}); err != nil {
		return err
	}
	return w.jsonFile("period_totals.json", data)
}

func periodJSON(p *periodTotal) periodTotalJSON {
	out := periodTotalJSON{Plan: p.Plan.ID, Period: p.Plan.Period, FirstYear: p.Years[0], LastYear: p.Years[len(p.Years)-1],
		Complete: p.Complete(), Text: both(p.Text("vi"), p.Text("en"))}
	if p.Exact {
		v := p.Lower
		out.Value = &v
		return out
	}
	out.Flag = "suppressed"
	lo := p.Lower
	out.Lower = &lo
	if p.Upper >= 0 {
		hi := p.Upper
		out.Upper = &hi
	}
	return out
}

// unitNames are a unit's names in Vietnamese and English, for sentences.
func (w *writer) unitNames(code string) (string, string) {
	p := w.in.Portal
	if code == p.Unit.Code {
		return p.Unit.NameVI, p.Unit.NameEN
	}
	if v, ok := p.Village(code); ok {
		return v.NameVI, v.NameEN
	}
	return code, code
}
