package sample

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

var villages = []string{"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"}

func generate(t *testing.T, seed uint64) [][]review.Record {
	t.Helper()
	years, err := Generate(Committed("12424", villages, seed))
	if err != nil {
		t.Fatal(err)
	}
	return years
}

// csvOf writes a generated year under the sample's standard of that year.
func csvOf(t *testing.T, recs []review.Record) []byte {
	t.Helper()
	s, ok := Standards(recs[0].Year)
	if !ok {
		t.Fatalf("no standard for %d", recs[0].Year)
	}
	b, err := CSV(recs, s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterministic(t *testing.T) {
	a, b := generate(t, 7), generate(t, 7)
	for y := range a {
		ca, cb := csvOf(t, a[y]), csvOf(t, b[y])
		if !bytes.Equal(ca, cb) {
			t.Fatalf("year %d differs between two runs with the same seed", y)
		}
	}
	c := generate(t, 8)
	ca, cc := csvOf(t, a[0]), csvOf(t, c[0])
	if bytes.Equal(ca, cc) {
		t.Error("different seeds gave the same data")
	}
}

func TestShapeOfTheCommune(t *testing.T) {
	for _, seed := range []uint64{20221, 1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			years := generate(t, seed)
			want := []float64{3.5, 2.9, 2.3, 1.7, 1.1, 2.4} // 2026 under the next standard
			for y, recs := range years {
				if n := len(recs); n < 2300 || n > 2500 {
					t.Errorf("year %d: %d households, want about 2,400", 2021+y, n)
				}
				poor := 0
				for _, r := range recs {
					if r.Status == "poor" {
						poor++
					}
				}
				rate := 100 * float64(poor) / float64(len(recs))
				if math.Abs(rate-want[y]) > 0.05 {
					t.Errorf("year %d: poor rate %.2f%%, want %.1f%%", 2021+y, rate, want[y])
				}
			}
			children, inSchool := 0, 0
			for _, r := range years[0] {
				if r.Status == "poor" || r.Status == "near_poor" {
					children += r.Children6to15
					inSchool += r.Children6to15InSchool
				}
			}
			if got := math.Round(10000*float64(inSchool)/float64(children)) / 100; got != 98.41 {
				t.Errorf("2021 school attendance %d/%d = %.2f%%, want the plan's 98.41%%", inSchool, children, got)
			}
		})
	}
}

func TestMovementIsRealistic(t *testing.T) {
	years := generate(t, 20221)
	poorBefore := map[string]bool{}
	escaped, relapsed, newly := 0, 0, 0
	for y, recs := range years {
		prev := map[string]string{}
		if y > 0 {
			for _, r := range years[y-1] {
				prev[r.HouseholdID] = r.Status
			}
		}
		for _, r := range recs {
			p, seen := prev[r.HouseholdID]
			switch {
			case y > 0 && seen && p == "poor" && r.Status != "poor":
				escaped++
			case y > 0 && r.Status == "poor" && p != "poor" && poorBefore[r.HouseholdID]:
				relapsed++
			case y > 0 && r.Status == "poor" && p != "poor":
				newly++
			}
		}
		for _, r := range recs {
			if r.Status == "poor" {
				poorBefore[r.HouseholdID] = true
			}
		}
	}
	if escaped < 40 || relapsed == 0 || newly == 0 {
		t.Errorf("movement over four years: %d escaped, %d relapsed, %d newly poor; want many escapes and a few of each other", escaped, relapsed, newly)
	}
}

func TestSamplePassesTheContract(t *testing.T) {
	rules := review.Rules{CommuneCode: "12424", Villages: map[string]bool{}, StandardFor: Standards}
	for _, v := range villages {
		rules.Villages[v] = true
	}
	for y, recs := range generate(t, 20221) {
		b := csvOf(t, recs)
		name := fmt.Sprintf("%d.csv", 2021+y)
		f, problems := review.Parse(name, b, rules)
		for _, p := range problems {
			if p.Severity == problem.SeverityError {
				t.Errorf("%s", p.Message("en"))
			}
		}
		if f == nil || len(f.Records) != len(recs) {
			t.Errorf("%s: the reader did not read back every generated row", name)
		}
	}
}
