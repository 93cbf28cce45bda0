package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/support"
)

// moneyData is the hand-computed dataset of the support package's golden test, on the
// test portal's villages T01-T03 (A, B, V3 there). Hand computation, 2024:
//
//	commune budget     monitoring 4m + 4m           =   8,000,000
//	province           legal aid 1.2m + 3.2m + 2.8m =   7,200,000
//	total spent                                     =  15,200,000 -> "15,2" / "15.2"
//	policy bank credit loans in T02, lent apart     = 350,000,000 -> "350,0"
//
// Villages: T01 has its legal-aid amount withheld (small count); T03's is withheld to
// protect T01's. Each is then from 0 to the province's 7.2m less T02's 3.2m = 4.0m, so
// T01's total (4m of monitoring + 1.2m) shows "4,0–8,0" and T03's (2.8m) "0,0–4,0";
// T02 spent 4m + 3.2m = 7.2m and lent 350m.
const moneyData = `year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd
2024,T01,legal_aid,legal_aid,province,2,3,4,1200000
2024,T02,legal_aid,legal_aid,province,6,8,8,3200000
2024,T03,legal_aid,legal_aid,province,5,7,9,2800000
2024,T01,7.2,monitoring,commune,0,0,,4000000
2024,T02,7.2,monitoring,commune,0,0,,4000000
2024,T02,credit,preferential_credit,policy_bank_credit,5,5,6,350000000
`

func moneyInput(t *testing.T) *Input {
	t.Helper()
	return moneyInputOf(t, moneyData)
}

// moneyInputOf is the test input with the support file data, computed and protected.
func moneyInputOf(t *testing.T, data string) *Input {
	t.Helper()
	in := testInput(t)
	f, ps := support.Parse("2024.csv", []byte(data), support.Rules{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	st, err := support.Compute(&support.Dataset{Files: []*support.File{f}}, "12424", []string{"T01", "T02", "T03"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := support.Protect(st, in.Portal.Disclosure.K); err != nil {
		t.Fatal(err)
	}
	in.Support, in.Coverage = st, st.Coverage("12424")
	return in
}

func readMoney(t *testing.T, l interface{ BuildData() string }) moneyJSON {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(l.BuildData(), "money.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Years []struct {
			Year     int                  `json:"year"`
			Total    moneyCell            `json:"total"`
			Lent     moneyCell            `json:"lent"`
			BySource map[string]moneyCell `json:"by_source"`
			Columns  []moneyCell          `json:"columns"`
		} `json:"years"`
		SourceColumns []sourceColumn                  `json:"source_columns"`
		VillageTotals map[string]map[string]moneyCell `json:"village_totals"`
		VillageLent   map[string]map[string]moneyCell `json:"village_lent"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := moneyJSON{VillageTotal: m.VillageTotals, VillageLent: m.VillageLent, SourceColumns: m.SourceColumns}
	for _, y := range m.Years {
		out.Years = append(out.Years, moneyYear{Year: y.Year, Total: y.Total, Lent: y.Lent, BySource: y.BySource, Columns: y.Columns})
	}
	return out
}

// TestMoneyGolden checks money.json against the hand computation above.
func TestMoneyGolden(t *testing.T) {
	l := build(t, moneyInput(t))
	m := readMoney(t, l)
	if len(m.Years) != 1 || m.Years[0].Year != 2024 {
		t.Fatalf("years %+v", m.Years)
	}
	y := m.Years[0]
	if y.Total.VND == nil || *y.Total.VND != 15_200_000 || y.Total.Text.VI != "15,2" || y.Total.Text.EN != "15.2" {
		t.Errorf("total spent %+v, want 15,2 (loans apart)", y.Total)
	}
	if y.Lent.VND == nil || *y.Lent.VND != 350_000_000 || y.Lent.Text.VI != "350,0" {
		t.Errorf("lent %+v, want 350,0", y.Lent)
	}
	for src, want := range map[string]int64{"commune": 8_000_000, "province": 7_200_000} {
		if c := y.BySource[src]; c.VND == nil || *c.VND != want {
			t.Errorf("%s = %+v, want %d", src, c, want)
		}
	}
	if c, ok := y.BySource["policy_bank_credit"]; ok {
		t.Errorf("loans listed as spending by source: %+v", c)
	}
	vt := m.VillageTotal
	if c := vt["T01"]["2024"]; c.Text.VI != "4,0–8,0" || c.Text.EN != "4.0–8.0" || c.VND != nil || *c.LowerVND != 4_000_000 || *c.UpperVND != 8_000_000 {
		t.Errorf("T01 total %+v, want withheld", vt["T01"]["2024"])
	}
	if c := vt["T02"]["2024"]; c.VND == nil || *c.VND != 7_200_000 {
		t.Errorf("T02 total spent %+v, want 7,200,000", c)
	}
	if c := m.VillageLent["T02"]["2024"]; c.VND == nil || *c.VND != 350_000_000 {
		t.Errorf("T02 lent %+v, want 350,000,000", c)
	}
	if c := vt["T03"]["2024"]; c.Text.EN != "0.0–4.0" || c.VND != nil {
		t.Errorf("T03 total %+v, want withheld", vt["T03"]["2024"])
	}
}

// TestMoneyTotalsEqualDownload: the page's yearly totals (money.json, which the page
// prints) are the sums of the commune's amounts in support.csv, spent and lent apart
// (a loan is support_type preferential_credit or source policy_bank_credit), and
// the chart's CSV sums to the spending.
func TestMoneyTotalsEqualDownload(t *testing.T) {
	l := build(t, moneyInput(t))
	m := readMoney(t, l)
	rows := readCSV(t, filepath.Join(l.Downloads(), "support.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	sums, lent := map[int]int64{}, map[int]int64{}
	for _, r := range rows[1:] {
		if r[col["unit_level"]] != "commune" || r[col["indicator"]] != "amount_vnd" {
			continue
		}
		y, _ := strconv.Atoi(r[col["year"]])
		v, err := strconv.ParseInt(r[col["value"]], 10, 64)
		if err != nil {
			t.Fatalf("commune amount %v not published", r)
		}
		if r[col["support_type"]] == "preferential_credit" || r[col["funding_source"]] == "policy_bank_credit" {
			lent[y] += v
			continue
		}
		sums[y] += v
	}
	chart := readCSV(t, filepath.Join(l.Downloads(), "charts", "money.csv"))
	chartSums := map[int]int64{}
	for _, r := range chart[1:] {
		y, _ := strconv.Atoi(r[0])
		v, _ := strconv.ParseInt(r[3], 10, 64)
		chartSums[y] += v
	}
	for _, y := range m.Years {
		if y.Total.VND == nil || *y.Total.VND != sums[y.Year] || chartSums[y.Year] != sums[y.Year] {
			t.Errorf("%d: page total %v, support.csv %d, chart %d", y.Year, y.Total.VND, sums[y.Year], chartSums[y.Year])
		}
		if y.Lent.VND == nil || *y.Lent.VND != lent[y.Year] || lent[y.Year] == 0 {
			t.Errorf("%d: page lent %v, support.csv loans %d", y.Year, y.Lent.VND, lent[y.Year])
		}
	}
	// Village rows never publish a withheld amount.
	for _, r := range rows[1:] {
		if r[col["flag"]] == "suppressed" && (r[col["value"]] != "" || r[col["numerator"]] != "") {
			t.Errorf("withheld row publishes a value: %v", r)
		}
	}
}

// TestSupportDownloads: the four formats, the data package and the checksums.
func TestSupportDownloads(t *testing.T) {
	l := build(t, moneyInput(t))
	for _, name := range []string{"support.csv", "support.json", "support.parquet", "support.xlsx"} {
		if _, err := os.Stat(filepath.Join(l.Downloads(), name)); err != nil {
			t.Error(err)
		}
	}
	sums, _ := os.ReadFile(filepath.Join(l.Downloads(), "SHA256SUMS"))
	dp, _ := os.ReadFile(filepath.Join(l.Downloads(), "datapackage.json"))
	for _, name := range []string{"support.csv", "support.json", "support.parquet", "support.xlsx", "charts/money.csv"} {
		if !strings.Contains(string(sums), "  "+name+"\n") {
			t.Errorf("SHA256SUMS lacks %s", name)
		}
		if !strings.Contains(string(dp), `"path": "`+name+`"`) {
			t.Errorf("datapackage.json lacks %s", name)
		}
	}
	if !strings.Contains(string(dp), `"name": "support_type"`) || !strings.Contains(string(dp), `"name": "funding_group"`) {
		t.Error("datapackage.json lacks the support or money-chart schema")
	}
	pq := readParquet(t, filepath.Join(l.Downloads(), "support.parquet"))
	csvRows := readCSV(t, filepath.Join(l.Downloads(), "support.csv"))
	if int(pq.NumRows()) != len(csvRows)-1 {
		t.Errorf("parquet %d rows, csv %d", pq.NumRows(), len(csvRows)-1)
	}
	x := xlsxRows(t, filepath.Join(l.Downloads(), "support.xlsx"), "support")
	if len(x) != len(csvRows) {
		t.Errorf("xlsx %d rows, csv %d", len(x), len(csvRows))
	}
	d, _ := os.ReadFile(filepath.Join(l.BuildData(), "dictionary.json"))
	for _, w := range []string{`"support_types"`, `"preferential_credit"`, `"people_needing"`} {
		if !strings.Contains(string(d), w) {
			t.Errorf("dictionary.json lacks %s", w)
		}
	}
	for _, lang := range []string{"vi", "en"} {
		if _, err := os.Stat(filepath.Join(l.BuildContent(), "money", "_index."+lang+".md")); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(filepath.Join(l.BuildAssets(), "charts", lang, "money.svg")); err != nil {
			t.Error(err)
		}
	}
}

// TestSupportCSVNamesTheKind: support.csv says of every amount whether it was spent
// or lent, so a reader never adds a loan to a grant; counts and coverage have none.
func TestSupportCSVNamesTheKind(t *testing.T) {
	l := build(t, moneyInput(t))
	rows := readCSV(t, filepath.Join(l.Downloads(), "support.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		want := ""
		if r[col["indicator"]] == "amount_vnd" {
			want = "spent"
			if r[col["support_type"]] == "preferential_credit" || r[col["funding_source"]] == "policy_bank_credit" {
				want = "lent"
			}
		}
		if got := r[col["money_kind"]]; got != want {
			t.Errorf("%v: money_kind %q, want %q", r, got, want)
		}
		kinds[want]++
	}
	if kinds["spent"] == 0 || kinds["lent"] == 0 {
		t.Errorf("kinds %v: the fixture must hold both", kinds)
	}
}
