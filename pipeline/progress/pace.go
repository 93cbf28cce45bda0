package progress

import (
	"math"
	"strings"
)

// lowerIsBetter reports whether the comparator asks for a value below the target.
func lowerIsBetter(cmp string) bool {
	return cmp == "<" || cmp == "<="
}

// holds reports whether "v cmp target" is true. An unknown comparator (config rejects
// them) never holds.
func holds(cmp string, v, target float64) bool {
	switch cmp {
	case "<":
		return v < target
	case "<=":
		return v <= target
	case ">=":
		return v >= target
	case ">":
		return v > target
	}
	return false
}

// decide returns the verdict the withheld interval iv settles against the target
// with comparator cmp: achieved when the comparator holds at both bounds,
// not_achieved when it holds at neither (the set where it holds is a half-line, so
// both bounds decide the whole interval). The bounds are rounded outward, so the
// true value lies within them and a bound equal to the target decides nothing
// unless the comparator settles it; undecided when iv straddles the target.
func decide(cmp string, iv *Observation, target float64) string {
	lo, hi := holds(cmp, iv.Lower, target), holds(cmp, iv.Upper, target)
	switch {
	case lo && hi:
		return Achieved
	case !lo && !hi:
		return NotAchieved
	}
	return Undecided
}

// worse reports whether v is further from the target's side than ref: above it when
// lower is better, below it otherwise.
func worse(down bool, v, ref float64) bool {
	if down {
		return v > ref
	}
	return v < ref
}

// years returns to - from as a float64, without integer overflow.
func years(from, to int) float64 {
	return float64(to) - float64(from)
}

// pace returns the pace from value from to value to over dy years: linear
// (to - from) / dy points per year; cagr (to/from)^(1/dy) - 1 with a zero value
// replaced by 0.001 (computed as expm1(log(to/from)/dy) for accuracy). NaN when dy is
// not positive or the compound rate is not defined (a negative value).
func pace(method string, from, to, dy float64) float64 {
	if !(dy > 0) {
		return math.NaN()
	}
	if method == MethodCAGR {
		q := nonZero(to) / nonZero(from)
		if !(q > 0) {
			return math.NaN()
		}
		return math.Expm1(math.Log(q) / dy)
	}
	return (to - from) / dy
}

// nonZero replaces zero by 0.001 for the compound growth rate.
func nonZero(v float64) float64 {
	if v == 0 {
		return cagrZero
	}
	return v
}

// ratioOf returns observed / required when the ratio is meaningful: the baseline still
// has to move towards the target (it is on the wrong side of it) and the required pace
// is non-zero and points that way. Otherwise NaN, which the ratio rule treats by the
// direction of the change alone (this covers a zero required pace, never dividing by
// zero).
func ratioOf(down bool, baseline, target, required, observed float64) float64 {
	if math.IsNaN(required) || math.IsNaN(observed) {
		return math.NaN()
	}
	if down && baseline > target && required < 0 {
		return observed / required
	}
	if !down && baseline < target && required > 0 {
		return observed / required
	}
	return math.NaN()
}

// byRatio is the ratio rule: on_track ratio >= 0.95, needs_acceleration
// 0.6 <= ratio < 0.95, off_track 0 <= ratio < 0.6, deteriorating ratio < 0. When the
// ratio is not defined (NaN): deteriorating if the value moved the wrong way
// (wrongWay), else off_track.
func byRatio(ratio float64, wrongWay bool) string {
	switch {
	case math.IsNaN(ratio):
		if wrongWay {
			return Deteriorating
		}
		return OffTrack
	case ratio >= onTrackRatio:
		return OnTrack
	case ratio >= accelerationRatio:
		return NeedsAcceleration
	case ratio >= 0:
		return OffTrack
	}
	return Deteriorating
}

// projectAt returns the value k years after the latest one at the observed pace:
// linear latest + pace × k; cagr latest × (1 + pace)^k. For an indicator whose code
// ends with "_rate" the value is clamped to [0, 100].
func projectAt(method, indicator string, latest, pace, k float64) float64 {
	var v float64
	if method == MethodCAGR {
		v = latest * math.Pow(1+pace, k)
	} else {
		v = latest + pace*k
	}
	if strings.HasSuffix(indicator, "_rate") && !math.IsNaN(v) {
		v = math.Min(100, math.Max(0, v))
	}
	return v
}

// finite returns a pointer to v, or nil when v is NaN or ±Inf.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
