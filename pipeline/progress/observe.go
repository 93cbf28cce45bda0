package progress

import (
	"math"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// coveragePrefix starts the indicator codes of the support_coverage_* targets, which
// the support data measures, not the review.
const coveragePrefix = "support_coverage_"

// Observations returns the published values of an indicator for a unit and group in
// the protected table t, in the order of years: an unwithheld value unrounded, a
// withheld one as the interval published for it (Interval set; a withheld figure
// with no published interval is the interval from -Inf to +Inf, so that a withheld
// target year is known to be in and never gets a pace verdict).
func Observations(t *indicator.Table, years []int, unit, group, ind string) []Observation {
	var out []Observation
	for _, y := range years {
		f, ok := t.Get(indicator.Key{Year: y, UnitCode: unit, Group: group, Indicator: ind})
		if !ok {
			continue
		}
		if v, ok := f.Exact(); ok {
			out = append(out, Observation{Year: y, Value: v, Standard: t.Standards[y]})
			continue
		}
		if lo, hi, hasUpper, ok := f.Bounds(); ok {
			if !hasUpper {
				hi = math.Inf(1)
			}
			out = append(out, Observation{Year: y, Interval: true, Lower: lo, Upper: hi, Standard: t.Standards[y]})
			continue
		}
		if f.Flag == indicator.FlagSuppressed {
			out = append(out, Observation{Year: y, Interval: true, Lower: math.Inf(-1), Upper: math.Inf(1), Standard: t.Standards[y]})
		}
	}
	return out
}

// Tables are the protected tables a build's own unit is assessed from.
type Tables struct {
	// Figures are the review's figures for Years.
	Figures *indicator.Table
	Years   []int
	// Coverage is the unit's coverage of each support type for SupportYears, the
	// figures of the support_coverage_* targets (nil: none).
	Coverage     *indicator.Table
	SupportYears []int
}

// Targets assesses each target for unit from its published figures, in the order of
// targets, and draws each one's projection line. A support_coverage_* target is
// measured once the support data records a need for its support type.
func Targets(targets []config.Target, in Tables, unit string) ([]Assessment, [][]Observation) {
	var as []Assessment
	var lines [][]Observation
	for _, t := range targets {
		_, measured := indicator.Lookup(t.Indicator)
		obs := Observations(in.Figures, in.Years, unit, "all", t.Indicator)
		if strings.HasPrefix(t.Indicator, coveragePrefix) {
			obs = nil
			if in.Coverage != nil {
				obs = Observations(in.Coverage, in.SupportYears, unit, "all", t.Indicator)
			}
			measured = len(obs) > 0
		}
		a := Assess(t, obs, measured)
		as = append(as, a)
		lines = append(lines, Project(t, a))
	}
	return as, lines
}

// Units assesses the targets for each of units (the communes or provinces of a larger
// build) from the unit's own published figures in t, in the order of targets. The
// plan's baseline values are the plan's unit's, so they are left out: each unit's
// baseline is its own figure for the baseline year (or its earliest). Targets
// measured by support data are not measured at this scale, which reads no support
// data.
func Units(targets []config.Target, t *indicator.Table, years []int, units []string) map[string][]Assessment {
	out := make(map[string][]Assessment, len(units))
	for _, unit := range units {
		as := make([]Assessment, len(targets))
		for i, tg := range targets {
			_, measured := indicator.Lookup(tg.Indicator)
			own := tg
			own.Baseline = nil
			as[i] = Assess(own, Observations(t, years, unit, "all", tg.Indicator), measured && !strings.HasPrefix(tg.Indicator, coveragePrefix))
		}
		out[unit] = as
	}
	return out
}
