package sample

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/minhtien/portal/pipeline/review"
)

// records draws this year's review row of every active household.
func (g *generator) records(year int) []review.Record {
	act := g.active()
	out := make([]review.Record, 0, len(act))
	progress := float64(year-g.o.FirstYear) / float64(max(1, g.o.Years-1))
	for _, h := range act {
		out = append(out, g.record(h, year, progress))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].HouseholdID < out[j].HouseholdID })
	return out
}

func (g *generator) record(h *household, year int, progress float64) review.Record {
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
	}
	r.Children6to15InSchool = r.Children6to15
	r.MembersInsured = r.Members
	pn := h.status == "poor" || h.status == "near_poor"
	switch h.status {
	case "poor":
		r.IncomePerCapita = g.between(650_000, 1_450_000)
		g.deprive(&r, 3+g.rng.IntN(3), progress)
		r.Cause = review.Causes[g.rng.IntN(len(review.Causes))]
	case "near_poor":
		r.IncomePerCapita = g.between(1_100_000, 1_500_000)
		g.deprive(&r, g.rng.IntN(3), progress)
		r.Cause = review.Causes[g.rng.IntN(len(review.Causes))]
	case "average_agri":
		r.IncomePerCapita = g.between(1_550_000, 2_250_000)
		g.deprive(&r, g.rng.IntN(2), progress)
	default:
		r.IncomePerCapita = g.between(2_300_000, 9_000_000)
		g.deprive(&r, g.rng.IntN(2), progress)
	}
	if pn {
		g.coverage(&r, progress)
	}
	return r
}

// between draws an income in [lo, hi], rounded to the thousand as officers record it.
func (g *generator) between(lo, hi int64) int64 {
	return (lo + g.rng.Int64N(hi-lo+1)) / 1000 * 1000
}

// depWeights make some deprivations far commoner than others, and those the plan
// targets (water, sanitation, insurance, schooling) rarer as the years pass.
var depWeights = [12]float64{1.2, 1.0, 0.6, 0.3, 1.4, 0.2, 0.8, 0.7, 0.5, 0.6, 0.4, 1.0}

var targeted = map[int]bool{3: true, 5: true, 8: true, 9: true}

// deprive sets exactly n deprivation flags, never those tied to counts (insurance and
// schooling follow the member and child counts instead).
func (g *generator) deprive(r *review.Record, n int, progress float64) {
	flags := [12]*int{
		&r.DEmployment, &r.DDependency, &r.DNutrition, &r.DHealthInsurance,
		&r.DAdultEducation, &r.DChildSchooling, &r.DHousingQuality, &r.DHousingArea,
		&r.DWater, &r.DSanitation, &r.DTelecom, &r.DInformationAccess,
	}
	type keyed struct {
		i int
		k float64
	}
	var ks []keyed
	for i, w := range depWeights {
		if i == 3 || i == 5 {
			continue
		}
		if targeted[i] {
			w *= 1 - 0.85*progress
		}
		ks = append(ks, keyed{i, pow(g.rng.Float64(), 1/w)})
	}
	sort.SliceStable(ks, func(a, b int) bool { return ks[a].k > ks[b].k })
	for _, k := range ks[:min(n, len(ks))] {
		*flags[k.i] = 1
	}
}

// coverage leaves a few early gaps in health insurance and schooling among poor and
// near-poor households, closing as the plan's support reaches them.
func (g *generator) coverage(r *review.Record, progress float64) {
	if g.rng.Float64() < 0.03*(1-progress) && r.Members > 1 {
		r.MembersInsured = r.Members - 1
		r.DHealthInsurance = 1
	}
	if r.Children6to15 > 0 && g.rng.Float64() < 0.02*(1-progress) {
		r.Children6to15InSchool = r.Children6to15 - 1
		r.DChildSchooling = 1
	}
}

// calibrateSchool makes the first year's school attendance among poor and near-poor
// households exactly 62 in school per 63 children (98.41%), the plan's 2021 baseline.
func calibrateSchool(recs []review.Record, rng *rand.Rand) error {
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
		r.DChildSchooling = 0
	}
	for i := 0; out > 0 && i < len(idx); i++ {
		r := &recs[idx[(i*7)%len(idx)]]
		if r.Children6to15InSchool > 0 && r.DChildSchooling == 0 {
			r.Children6to15InSchool--
			r.DChildSchooling = 1
			out--
		}
	}
	return nil
}
