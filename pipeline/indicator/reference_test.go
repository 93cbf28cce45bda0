package indicator_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

// This file holds a second, deliberately simple implementation of DESIGN section 5:
// plain loops over review.Record, maps keyed by household id, no Arrow, no bit sets.
// It is written from the definitions, not from the engine, and is used only to check
// the engine figure by figure.

// refFigure is what the reference says one figure is.
type refFigure struct {
	Num, Den int64
	Flag     string
	Measure  string
}

// refDeps are the 2022-2025 standard's indicators, without the "d_" prefix, in the
// order of its columns: the fixtures' deprivations.
var refDeps = []string{
	"employment", "dependency", "nutrition", "health_insurance", "adult_education",
	"child_schooling", "housing_quality", "housing_area", "water", "sanitation",
	"telecom", "information_access",
}

// refDeprived reports whether r is deprived in the standard's indicator of column col.
func refDeprived(r *review.Record, s *standard.Standard, col string) bool {
	for j, ind := range s.Indicators {
		if ind.Column == col {
			return r.Dep[j] == 1
		}
	}
	return false
}

func refInGroup(r *review.Record, group string) bool {
	switch group {
	case "all":
		return true
	case "merit_family":
		return r.MeritFamily == 1
	case "disabled_member":
		return r.DisabledMember == 1
	case "female_head":
		return r.FemaleHead == 1
	case "ethnic_minority":
		return r.EthnicMinority == 1
	}
	panic("no such group " + group)
}

// refMeasure is the unit of measure of a code, from the build contract.
func refMeasure(code string) string {
	switch {
	case code == "mpi_m0":
		return indicator.Index
	case code == "mpi_h", code == "mpi_a", strings.HasSuffix(code, "_rate"):
		return indicator.Percent
	}
	return indicator.Households
}

// reference computes every figure of DESIGN 5 with plain loops.
func reference(ds *review.Dataset, spec indicator.Spec) map[indicator.Key]refFigure {
	out := map[indicator.Key]refFigure{}
	// status[t][id] is the household's status in review t; absent ids are not poor.
	status := make([]map[string]string, len(ds.Files))
	for t, f := range ds.Files {
		status[t] = map[string]string{}
		for _, r := range f.Records {
			status[t][r.HouseholdID] = r.Status
		}
	}
	poorAt := func(t int, id string) bool { return t >= 0 && status[t][id] == "poor" }
	presentAt := func(t int, id string) bool { _, ok := status[t][id]; return ok }
	// escapedAt: poor in review s-1, present and not poor in review s.
	escapedAt := func(s int, id string) bool {
		return s >= 1 && poorAt(s-1, id) && presentAt(s, id) && !poorAt(s, id)
	}
	units := append([]string{spec.Top}, spec.Villages...)
	for t, f := range ds.Files {
		std, ok := spec.StandardFor(f.Year)
		if !ok {
			panic("no standard")
		}
		var weight int64 // the sum of the weights
		for _, ind := range std.Indicators {
			weight += ind.Weight
		}
		for ui, unit := range units {
			for _, g := range indicator.Groups {
				var rows []*review.Record
				for i := range f.Records {
					r := &f.Records[i]
					if (ui == 0 || r.VillageCode == unit) && refInGroup(r, g) {
						rows = append(rows, r)
					}
				}
				put := func(code string, num, den int64) {
					m := refMeasure(code)
					flag := ""
					if m != indicator.Households && den == 0 {
						flag, num = indicator.FlagNotAvailable, 0
					}
					out[indicator.Key{Year: f.Year, UnitCode: unit, Group: g, Indicator: code}] = refFigure{num, den, flag, m}
				}
				var households, poor, near, escaped, newly, relapsed, recent int64
				var children, inSchool, members, insured, waterOK, latrineOK int64
				depPN := map[string]int64{}
				censored := map[string]int64{}
				var depSum int64
				for _, r := range rows {
					id := r.HouseholdID
					households++
					isPoor := r.Status == "poor"
					if t > 0 {
						wasPoor := poorAt(t-1, id)
						everEarlier := false
						for s := 0; s < t-1; s++ {
							if poorAt(s, id) {
								everEarlier = true
							}
						}
						if wasPoor && !isPoor {
							escaped++
						}
						if isPoor && !wasPoor && !everEarlier {
							newly++
						}
						if isPoor && !wasPoor && everEarlier {
							relapsed++
						}
						if !isPoor && (escapedAt(t, id) || escapedAt(t-1, id) || escapedAt(t-2, id)) {
							recent++
						}
					}
					if isPoor {
						poor++
					}
					if r.Status == "near_poor" {
						near++
					}
					if r.Status != "poor" && r.Status != "near_poor" {
						continue
					}
					for _, ind := range std.Indicators {
						if refDeprived(r, std, ind.Column) {
							depPN[ind.Column]++
							if isPoor {
								censored[ind.Column]++
								depSum += ind.Weight
							}
						}
					}
					children += int64(r.Children6to15)
					inSchool += int64(r.Children6to15InSchool)
					members += int64(r.Members)
					insured += int64(r.MembersInsured)
					if !refDeprived(r, std, "d_water") {
						waterOK++
					}
					if !refDeprived(r, std, "d_sanitation") {
						latrineOK++
					}
				}
				pn := poor + near
				put("households", households, 0)
				put("poor_households", poor, 0)
				put("poor_rate", poor, households)
				put("near_poor_households", near, 0)
				put("near_poor_rate", near, households)
				put("poor_near_poor_households", pn, 0)
				moves := map[string]int64{"escaped": escaped, "newly_poor": newly, "relapsed": relapsed, "recently_escaped_households": recent}
				for code, n := range moves {
					put(code, n, 0)
					if t == 0 {
						k := indicator.Key{Year: f.Year, UnitCode: unit, Group: g, Indicator: code}
						out[k] = refFigure{0, 0, indicator.FlagNotAvailable, indicator.Households}
					}
				}
				for _, ind := range std.Indicators {
					d := strings.TrimPrefix(ind.Column, "d_")
					put("dep_"+d+"_rate", depPN[ind.Column], pn)
					put("censored_"+d+"_rate", censored[ind.Column], households)
				}
				put("mpi_h", poor, households)
				put("mpi_a", depSum, weight*poor)
				put("mpi_m0", depSum, weight*households)
				put("school_attendance_rate", inSchool, children)
				put("health_insurance_rate", insured, members)
				put("clean_water_rate", waterOK, pn)
				put("hygienic_latrine_rate", latrineOK, pn)
				// A standard without the indicator does not measure the rate.
				for col, code := range map[string]string{"d_water": "clean_water_rate", "d_sanitation": "hygienic_latrine_rate"} {
					if _, _, has := std.Indicator(col); !has {
						k := indicator.Key{Year: f.Year, UnitCode: unit, Group: g, Indicator: code}
						out[k] = refFigure{0, 0, indicator.FlagNotAvailable, indicator.Percent}
					}
				}
			}
		}
	}
	return out
}

// agree checks the engine's table against the reference, figure by figure, and that
// the table is complete and in publishing order.
func agree(t *testing.T, ds *review.Dataset, spec indicator.Spec) *indicator.Table {
	t.Helper()
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		t.Fatal(err)
	}
	ref := reference(ds, spec)
	if len(tab.Figures) != len(ref) {
		t.Fatalf("engine has %d figures, reference %d", len(tab.Figures), len(ref))
	}
	i := 0
	bad := 0
	for _, f := range ds.Files {
		std, _ := spec.StandardFor(f.Year)
		for _, u := range append([]string{spec.Top}, spec.Villages...) {
			for _, g := range indicator.Groups {
				for _, d := range indicator.Definitions {
					if c, ok := strings.CutPrefix(d.Code, "dep_"); ok && !hasIndicator(std, c) {
						continue // not an indicator of this year's standard
					}
					if c, ok := strings.CutPrefix(d.Code, "censored_"); ok && !hasIndicator(std, c) {
						continue
					}
					k := indicator.Key{Year: f.Year, UnitCode: u, Group: g, Indicator: d.Code}
					got := tab.Figures[i]
					i++
					if got.Key() != k {
						t.Fatalf("figure %d is %v, want %v (order)", i-1, got.Key(), k)
					}
					want, ok := ref[k]
					if !ok {
						t.Fatalf("reference has no %v", k)
					}
					if got.Num != want.Num || got.Den != want.Den || got.Flag != want.Flag || got.Measure != want.Measure {
						bad++
						if bad <= 10 {
							t.Errorf("%v: engine %d/%d %q %s, reference %d/%d %q %s", k,
								got.Num, got.Den, got.Flag, got.Measure, want.Num, want.Den, want.Flag, want.Measure)
						}
					}
					if got.UnitLevel != map[bool]string{true: "commune", false: "village"}[u == spec.Top] {
						t.Errorf("%v: level %q", k, got.UnitLevel)
					}
				}
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d figures disagree", bad)
	}
	return tab
}

var sampleVillages = []string{"T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"}

func sampleDataset(t testing.TB) (*review.Dataset, indicator.Spec) {
	t.Helper()
	years, err := sample.Generate(sample.Commune("12424", sampleVillages, 20221))
	if err != nil {
		t.Fatal(err)
	}
	return toDataset(years), indicator.Spec{StandardFor: sample.Standards, Top: "12424", Villages: sampleVillages}
}

func toDataset(years [][]review.Record) *review.Dataset {
	ds := &review.Dataset{}
	for _, recs := range years {
		f := &review.File{Path: "mem", Records: recs, Lines: make([]int, len(recs))}
		if len(recs) > 0 {
			f.Year = recs[0].Year
		}
		for i := range f.Lines {
			f.Lines[i] = i + 2
		}
		ds.Files = append(ds.Files, f)
	}
	return ds
}

func TestEngineAgreesWithReferenceOnSample(t *testing.T) {
	ds, spec := sampleDataset(t)
	tab := agree(t, ds, spec)
	// The sample is meant to move: make sure the comparison covered real flows.
	var flows int64
	for _, f := range tab.Figures {
		if f.Group == "all" && f.UnitCode == "12424" && (f.Indicator == "escaped" || f.Indicator == "relapsed" || f.Indicator == "recently_escaped_households") {
			flows += f.Num
		}
	}
	if flows == 0 {
		t.Fatal("sample data has no movement; the comparison proves little")
	}
}

// randomDataset draws households that appear, disappear and come back, change
// village now and then, with random statuses, deprivations, groups and counts.
func randomDataset(seed uint64) (*review.Dataset, indicator.Spec) {
	rng := rand.New(rand.NewPCG(seed, seed*7919+1))
	spec := indicator.Spec{StandardFor: sample.Standards, Top: "C0001"}
	for v := range 1 + rng.IntN(5) {
		spec.Villages = append(spec.Villages, fmt.Sprintf("V%02d", v+1))
	}
	years := 1 + rng.IntN(6)
	pool := rng.IntN(90)
	type hh struct {
		id      string
		village string
		present float64
	}
	hs := make([]hh, pool)
	for i := range hs {
		hs[i] = hh{fmt.Sprintf("HH-%06d-%d", i, seed), spec.Villages[rng.IntN(len(spec.Villages))], 0.3 + 0.7*rng.Float64()}
	}
	// Skewed statuses make long poverty spells, escapes and relapses all common.
	statuses := []string{"poor", "poor", "near_poor", "average_agri", "non_poor"}
	ds := &review.Dataset{}
	first := 2021 + rng.IntN(3)
	for y := range years {
		f := &review.File{Path: fmt.Sprintf("%d.csv", first+y), Year: first + y}
		for _, h := range hs {
			if rng.Float64() > h.present {
				continue
			}
			if rng.IntN(20) == 0 {
				h.village = spec.Villages[rng.IntN(len(spec.Villages))]
			}
			members := 1 + rng.IntN(30)
			children := rng.IntN(members)
			r := review.Record{
				Year: f.Year, CommuneCode: spec.Top, VillageCode: h.village, HouseholdID: h.id,
				Area: "rural", Members: members, IncomePerCapita: rng.Int64N(4_000_000),
				Status:      statuses[rng.IntN(len(statuses))],
				MeritFamily: rng.IntN(2), DisabledMember: rng.IntN(2), FemaleHead: rng.IntN(2), EthnicMinority: rng.IntN(2),
				Children6to15:  children,
				MembersInsured: rng.IntN(members + 1),
			}
			r.Children6to15InSchool = rng.IntN(children + 1)
			std, _ := spec.StandardFor(f.Year)
			r.Dep = make([]uint8, len(std.Indicators))
			for j := range r.Dep {
				r.Dep[j] = uint8(rng.IntN(2))
			}
			f.Records = append(f.Records, r)
			f.Lines = append(f.Lines, len(f.Records)+1)
		}
		// Shuffle so the engine cannot rely on id order.
		rng.Shuffle(len(f.Records), func(i, j int) { f.Records[i], f.Records[j] = f.Records[j], f.Records[i] })
		ds.Files = append(ds.Files, f)
	}
	return ds, spec
}

func TestEngineAgreesWithReferenceOnRandomData(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			ds, spec := randomDataset(seed)
			agree(t, ds, spec)
		})
	}
}

// TestComputeRefusesUndeclaredVillage: a row naming a village not in the spec is an
// error, not a silent loss of households from the village breakdown.
func TestComputeRefusesUndeclaredVillage(t *testing.T) {
	ds := &review.Dataset{Files: []*review.File{{Year: 2021, Records: []review.Record{
		{HouseholdID: "HH-00000001", VillageCode: "X", Status: "poor", Members: 1},
	}}}}
	if _, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: "C", Villages: []string{"A"}}); err == nil {
		t.Fatal("undeclared village accepted")
	}
}

// TestComputeRefusesUnorderedYears: movement follows the file order, so files out of
// year order (or a year twice) would silently give wrong flows.
func TestComputeRefusesUnorderedYears(t *testing.T) {
	rec := func(y int) []review.Record {
		return []review.Record{{Year: y, HouseholdID: "HH-00000001", VillageCode: "A", Status: "poor", Members: 1}}
	}
	for _, years := range [][]int{{2022, 2021}, {2021, 2021}} {
		ds := &review.Dataset{}
		for _, y := range years {
			ds.Files = append(ds.Files, &review.File{Year: y, Records: rec(y)})
		}
		if _, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: "C", Villages: []string{"A"}}); err == nil {
			t.Errorf("years %v accepted", years)
		}
	}
}

// hasIndicator reports whether standard s has the indicator with code c ("water" for
// d_water) and the figure suffix "_rate".
func hasIndicator(s *standard.Standard, c string) bool {
	_, _, ok := s.Indicator("d_" + strings.TrimSuffix(c, "_rate"))
	return ok
}
