package assemble

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// keyFigures are the village figures a citizen asks about first (issue 17's goal).
var keyFigures = map[string]bool{"poor_households": true, "poor_rate": true, "near_poor_households": true, "near_poor_rate": true, "escaped": true}

// shownRange is what a reader of the page learns of a figure: its value, or the
// range published for a withheld one. (Before issue 17 the pages showed "<k" for a
// primary count, [1, k-1], and nothing for any other withheld figure: 56.7% on the
// committed sample, 61.7%, 56.7% and 63.3% on seeds 1-3; with the audit's intervals
// and no marks, 69.6%, 78.2%, 80.5% and 76.2%.)
func shownRange(f *indicator.Figure, k int) (lo, hi float64, ok bool) {
	if v, ok := f.Value(); ok {
		return v, v, true
	}
	if lo, hi, hasUpper, ok := f.Bounds(); ok && hasUpper {
		return lo, hi, true
	}
	return 0, 0, false
}

// informative measures the share of the villages' key figures shown as a value or a
// range no wider than 2k households or 5 percentage points, and fails when a range
// misses the true value.
func informative(t *testing.T, truth, pub *indicator.Table, k int) (shown, total int) {
	t.Helper()
	for i := range pub.Figures {
		f := &pub.Figures[i]
		if f.UnitLevel != "village" || f.Group != "all" || !keyFigures[f.Indicator] || f.Flag == indicator.FlagNotAvailable {
			continue
		}
		total++
		lo, hi, ok := shownRange(f, k)
		if !ok {
			continue
		}
		tf, _ := truth.Get(f.Key())
		tf.Flag = indicator.FlagNone
		v, _ := tf.Exact()
		if v < lo-0.05 || v > hi+0.05 {
			t.Errorf("%v: range %g-%g misses the true %g", f.Key(), lo, hi, v)
		}
		width := hi - lo
		if (f.IsCount() && width <= float64(2*k)) || (!f.IsCount() && width <= 5) {
			shown++
		} else {
			// What is left for the next round to narrow (go test -v).
			t.Logf("wide: %v (secondary %v) %g-%g", f.Key(), f.Secondary, lo, hi)
		}
	}
	return shown, total
}

// TestVillageKeyFiguresInformative reports issue 17's goal on the committed sample
// and on generated communes of the same shape: run with -v to read the shares.
func TestVillageKeyFiguresInformative(t *testing.T) {
	l := sandbox(t)
	in, err := Load(l, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	if in.Dataset == nil {
		t.Skip("the committed sample is read as sums")
	}
	truth, err := indicator.Compute(in.Dataset, specOf(in.Portal, in.StandardFor))
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := Compute(l, in)
	if err != nil {
		t.Fatal(err)
	}
	k := in.Portal.Disclosure.K
	s, n := informative(t, truth, out.Table, k)
	t.Logf("committed sample: %d of %d key village figures informative (%.1f%%)", s, n, 100*float64(s)/float64(n))
	atLeast(t, "committed sample", s, n, sampleFloor)
	villages := in.Portal.VillageCodes()
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			years, err := sample.Generate(sample.Commune(in.Portal.Unit.Code, villages, seed))
			if err != nil {
				t.Fatal(err)
			}
			ds := &review.Dataset{}
			for _, recs := range years {
				ds.Files = append(ds.Files, &review.File{Path: "mem", Year: recs[0].Year, Records: recs, Lines: make([]int, len(recs))})
			}
			spec := specOf(in.Portal, in.StandardFor)
			truth, err := indicator.Compute(ds, spec)
			if err != nil {
				t.Fatal(err)
			}
			pub, _ := indicator.Compute(ds, spec)
			rep, err := disclosure.Protect(pub, k)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.AuditFailures) > 0 {
				t.Errorf("audit failures: %v", rep.AuditFailures)
			}
			s, n := informative(t, truth, pub, k)
			t.Logf("generated seed %d: %d of %d key village figures informative (%.1f%%)", seed, s, n, 100*float64(s)/float64(n))
			atLeast(t, fmt.Sprint("seed ", seed), s, n, seedFloor)
		})
	}
}

// sampleFloor and seedFloor are issue 17's goal: 90% of the villages' key figures
// shown as a value or a narrow range. (Before bands and settle, 76.7% on the
// committed sample and 89.3%, 94.8% and 86.7% on seeds 1-3; with them 98.0%, 100%,
// 99.0% and 100%.)
const (
	sampleFloor = 0.90
	seedFloor   = 0.90
)

func atLeast(t *testing.T, what string, shown, total int, floor float64) {
	t.Helper()
	if total == 0 || float64(shown) < floor*float64(total) {
		t.Errorf("%s: %d of %d key village figures informative, below the %.0f%% issue 17 asks for", what, shown, total, 100*floor)
	}
}
