package assemble

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
)

// madeUpStandard is a standard the code has never heard of, as a province might add
// its own: seven indicators (none of them water or sanitation) with unequal weights,
// other income lines, and poor from 2 deprivations.
const madeUpStandard = `
[[standard]]
id = "province-test-7"
decree = "made up for a test"
source = "invented by TestMadeUpStandardBuilds; nothing here is a real standard"
poor_deprivations = 2

[standard.poverty_line]
rural = 1_800_000
urban = 2_400_000

[standard.average_line]
rural = 2_700_000
urban = 3_600_000
`

// madeUpIndicators are its columns and weights.
var madeUpIndicators = []struct {
	column string
	weight string
}{
	{"d_employment", "2"}, {"d_health_insurance", "1"}, {"d_child_schooling", "1"}, {"d_housing_quality", "0.5"},
	{"d_clean_cooking", "1.5"}, {"d_internet", "1"}, {"d_savings", "0.5"},
}

// madeUpRow is one household of the test's review, as written and as counted.
type madeUpRow struct {
	village            string
	area               string
	income             int64
	dep                []int
	members, insured   int
	children, inSchool int
}

// TestMadeUpStandardBuilds builds the sample with its 2026 review replaced by one
// under a standard declared only in standards.toml, and checks the 2026 figures
// against a count made here, row by row, from the definitions.
func TestMadeUpStandardBuilds(t *testing.T) {
	l := sandbox(t)
	text := madeUpStandard
	for _, ind := range madeUpIndicators {
		text += fmt.Sprintf("\n[[standard.indicators]]\ncolumn = %q\ndimension = \"test\"\nname_vi = \"chỉ số %s\"\nname_en = \"indicator %s\"\nweight = %s\n",
			ind.column, ind.column, ind.column, ind.weight)
	}
	appendFile(t, l.Standards(), text)
	settings, err := os.ReadFile(l.PortalConfig())
	if err != nil {
		t.Fatal(err)
	}
	replaced := strings.Replace(string(settings), "id = \"2026-2030\"", "id = \"province-test-7\"", 1)
	if replaced == string(settings) {
		t.Fatal("portal.toml no longer maps 2026 to 2026-2030")
	}
	if err := os.WriteFile(l.PortalConfig(), []byte(replaced), 0o644); err != nil {
		t.Fatal(err)
	}
	rows := writeMadeUpReview(t, l)

	res, err := Build(context.Background(), Options{Layout: l, NoSite: true, Lang: "en", Getenv: func(string) string { return "" }, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int64{}
	for _, f := range res.Input.Table.Figures {
		if f.Year == 2026 && f.UnitCode == "12424" && f.Group == "all" {
			got[f.Indicator] = [2]int64{f.Num, f.Den}
		}
	}
	want := countMadeUp(rows)
	for code, nd := range want {
		if g, ok := got[code]; !ok || g != nd {
			t.Errorf("2026 %s = %v, the count here %v", code, g, nd)
		}
	}
	for code := range got {
		if strings.HasPrefix(code, "dep_") || strings.HasPrefix(code, "censored_") {
			if _, ok := want[code]; !ok {
				t.Errorf("2026 has %s, which is not an indicator of its standard", code)
			}
		}
	}
	if f, ok := res.Input.Table.Get(indicator.Key{Year: 2026, UnitCode: "12424", Group: "all", Indicator: "clean_water_rate"}); !ok || f.Flag != indicator.FlagNotAvailable {
		t.Errorf("clean water under a standard without d_water: %+v", f)
	}
	checkStandardColumn(t, l)
}

// writeMadeUpReview writes data/reviews/2026.csv under the made-up standard: 600
// random households of the sample's villages, and returns them.
func writeMadeUpReview(t *testing.T, l paths.Layout) []madeUpRow {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.WriteString("year,commune_code,village_code,household_id,area,members,income_per_capita")
	for _, ind := range madeUpIndicators {
		b.WriteString("," + ind.column)
	}
	b.WriteString(",status,cause,merit_family,disabled_member,female_head,ethnic_minority,children_6_15,children_6_15_in_school,members_insured\n")
	var rows []madeUpRow
	for i := range 600 {
		r := madeUpRow{village: fmt.Sprintf("T%02d", 1+rng.IntN(9)), area: []string{"rural", "urban"}[rng.IntN(2)],
			income: int64(rng.IntN(40)) * 100_000, members: 1 + rng.IntN(8)}
		r.insured = rng.IntN(r.members + 1)
		r.children = rng.IntN(r.members)
		r.inSchool = rng.IntN(r.children + 1)
		n := 0
		for range madeUpIndicators {
			d := 0
			if rng.IntN(4) == 0 {
				d = 1
			}
			r.dep = append(r.dep, d)
			n += d
		}
		line := map[string]int64{"rural": 1_800_000, "urban": 2_400_000}[r.area]
		status, cause := "non_poor", ""
		switch {
		case r.income <= line && n >= 2:
			status, cause = "poor", "illness"
		case r.income <= line:
			status, cause = "near_poor", "other"
		}
		fmt.Fprintf(&b, "2026,12424,%s,MT-X-%05d,%s,%d,%d", r.village, i, r.area, r.members, r.income)
		for _, d := range r.dep {
			fmt.Fprintf(&b, ",%d", d)
		}
		fmt.Fprintf(&b, ",%s,%s,0,0,0,0,%d,%d,%d\n", status, cause, r.children, r.inSchool, r.insured)
		rows = append(rows, r)
	}
	if err := os.WriteFile(filepath.Join(l.Reviews(), "2026.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return rows
}

// countMadeUp counts the commune's 2026 figures from the rows, with the weights of
// the made-up standard (2, 1, 1, 0.5, 1.5, 1, 0.5: in halves 4, 2, 2, 1, 3, 2, 1).
func countMadeUp(rows []madeUpRow) map[string][2]int64 {
	halves := []int64{4, 2, 2, 1, 3, 2, 1}
	var total int64
	for _, h := range halves {
		total += h
	}
	var households, poor, near, weighted, children, inSchool, members, insured int64
	dep := make([]int64, len(madeUpIndicators))
	censored := make([]int64, len(madeUpIndicators))
	for _, r := range rows {
		households++
		line := map[string]int64{"rural": 1_800_000, "urban": 2_400_000}[r.area]
		n := 0
		for _, d := range r.dep {
			n += d
		}
		if r.income > line {
			continue
		}
		isPoor := n >= 2
		if isPoor {
			poor++
		} else {
			near++
		}
		for j, d := range r.dep {
			if d == 1 {
				dep[j]++
				if isPoor {
					censored[j]++
					weighted += halves[j]
				}
			}
		}
		children += int64(r.children)
		inSchool += int64(r.inSchool)
		members += int64(r.members)
		insured += int64(r.insured)
	}
	out := map[string][2]int64{
		"households": {households, 0}, "poor_households": {poor, 0}, "poor_rate": {poor, households},
		"near_poor_households": {near, 0}, "mpi_h": {poor, households},
		"mpi_a": {weighted, poor * total}, "mpi_m0": {weighted, households * total},
		"school_attendance_rate": {inSchool, children}, "health_insurance_rate": {insured, members},
	}
	for j, ind := range madeUpIndicators {
		code := strings.TrimPrefix(ind.column, "d_")
		out["dep_"+code+"_rate"] = [2]int64{dep[j], poor + near}
		out["censored_"+code+"_rate"] = [2]int64{censored[j], households}
	}
	return out
}

// checkStandardColumn checks that every row of indicators.csv names the standard of
// its year.
func checkStandardColumn(t *testing.T, l paths.Layout) {
	t.Helper()
	f, err := os.Open(filepath.Join(l.Downloads(), "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, name := range recs[0] {
		if name == "standard" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("indicators.csv has no standard column")
	}
	for _, r := range recs[1:] {
		year, _ := strconv.Atoi(r[0])
		want := "2022-2025"
		if year == 2026 {
			want = "province-test-7"
		}
		if r[col] != want {
			t.Fatalf("row %v: standard %q, want %q", r, r[col], want)
		}
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
