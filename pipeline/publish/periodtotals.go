package publish

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// flowIndicators are the movements between two reviews that a plan period adds up.
var flowIndicators = []string{"escaped", "newly_poor", "relapsed"}

// periodTotal is a plan period's total of one flow for a unit and group, derived from
// the yearly figures as published (DESIGN 6): exact when every year is published,
// else the sum of the years' lower bounds to the sum of their upper bounds. Each
// published year is 0 or at least k, so an exact sum is too; an interval is what any
// reader can add up from the yearly ranges, and holds the true total because every
// yearly range holds its year's count. The totals are computed after protection and
// from published figures only, so they reveal nothing the yearly figures do not.
type periodTotal struct {
	Plan      config.Plan
	From, To  int   // the plan's period
	Years     []int // the review years summed: those of the period with a movement figure
	UnitLevel string
	UnitCode  string
	Group     string
	Indicator string
	// Exact: every year is published and Lower == Upper is the total. Upper is -1 when
	// some year has no upper bound.
	Exact        bool
	Lower, Upper int64
}

// Complete reports whether every year of the plan's period was summed.
func (p *periodTotal) Complete() bool { return len(p.Years) == p.To-p.From+1 }

// periodTotals returns the totals of every plan whose period holds a reviewed year,
// for every unit, group and flow of the table, in plan order then table order.
func (w *writer) periodTotals() []periodTotal {
	var out []periodTotal
	for _, p := range w.plansOf() {
		from, to, ok := p.PeriodYears()
		if !ok {
			continue
		}
		out = append(out, sumPeriod(w.in.Table, p, from, to)...)
	}
	return out
}

// sumPeriod adds up the flows of table t over the years from..to for plan p.
func sumPeriod(t *indicator.Table, p config.Plan, from, to int) []periodTotal {
	type key struct{ unit, group, ind string }
	at := map[key]int{}
	var out []periodTotal
	for i := range t.Figures {
		f := &t.Figures[i]
		if f.Year < from || f.Year > to || !slices.Contains(flowIndicators, f.Indicator) || f.Flag == indicator.FlagNotAvailable {
			continue
		}
		k := key{f.UnitCode, f.Group, f.Indicator}
		j, ok := at[k]
		if !ok {
			j = len(out)
			at[k] = j
			out = append(out, periodTotal{Plan: p, From: from, To: to, UnitLevel: f.UnitLevel,
				UnitCode: f.UnitCode, Group: f.Group, Indicator: f.Indicator, Exact: true})
		}
		out[j].add(f)
	}
	for i := range out {
		slices.Sort(out[i].Years)
	}
	return out
}

// add counts one year's published figure into the total: its value, or its range. A
// withheld figure without a range (a release made before ranges were published) is
// only known to be at least 0.
func (p *periodTotal) add(f *indicator.Figure) {
	p.Years = append(p.Years, f.Year)
	if f.Flag == indicator.FlagNone {
		p.Lower += f.Num
		if p.Upper >= 0 {
			p.Upper += f.Num
		}
		return
	}
	p.Exact = false
	lo, hi := int64(0), int64(-1)
	if f.Bounded {
		lo, hi = f.Lower, f.Upper
	}
	p.Lower += lo
	if hi < 0 || p.Upper < 0 {
		p.Upper = -1
		return
	}
	p.Upper += hi
}

// known reports whether the total is a single number (exact, or a range that
// collapsed to one), and that number.
func (p *periodTotal) known() (int64, bool) {
	return p.Lower, p.Exact || p.Lower == p.Upper
}

// Text is the total as the page and the downloads read it: "23", "4–43", "≥ 4".
func (p *periodTotal) Text(lang string) string {
	n := func(v int64) string { return indicator.FormatScaled(v, 0, lang) }
	if v, ok := p.known(); ok {
		return n(v)
	}
	if p.Upper < 0 {
		return "≥ " + n(p.Lower)
	}
	return n(p.Lower) + "–" + n(p.Upper)
}

// yearsText names the years summed: "2022–2025", or one year.
func (p *periodTotal) yearsText() string {
	if len(p.Years) == 0 {
		return ""
	}
	first, last := p.Years[0], p.Years[len(p.Years)-1]
	if first == last {
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// count is a total as a phrase, "23 hộ", "từ 4 đến 43 hộ", "ít nhất 4 hộ", and
// whether it is zero (each flow says "none" in its own words).
func (p *periodTotal) count(lang string) (string, bool) {
	n := func(v int64) string { return indicator.FormatScaled(v, 0, lang) }
	v, exact := p.known()
	switch {
	case exact && v == 0:
		return "", true
	case exact && lang == "vi":
		return n(v) + " hộ", false
	case exact:
		return n(v) + " households", false
	case p.Upper < 0 && lang == "vi":
		return "ít nhất " + n(p.Lower) + " hộ", false
	case p.Upper < 0:
		return "at least " + n(p.Lower) + " households", false
	case lang == "vi":
		return "từ " + n(p.Lower) + " đến " + n(p.Upper) + " hộ", false
	}
	return "between " + n(p.Lower) + " and " + n(p.Upper) + " households", false
}

// clause is a flow's total in words, in lang; where names the unit in the escaped
// clause, which leads the English sentence.
func (p *periodTotal) clause(lang, where string) string {
	c, none := p.count(lang)
	vi := map[string][2]string{
		"escaped":    {"có %s thoát nghèo", "không có hộ nào thoát nghèo"},
		"newly_poor": {"có %s nghèo phát sinh (lần đầu rơi vào nghèo)", "không có hộ nghèo phát sinh"},
		"relapsed":   {"có %s tái nghèo", "không có hộ tái nghèo"},
	}
	en := map[string][2]string{
		"escaped":    {"%s escaped poverty in " + where, "no household escaped poverty in " + where},
		"newly_poor": {"%s became poor for the first time", "no household became poor for the first time"},
		"relapsed":   {"%s fell back into poverty", "no household fell back into poverty"},
	}
	forms := vi[p.Indicator]
	if lang != "vi" {
		forms = en[p.Indicator]
	}
	if none {
		return forms[1]
	}
	return fmt.Sprintf(forms[0], c)
}

// periodSentence says a unit's totals over a plan in one sentence per language:
// "Trong giai đoạn kế hoạch 2022-2025, ở Thôn Nam có 23 hộ thoát nghèo, ..." /
// "Over the 2022-2025 plan, 23 households escaped poverty in Nam village, ...".
// totals are the unit's escaped, newly poor and relapsed, in that order (any may be
// missing).
func periodSentence(totals []*periodTotal, nameVI, nameEN string) bilingual {
	if len(totals) == 0 {
		return bilingual{}
	}
	first := totals[0]
	var vi, en []string
	for _, t := range totals {
		vi = append(vi, t.clause("vi", nameVI))
		en = append(en, t.clause("en", nameEN))
	}
	scopeVI, scopeEN := "", ""
	if !first.Complete() {
		scopeVI = " (tính các năm rà soát " + first.yearsText() + ")"
		scopeEN = " (reviews of " + first.yearsText() + " so far)"
	}
	s := both(
		fmt.Sprintf("Trong giai đoạn kế hoạch %s%s, ở %s %s.", first.Plan.Period, scopeVI, nameVI, joinClauses(vi, "và")),
		fmt.Sprintf("Over the %s plan%s, %s.", first.Plan.Period, scopeEN, joinClauses(en, "and")))
	if totals[0].Indicator != "escaped" {
		// Without an escaped total the English sentence would not name the unit.
		s.EN = fmt.Sprintf("Over the %s plan%s, in %s: %s.", first.Plan.Period, scopeEN, nameEN, joinClauses(en, "and"))
	}
	return s
}

// joinClauses writes "a, b and c".
func joinClauses(c []string, and string) string {
	if len(c) < 2 {
		return strings.Join(c, "")
	}
	return strings.Join(c[:len(c)-1], ", ") + " " + and + " " + c[len(c)-1]
}
