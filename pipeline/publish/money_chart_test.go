package publish

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// moneyWithheldGroup holds the defect of issue 17: the local budgets of 2024 are the
// province's 24 million, published, and one household's 45 million of housing from
// the commune budget, withheld at the commune (one household). The chart drew the
// local bar as the published part alone, "24", where the table printed "withheld";
// and the loans were drawn and added beside the spending.
const moneyWithheldGroup = `year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd
2024,T01,2,livelihood_model,central,6,6,,30000000
2024,T02,2,livelihood_model,central,6,6,,30000000
2024,T01,2,livelihood_model,province,6,6,,12000000
2024,T02,2,livelihood_model,province,6,6,,12000000
2024,T03,housing,housing_repair,commune,1,4,,45000000
2024,T01,credit,preferential_credit,policy_bank_credit,6,6,,300000000
2024,T02,credit,preferential_credit,policy_bank_credit,6,6,,300000000
`

// TestMoneyChartShowsTheTableCells: every value the spending chart prints is the text
// of a published cell of the by-source table's drawn columns, a withheld group is
// drawn without a number (a whisker, or the table's word), its chart CSV row has no
// amount, and loans are neither drawn nor in the total spent.
func TestMoneyChartShowsTheTableCells(t *testing.T) {
	in := moneyInputOf(t, moneyWithheldGroup)
	l := build(t, in)
	m := readMoney(t, l)
	if len(m.Years) != 1 {
		t.Fatalf("years %+v", m.Years)
	}
	y := m.Years[0]
	shown := map[string]map[string]bool{"vi": {}, "en": {}} // texts of the drawn, published cells
	withheldGroups := 0
	for i, c := range m.SourceColumns {
		if c.Group == "" {
			continue
		}
		cell := y.Columns[i]
		if cell.VND == nil {
			withheldGroups++
			continue
		}
		shown["vi"][cell.Text.VI], shown["en"][cell.Text.EN] = true, true
	}
	if withheldGroups == 0 {
		t.Fatal("no drawn group is withheld: the fixture no longer holds its defect")
	}
	label := regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	for _, lang := range []string{"vi", "en"} {
		for _, name := range []string{"money.svg", "money-narrow.svg"} {
			b, err := os.ReadFile(filepath.Join(l.BuildAssets(), "charts", lang, name))
			if err != nil {
				t.Fatal(err)
			}
			svg := string(b)
			if word := map[string]string{"vi": WithheldWord.VI, "en": WithheldWord.EN}[lang]; !strings.Contains(svg, ">"+word+"<") {
				t.Errorf("%s/%s: the withheld group is not drawn with the table's word %q", lang, name, word)
			}
			i := strings.Index(svg, `class="chart-label chart-value"`)
			if i < 0 {
				t.Fatalf("%s/%s: no value labels", lang, name)
			}
			block := svg[i : i+strings.Index(svg[i:], "</g>")]
			labels := label.FindAllStringSubmatch(block, -1)
			if len(labels) == 0 {
				t.Errorf("%s/%s: no value printed at all", lang, name)
			}
			for _, mm := range labels {
				if !shown[lang][mm[1]] {
					t.Errorf("%s/%s: the chart prints %q, which no published cell of the table shows (%v)", lang, name, mm[1], shown[lang])
				}
			}
		}
	}
	chart := readCSV(t, filepath.Join(l.Downloads(), "charts", "money.csv"))
	for _, r := range chart[1:] {
		if r[2] == "policy_bank_credit" {
			t.Errorf("loans drawn on the spending chart: %v", r)
		}
		if r[2] == "local" && (r[3] != "" || r[6] != "suppressed") {
			t.Errorf("local group %v: want no amount, flag suppressed", r)
		}
	}
	if y.Total.VND != nil {
		t.Errorf("total spent %+v published although the commune's housing amount is withheld", y.Total)
	}
	if y.Lent.VND == nil || *y.Lent.VND != 600_000_000 {
		t.Errorf("lent %+v, want 600,000,000 apart", y.Lent)
	}
}
