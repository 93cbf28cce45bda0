package disclosure_test

import (
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

var sampleVillages = []string{"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"}

func sampleTable(t testing.TB) *indicator.Table {
	t.Helper()
	return generatedTable(t, 20221)
}

// generatedTable is the table of a commune generated from seed, of the sample's shape.
func generatedTable(t testing.TB, seed uint64) *indicator.Table {
	t.Helper()
	years, err := sample.Generate(sample.Commune("12424", sampleVillages, seed))
	if err != nil {
		t.Fatal(err)
	}
	ds := &review.Dataset{}
	for _, recs := range years {
		ds.Files = append(ds.Files, &review.File{Path: "mem", Year: recs[0].Year, Records: recs, Lines: make([]int, len(recs))})
	}
	tab, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: "12424", Villages: sampleVillages})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestSampleProtected protects the sample commune's table as the build does and then
// attacks it: no small count is shown, and no withheld number can be recovered by a
// single subtraction along any relation of DESIGN 6.
func TestSampleProtected(t *testing.T) {
	for _, k := range []int{3, 5, 10} {
		tab := sampleTable(t)
		before := map[indicator.Key]indicator.Figure{}
		for _, f := range tab.Figures {
			before[f.Key()] = f
		}
		rep, err := disclosure.Protect(tab, k)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("k=%d: %d figures, %d primary, %d secondary, %d unresolved", k, len(tab.Figures), rep.Primary, rep.Secondary, len(rep.Unresolved))
		for _, u := range rep.Unresolved {
			t.Errorf("k=%d unresolved: %s", k, u)
		}
		for _, s := range exposedSmall(tab, int64(k)) {
			t.Errorf("k=%d exposed: %s", k, s)
		}
		leaks := recoverable(tab)
		for i, s := range leaks {
			if i < 20 {
				t.Errorf("k=%d leak: %s", k, s)
			}
		}
		if len(leaks) > 0 {
			t.Errorf("k=%d: %d recoverable cells", k, len(leaks))
		}
		for _, f := range tab.Figures {
			b := before[f.Key()]
			if f.Num != b.Num || f.Den != b.Den {
				t.Fatalf("%v: protection changed the numbers", f.Key())
			}
			if f.UnitLevel == "commune" && f.Group == "all" && communeStocks[f.Indicator] && f.Flag != b.Flag {
				t.Errorf("%v: commune total withheld", f.Key())
			}
			// First-year movement stays not available; a rate may be withheld instead
			// of "not available" when its zero denominator is a hidden count.
			if b.Flag == indicator.FlagNotAvailable && f.Flag != indicator.FlagNotAvailable && (f.IsCount() || f.Num != 0 || f.Den != 0) {
				t.Errorf("%v: not-available figure became %q", f.Key(), f.Flag)
			}
		}
		if rep.Primary == 0 || rep.Secondary == 0 {
			t.Errorf("k=%d: expected both primary and secondary suppression on the sample", k)
		}
	}
}

// communeStocks are the only figures DESIGN 6 exempts from protection: the commune's
// stocks over all households.
var communeStocks = map[string]bool{"households": true, "poor_households": true, "poor_rate": true,
	"near_poor_households": true, "near_poor_rate": true, "poor_near_poor_households": true, "mpi_h": true}
