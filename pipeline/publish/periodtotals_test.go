package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
)

// TestPeriodTotalsHoldTheTruthAndAddUp checks the two claims that make the period
// totals safe to publish without protection of their own, on the protected sample:
// every total holds the true sum (because the disclosure package's yearly ranges
// hold each year's count), and every total is what a reader adds up from
// indicators.csv alone (so it tells nothing the yearly figures do not). An exact total
// is 0 or at least k, like any published count.
func TestPeriodTotalsHoldTheTruthAndAddUp(t *testing.T) {
	in := testInput(t)
	const k = 5
	// The premise, as the disclosure package publishes flows: every withheld one has
	// an interval in households that holds its true count.
	for _, f := range in.Table.Figures {
		if f.Flag != indicator.FlagSuppressed || !contains(flowIndicators, f.Indicator) {
			continue
		}
		if !f.Bounded || f.Lower > f.Num || (f.Upper >= 0 && f.Upper < f.Num) {
			t.Fatalf("%v: withheld flow %d has the interval %d..%d (bounded %v)", f.Key(), f.Num, f.Lower, f.Upper, f.Bounded)
		}
	}
	l := build(t, in)
	// What a reader adds up from indicators.csv, 2022 to 2025.
	type key struct{ unit, group, ind string }
	type sum struct {
		lo, hi    int64
		exact     bool
		unbounded bool
		truth     int64
	}
	sums := map[key]*sum{}
	rows := readCSV(t, filepath.Join(l.Downloads(), "indicators.csv"))
	col := colIndex(rows[0])
	for _, r := range rows[1:] {
		year, _ := strconv.Atoi(r[col["year"]])
		if year < 2022 || year > 2025 || !contains(flowIndicators, r[col["indicator"]]) || r[col["flag"]] == "not_available" {
			continue
		}
		kk := key{r[col["unit_code"]], r[col["group"]], r[col["indicator"]]}
		s := sums[kk]
		if s == nil {
			s = &sum{exact: true}
			sums[kk] = s
		}
		f, _ := in.Table.Get(indicator.Key{Year: year, UnitCode: kk.unit, Group: kk.group, Indicator: kk.ind})
		s.truth += f.Num
		if v := r[col["value"]]; v != "" {
			n, _ := strconv.ParseInt(v, 10, 64)
			s.lo, s.hi = s.lo+n, s.hi+n
			continue
		}
		s.exact = false
		lo, _ := strconv.ParseInt(r[col["value_lower"]], 10, 64)
		s.lo += lo
		if r[col["value_upper"]] == "" {
			s.unbounded = true
			continue
		}
		hi, _ := strconv.ParseInt(r[col["value_upper"]], 10, 64)
		s.hi += hi
	}
	totals := readCSV(t, filepath.Join(l.Downloads(), paths.PeriodTotals+".csv"))
	tc := colIndex(totals[0])
	if len(totals)-1 != len(sums) {
		t.Fatalf("%d period totals, want one for each of the %d unit, group and flow series", len(totals)-1, len(sums))
	}
	for _, r := range totals[1:] {
		kk := key{r[tc["unit_code"]], r[tc["group"]], r[tc["indicator"]]}
		s := sums[kk]
		if s == nil {
			t.Fatalf("%v: a total with no yearly figures", kk)
		}
		got := func(c string) string { return r[tc[c]] }
		lo, hi := got("value_lower"), got("value_upper")
		if s.exact {
			if got("value") != strconv.FormatInt(s.lo, 10) || got("flag") != "" || lo != "" || hi != "" {
				t.Errorf("%v: every year published, total %q (flag %q, range %q..%q), want exactly %d", kk, got("value"), got("flag"), lo, hi, s.lo)
			}
			if s.lo != 0 && s.lo < k {
				t.Errorf("%v: exact total %d is a small count", kk, s.lo)
			}
			continue
		}
		wantHi := strconv.FormatInt(s.hi, 10)
		if s.unbounded {
			wantHi = ""
		}
		if got("value") != "" || got("flag") != "suppressed" || lo != strconv.FormatInt(s.lo, 10) || hi != wantHi {
			t.Errorf("%v: total %q %q..%q, want the reader's sum %d..%s", kk, got("value"), lo, hi, s.lo, wantHi)
		}
		if s.truth < s.lo || (!s.unbounded && s.truth > s.hi) {
			t.Errorf("%v: the true total %d is outside the published %s..%s", kk, s.truth, lo, hi)
		}
	}
	// The site reads the same totals.
	b, err := os.ReadFile(filepath.Join(l.BuildData(), "period_totals.json"))
	if err != nil {
		t.Fatal(err)
	}
	var data periodTotalsData
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Sentences["T01"]) != 1 || data.Totals["T01"]["all"]["escaped"][0].Period != "2022-2025" {
		t.Errorf("period_totals.json holds no 2022-2025 sentence or total for T01: %s", b[:min(len(b), 300)])
	}
}

func colIndex(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[h] = i
	}
	return m
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestPeriodSentence checks the words for each kind of total: a count, none, a range
// and a range without an upper bound, and a plan not yet over.
func TestPeriodSentence(t *testing.T) {
	plan := config.Plan{ID: "2022-2025", Period: "2022-2025"}
	total := func(ind string, exact bool, lo, hi int64, years ...int) *periodTotal {
		return &periodTotal{Plan: plan, From: 2022, To: 2025, Years: years, Indicator: ind, Exact: exact, Lower: lo, Upper: hi}
	}
	all := []int{2022, 2023, 2024, 2025}
	cases := []struct {
		name   string
		totals []*periodTotal
		vi, en string
	}{
		{"count, range and none",
			[]*periodTotal{total("escaped", true, 23, 23, all...), total("newly_poor", false, 0, 4, all...), total("relapsed", true, 0, 0, all...)},
			"Trong giai đoạn kế hoạch 2022-2025, ở Thôn Nam có 23 hộ thoát nghèo, có từ 0 đến 4 hộ nghèo phát sinh (lần đầu rơi vào nghèo) và không có hộ tái nghèo.",
			"Over the 2022-2025 plan, 23 households escaped poverty in Nam village, between 0 and 4 households became poor for the first time and no household fell back into poverty."},
		{"no upper bound, plan not over",
			[]*periodTotal{total("escaped", false, 7, -1, 2022, 2023)},
			"Trong giai đoạn kế hoạch 2022-2025 (tính các năm rà soát 2022–2023), ở Thôn Nam có ít nhất 7 hộ thoát nghèo.",
			"Over the 2022-2025 plan (reviews of 2022–2023 so far), at least 7 households escaped poverty in Nam village."},
		{"a range that collapsed to one number reads as the number",
			[]*periodTotal{total("escaped", false, 0, 0, all...)},
			"Trong giai đoạn kế hoạch 2022-2025, ở Thôn Nam không có hộ nào thoát nghèo.",
			"Over the 2022-2025 plan, no household escaped poverty in Nam village."},
		{"without escaped the English still names the unit",
			[]*periodTotal{total("relapsed", true, 6, 6, all...)},
			"Trong giai đoạn kế hoạch 2022-2025, ở Thôn Nam có 6 hộ tái nghèo.",
			"Over the 2022-2025 plan, in Nam village: 6 households fell back into poverty."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := periodSentence(c.totals, "Thôn Nam", "Nam village")
			if got.VI != c.vi {
				t.Errorf("vi:\n got %s\nwant %s", got.VI, c.vi)
			}
			if got.EN != c.en {
				t.Errorf("en:\n got %s\nwant %s", got.EN, c.en)
			}
		})
	}
}

// TestSumPeriod checks how each kind of yearly figure enters a plan's total.
func TestSumPeriod(t *testing.T) {
	plan := config.Plan{ID: "2022-2025", Period: "2022-2025"}
	pub := func(y int, n int64) indicator.Figure {
		return indicator.Figure{Year: y, UnitCode: "T01", Group: "all", Indicator: "escaped", Measure: indicator.Households, Num: n}
	}
	withheld := func(y int, n, lo, hi int64, bounded bool) indicator.Figure {
		f := pub(y, n)
		f.Flag, f.Bounded, f.Lower, f.Upper = indicator.FlagSuppressed, bounded, lo, hi
		return f
	}
	na := func(y int) indicator.Figure { f := pub(y, 0); f.Flag = indicator.FlagNotAvailable; return f }
	cases := []struct {
		name  string
		figs  []indicator.Figure
		text  string
		years int
		exact bool
	}{
		{"every year published", []indicator.Figure{pub(2022, 5), pub(2023, 0), pub(2024, 7), pub(2025, 6)}, "18", 4, true},
		{"a withheld year adds its range", []indicator.Figure{pub(2022, 5), withheld(2023, 2, 1, 4, true), pub(2024, 7), pub(2025, 6)}, "19–22", 4, false},
		{"a year without an upper bound leaves the total open above", []indicator.Figure{pub(2022, 5), withheld(2023, 9, 3, -1, true)}, "≥ 8", 2, false},
		{"a release without ranges only says at least", []indicator.Figure{pub(2022, 5), withheld(2023, 2, 0, 0, false)}, "≥ 5", 2, false},
		{"the first review's movement is not a year of the total", []indicator.Figure{na(2022), pub(2023, 6)}, "6", 1, true},
		{"years outside the period are left out", []indicator.Figure{pub(2021, 50), pub(2022, 5), pub(2026, 40)}, "5", 1, true},
		{"a range that collapses reads as its number", []indicator.Figure{withheld(2022, 0, 0, 0, true), pub(2023, 0)}, "0", 2, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tbl := &indicator.Table{Figures: c.figs}
			got := sumPeriod(tbl, plan, 2022, 2025)
			if len(got) != 1 {
				t.Fatalf("%d totals, want 1", len(got))
			}
			p := got[0]
			if p.Text("vi") != c.text || len(p.Years) != c.years || p.Exact != c.exact {
				t.Errorf("total %q over %d years (exact %v), want %q over %d (exact %v)", p.Text("vi"), len(p.Years), p.Exact, c.text, c.years, c.exact)
			}
		})
	}
}
