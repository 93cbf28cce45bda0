package progress

import (
	"encoding/binary"
	"math"
	"math/rand"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
)

const tol = 1e-9

func f(v float64) *float64 { return &v }

// poverty is the plan's poverty-rate target: poor_rate < 1.2 by 2025, from 2021.
func poverty() config.Target {
	return config.Target{ID: "poverty-rate", Indicator: "poor_rate", Comparator: "<", Value: 1.2,
		Year: 2025, BaselineYear: 2021, Method: "linear"}
}

// school is the school-attendance target: >= 99 by 2025, plan baseline 98.41 (2021).
func school() config.Target {
	return config.Target{ID: "school-attendance", Indicator: "school_attendance_rate", Comparator: ">=",
		Value: 99, Year: 2025, BaselineYear: 2021, Baseline: f(98.41), Method: "linear"}
}

// insurance is the keep target: health_insurance_rate >= 100, kept, from 2021.
func insurance() config.Target {
	return config.Target{ID: "health-insurance", Indicator: "health_insurance_rate", Comparator: ">=",
		Value: 100, Year: 2025, BaselineYear: 2021, Method: "linear", Keep: true}
}

func with(t config.Target, edit func(*config.Target)) config.Target {
	edit(&t)
	return t
}

func series(pairs ...float64) []Observation {
	var out []Observation
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Observation{Year: int(pairs[i]), Value: pairs[i+1]})
	}
	return out
}

type golden struct {
	name     string
	target   config.Target
	obs      []Observation
	measured bool
	want     Assessment
}

// goldenCases covers every status. Each case carries its hand computation.
func goldenCases() []golden {
	return []golden{
		{
			// baseline 3.5 (2021), latest 2.3 (2023): observed (2.3-3.5)/2 = -0.6/yr;
			// required (1.2-3.5)/4 = -0.575/yr; ratio 0.6/0.575 = 1.0434782608695652 -> on_track;
			// projection 2.3 + (-0.6)*2 = 1.1; gap 2.3-1.2 = 1.1.
			name: "on_track", target: poverty(), obs: series(2021, 3.5, 2022, 2.9, 2023, 2.3), measured: true,
			want: Assessment{Status: OnTrack, Baseline: f(3.5), BaselineYear: 2021, Latest: f(2.3), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-0.6), Ratio: f(1.0434782608695652), Projection: f(1.1), Gap: f(1.1)},
		},
		{
			// Same as on_track, given out of order and with 2023 repeated (the later entry,
			// 2.3, wins); the 2020 value is ignored because the baseline year 2021 is published.
			name: "unsorted_duplicate_baseline_year_value", target: poverty(),
			obs: series(2023, 9.9, 2020, 4.0, 2023, 2.3, 2021, 3.5), measured: true,
			want: Assessment{Status: OnTrack, Baseline: f(3.5), BaselineYear: 2021, Latest: f(2.3), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-0.6), Ratio: f(1.0434782608695652), Projection: f(1.1), Gap: f(1.1)},
		},
		{
			// baseline 3.5 (2021), latest 2.7 (2023): observed -0.8/2 = -0.4/yr; required -0.575/yr;
			// ratio 0.4/0.575 = 0.6956521739130435 -> needs_acceleration;
			// projection 2.7 - 0.8 = 1.9; gap 2.7-1.2 = 1.5.
			name: "needs_acceleration", target: poverty(), obs: series(2021, 3.5, 2023, 2.7), measured: true,
			want: Assessment{Status: NeedsAcceleration, Baseline: f(3.5), BaselineYear: 2021, Latest: f(2.7), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-0.4), Ratio: f(0.6956521739130435), Projection: f(1.9), Gap: f(1.5)},
		},
		{
			// baseline 3.5 (2021), latest 3.2 (2023): observed -0.3/2 = -0.15/yr; required -0.575/yr;
			// ratio 0.15/0.575 = 0.2608695652173913 -> off_track; projection 3.2 - 0.3 = 2.9; gap 2.0.
			name: "off_track", target: poverty(), obs: series(2021, 3.5, 2023, 3.2), measured: true,
			want: Assessment{Status: OffTrack, Baseline: f(3.5), BaselineYear: 2021, Latest: f(3.2), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-0.15), Ratio: f(0.2608695652173913), Projection: f(2.9), Gap: f(2.0)},
		},
		{
			// baseline 3.5 (2021), latest 3.9 (2023): observed +0.4/2 = +0.2/yr; required -0.575/yr;
			// ratio 0.2/-0.575 = -0.34782608695652173 -> deteriorating; projection 3.9 + 0.4 = 4.3; gap 2.7.
			name: "deteriorating", target: poverty(), obs: series(2021, 3.5, 2023, 3.9), measured: true,
			want: Assessment{Status: Deteriorating, Baseline: f(3.5), BaselineYear: 2021, Latest: f(3.9), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(0.2), Ratio: f(-0.34782608695652173), Projection: f(4.3), Gap: f(2.7)},
		},
		{
			// latest 1.0 (2023) < 1.2 before 2025 -> achieved early, not final.
			// observed (1.0-3.5)/2 = -1.25/yr; required -0.575/yr; ratio 1.25/0.575 = 2.1739130434782608;
			// projection 1.0 - 2.5 = -1.5, clamped to 0 (poor_rate is a rate); gap 1.0-1.2 = -0.2.
			name: "achieved_early", target: poverty(), obs: series(2021, 3.5, 2023, 1.0), measured: true,
			want: Assessment{Status: Achieved, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.0), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-1.25), Ratio: f(2.1739130434782608), Projection: f(0), Gap: f(-0.2)},
		},
		{
			// "<=" holds at equality: latest 1.2 (2023) <= 1.2 -> achieved early.
			// observed (1.2-3.5)/2 = -1.15/yr; required -0.575/yr; ratio 2; projection 1.2-2.3 = -1.1 -> 0; gap 0.
			name: "achieved_early_at_equality", target: with(poverty(), func(t *config.Target) { t.Comparator = "<=" }),
			obs: series(2021, 3.5, 2023, 1.2), measured: true,
			want: Assessment{Status: Achieved, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.2), LatestYear: 2023,
				RequiredPace: f(-0.575), ObservedPace: f(-1.15), Ratio: f(2), Projection: f(0), Gap: f(0)},
		},
		{
			// latest 1.1 (2025) < 1.2 in the target year -> achieved, final.
			// observed (1.1-3.5)/4 = -0.6/yr; required -0.575/yr; ratio 1.0434782608695652;
			// no projection (target year reached); gap 1.1-1.2 = -0.1.
			name: "achieved_final", target: poverty(), obs: series(2021, 3.5, 2023, 2.3, 2025, 1.1), measured: true,
			want: Assessment{Status: Achieved, Final: true, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.1), LatestYear: 2025,
				RequiredPace: f(-0.575), ObservedPace: f(-0.6), Ratio: f(1.0434782608695652), Gap: f(-0.1)},
		},
		{
			// latest 1.5 (2025) not < 1.2 -> not_achieved, final, missed by gap 1.5-1.2 = +0.3.
			// observed (1.5-3.5)/4 = -0.5/yr; required -0.575/yr; ratio 0.5/0.575 = 0.8695652173913043.
			name: "not_achieved_final_with_gap", target: poverty(), obs: series(2021, 3.5, 2023, 2.3, 2025, 1.5), measured: true,
			want: Assessment{Status: NotAchieved, Final: true, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.5), LatestYear: 2025,
				RequiredPace: f(-0.575), ObservedPace: f(-0.5), Ratio: f(0.8695652173913043), Gap: f(0.3)},
		},
		{
			// latest year 2026 past the target year 2025 -> final; 1.0 < 1.2 -> achieved.
			// observed (1.0-3.5)/5 = -0.5/yr; required -0.575/yr; ratio 0.8695652173913043; gap -0.2.
			name: "final_after_target_year", target: poverty(), obs: series(2021, 3.5, 2026, 1.0), measured: true,
			want: Assessment{Status: Achieved, Final: true, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.0), LatestYear: 2026,
				RequiredPace: f(-0.575), ObservedPace: f(-0.5), Ratio: f(0.8695652173913043), Gap: f(-0.2)},
		},
		{
			// A finished plan keeps its verdict: the 2026 review (1.0) belongs to the next
			// plan; the 2025 value 1.5 decides: not_achieved, gap +0.3.
			name: "verdict_kept_after_next_review", target: poverty(), obs: series(2021, 3.5, 2025, 1.5, 2026, 1.0), measured: true,
			want: Assessment{Status: NotAchieved, Final: true, Baseline: f(3.5), BaselineYear: 2021, Latest: f(1.5), LatestYear: 2025,
				RequiredPace: f(-0.575), ObservedPace: f(-0.5), Ratio: f(0.8695652173913043), Gap: f(0.3)},
		},
		{
			// Baseline 2021 under one standard, latest 2023 under another: no pace, no
			// verdict across the break; not_comparable names both standards.
			name: "break_in_series", target: poverty(), obs: []Observation{{Year: 2021, Value: 3.5, Standard: "A"}, {Year: 2022, Value: 2.9, Standard: "A"}, {Year: 2023, Value: 4.0, Standard: "B"}}, measured: true,
			want: Assessment{Status: NotComparable, Baseline: f(3.5), BaselineYear: 2021, Latest: f(4.0), LatestYear: 2023,
				BaselineStandard: "A", Standard: "B"},
		},
		{
			// one year only: baseline = latest = 3.5 (2021) -> not_enough_data.
			// required (1.2-3.5)/4 = -0.575/yr; observed undefined (0 years); gap 3.5-1.2 = 2.3.
			name: "not_enough_data", target: poverty(), obs: series(2021, 3.5), measured: true,
			want: Assessment{Status: NotEnoughData, Baseline: f(3.5), BaselineYear: 2021, Latest: f(3.5), LatestYear: 2021,
				RequiredPace: f(-0.575), Gap: f(2.3)},
		},
		{
			// plan baseline 98.41 (2021) and one value 98.6 in the same year 2021 -> not_enough_data.
			// required (99-98.41)/4 = 0.1475/yr; observed undefined; gap 98.6-99 = -0.4.
			name: "not_enough_data_plan_baseline_same_year", target: school(), obs: series(2021, 98.6), measured: true,
			want: Assessment{Status: NotEnoughData, Baseline: f(98.41), BaselineYear: 2021, Latest: f(98.6), LatestYear: 2021,
				RequiredPace: f(0.1475), Gap: f(-0.4)},
		},
		{
			// the plan baseline counts as a year: 98.41 (2021, plan) and 98.8 (2023, published).
			// observed (98.8-98.41)/2 = 0.195/yr; required 0.1475/yr; ratio 0.195/0.1475 = 1.3220338983050848
			// -> on_track; projection 98.8 + 0.39 = 99.19; gap 98.8-99 = -0.2.
			name: "plan_baseline_counts_as_a_year", target: school(), obs: series(2023, 98.8), measured: true,
			want: Assessment{Status: OnTrack, Baseline: f(98.41), BaselineYear: 2021, Latest: f(98.8), LatestYear: 2023,
				RequiredPace: f(0.1475), ObservedPace: f(0.195), Ratio: f(1.3220338983050848), Projection: f(99.19), Gap: f(-0.2)},
		},
		{
			// no baseline year in the plan: baseline = earliest value 60 (2022), latest 80 (2024).
			// required (100-60)/(2025-2022) = 13.333333333333334/yr; observed 20/2 = 10/yr; ratio 0.75
			// -> needs_acceleration; projection 80 + 10 = 90 (not a "_rate": no clamp); gap -20.
			name: "no_baseline_year_earliest_value",
			target: config.Target{ID: "job-support", Indicator: "support_coverage_jobs", Comparator: ">=", Value: 100,
				Year: 2025, Method: "linear"},
			obs: series(2024, 80, 2022, 60), measured: true,
			want: Assessment{Status: NeedsAcceleration, Baseline: f(60), BaselineYear: 2022, Latest: f(80), LatestYear: 2024,
				RequiredPace: f(13.333333333333334), ObservedPace: f(10), Ratio: f(0.75), Projection: f(90), Gap: f(-20)},
		},
		{
			// no data source yet: everything nil even though values were passed.
			name: "not_yet_measured", target: poverty(), obs: series(2021, 3.5, 2023, 2.3), measured: false,
			want: Assessment{Status: NotYetMeasured},
		},
		{
			// a data source but nothing published (all suppressed) -> not_yet_measured.
			name: "not_yet_measured_no_values", target: poverty(), obs: nil, measured: true,
			want: Assessment{Status: NotYetMeasured},
		},
		{
			// keep at 100%: latest 100 (2023) >= 100 -> achieved.
			// required (100-100)/4 = 0; observed 0/2 = 0; ratio undefined (baseline already on target);
			// projection 100 + 0*2 = 100; gap 0.
			name: "keep_achieved", target: insurance(), obs: series(2021, 100, 2022, 100, 2023, 100), measured: true,
			want: Assessment{Status: Achieved, Baseline: f(100), BaselineYear: 2021, Latest: f(100), LatestYear: 2023,
				RequiredPace: f(0), ObservedPace: f(0), Projection: f(100), Gap: f(0)},
		},
		{
			// one value only, 100 (2021), already meets ">= 100": achieved takes precedence over
			// not_enough_data (no pace is needed). required (100-100)/4 = 0; observed undefined; gap 0.
			name: "achieved_with_one_value", target: insurance(), obs: series(2021, 100), measured: true,
			want: Assessment{Status: Achieved, Baseline: f(100), BaselineYear: 2021, Latest: f(100), LatestYear: 2021,
				RequiredPace: f(0), Gap: f(0)},
		},
		{
			// keep: latest 99.5 (2023) fell from the previous 99.8 (2022) -> deteriorating, although the
			// ratio alone would say on_track: required (100-98)/4 = 0.5/yr, observed (99.5-98)/2 = 0.75/yr,
			// ratio 1.5. projection 99.5 + 1.5 = 101 -> clamped to 100; gap -0.5.
			name: "keep_deteriorating", target: insurance(), obs: series(2021, 98, 2022, 99.8, 2023, 99.5), measured: true,
			want: Assessment{Status: Deteriorating, Baseline: f(98), BaselineYear: 2021, Latest: f(99.5), LatestYear: 2023,
				RequiredPace: f(0.5), ObservedPace: f(0.75), Ratio: f(1.5), Projection: f(100), Gap: f(-0.5)},
		},
		{
			// keep: fell from 100 (2021, met) to 99.5 (2022). previous 100 > 99.5 -> deteriorating.
			// required 0 (baseline on target); observed -0.5/yr; ratio undefined;
			// projection 99.5 - 0.5*3 = 98; gap -0.5.
			name: "keep_deteriorating_from_met", target: insurance(), obs: series(2021, 100, 2022, 99.5), measured: true,
			want: Assessment{Status: Deteriorating, Baseline: f(100), BaselineYear: 2021, Latest: f(99.5), LatestYear: 2022,
				RequiredPace: f(0), ObservedPace: f(-0.5), Projection: f(98), Gap: f(-0.5)},
		},
		{
			// keep: 98 -> 98.5 -> 99, not fallen -> the ratio rule: required (100-98)/4 = 0.5/yr,
			// observed (99-98)/2 = 0.5/yr, ratio 1 -> on_track; projection 99 + 1 = 100; gap -1.
			name: "keep_rising_ratio_rule", target: insurance(), obs: series(2021, 98, 2022, 98.5, 2023, 99), measured: true,
			want: Assessment{Status: OnTrack, Baseline: f(98), BaselineYear: 2021, Latest: f(99), LatestYear: 2023,
				RequiredPace: f(0.5), ObservedPace: f(0.5), Ratio: f(1), Projection: f(100), Gap: f(-1)},
		},
		{
			// cagr with a zero target: <= 0 poor households by 2025; target 0 -> 0.001.
			// required (0.001/8)^(1/4) - 1 = -0.8942628736559436; observed (2/8)^(1/2) - 1 = -0.5;
			// ratio 0.5/0.8942628736559436 = 0.5591197115853528 -> off_track;
			// projection 2 * (1-0.5)^2 = 0.5; gap 2 - 0 = 2.
			name: "cagr_zero_target",
			target: config.Target{ID: "poor-households", Indicator: "poor_households", Comparator: "<=", Value: 0,
				Year: 2025, BaselineYear: 2021, Method: "cagr"},
			obs: series(2021, 8, 2023, 2), measured: true,
			want: Assessment{Status: OffTrack, Method: "cagr", Baseline: f(8), BaselineYear: 2021, Latest: f(2), LatestYear: 2023,
				RequiredPace: f(-0.8942628736559436), ObservedPace: f(-0.5), Ratio: f(0.5591197115853528), Projection: f(0.5), Gap: f(2)},
		},
		{
			// cagr with a zero baseline: 0 -> 0.001. required (50/0.001)^(1/4) - 1 = 50000^0.25 - 1
			// = 13.953487812212206; observed (4/0.001)^(1/2) - 1 = 4000^0.5 - 1 = 62.245553203367585;
			// ratio 4.460931491901958 -> on_track; projection 4 * 63.2455...^2 = 16000 -> clamped to 100
			// (a "_rate"); gap 4 - 50 = -46.
			name: "cagr_zero_baseline",
			target: config.Target{ID: "loans", Indicator: "loan_rate", Comparator: ">=", Value: 50,
				Year: 2025, BaselineYear: 2021, Method: "cagr"},
			obs: series(2021, 0, 2023, 4), measured: true,
			want: Assessment{Status: OnTrack, Method: "cagr", Baseline: f(0), BaselineYear: 2021, Latest: f(4), LatestYear: 2023,
				RequiredPace: f(13.953487812212206), ObservedPace: f(62.245553203367585), Ratio: f(4.460931491901958),
				Projection: f(100), Gap: f(-46)},
		},
		{
			// cagr, no zero: required 2^(1/4) - 1 = 0.18920711500272103; observed 1.5^(1/2) - 1 =
			// 0.22474487139158894; ratio 1.187824630106309 -> on_track; projection 1500 * 1.5 = 2250; gap -500.
			name: "cagr_on_track",
			target: config.Target{ID: "incomes", Indicator: "mean_income", Comparator: ">=", Value: 2000,
				Year: 2025, BaselineYear: 2021, Method: "cagr"},
			obs: series(2021, 1000, 2023, 1500), measured: true,
			want: Assessment{Status: OnTrack, Method: "cagr", Baseline: f(1000), BaselineYear: 2021, Latest: f(1500), LatestYear: 2023,
				RequiredPace: f(0.18920711500272103), ObservedPace: f(0.22474487139158894), Ratio: f(1.187824630106309),
				Projection: f(2250), Gap: f(-500)},
		},
		{
			// required pace zero: plan baseline 1.2 (2021) equals the target but "<" does not hold.
			// required (1.2-1.2)/4 = 0 -> no ratio; latest 1.5 moved up (the wrong way) -> deteriorating.
			// observed 0.3/2 = 0.15/yr; projection 1.5 + 0.3 = 1.8; gap 0.3.
			name:   "required_pace_zero_wrong_way",
			target: with(poverty(), func(t *config.Target) { t.Baseline = f(1.2) }),
			obs:    series(2023, 1.5), measured: true,
			want: Assessment{Status: Deteriorating, Baseline: f(1.2), BaselineYear: 2021, Latest: f(1.5), LatestYear: 2023,
				RequiredPace: f(0), ObservedPace: f(0.15), Projection: f(1.8), Gap: f(0.3)},
		},
		{
			// required pace zero and no movement: 1.2 -> 1.2, "<" does not hold -> off_track.
			// required 0, observed 0; no ratio; projection 1.2; gap 0.
			name:   "required_pace_zero_no_movement",
			target: with(poverty(), func(t *config.Target) { t.Baseline = f(1.2) }),
			obs:    series(2023, 1.2), measured: true,
			want: Assessment{Status: OffTrack, Baseline: f(1.2), BaselineYear: 2021, Latest: f(1.2), LatestYear: 2023,
				RequiredPace: f(0), ObservedPace: f(0), Projection: f(1.2), Gap: f(0)},
		},
		{
			// the baseline 1.0 (2021) already met "< 1.2"; the value rose to 1.4 (2023). The required
			// pace (1.2-1.0)/4 = +0.05/yr points away from the target, so no ratio (it would be
			// 0.2/0.05 = 4, "on_track"); moved the wrong way -> deteriorating.
			// observed 0.4/2 = 0.2/yr; projection 1.4 + 0.4 = 1.8; gap 0.2.
			name:   "baseline_already_met_then_lost",
			target: with(poverty(), func(t *config.Target) { t.Baseline = f(1.0) }),
			obs:    series(2023, 1.4), measured: true,
			want: Assessment{Status: Deteriorating, Baseline: f(1.0), BaselineYear: 2021, Latest: f(1.4), LatestYear: 2023,
				RequiredPace: f(0.05), ObservedPace: f(0.2), Projection: f(1.8), Gap: f(0.2)},
		},
	}
}

func eqPtr(got, want *float64) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	return math.Abs(*got-*want) <= tol
}

func show(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}

func TestAssessGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			got := Assess(c.target, c.obs, c.measured)
			w := c.want
			w.TargetID = c.target.ID
			if w.Method == "" {
				w.Method = "linear"
			}
			if got.TargetID != w.TargetID || got.Status != w.Status || got.Method != w.Method || got.Final != w.Final ||
				got.BaselineYear != w.BaselineYear || got.LatestYear != w.LatestYear {
				t.Errorf("got id=%q status=%q method=%q final=%v years %d..%d; want id=%q status=%q method=%q final=%v years %d..%d",
					got.TargetID, got.Status, got.Method, got.Final, got.BaselineYear, got.LatestYear,
					w.TargetID, w.Status, w.Method, w.Final, w.BaselineYear, w.LatestYear)
			}
			fields := []struct {
				name      string
				got, want *float64
			}{
				{"Baseline", got.Baseline, w.Baseline},
				{"Latest", got.Latest, w.Latest},
				{"RequiredPace", got.RequiredPace, w.RequiredPace},
				{"ObservedPace", got.ObservedPace, w.ObservedPace},
				{"Ratio", got.Ratio, w.Ratio},
				{"Projection", got.Projection, w.Projection},
				{"Gap", got.Gap, w.Gap},
			}
			for _, fl := range fields {
				if !eqPtr(fl.got, fl.want) {
					t.Errorf("%s = %v, want %v", fl.name, show(fl.got), show(fl.want))
				}
			}
			// The chart's line ends on the projection.
			line := Project(c.target, got)
			if got.Projection == nil {
				if len(line) != 0 {
					t.Errorf("Project = %v, want empty (no projection)", line)
				}
			} else if len(line) == 0 || !eqPtr(&line[len(line)-1].Value, got.Projection) ||
				line[len(line)-1].Year != c.target.Year || line[0].Year != got.LatestYear {
				t.Errorf("Project = %v, want a line from %d to %d ending on %v", line, got.LatestYear, c.target.Year, *got.Projection)
			}
		})
	}
}

// TestGoldenCoversEveryStatus guards the table: every status has a case.
func TestGoldenCoversEveryStatus(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range goldenCases() {
		seen[c.want.Status] = true
	}
	for _, s := range allStatuses {
		if !seen[s] {
			t.Errorf("no golden case for status %q", s)
		}
	}
}

var allStatuses = []string{Achieved, NotAchieved, OnTrack, NeedsAcceleration, OffTrack, Deteriorating, NotEnoughData, NotYetMeasured}

func TestProject(t *testing.T) {
	cagr := config.Target{ID: "poor-households", Indicator: "poor_households", Comparator: "<=", Value: 0,
		Year: 2025, BaselineYear: 2021, Method: "cagr"}
	cases := []struct {
		name   string
		target config.Target
		obs    []Observation
		want   []Observation
	}{
		// linear: 2.3 - 0.6k
		{"linear", poverty(), series(2021, 3.5, 2023, 2.3), series(2023, 2.3, 2024, 1.7, 2025, 1.1)},
		// linear, clamped: 1.0 - 1.25k -> 1.0, -0.25 -> 0, -1.5 -> 0
		{"clamped_rate", poverty(), series(2021, 3.5, 2023, 1.0), series(2023, 1.0, 2024, 0, 2025, 0)},
		// cagr: 2 * 0.5^k
		{"cagr", cagr, series(2021, 8, 2023, 2), series(2023, 2, 2024, 1, 2025, 0.5)},
		// final: nothing to project
		{"final", poverty(), series(2021, 3.5, 2025, 1.1), nil},
		// not enough data: no observed pace
		{"not_enough_data", poverty(), series(2021, 3.5), nil},
		// not yet measured
		{"not_yet_measured", poverty(), nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Project(c.target, Assess(c.target, c.obs, true))
			if len(got) != len(c.want) {
				t.Fatalf("Project = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i].Year != c.want[i].Year || math.Abs(got[i].Value-c.want[i].Value) > tol {
					t.Fatalf("Project = %v, want %v", got, c.want)
				}
			}
		})
	}
}

// checkInvariants asserts what must hold for any input: a known status and method,
// no NaN or Inf in any set field, Final only with a final verdict, and a finite,
// yearly projection line.
func checkInvariants(t *testing.T, tg config.Target, obs []Observation, measured bool, a Assessment) {
	t.Helper()
	known := false
	for _, s := range allStatuses {
		known = known || a.Status == s
	}
	if !known {
		t.Fatalf("unknown status %q for %+v %v %v", a.Status, tg, obs, measured)
	}
	if a.Method != MethodLinear && a.Method != MethodCAGR {
		t.Fatalf("unknown method %q", a.Method)
	}
	if a.Final && a.Status != Achieved && a.Status != NotAchieved {
		t.Fatalf("final with status %q for %+v %v", a.Status, tg, obs)
	}
	if a.Status == NotAchieved && !a.Final {
		t.Fatalf("not_achieved but not final for %+v %v", tg, obs)
	}
	for name, p := range map[string]*float64{"Baseline": a.Baseline, "Latest": a.Latest, "RequiredPace": a.RequiredPace,
		"ObservedPace": a.ObservedPace, "Ratio": a.Ratio, "Projection": a.Projection, "Gap": a.Gap} {
		if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
			t.Fatalf("%s = %v for %+v %v", name, *p, tg, obs)
		}
	}
	line := Project(tg, a)
	for i, o := range line {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			t.Fatalf("projection point %v for %+v %v", o, tg, obs)
		}
		if o.Year != a.LatestYear+i {
			t.Fatalf("projection years not consecutive from %d: %v", a.LatestYear, line)
		}
	}
}

// randValue draws values that include the awkward ones: zero, negatives, rates,
// tiny and huge magnitudes, NaN and ±Inf.
func randValue(r *rand.Rand) float64 {
	switch r.Intn(12) {
	case 0:
		return 0
	case 1:
		return -r.Float64() * 100
	case 2:
		return r.NormFloat64() * 1e300
	case 3:
		return r.Float64() * 1e-300
	case 4:
		return math.NaN()
	case 5:
		return math.Inf(1 - 2*r.Intn(2))
	case 6:
		return math.MaxFloat64 * (1 - 2*float64(r.Intn(2)))
	case 7:
		return float64(r.Intn(3)) // repeats, ties with the target
	default:
		return r.Float64() * 100
	}
}

func randYear(r *rand.Rand) int {
	switch r.Intn(10) {
	case 0:
		return 0
	case 1:
		return r.Int() - r.Int()
	case 2:
		return math.MaxInt - r.Intn(3)
	case 3:
		return math.MinInt + r.Intn(3)
	default:
		return 2018 + r.Intn(10)
	}
}

// TestAssessProperties runs 10,000 seeded random inputs through Assess and Project.
func TestAssessProperties(t *testing.T) {
	r := rand.New(rand.NewSource(20220101))
	comparators := []string{"<", "<=", ">=", ">", "", "=="}
	methods := []string{"linear", "cagr", "", "other"}
	indicators := []string{"poor_rate", "poor_households", "support_coverage_jobs"}
	for i := 0; i < 10000; i++ {
		tg := config.Target{
			ID:           "t",
			Indicator:    indicators[r.Intn(len(indicators))],
			Comparator:   comparators[r.Intn(len(comparators))],
			Value:        randValue(r),
			Year:         randYear(r),
			BaselineYear: randYear(r),
			Method:       methods[r.Intn(len(methods))],
			Keep:         r.Intn(2) == 0,
		}
		if r.Intn(3) == 0 {
			tg.Baseline = f(randValue(r))
		}
		var obs []Observation
		for n := r.Intn(7); n > 0; n-- {
			obs = append(obs, Observation{Year: randYear(r), Value: randValue(r)})
		}
		measured := r.Intn(8) != 0
		checkInvariants(t, tg, obs, measured, Assess(tg, obs, measured))
	}
}

// decodeObservations turns fuzz bytes into observations: 12 bytes each, a 4-byte
// year and the 8-byte bits of the value.
func decodeObservations(b []byte) []Observation {
	var obs []Observation
	for len(b) >= 12 && len(obs) < 64 {
		obs = append(obs, Observation{
			Year:  int(int32(binary.LittleEndian.Uint32(b))),
			Value: math.Float64frombits(binary.LittleEndian.Uint64(b[4:])),
		})
		b = b[12:]
	}
	return obs
}

func encodeObservations(obs ...Observation) []byte {
	var b []byte
	for _, o := range obs {
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(o.Year)))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(o.Value))
	}
	return b
}

func FuzzAssess(f *testing.F) {
	f.Add("<", 1.2, 2025, 2021, 3.5, false, "linear", false, true, encodeObservations(series(2021, 3.5, 2023, 2.3)...))
	f.Add(">=", 100.0, 2025, 2021, 100.0, true, "linear", true, true, encodeObservations(series(2021, 100, 2022, 99.5)...))
	f.Add("<=", 0.0, 2025, 2021, 0.0, false, "cagr", false, true, encodeObservations(series(2021, 0, 2023, 2)...))
	f.Add(">", -5.0, 2025, 0, -1.0, true, "cagr", false, true, encodeObservations(series(2021, -3, 2024, 0)...))
	f.Add("", math.NaN(), math.MaxInt, math.MinInt, math.Inf(1), true, "", true, false, []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, cmp string, value float64, year, baseYear int, baseline float64, hasBaseline bool,
		method string, keep, measured bool, data []byte) {
		tg := config.Target{ID: "fuzz", Indicator: "poor_rate", Comparator: cmp, Value: value, Year: year,
			BaselineYear: baseYear, Method: method, Keep: keep}
		if hasBaseline {
			tg.Baseline = &baseline
		}
		obs := decodeObservations(data)
		checkInvariants(t, tg, obs, measured, Assess(tg, obs, measured))
	})
}
