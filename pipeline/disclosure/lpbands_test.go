package disclosure_test

import (
	"math"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
)

// TestLPReaderCannotUseBands attacks generated communes protected as the build
// protects them, marks and bands included: for each year, the LP reader of
// lpattack_test.go (villages add up to the commune, poor + near-poor = both, every
// published value and every published range, bands and "1–4" alike) bounds the
// withheld counts over all households. It knows less than the engine's model (no
// groups, rates or flows), so whatever it deduces a reader can; it must not narrow
// a primary count below 1 to k-1, pin a non-zero count, or beat a published range.
func TestLPReaderCannotUseBands(t *testing.T) {
	const k = 5
	for _, seed := range []uint64{20221, 2} {
		tab := generatedTable(t, seed)
		truth := map[indicator.Key]int64{}
		for _, f := range tab.Figures {
			truth[f.Key()] = f.Num
		}
		rep, err := disclosure.Protect(tab, k)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.AuditFailures) > 0 {
			t.Fatalf("seed %d: audit failures: %v", seed, rep.AuditFailures)
		}
		narrow := 0
		for _, year := range tableYears(tab) {
			slice := countsOf(tab, year)
			for key, iv := range lpReader(t, slice) {
				f, _ := slice.Get(key)
				lo, hi, _, _ := f.Bounds()
				if f.Secondary && hi-lo <= 2*k && hi > lo {
					narrow++
				}
				v := float64(truth[original(key, tab)])
				if v < lo || v > hi {
					t.Errorf("seed %d %v: range %g-%g misses the true %g", seed, key, lo, hi, v)
				}
				if iv[0] < lo-1e-6 || iv[1] > hi+1e-6 {
					t.Errorf("seed %d %v: published %g-%g is narrower than the reader's %g-%g", seed, key, lo, hi, iv[0], iv[1])
				}
				if !f.Secondary && (math.Ceil(iv[0]-1e-6) > 1 || math.Floor(iv[1]+1e-6) < k-1) {
					t.Errorf("seed %d %v: a reader with an LP narrows the primary %g to %g-%g", seed, key, v, iv[0], iv[1])
				}
				if v != 0 && math.Ceil(iv[0]-1e-6) == math.Floor(iv[1]+1e-6) {
					t.Errorf("seed %d %v: a reader with an LP pins %g", seed, key, v)
				}
			}
		}
		if rep.Banded == 0 || rep.Marked == 0 {
			t.Errorf("seed %d: %d marks and %d bands published: the attack tested nothing new", seed, rep.Marked, rep.Banded)
		}
		t.Logf("seed %d: %d marks, %d bands; %d narrow ranges on secondary counts attacked", seed, rep.Marked, rep.Banded, narrow)
	}
}

// lpCodes are the counts lpReader relates.
var lpCodes = map[string]bool{"households": true, "poor_households": true, "near_poor_households": true, "poor_near_poor_households": true}

// countsOf is one year of a protected table as lpReader reads it: the counts over
// all households, the commune renamed "C".
func countsOf(tab *indicator.Table, year int) *indicator.Table {
	out := &indicator.Table{}
	for _, f := range tab.Figures {
		if f.Year != year || f.Group != "all" || !lpCodes[f.Indicator] {
			continue
		}
		if f.UnitLevel == "commune" {
			f.UnitCode = "C"
		}
		out.Figures = append(out.Figures, f)
	}
	out.Reindex()
	return out
}

// original is key in the whole table.
func original(key indicator.Key, tab *indicator.Table) indicator.Key {
	if key.UnitCode == "C" {
		for _, f := range tab.Figures {
			if f.UnitLevel == "commune" {
				key.UnitCode = f.UnitCode
				break
			}
		}
	}
	return key
}

func tableYears(tab *indicator.Table) []int {
	var out []int
	seen := map[int]bool{}
	for _, f := range tab.Figures {
		if !seen[f.Year] {
			seen[f.Year] = true
			out = append(out, f.Year)
		}
	}
	return out
}

// TestProtectIsDeterministic protects the same commune twice: the same figures are
// withheld and the same ranges (marks and bands included) published, as the site
// must come out byte for byte the same from the same data.
func TestProtectIsDeterministic(t *testing.T) {
	var runs [2]*indicator.Table
	for i := range runs {
		runs[i] = generatedTable(t, 3)
		if _, err := disclosure.Protect(runs[i], 5); err != nil {
			t.Fatal(err)
		}
	}
	for i, a := range runs[0].Figures {
		b := runs[1].Figures[i]
		if a.Flag != b.Flag || a.Bounded != b.Bounded || a.Lower != b.Lower || a.Upper != b.Upper || a.Secondary != b.Secondary {
			t.Errorf("%v: %q [%d, %d] then %q [%d, %d]", a.Key(), a.Flag, a.Lower, a.Upper, b.Flag, b.Lower, b.Upper)
		}
	}
}
