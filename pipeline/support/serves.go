package support

// servedIndicators are the plan's indicators a support type acts on directly besides
// its own coverage indicator, as the plan groups them (section IV.2: b, health
// insurance for the health target; e, school fees and costs for schooling; g, water
// and hygiene for clean water and latrines). A target page lists the money of these
// support types, and a programme page the targets its support serves.
var servedIndicators = map[string][]string{
	"health_insurance_card": {"health_insurance_rate"},
	"tuition_support":       {"school_attendance_rate"},
	"water_latrine":         {"clean_water_rate", "hygienic_latrine_rate"},
}

// planIndicators are served by every support type: each project and policy of the
// sustainable poverty-reduction programme is there to cut the poor-household rate.
var planIndicators = map[string]bool{"poor_rate": true}

// Serves reports whether support of the given type serves the plan's indicator ind:
// it measures ind (its coverage), acts on it directly, or ind is the plan's aim.
func Serves(supportType, ind string) bool {
	if planIndicators[ind] {
		_, ok := SupportTypeByCode(supportType)
		return ok
	}
	if s, ok := SupportTypeByCode(supportType); ok && s.Indicator != "" && s.Indicator == ind {
		return true
	}
	for _, i := range servedIndicators[supportType] {
		if i == ind {
			return true
		}
	}
	return false
}

// ServesAll reports whether every support type serves ind (the plan's aim), so a page
// can say so rather than list every programme as if chosen for it.
func ServesAll(ind string) bool { return planIndicators[ind] }
