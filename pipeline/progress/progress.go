// Package progress assesses progress towards the plan's targets.
//
// It implements section 7 of the design ("Progress against targets"). For one target
// and the published values of its indicator, [Assess] returns the baseline, the latest
// value, the required and observed paces, their ratio, a projection to the target year,
// the gap to the target and a status; every number that produced the status is
// returned so that anyone can re-derive it. [Project] draws the projection line for the
// target's chart. [Observations] reads the published values (and the intervals of
// withheld ones) from a protected table; [Targets] assesses a build's own unit and
// [Units] the communes and provinces of a larger one, before anything is published.
//
// The rules, in the order Assess applies them:
//
// A target is assessed on the values up to its target year (and, when that year has
// none, the first value after it): the later reviews belong to the next plan, so a
// finished plan's verdicts stay as they were.
//
//  1. not_yet_measured: the indicator has no data source yet (measured is false), or
//     there is no published value at all. Then not_comparable: the baseline and
//     the latest value were computed under two different poverty standards (a
//     break in the series): no pace, projection or verdict is computed across the
//     break, and the assessment says so.
//  2. Final verdict: once the latest year is at or past the target year the target
//     year's review is in; Final is true and the status is achieved when the
//     comparator holds for the latest value, not_achieved otherwise. Gap says by how
//     much (latest - target, signed).
//     When the target year's figure (or the one standing in for it) is withheld and
//     published as an interval, the interval decides instead: achieved (Final) when
//     the comparator holds at both bounds, not_achieved (Final) when it holds at
//     neither; the bounds are rounded outward, so the true value lies within them.
//     An interval that straddles the target (or a withheld figure with no interval)
//     gives undecided, Final too: the target year is over, so a pace verdict
//     (on track, needs acceleration...) would answer a question that no longer
//     stands, and the exact earlier values cannot settle it either. Nothing is
//     projected to the withheld year. An interval is never read as a value (no
//     midpoint), and a withheld year takes no stand-in from a later year.
//  3. achieved: the comparator already holds for the latest value before the target
//     year (Final stays false). This needs no pace, so one published value suffices.
//  4. not_enough_data: fewer than two distinct years counting the plan's baseline, that
//     is the baseline year is not before the latest year.
//  5. Keep targets ("keep at 100%"): deteriorating when the latest value is worse than
//     the previous published value (or than the baseline when there is no previous
//     value); otherwise rule 6.
//  6. The ratio rule: ratio = observed pace / required pace; on_track when
//     ratio >= 0.95, needs_acceleration when 0.6 <= ratio < 0.95, off_track when
//     0 <= ratio < 0.6, deteriorating when ratio < 0. When the ratio is not defined
//     (the required pace is zero or points away from the target because the baseline
//     already sits on the target or on its right side; or a compound rate is not
//     defined for negative values) the status is deteriorating if the latest value
//     moved the wrong way from the baseline, off_track otherwise.
//
// The numbers: the baseline is the plan's (t.Baseline in t.BaselineYear) when given,
// else the value published for t.BaselineYear, else the earliest published value; the
// latest is the last published value. Paces are, for "linear", points per year:
// required = (target - baseline) / (target_year - baseline_year), observed =
// (latest - baseline) / (latest_year - baseline_year); for "cagr" (Open SDG /
// Statistics Canada), compound annual growth: required =
// (target/baseline)^(1/(target_year - baseline_year)) - 1, observed =
// (latest/baseline)^(1/(latest_year - baseline_year)) - 1, with any zero value
// replaced by 0.001 first. Gap = latest - target, at any time. Before the target year,
// Projection = latest carried to the target year at the observed pace (linear:
// latest + pace × years; cagr: latest × (1 + pace)^years), clamped to [0, 100] for an
// indicator whose code ends with "_rate".
//
// No output is ever NaN or ±Inf: a number that is not defined is nil.
package progress

import (
	"math"

	"github.com/minhtien/portal/pipeline/config"
)

// The ten statuses an [Assessment] can carry.
const (
	// Achieved: the comparator holds for the latest value.
	Achieved = "achieved"
	// NotAchieved: the target year's review is in and the comparator does not hold.
	NotAchieved = "not_achieved"
	// OnTrack: ratio >= 0.95.
	OnTrack = "on_track"
	// NeedsAcceleration: 0.6 <= ratio < 0.95.
	NeedsAcceleration = "needs_acceleration"
	// OffTrack: 0 <= ratio < 0.6, or no movement when the ratio is not defined.
	OffTrack = "off_track"
	// Deteriorating: ratio < 0, or the value moved away from the target.
	Deteriorating = "deteriorating"
	// NotEnoughData: fewer than two distinct years counting the plan's baseline.
	NotEnoughData = "not_enough_data"
	// NotYetMeasured: the indicator has no data source yet, or no published value.
	NotYetMeasured = "not_yet_measured"
	// NotComparable: the baseline and the latest value are under two different
	// poverty standards; progress is assessed only within one standard.
	NotComparable = "not_comparable"
	// Undecided: the target year's figure is withheld and what is published of it
	// (its interval, or nothing) lies on both sides of the target: the plan is over,
	// and the published figures cannot say whether it was met (issue 17).
	Undecided = "undecided"
)

// The two methods of section 7.
const (
	// MethodLinear compares percentage points (units) per year.
	MethodLinear = "linear"
	// MethodCAGR compares compound annual growth rates (Open SDG / Statistics Canada).
	MethodCAGR = "cagr"
)

// Thresholds of the ratio rule.
const (
	onTrackRatio      = 0.95
	accelerationRatio = 0.6
)

// cagrZero replaces a zero value (baseline, latest or target) before a compound
// growth rate is computed, as the Open SDG method does.
const cagrZero = 0.001

// maxProjectionYears bounds the projection: a line longer than this many years is not
// meaningful (and the plan's target years are 2000-2100 anyway).
const maxProjectionYears = 100

// Observation is one published value of the target's indicator, already protected:
// an exact value, or the interval published for a withheld one. The caller omits
// not-available years and withheld ones with no interval.
type Observation struct {
	Year  int
	Value float64
	// Interval says the value is withheld and only its bounds are published: the
	// true value lies in [Lower, Upper] (Upper is +Inf when nothing bounds it from
	// above). Value is then not used: an interval is never read as a value.
	Interval     bool
	Lower, Upper float64
	// Standard is the id of the poverty standard the value was computed under; ""
	// when it does not depend on one (support data).
	Standard string
}

// Assessment is the progress of one target: the status and every number that
// produced it. A pointer field is nil when the number is not defined.
type Assessment struct {
	// TargetID is the target's id.
	TargetID string
	// Status is one of the ten status constants.
	Status string
	// Method is the method used: "linear" or "cagr".
	Method string
	// Baseline is the plan's baseline value, else the value published for the
	// baseline year, else the earliest published value.
	Baseline *float64
	// Latest is the last published value.
	Latest *float64
	// RequiredPace is the pace needed from the baseline to reach the target in the
	// target year: points per year (linear) or compound annual growth (cagr).
	RequiredPace *float64
	// ObservedPace is the pace from the baseline to the latest value, in the same unit.
	ObservedPace *float64
	// Ratio is ObservedPace / RequiredPace when the required pace is non-zero and
	// points towards the target.
	Ratio *float64
	// Projection is the value expected in the target year at the observed pace; set
	// only before the target year.
	Projection *float64
	// Gap is latest - target, signed (negative: below the target).
	Gap *float64
	// BaselineYear is the year of Baseline.
	BaselineYear int
	// LatestYear is the year of Latest.
	LatestYear int
	// Final reports that the target year's review is in: the verdict (achieved,
	// not_achieved, or undecided when the withheld figure cannot settle it) is final.
	Final bool
	// BaselineStandard and Standard are the poverty standards of the baseline and of
	// the latest value ("" when not known); they differ for not_comparable.
	BaselineStandard, Standard string
	// WithheldYear is set (non-zero) when the target year's figure (or the one that
	// stands in for it) is withheld and published as an interval: WithheldLower and
	// WithheldUpper are its bounds (WithheldUpper nil when nothing bounds it from
	// above). The interval gives the final verdict when it lies wholly on one side
	// of the target; otherwise the verdict is not final.
	WithheldYear                 int
	WithheldLower, WithheldUpper *float64
}

// Assess assesses target t against the published values obs (in any order; if a year
// appears twice the later entry wins; non-finite values are ignored). measured is
// false when the indicator has no data source yet, which gives not_yet_measured.
// The rules are those of the package documentation.
func Assess(t config.Target, obs []Observation, measured bool) Assessment {
	a := Assessment{TargetID: t.ID, Method: methodOf(t.Method), Status: NotYetMeasured}
	series, withheld := split(upTo(clean(obs), t.Year), t.Year)
	if !measured {
		return a
	}
	if withheld != nil {
		a.WithheldYear, a.WithheldLower, a.WithheldUpper = withheld.Year, finite(withheld.Lower), finite(withheld.Upper)
	}
	// Rule 1: nothing published; a withheld target year can still decide.
	if len(series) == 0 {
		if withheld != nil {
			a.Status, a.Final, a.Standard = decide(t.Comparator, withheld, t.Value), true, withheld.Standard
		}
		return a
	}
	last := series[len(series)-1]
	latest, target := last.Value, t.Value
	baseline, baseYear := baselineOf(t, series)
	down := lowerIsBetter(t.Comparator)

	a.Baseline, a.BaselineYear = finite(baseline), baseYear
	a.Latest, a.LatestYear = finite(latest), last.Year
	a.BaselineStandard, a.Standard = standardAt(series, baseYear), last.Standard
	if !sameStandard(a.BaselineStandard, a.Standard) || (withheld != nil && !sameStandard(a.BaselineStandard, withheld.Standard)) {
		// Rule 1b: a break in the series; nothing is computed across it.
		a.Status = NotComparable
		return a
	}
	// Gap, before the final year too: latest - target.
	a.Gap = finite(latest - target)

	// Paces: linear (target - baseline) / (target_year - baseline_year) and
	// (latest - baseline) / (latest_year - baseline_year); cagr the compound
	// equivalents. Not defined when the span of years is not positive.
	required := pace(a.Method, baseline, target, years(baseYear, t.Year))
	observed := pace(a.Method, baseline, latest, years(baseYear, last.Year))
	ratio := ratioOf(down, baseline, target, required, observed)
	a.RequiredPace, a.ObservedPace, a.Ratio = finite(required), finite(observed), finite(ratio)

	// Projection: latest carried forward at the observed pace to the target year,
	// only before the target year.
	if span := years(last.Year, t.Year); a.ObservedPace != nil && span > 0 && span <= maxProjectionYears {
		a.Projection = finite(projectAt(a.Method, t.Indicator, latest, observed, span))
	}

	if withheld != nil {
		// Rule 2b: the target year's review is in, withheld: nothing is projected to
		// it, and its interval gives the verdict, undecided when it straddles the
		// target. Never a pace: the plan is over.
		a.Projection = nil
		a.Status, a.Final = decide(t.Comparator, withheld, target), true
		return a
	}
	met := holds(t.Comparator, latest, target)
	switch {
	case last.Year >= t.Year:
		// Rule 2: the target year's review is in; the verdict is final.
		a.Final = true
		if met {
			a.Status = Achieved
		} else {
			a.Status = NotAchieved
		}
	case met:
		// Rule 3: achieved already, before the target year.
		a.Status = Achieved
	case last.Year <= baseYear:
		// Rule 4: fewer than two distinct years counting the plan's baseline.
		a.Status = NotEnoughData
	case t.Keep && worse(down, latest, previous(series, baseline)):
		// Rule 5: a keep target that fell since the previous value.
		a.Status = Deteriorating
	default:
		// Rule 6: the ratio rule.
		a.Status = byRatio(ratio, worse(down, latest, baseline))
	}
	return a
}

// Project returns the projection line of assessment a for target t's chart: one point
// a year from the latest year (the latest value) to the target year, at the observed
// pace (linear: latest + pace × years; cagr: latest × (1 + pace)^years). Values of an
// indicator whose code ends with "_rate" are clamped to [0, 100]. It is empty when
// there is nothing meaningful to draw: no latest value or observed pace, a final
// verdict, a withheld target year, the latest year not before the target year, or a
// span over 100 years.
func Project(t config.Target, a Assessment) []Observation {
	if a.Latest == nil || a.ObservedPace == nil || a.Final || a.WithheldYear != 0 {
		return nil
	}
	span := years(a.LatestYear, t.Year)
	if !(span > 0 && span <= maxProjectionYears) {
		return nil
	}
	method := a.Method
	if method == "" {
		method = methodOf(t.Method)
	}
	line := make([]Observation, 0, int(span)+1)
	for k := 0; k <= int(span); k++ {
		v := projectAt(method, t.Indicator, *a.Latest, *a.ObservedPace, float64(k))
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		line = append(line, Observation{Year: a.LatestYear + k, Value: v})
	}
	return line
}

// methodOf returns the method used for a target's method: "cagr" or, for anything
// else (config defaults an empty method to "linear"), "linear".
func methodOf(m string) string {
	if m == MethodCAGR {
		return MethodCAGR
	}
	return MethodLinear
}
