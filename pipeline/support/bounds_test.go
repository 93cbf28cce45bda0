package support

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// contains checks that every withheld figure of a protected table carries an
// interval holding its true value (from the unprotected copy), that no interval
// pins a non-zero withheld number exactly, and that a primary count's interval
// reaches 1 and k-1 unless every non-zero member of each sum it is in is withheld
// (then the primary rule itself gives the narrowing away).
func contains(t *testing.T, raw, prot *Table, k int) (withheld, unboundedCount int) {
	t.Helper()
	closed := map[int]bool{}
	for _, eq := range prot.equations() {
		for _, i := range eq {
			closed[i] = true
		}
	}
	for _, eq := range prot.equations() {
		for _, j := range eq {
			if !prot.Figures[j].Withheld() && prot.Figures[j].Num != 0 {
				for _, i := range eq {
					closed[i] = false
				}
			}
		}
	}
	for i := range prot.Figures {
		f, r := &prot.Figures[i], &raw.Figures[i]
		if !f.Withheld() {
			if f.Bounded {
				t.Errorf("%v: a published figure has an interval", f.Key())
			}
			continue
		}
		withheld++
		if !f.Bounded {
			t.Errorf("%v: withheld without an interval", f.Key())
			continue
		}
		truth := r.Num
		if f.Measure == indicator.Percent {
			truth, _ = r.Scaled()
		}
		if f.Lower > truth || (f.Upper >= 0 && f.Upper < truth) {
			t.Errorf("%v: true value %d outside [%d, %d]", f.Key(), truth, f.Lower, f.Upper)
		}
		if f.Upper < 0 {
			unboundedCount++
		}
		if f.Measure == indicator.Percent && (f.Upper < 0 || f.Upper > 1000) {
			t.Errorf("%v: coverage's upper end %d is not within 100%%", f.Key(), f.Upper)
		}
		if f.Upper == f.Lower && truth != 0 {
			t.Errorf("%v: the non-zero value %d is determined exactly", f.Key(), truth)
		}
		if !f.Secondary && !closed[i] && f.Measure != indicator.Percent && (f.Lower > 1 || (f.Upper >= 0 && f.Upper < int64(k-1))) {
			t.Errorf("%v: primary count narrowed to [%d, %d]", f.Key(), f.Lower, f.Upper)
		}
	}
	return withheld, unboundedCount
}

// TestIntervalsHoldTheTruth protects the committed sample's support data and the
// hand-computed one and checks each withheld figure's interval against the
// unprotected aggregates.
func TestIntervalsHoldTheTruth(t *testing.T) {
	t.Run("hand", func(t *testing.T) {
		raw, err := Compute(handDataset(t), "C", []string{"A", "B", "V3"})
		if err != nil {
			t.Fatal(err)
		}
		prot, _ := Compute(handDataset(t), "C", []string{"A", "B", "V3"})
		if _, err := Protect(prot, 5); err != nil {
			t.Fatal(err)
		}
		n, _ := contains(t, raw, prot, 5)
		if n == 0 {
			t.Fatal("nothing withheld: the check is empty")
		}
		// A's province amount: 7.2m less B's published 3.2m and V3's withheld one (>= 0).
		f, _ := prot.Get(Key{2024, "A", "legal_aid", "legal_aid", "province", AmountVND})
		if f.Lower != 0 || f.Upper != 4_000_000 {
			t.Errorf("A's amount interval [%d, %d], want [0, 4000000]", f.Lower, f.Upper)
		}
	})
	t.Run("sample", func(t *testing.T) {
		p, err := config.LoadPortal("../../data/portal.toml")
		if err != nil || !p.Data.Sample {
			t.Skip("data/ holds real data (or no settings)")
		}
		d, ps, err := Read("../../data/support", testRules(), nil)
		if err != nil || len(ps) > 0 {
			t.Fatal(err, ps)
		}
		villages := p.VillageCodes()
		raw, err := Compute(d, p.Unit.Code, villages)
		if err != nil {
			t.Fatal(err)
		}
		prot, _ := Compute(d, p.Unit.Code, villages)
		if _, err := Protect(prot, p.Disclosure.K); err != nil {
			t.Fatal(err)
		}
		n, open := contains(t, raw, prot, p.Disclosure.K)
		t.Logf("%d withheld support figures, %d with no upper bound", n, open)
		if n < 20 {
			t.Fatalf("only %d withheld: the sample no longer exercises protection", n)
		}
	})
}

func ExampleFigure_Interval() {
	f := Figure{Measure: indicator.Percent, Flag: indicator.FlagSuppressed, Bounded: true, Lower: 0, Upper: 857}
	lo, hi, hasUpper, _ := f.Interval()
	fmt.Println(lo, hi, hasUpper)
	// Output: 0 85.7 true
}
