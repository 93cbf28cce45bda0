package chart

import (
	"math"
	"slices"
	"strconv"
	"testing"
)

func TestAutoAxis(t *testing.T) {
	tests := []struct {
		name      string
		lo, hi    float64
		wantLo    float64
		wantHi    float64
		wantTicks int
	}{
		{"poverty rate", 0, 9.9, 0, 10, 6},
		{"single value", 5, 5, 4.4, 5.6000000000000005, 7},
		{"zero only", 0, 0, 0, 1, 6},
		{"negative", -1.9, 0.3, -2, 0.5, 6},
		{"income", 3876, 4673, 3800, 4800, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := autoAxis(tc.lo, tc.hi, 6)
			if s.lo != tc.wantLo || s.hi != tc.wantHi || len(s.ticks) != tc.wantTicks {
				t.Errorf("autoAxis(%v, %v) = [%v, %v] with %d ticks %v, want [%v, %v] with %d",
					tc.lo, tc.hi, s.lo, s.hi, len(s.ticks), s.ticks, tc.wantLo, tc.wantHi, tc.wantTicks)
			}
		})
	}
}

// TestAxisExtremes: no input may yield an empty or non-finite domain or
// an unbounded number of ticks.
func TestAxisExtremes(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
	}{
		{"full float range", -math.MaxFloat64, math.MaxFloat64},
		{"huge", 1e308, 1.5e308},
		{"single max value", math.MaxFloat64, math.MaxFloat64},
		{"single min value", -math.MaxFloat64, -math.MaxFloat64},
		{"tiny", 5e-324, 1e-323},
		{"below precision", 1e17, 1e17 + 16},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			axes := []linAxis{autoAxis(tc.lo, tc.hi, 6)}
			if tc.hi > tc.lo { // fixedAxis is only used for valid ranges
				axes = append(axes, fixedAxis(tc.lo, tc.hi, 6))
			}
			for _, s := range axes {
				if !(s.hi > s.lo) || !finite(s.lo) || !finite(s.hi) || len(s.ticks) > maxTickCount+1 {
					t.Errorf("bad axis %+v", s)
				}
				if f := s.frac(tc.hi); !finite(f) {
					t.Errorf("frac(hi) = %v", f)
				}
			}
		})
	}
}

func TestWithZero(t *testing.T) {
	tests := []struct {
		name           string
		lo, hi, wl, wh float64
	}{
		{"rate reaches zero", 2.9, 9.9, 0, 9.9},
		{"income stays off zero", 3876, 4673, 3876, 4673},
		{"negative reaches zero", -9, -2, -9, 0},
		{"spanning zero untouched", -1, 1, -1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if l, h := withZero(tc.lo, tc.hi); l != tc.wl || h != tc.wh {
				t.Errorf("withZero(%v, %v) = %v, %v", tc.lo, tc.hi, l, h)
			}
		})
	}
}

func TestFixedAxisTicksInside(t *testing.T) {
	s := fixedAxis(3500, 4500, 6)
	if s.lo != 3500 || s.hi != 4500 {
		t.Errorf("domain changed: %+v", s)
	}
	if want := []float64{3600, 3800, 4000, 4200, 4400}; !slices.Equal(s.ticks, want) {
		t.Errorf("ticks = %v, want %v", s.ticks, want)
	}
}

func TestYearTicks(t *testing.T) {
	tests := []struct {
		name     string
		lo, hi   float64
		maxTicks int
		want     []float64
	}{
		{"every year fits", 2016, 2020, 10, []float64{2016, 2017, 2018, 2019, 2020}},
		{"every second year", 2010, 2022, 8, []float64{2010, 2012, 2014, 2016, 2018, 2020, 2022}},
		{"every fifth year", 2000, 2030, 8, []float64{2000, 2005, 2010, 2015, 2020, 2025, 2030}},
		{"single year", 2024, 2024, 8, []float64{2024}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := yearTicks(tc.lo, tc.hi, tc.maxTicks); !slices.Equal(got, tc.want) {
				t.Errorf("yearTicks = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"integer", 12, "12"},
		{"one decimal", 12.34, "12.3"},
		{"negative zero", -0.01, "0"},
		{"NaN", math.NaN(), "0"},
		{"huge is clamped", 1e300, "100000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := num(tc.in); got != tc.want {
				t.Errorf("num(%v) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestTicksAtLabelPrecision: a village's rate between 0.9 and 1.1 gets ticks that
// read differently ("0,9 1,0 1,1"), not "0,9 1,0 1,0 1,1 1,1".
func TestTicksAtLabelPrecision(t *testing.T) {
	oneDecimal := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	s := autoAxisAt(0.9, 1.1, 6, labelStep(oneDecimal))
	seen := map[string]bool{}
	for _, tk := range s.ticks {
		l := oneDecimal(tk)
		if seen[l] {
			t.Fatalf("ticks %v repeat the label %q", s.ticks, l)
		}
		seen[l] = true
	}
	if got := labelStep(func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }); got != 1 {
		t.Errorf("labelStep for whole numbers = %g", got)
	}
}
