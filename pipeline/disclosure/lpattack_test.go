package disclosure_test

import (
	"errors"
	"math"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// This file is a second attacker, with a linear program: written from DESIGN 6 and
// the published file, not from the engine's model. It knows every published count,
// every withheld count's published range ("1–4" says a count is from 1 to 4), that
// villages add up to the commune and that poor + near-poor = both; it then asks
// gonum's simplex for the smallest and largest value of each withheld count.

// lpReader bounds the withheld counts of a one-year table by LP; it returns each
// withheld figure's [min, max].
func lpReader(t *testing.T, tab *indicator.Table) map[indicator.Key][2]float64 {
	t.Helper()
	col := map[indicator.Key]int{}
	var keys []indicator.Key
	for _, f := range tab.Figures {
		if f.IsCount() && f.Flag == indicator.FlagSuppressed {
			col[f.Key()] = len(keys)
			keys = append(keys, f.Key())
		}
	}
	n := len(keys)
	// Rows: a = b as a <= b and -a <= -b; each with a slack.
	type le struct {
		c   []float64
		rhs float64
	}
	var rows []le
	add := func(eq bool, ks []indicator.Key, cs []float64) {
		r := le{c: make([]float64, n)}
		for i, k := range ks {
			f, ok := tab.Get(k)
			if !ok {
				return
			}
			if j, hidden := col[k]; hidden {
				r.c[j] += cs[i]
			} else {
				r.rhs -= cs[i] * float64(f.Num)
			}
		}
		rows = append(rows, r)
		if eq {
			neg := le{c: make([]float64, n), rhs: -r.rhs}
			for j := range r.c {
				neg.c[j] = -r.c[j]
			}
			rows = append(rows, neg)
		}
	}
	var villages []string
	year := tab.Figures[0].Year
	for _, f := range tab.Figures {
		if f.UnitCode != "C" && f.Indicator == "households" {
			villages = append(villages, f.UnitCode)
		}
	}
	for _, code := range []string{"households", "poor_households", "near_poor_households", "poor_near_poor_households"} {
		ks := []indicator.Key{{Year: year, UnitCode: "C", Group: "all", Indicator: code}}
		cs := []float64{1}
		for _, v := range villages {
			ks = append(ks, indicator.Key{Year: year, UnitCode: v, Group: "all", Indicator: code})
			cs = append(cs, -1)
		}
		add(true, ks, cs)
	}
	for _, u := range append([]string{"C"}, villages...) {
		k := func(code string) indicator.Key {
			return indicator.Key{Year: year, UnitCode: u, Group: "all", Indicator: code}
		}
		add(true, []indicator.Key{k("poor_near_poor_households"), k("poor_households"), k("near_poor_households")}, []float64{1, -1, -1})
	}
	for j, k := range keys {
		f, _ := tab.Get(k)
		lo, hi, hasUpper, ok := f.Bounds()
		if !ok || !hasUpper {
			t.Fatalf("%v: withheld without a published range", k)
		}
		up := le{c: make([]float64, n), rhs: hi}
		up.c[j] = 1
		down := le{c: make([]float64, n), rhs: -lo}
		down.c[j] = -1
		rows = append(rows, up, down)
	}
	// Standard form with slacks, and big-M artificials for negative sides.
	m := len(rows)
	var arts []int
	for i, r := range rows {
		if r.rhs < 0 {
			arts = append(arts, i)
		}
	}
	cols := n + m + len(arts)
	A := mat.NewDense(m, cols, nil)
	b := make([]float64, m)
	basic := make([]int, m)
	c := make([]float64, cols)
	for i, r := range rows {
		s := 1.0
		if r.rhs < 0 {
			s = -1
		}
		for j, v := range r.c {
			A.Set(i, j, s*v)
		}
		A.Set(i, n+i, s)
		b[i], basic[i] = s*r.rhs, n+i
	}
	for a, i := range arts {
		A.Set(i, n+m+a, 1)
		basic[i] = n + m + a
		c[n+m+a] = 1e9
	}
	out := map[indicator.Key][2]float64{}
	for j, k := range keys {
		var iv [2]float64
		for side, sign := range []float64{1, -1} {
			c[j] = sign
			_, x, err := lp.Simplex(c, A, b, 1e-9, basic)
			if errors.Is(err, lp.ErrUnbounded) {
				iv[side] = math.Inf(1)
				continue
			}
			if err != nil {
				t.Fatalf("%v: %v", k, err)
			}
			iv[side] = x[j]
		}
		c[j] = 0
		out[k] = iv
	}
	return out
}

// TestLPReaderCannotNarrowPrimaries protects small communes whose small counts
// interlock (two small villages, a small near-poor count inside a small total) and
// attacks them by LP: every primary count keeps the whole of 1 to k-1, no non-zero
// withheld count is pinned, and every published range contains the reader's
// interval and the true value.
func TestLPReaderCannotNarrowPrimaries(t *testing.T) {
	cases := []struct {
		name  string
		lines []fx
	}{
		{"two small villages", []fx{
			"2023 C all households 100 0", "2023 C all poor_households 10 0", "2023 C all near_poor_households 20 0", "2023 C all poor_near_poor_households 30 0",
			"2023 V1 all households 40 0", "2023 V1 all poor_households 2 0", "2023 V1 all near_poor_households 9 0", "2023 V1 all poor_near_poor_households 11 0",
			"2023 V2 all households 30 0", "2023 V2 all poor_households 3 0", "2023 V2 all near_poor_households 6 0", "2023 V2 all poor_near_poor_households 9 0",
			"2023 V3 all households 30 0", "2023 V3 all poor_households 5 0", "2023 V3 all near_poor_households 5 0", "2023 V3 all poor_near_poor_households 10 0",
		}},
		{"small parts of a small total", []fx{
			"2023 C all households 60 0", "2023 C all poor_households 9 0", "2023 C all near_poor_households 12 0", "2023 C all poor_near_poor_households 21 0",
			"2023 V1 all households 20 0", "2023 V1 all poor_households 1 0", "2023 V1 all near_poor_households 2 0", "2023 V1 all poor_near_poor_households 3 0",
			"2023 V2 all households 20 0", "2023 V2 all poor_households 4 0", "2023 V2 all near_poor_households 4 0", "2023 V2 all poor_near_poor_households 8 0",
			"2023 V3 all households 20 0", "2023 V3 all poor_households 4 0", "2023 V3 all near_poor_households 6 0", "2023 V3 all poor_near_poor_households 10 0",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			const k = 5
			tab := table(t, tc.lines...)
			truth := map[indicator.Key]int64{}
			for _, f := range tab.Figures {
				truth[f.Key()] = f.Num
			}
			rep := protect(t, tab, k)
			if len(rep.AuditFailures) > 0 {
				t.Fatalf("audit failures: %v", rep.AuditFailures)
			}
			marked := 0
			for key, iv := range lpReader(t, tab) {
				f, _ := tab.Get(key)
				lo, hi, _, _ := f.Bounds()
				if !f.Secondary && lo == 1 && hi == k-1 {
					marked++
				}
				v := float64(truth[key])
				if v < lo || v > hi {
					t.Errorf("%v: range %g-%g misses the true %g", key, lo, hi, v)
				}
				if iv[0] < lo-1e-6 || iv[1] > hi+1e-6 {
					t.Errorf("%v: published %g-%g is narrower than the reader's %g-%g", key, lo, hi, iv[0], iv[1])
				}
				if !f.Secondary && (math.Ceil(iv[0]-1e-6) > 1 || math.Floor(iv[1]+1e-6) < k-1) {
					t.Errorf("%v: a reader with an LP narrows the primary %g to %g-%g", key, v, iv[0], iv[1])
				}
				if v != 0 && math.Ceil(iv[0]-1e-6) == math.Floor(iv[1]+1e-6) {
					t.Errorf("%v: a reader with an LP pins %g", key, v)
				}
			}
			if marked == 0 {
				t.Error("no primary count is shown as 1–4: the attack tested nothing sharper than before")
			}
		})
	}
}
