package support

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// handData is a small dataset computed by hand below: commune "C", villages A, B and
// V3, year 2024, k = 5.
const handData = `year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd
2024,A,legal_aid,legal_aid,province,2,3,4,1200000
2024,B,legal_aid,legal_aid,province,6,8,8,3200000
2024,V3,legal_aid,legal_aid,province,5,7,9,2800000
2024,A,7.2,monitoring,commune,0,0,,4000000
2024,B,7.2,monitoring,commune,0,0,,4000000
2024,B,credit,preferential_credit,policy_bank_credit,5,5,6,350000000
`

// HandDataset parses handData; publish's tests use it too.
func handDataset(t testing.TB) *Dataset {
	t.Helper()
	f, ps := Parse("2024.csv", []byte(handData), Rules{Villages: map[string]bool{"A": true, "B": true, "V3": true}})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	return &Dataset{Files: []*File{f}}
}

// TestGoldenHandComputed checks every figure of the hand-computed dataset.
//
// Sums (no commune count here is small, so none is withheld):
//
//	legal aid   households 2+6+5 = 13; people 3+8+7 = 18; needing 4+8+9 = 21;
//	            coverage 18/21 = 85.714..% -> 85.7; province 1.2m+3.2m+2.8m = 7.2m
//	monitoring  households 0, people 0 in every village (V3 has no row: zeros);
//	            commune budget 4m+4m+0 = 8m
//	credit      B only: households 5, people 5, needing 6, coverage 5/6 -> 83.3 (A and
//	            V3 zeros, coverage not available there: no one needed it); loans 350m
//
// Protection, k = 5:
//
//	primary     A's legal-aid households 2, people 3, needing 4 (1..4), so A's
//	            coverage too; A's legal-aid amount is withheld with its small count (x)
//	complements households 13 = 2(h) + 6 + 5 -> hide V3's 5 (smallest non-zero);
//	            people 18 = 3(h) + 8 + 7 -> hide V3's 7;
//	            needing 21 = 4(h) + 8 + 9 -> hide B's 8;
//	            province 7.2m = 1.2m(h) + 3.2m + 2.8m -> hide V3's 2.8m;
//	            the covered-people sum (A, B, V3 all record a need) has A and V3
//	            hidden: nothing more
//	coverage    B's (needing hidden) and V3's (reached hidden) are withheld (x)
//	credit      B's 5 households is not small: nothing withheld
//
// So 4 primary (A: households, people, needing, coverage) and 7 secondary.
func TestGoldenHandComputed(t *testing.T) {
	tb, err := Compute(handDataset(t), "C", []string{"A", "B", "V3"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Protect(tb, 5)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Primary != 4 || rep.Secondary != 7 {
		t.Errorf("report %+v, want 4 primary and 7 secondary", rep)
	}
	// unit, programme, type, source, indicator -> value as published ("<" primary, "x"
	// secondary, "-" not available).
	want := map[string]string{
		"C/legal_aid/legal_aid/all/households_reached":               "13",
		"C/legal_aid/legal_aid/all/people_reached":                   "18",
		"C/legal_aid/legal_aid/all/people_needing":                   "21",
		"C/legal_aid/legal_aid/all/coverage_rate":                    "857",
		"C/legal_aid/legal_aid/province/amount_vnd":                  "7200000",
		"A/legal_aid/legal_aid/all/households_reached":               "<",
		"A/legal_aid/legal_aid/all/people_reached":                   "<",
		"A/legal_aid/legal_aid/all/people_needing":                   "<",
		"A/legal_aid/legal_aid/all/coverage_rate":                    "<",
		"A/legal_aid/legal_aid/province/amount_vnd":                  "x",
		"B/legal_aid/legal_aid/all/households_reached":               "6",
		"B/legal_aid/legal_aid/all/people_reached":                   "8",
		"B/legal_aid/legal_aid/all/people_needing":                   "x",
		"B/legal_aid/legal_aid/all/coverage_rate":                    "x",
		"B/legal_aid/legal_aid/province/amount_vnd":                  "3200000",
		"V3/legal_aid/legal_aid/all/households_reached":              "x",
		"V3/legal_aid/legal_aid/all/people_reached":                  "x",
		"V3/legal_aid/legal_aid/all/people_needing":                  "9",
		"V3/legal_aid/legal_aid/all/coverage_rate":                   "x",
		"V3/legal_aid/legal_aid/province/amount_vnd":                 "x",
		"C/7.2/monitoring/all/households_reached":                    "0",
		"C/7.2/monitoring/commune/amount_vnd":                        "8000000",
		"V3/7.2/monitoring/commune/amount_vnd":                       "0",
		"V3/7.2/monitoring/all/people_reached":                       "0",
		"C/credit/preferential_credit/all/households_reached":        "5",
		"C/credit/preferential_credit/all/coverage_rate":             "833",
		"B/credit/preferential_credit/all/coverage_rate":             "833",
		"A/credit/preferential_credit/all/coverage_rate":             "-",
		"A/credit/preferential_credit/all/people_needing":            "0",
		"B/credit/preferential_credit/policy_bank_credit/amount_vnd": "350000000",
	}
	got := map[string]string{}
	for i := range tb.Figures {
		f := &tb.Figures[i]
		k := fmt.Sprintf("%s/%s/%s/%s/%s", f.UnitCode, f.Programme, f.SupportType, f.FundingSource, f.Indicator)
		switch {
		case f.Flag == indicator.FlagSuppressed && f.Secondary:
			got[k] = "x"
		case f.Flag == indicator.FlagSuppressed:
			got[k] = "<"
		case f.Flag == indicator.FlagNotAvailable:
			got[k] = "-"
		default:
			s, _ := f.Scaled()
			got[k] = fmt.Sprint(s)
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	// 4 units (C, A, B, V3) x (monitoring 2 counts + 1 amount, credit 4 + 1, legal aid 4 + 1) = 52.
	if len(tb.Figures) != 52 {
		t.Errorf("%d figures, want 52", len(tb.Figures))
	}
	cov := tb.Coverage("C")
	for ind, w := range map[string]string{"support_coverage_legal_aid": "85.7", "support_coverage_credit": "83.3"} {
		f, ok := cov.Get(indicator.Key{Year: 2024, UnitCode: "C", Group: "all", Indicator: ind})
		if !ok || f.Text("en") != w {
			t.Errorf("%s = %v, want %s", ind, f, w)
		}
	}
	if _, ok := cov.Get(indicator.Key{Year: 2024, UnitCode: "C", Group: "all", Indicator: "support_coverage_jobs"}); ok {
		t.Error("jobs coverage without any job-matching data")
	}
}

// TestNoLoneWithheldVillage: whatever the data, no sum of villages equal to a commune
// figure has exactly one withheld village figure.
func TestNoLoneWithheldVillage(t *testing.T) {
	d, _, err := Read("../../data/support", testRules(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var villages []string
	for i := 1; i <= 9; i++ {
		villages = append(villages, fmt.Sprintf("T%02d", i))
	}
	tb, err := Compute(d, "12424", villages)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Protect(tb, 5); err != nil {
		t.Fatal(err)
	}
	for _, eq := range tb.equations() {
		n := 0
		for _, i := range eq {
			if tb.Figures[i].Flag == indicator.FlagSuppressed {
				n++
			}
		}
		if n == 1 {
			f := tb.Figures[eq[1]]
			t.Errorf("%d %s %s %s %s: one withheld figure can be worked out", f.Year, f.Programme, f.SupportType, f.FundingSource, f.Indicator)
		}
	}
	for i := range tb.Figures {
		f := &tb.Figures[i]
		if f.UnitLevel == "village" && (f.Indicator == HouseholdsReached || f.Indicator == PeopleReached) && f.Flag == "" && f.Num >= 1 && f.Num < 5 {
			t.Errorf("small count published: %+v", f)
		}
	}
}

// TestCommuneSmallCountWithheld: one household's housing grant is withheld at the
// commune level too, with its count, people and amount (issue 17: "1 hộ, 1 người,
// 45,0 triệu").
func TestCommuneSmallCountWithheld(t *testing.T) {
	const data = `year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd
2024,A,housing,housing_repair,central,1,1,1,45000000
2024,B,housing,housing_repair,central,0,0,0,0
`
	f, ps := Parse("2024.csv", []byte(data), Rules{Villages: map[string]bool{"A": true, "B": true}})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	tb, err := Compute(&Dataset{Files: []*File{f}}, "C", []string{"A", "B"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Protect(tb, 5); err != nil {
		t.Fatal(err)
	}
	for _, f := range tb.Figures {
		if f.UnitCode != "C" || f.Num == 0 {
			continue
		}
		if f.Flag != indicator.FlagSuppressed {
			t.Errorf("commune %s/%s %s = %d published", f.SupportType, f.FundingSource, f.Indicator, f.Num)
		}
	}
}
