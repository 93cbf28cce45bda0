package sample

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/support"
)

// SupportFirstYear is the first year of the plan, the first year of support data.
const SupportFirstYear = 2022

// SupportLastYear is the last year of sample support: the projects are those of the
// 2021-2025 national programme; the next programme's are not known to the sample.
const SupportLastYear = 2025

// supportPlan describes how one support is drawn for the sample: who it is for, how
// many of them need or get it, what it costs and who pays.
type supportPlan struct {
	programme, supportType string
	// base picks the people (or households) it is for in a village: see villageBase.
	base string
	// share of the base that needs it (coverage supports) or gets it (others).
	share float64
	// coverage per plan year 2022..2025 for "100% of those who need it" supports; nil
	// for supports without a recorded need.
	coverage []float64
	// perHousehold: the support is counted in households and each household has one
	// person reached (a loan, a house repair); otherwise people are counted and
	// households are those they live in.
	perHousehold bool
	// unit cost in đồng per person (or per household), before yearly drift.
	cost int64
	// sources and the share each pays; the first pays the larger part and carries the
	// people reached.
	sources []sourceShare
}

type sourceShare struct {
	code  string
	share float64
}

// supportPlans are the supports of the sample, in the order rows are written.
var supportPlans = []supportPlan{
	{"2", "livelihood_model", "pn_households", 0.10, nil, true, 9_000_000, []sourceShare{{"central", 0.6}, {"province", 0.25}, {"other", 0.15}}},
	{"3.1", "farm_inputs", "pnr_households", 0.18, nil, true, 4_500_000, []sourceShare{{"central", 0.7}, {"district", 0.3}}},
	{"3.2", "nutrition", "poor_children", 0.5, nil, false, 600_000, []sourceShare{{"central", 1}}},
	{"4.3", "job_matching", "pnr_workers", 0.12, []float64{0.80, 0.88, 0.95, 1.00}, false, 250_000, []sourceShare{{"central", 0.8}, {"district", 0.2}}},
	{"education", "vocational_training", "pnr_workers", 0.07, []float64{0.70, 0.82, 0.90, 0.97}, false, 3_200_000, []sourceShare{{"province", 0.7}, {"district", 0.3}}},
	{"credit", "preferential_credit", "pnr_households", 0.33, []float64{0.84, 0.90, 0.96, 1.00}, true, 70_000_000, []sourceShare{{"policy_bank_credit", 1}}},
	{"legal_aid", "legal_aid", "pn_people", 0.035, []float64{0.88, 0.94, 1.00, 1.00}, false, 400_000, []sourceShare{{"province", 1}}},
	{"health_insurance", "health_insurance_card", "pn_people", 1, nil, false, 0, []sourceShare{{"central", 0.8}, {"province", 0.2}}},
	{"education", "tuition_support", "pn_children", 1, nil, false, 1_400_000, []sourceShare{{"province", 1}}},
	{"housing", "housing_repair", "poor_households", 0.03, nil, true, 45_000_000, []sourceShare{{"province", 0.6}, {"social_fund", 0.4}}},
	{"water_sanitation", "water_latrine", "pn_deprived_wash", 0.35, nil, true, 6_000_000, []sourceShare{{"commune", 0.5}, {"other", 0.5}}},
	{"social_assistance", "social_allowance", "poor_households", 1, nil, true, 600_000, []sourceShare{{"central", 0.85}, {"social_fund", 0.15}}},
	{"6.1", "information_access", "village", 0, nil, false, 12_000_000, []sourceShare{{"central", 1}}},
	{"6.2", "communication", "village_meeting", 0, nil, false, 60_000, []sourceShare{{"district", 1}}},
	{"7.1", "capacity_building", "officers", 0, nil, false, 1_800_000, []sourceShare{{"central", 1}}},
	{"7.2", "monitoring", "village", 0, nil, false, 4_000_000, []sourceShare{{"commune", 1}}},
}

// healthCardCost is the yearly health-insurance contribution the state pays per
// person: 4.5% of the base salary for twelve months (1,490,000 đồng until mid-2023,
// 1,800,000 until mid-2024, 2,340,000 after), averaged over the calendar year.
var healthCardCost = map[int]int64{2022: 804_600, 2023: 891_000, 2024: 1_101_600, 2025: 1_263_600}

// householdBase names the households a people base lives in.
var householdBase = map[string]string{
	"pn_people": "pn_households", "pnr_workers": "pnr_households",
	"poor_children": "poor_households", "pn_children": "pn_households",
}

// villageBase is what the sample knows about a village in a review year.
type villageBase struct {
	poorHouseholds, pnHouseholds, pnrHouseholds    int64
	pnPeople, pnrWorkers, poorChildren, pnChildren int64
	pnDeprivedWash                                 int64
	households                                     int64
}

func (b villageBase) count(kind string) int64 {
	switch kind {
	case "poor_households":
		return b.poorHouseholds
	case "pn_households":
		return b.pnHouseholds
	case "pnr_households":
		return b.pnrHouseholds
	case "pn_people":
		return b.pnPeople
	case "pnr_workers":
		return b.pnrWorkers
	case "poor_children":
		return b.poorChildren
	case "pn_children":
		return b.pnChildren
	case "pn_deprived_wash":
		return b.pnDeprivedWash
	}
	return 0
}

// Support draws the support delivered in 2022-2025 from the review sample: the people
// who need each support come from the poor, near-poor and recently escaped households
// of that village and year, coverage of the "100% of those who need it" supports
// climbs toward 100% by 2025, and amounts follow the usual unit costs. reviews are the
// review years in order (as Generate returns them, or as read from data/reviews); the
// same reviews and seed give the same rows. It draws from its own random source, so
// the review sample is unchanged.
// standardFor gives each review year's standard, as for Generate.
func Support(reviews [][]review.Record, villages []string, seed uint64, standardFor func(int) (*standard.Standard, bool)) ([][]support.Record, error) {
	if len(reviews) == 0 || len(villages) == 0 {
		return nil, fmt.Errorf("sample support: no reviews or no villages")
	}
	rng := rand.New(rand.NewPCG(seed^0x5ca1ab1e, seed+0x243f6a8885a308d3))
	var out [][]support.Record
	for y, recs := range reviews {
		if len(recs) == 0 || recs[0].Year < SupportFirstYear || recs[0].Year > SupportLastYear {
			continue
		}
		year := recs[0].Year
		step := min(year-SupportFirstYear, 3)
		std, ok := standardFor(year)
		if !ok {
			return nil, fmt.Errorf("sample support: no poverty standard for %d", year)
		}
		bases := villageBases(reviews, y, villages, std)
		var rows []support.Record
		for _, v := range villages {
			b := bases[v]
			for _, p := range supportPlans {
				rows = append(rows, draw(rng, p, b, v, year, step)...)
			}
		}
		out = append(out, rows)
	}
	return out, nil
}

// villageBases counts, per village, the households and people each support is for.
// Recently escaped households are those not poor now but poor in one of the three
// reviews before (DESIGN 5).
func villageBases(reviews [][]review.Record, y int, villages []string, s *standard.Standard) map[string]villageBase {
	_, water, _ := s.Indicator("d_water")
	_, sanitation, _ := s.Indicator("d_sanitation")
	deprived := func(r *review.Record, at int) bool { return at >= 0 && r.Dep[at] == 1 }
	wasPoor := map[string]bool{}
	for back := 1; back <= 3 && y-back >= 0; back++ {
		for _, r := range reviews[y-back] {
			if r.Status == "poor" {
				wasPoor[r.HouseholdID] = true
			}
		}
	}
	out := make(map[string]villageBase, len(villages))
	for _, r := range reviews[y] {
		b := out[r.VillageCode]
		b.households++
		pn := r.Status == "poor" || r.Status == "near_poor"
		recent := !pn && wasPoor[r.HouseholdID]
		workers := int64(max(1, r.Members-r.Children6to15))
		if r.Status == "poor" {
			b.poorHouseholds++
			b.poorChildren += int64(r.Children6to15)
		}
		if pn {
			b.pnHouseholds++
			b.pnPeople += int64(r.Members)
			b.pnChildren += int64(r.Children6to15)
			if deprived(&r, water) || deprived(&r, sanitation) {
				b.pnDeprivedWash++
			}
		}
		if pn || recent {
			b.pnrHouseholds++
			b.pnrWorkers += workers
		}
		out[r.VillageCode] = b
	}
	return out
}

// draw returns the rows of one support in one village and year: one per source that
// paid for it, or none when nobody got it.
func draw(rng *rand.Rand, p supportPlan, b villageBase, village string, year, step int) []support.Record {
	var needing *int64
	var people, households int64
	switch p.base {
	case "village":
		// Commune-wide work done village by village: no one is counted as reached.
	case "village_meeting":
		people = 20 + rng.Int64N(40)
	case "officers":
		people = 5 + rng.Int64N(4)
	default:
		base := b.count(p.base)
		target := int64(math.Round(float64(base) * p.share * (0.8 + 0.4*rng.Float64())))
		if p.share >= 1 {
			target = base
		}
		target = min(target, base)
		if p.coverage != nil {
			n := target
			needing = &n
			// Stochastic rounding: small villages would otherwise always round the
			// gap away.
			people = min(n, int64(float64(n)*p.coverage[step]+rng.Float64()))
		} else {
			people = target
		}
	}
	if p.perHousehold {
		households = people
	} else if hb := b.count(householdBase[p.base]); people > 0 && hb > 0 {
		// Those reached live about 1.3 to a household, and never in more households
		// than the group has; everyone in the group is everyone in its households.
		households = max(1, int64(math.Round(float64(people)/1.3)))
		if people == b.count(p.base) && p.base == "pn_people" {
			households = hb
		}
		households = min(households, people, hb)
	}
	if people == 0 && (needing == nil || *needing == 0) && p.base != "village" {
		return nil
	}
	cost := p.cost
	if p.supportType == "health_insurance_card" {
		cost = healthCardCost[year]
	}
	// Prices drift up about 4% a year.
	cost = int64(float64(cost) * math.Pow(1.04, float64(step)))
	total := cost * people
	if p.perHousehold {
		total = cost * households
	}
	if p.base == "village" {
		total = cost
	}
	var rows []support.Record
	for i, s := range p.sources {
		amount := int64(float64(total)*s.share) / 1000 * 1000
		r := support.Record{Year: year, VillageCode: village, Programme: p.programme, SupportType: p.supportType,
			FundingSource: s.code, AmountVND: amount}
		if needing != nil {
			n := *needing
			r.PeopleNeeding = &n
		}
		if i == 0 {
			r.HouseholdsReached, r.PeopleReached = households, people
		}
		if amount == 0 && i > 0 {
			continue
		}
		rows = append(rows, r)
	}
	return rows
}

// SupportCSV encodes one year's support rows as a support file, columns in contract order.
func SupportCSV(recs []support.Record) ([]byte, error) { return support.CSV(recs) }
