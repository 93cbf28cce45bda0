package disclosure

import "strings"

// A quantity is one number about a unit, a group and a year that several published
// cells show: the poor count is poor_households, poor_rate's numerator and mpi_h's,
// and a twelfth of mpi_a's denominator. The audit reasons over quantities, so that a
// number published once is known everywhere it appears.
type quantity string

// Quantities the relations of DESIGN 6 tie together.
const (
	qHouseholds quantity = "households"
	qPoor       quantity = "poor"
	qNear       quantity = "near"
	qPoorNear   quantity = "poor_near"
	qEscaped    quantity = "escaped"
	qNewly      quantity = "newly"
	qRelapsed   quantity = "relapsed"
	qRecent     quantity = "recent"
	qDepSum     quantity = "dep_sum" // deprivations of the poor: mpi_a's and mpi_m0's numerator
	qChildren   quantity = "children"
	qInSchool   quantity = "in_school"
	qMembers    quantity = "members"
	qInsured    quantity = "insured"
	qWaterOK    quantity = "water_ok"
	qLatrineOK  quantity = "latrine_ok"
)

func qDep(code string) quantity      { return quantity("dep:" + code) }
func qCensored(code string) quantity { return quantity("cen:" + code) }

// shows says which quantities a figure's numerator and denominator are; the
// denominator is mult times its quantity (mpi_a's is the year's total weight x poor,
// and total is that weight: the number of indicators of an unweighted standard). den
// is "" for counts.
func shows(ind string, total int64) (num, den quantity, mult int64) {
	switch ind {
	case "households":
		return qHouseholds, "", 1
	case "poor_households":
		return qPoor, "", 1
	case "poor_rate", "mpi_h":
		return qPoor, qHouseholds, 1
	case "near_poor_households":
		return qNear, "", 1
	case "near_poor_rate":
		return qNear, qHouseholds, 1
	case "poor_near_poor_households":
		return qPoorNear, "", 1
	case "escaped":
		return qEscaped, "", 1
	case "newly_poor":
		return qNewly, "", 1
	case "relapsed":
		return qRelapsed, "", 1
	case "recently_escaped_households":
		return qRecent, "", 1
	case "mpi_a":
		return qDepSum, qPoor, total
	case "mpi_m0":
		return qDepSum, qHouseholds, total
	case "school_attendance_rate":
		return qInSchool, qChildren, 1
	case "health_insurance_rate":
		return qInsured, qMembers, 1
	case "clean_water_rate":
		return qWaterOK, qPoorNear, 1
	case "hygienic_latrine_rate":
		return qLatrineOK, qPoorNear, 1
	}
	if c, ok := strings.CutPrefix(ind, "dep_"); ok {
		return qDep(strings.TrimSuffix(c, "_rate")), qPoorNear, 1
	}
	if c, ok := strings.CutPrefix(ind, "censored_"); ok {
		return qCensored(strings.TrimSuffix(c, "_rate")), qHouseholds, 1
	}
	return "", "", 0
}

// householdCount reports whether a quantity counts households (bounded by the unit's
// households) rather than people or deprivations.
func householdCount(q quantity) bool {
	switch q {
	case qDepSum, qChildren, qInSchool, qMembers, qInsured, qHouseholds:
		return false
	}
	return true
}

// yearStandard is what the model needs of the standard a year was computed under:
// its deprivation indicators (the codes of its dep_ figures, in table order), its
// total weight (mpi_a's denominator over the poor count) and whether it weighs its
// indicators unequally, when mpi_a's numerator is a weighted sum of the censored
// counts rather than their sum.
type yearStandard struct {
	deps     []string
	total    int64
	weighted bool
}

// standards reads each year's standard from the table itself: the deprivation
// figures it has, and the total weight from any mpi_a (or mpi_m0) over a non-zero
// poor (or household) count. With none, every mpi_a and mpi_m0 is 0 over 0 and the
// total matters to no relation; it is then taken as the number of indicators.
func (p *protector) standards() map[int]yearStandard {
	out := map[int]yearStandard{}
	seen := map[int]map[string]bool{}
	over := map[string]string{"mpi_a": "poor_households", "mpi_m0": "households"}
	for i := range p.t.Figures {
		f := p.fig(i)
		ys := out[f.Year]
		if seen[f.Year] == nil {
			seen[f.Year] = map[string]bool{}
			ys.weighted = p.t.Weighted[f.Year]
		}
		if c, ok := strings.CutPrefix(f.Indicator, "dep_"); ok && !seen[f.Year][c] {
			seen[f.Year][c] = true
			ys.deps = append(ys.deps, strings.TrimSuffix(c, "_rate"))
		}
		if base, ok := over[f.Indicator]; ok && f.Den > 0 && ys.total == 0 {
			if j, ok := p.find(slot{f.Year, f.UnitCode, f.Group, base}); ok && p.fig(j).Num > 0 {
				ys.total = f.Den / p.fig(j).Num
			}
		}
		out[f.Year] = ys
	}
	for y, ys := range out {
		if ys.total == 0 {
			ys.total = int64(max(len(ys.deps), 1))
			out[y] = ys
		}
	}
	return out
}

// total is the total weight of a year's standard.
func (p *protector) total(year int) int64 { return p.std[year].total }
