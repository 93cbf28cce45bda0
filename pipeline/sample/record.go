package sample

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

// records draws this year's review row of every active household.
func (g *generator) records(year int) ([]review.Record, error) {
	s, ok := g.o.StandardFor(year)
	if !ok {
		return nil, fmt.Errorf("sample: no poverty standard for %d", year)
	}
	act := g.active()
	out := make([]review.Record, 0, len(act))
	progress := min(1, float64(year-g.o.FirstYear)/float64(max(1, g.o.Years-1)))
	for _, h := range act {
		out = append(out, g.record(h, s, year, progress))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].HouseholdID < out[j].HouseholdID })
	return out, nil
}

// incomeFor draws an income in [lo, hi] of the 2022-2025 standard's scale (rural line
// 1,500,000) and moves it to the scale of standard s, so that households keep their
// place between its lines.
func (g *generator) incomeFor(s *standard.Standard, lo, hi int64) int64 {
	v := g.between(lo, hi)
	if s.PovertyLine.Rural == baseLine {
		return v
	}
	return v * s.PovertyLine.Rural / baseLine / 1000 * 1000
}

// baseLine is the rural line the sample's income ranges were drawn for.
const baseLine = 1_500_000

func (g *generator) record(h *household, s *standard.Standard, year int, progress float64) review.Record {
	r := review.Record{
		Year:           year,
		CommuneCode:    g.o.CommuneCode,
		VillageCode:    g.o.Villages[h.village],
		HouseholdID:    h.id,
		Area:           "rural",
		Members:        h.members,
		MeritFamily:    h.flags[0],
		DisabledMember: h.flags[1],
		FemaleHead:     h.flags[2],
		EthnicMinority: h.flags[3],
		Status:         h.status,
		Children6to15:  h.children,
		Dep:            make([]uint8, len(s.Indicators)),
	}
	r.Children6to15InSchool = r.Children6to15
	r.MembersInsured = r.Members
	pn := h.status == "poor" || h.status == "near_poor"
	switch h.status {
	case "poor":
		r.IncomePerCapita = g.incomeFor(s, 650_000, 1_450_000)
		g.deprive(&r, s, max(s.PoorDeprivations, 3)+g.rng.IntN(3), progress)
		r.Cause = review.Causes[g.rng.IntN(len(review.Causes))]
	case "near_poor":
		r.IncomePerCapita = g.incomeFor(s, 1_100_000, 1_500_000)
		g.deprive(&r, s, g.rng.IntN(3)%max(1, s.PoorDeprivations), progress)
		r.Cause = review.Causes[g.rng.IntN(len(review.Causes))]
	case "average_agri":
		r.IncomePerCapita = g.incomeFor(s, 1_550_000, 2_250_000)
		g.deprive(&r, s, g.rng.IntN(2), progress)
	default:
		r.IncomePerCapita = g.incomeFor(s, 2_300_000, 9_000_000)
		g.deprive(&r, s, g.rng.IntN(2), progress)
	}
	if pn {
		g.coverage(&r, s, progress)
	}
	return r
}

// between draws an income in [lo, hi], rounded to the thousand as officers record it.
func (g *generator) between(lo, hi int64) int64 {
	return (lo + g.rng.Int64N(hi-lo+1)) / 1000 * 1000
}

// depWeights make some deprivations far commoner than others, by column; an
// indicator not named here (of a later standard) weighs 0.8.
var depWeights = map[string]float64{
	"d_employment": 1.2, "d_dependency": 1.0, "d_nutrition": 0.6, "d_health_insurance": 0.3,
	"d_adult_education": 1.4, "d_child_schooling": 0.2, "d_housing_quality": 0.8, "d_housing_area": 0.7,
	"d_water": 0.5, "d_sanitation": 0.6, "d_telecom": 0.4, "d_information_access": 1.0,
}

// targeted are the deprivations the plan works on: rarer as the years pass.
var targeted = map[string]bool{"d_health_insurance": true, "d_child_schooling": true, "d_water": true, "d_sanitation": true}

// tiedToCounts are the deprivations that follow the member and child counts instead
// of being drawn.
var tiedToCounts = map[string]bool{"d_health_insurance": true, "d_child_schooling": true}

// deprive sets exactly n deprivation flags of standard s (fewer when it has fewer to
// draw from), never those tied to counts.
func (g *generator) deprive(r *review.Record, s *standard.Standard, n int, progress float64) {
	type keyed struct {
		i int
		k float64
	}
	var ks []keyed
	for i, ind := range s.Indicators {
		if tiedToCounts[ind.Column] {
			continue
		}
		w, ok := depWeights[ind.Column]
		if !ok {
			w = 0.8
		}
		if targeted[ind.Column] {
			w *= 1 - 0.85*progress
		}
		ks = append(ks, keyed{i, pow(g.rng.Float64(), 1/w)})
	}
	sort.SliceStable(ks, func(a, b int) bool { return ks[a].k > ks[b].k })
	for _, k := range ks[:min(n, len(ks))] {
		r.Dep[k.i] = 1
	}
}

// setDep sets the flag of column name, when standard s has it.
func setDep(r *review.Record, s *standard.Standard, name string, v uint8) {
	if _, j, ok := s.Indicator(name); ok {
		r.Dep[j] = v
	}
}

// coverage leaves a few early gaps in health insurance and schooling among poor and
// near-poor households, closing as the plan's support reaches them.
func (g *generator) coverage(r *review.Record, s *standard.Standard, progress float64) {
	if g.rng.Float64() < 0.03*(1-progress) && r.Members > 1 {
		r.MembersInsured = r.Members - 1
		setDep(r, s, "d_health_insurance", 1)
	}
	if r.Children6to15 > 0 && g.rng.Float64() < 0.02*(1-progress) {
		r.Children6to15InSchool = r.Children6to15 - 1
		setDep(r, s, "d_child_schooling", 1)
	}
}

// calibrateSchool makes the first year's school attendance among poor and near-poor
// households exactly 62 in school per 63 children (98.41%), the plan's 2021 baseline.
func calibrateSchool(recs []review.Record, s *standard.Standard, rng *rand.Rand) error {
	_, at, has := s.Indicator("d_child_schooling")
	schooling := func(r *review.Record, v int) uint8 {
		if !has {
			return 0
		}
		if v >= 0 {
			r.Dep[at] = uint8(v)
		}
		return r.Dep[at]
	}
	var idx []int
	children := 0
	for i := range recs {
		if s := recs[i].Status; s == "poor" || s == "near_poor" {
			idx = append(idx, i)
			children += recs[i].Children6to15
		}
	}
	m := max(1, (children+schoolChildrenPer/2)/schoolChildrenPer)
	want := m * schoolChildrenPer
	for guard := 0; children != want && guard < 100000; guard++ {
		r := &recs[idx[rng.IntN(len(idx))]]
		switch {
		case children < want && r.Children6to15 < r.Members-1:
			r.Children6to15++
			children++
		case children > want && r.Children6to15 > 0:
			r.Children6to15--
			children--
		}
	}
	if children != want {
		return fmt.Errorf("sample: cannot calibrate school attendance (%d children, want %d)", children, want)
	}
	out := m * (schoolChildrenPer - schoolInSchoolPer)
	for i := range idx {
		r := &recs[idx[i]]
		r.Children6to15InSchool = r.Children6to15
		schooling(r, 0)
	}
	for i := 0; out > 0 && i < len(idx); i++ {
		r := &recs[idx[(i*7)%len(idx)]]
		if r.Children6to15InSchool > 0 && schooling(r, -1) == 0 {
			r.Children6to15InSchool--
			schooling(r, 1)
			out--
		}
	}
	return nil
}
