package indicator

import (
	"strings"

	"github.com/minhtien/portal/pipeline/standard"
)

// Definition describes an indicator for the data dictionary and for targets.
type Definition struct {
	Code    string
	Measure string
	VI, EN  string
}

// Definitions lists every indicator the engine computes under the standards in use
// (UseStandards), in publishing order: a year's figures are these, less the
// deprivation indicators its own standard does not have.
var Definitions = Catalogue(nil)

// UseStandards sets the catalogue to the indicators of the given standards, the ones
// portal.toml maps review years to. The build calls it once, before computing.
func UseStandards(stds []*standard.Standard) {
	Definitions = Catalogue(stds)
	definitionIndex = indexOf(Definitions)
}

// Catalogue returns the definitions of every indicator computed under the given
// standards: the counts and flows, then dep_ and censored_ rates for each standard's
// indicators (one entry per column, in order of first appearance), then the
// Alkire-Foster measures and the coverage rates.
func Catalogue(stds []*standard.Standard) []Definition {
	d := []Definition{
		{"households", Households, "Số hộ được rà soát", "Households reviewed"},
		{"poor_households", Households, "Số hộ nghèo", "Poor households"},
		{"poor_rate", Percent, "Tỷ lệ hộ nghèo: hộ nghèo / tổng số hộ", "Poor-household rate: poor / households"},
		{"near_poor_households", Households, "Số hộ cận nghèo", "Near-poor households"},
		{"near_poor_rate", Percent, "Tỷ lệ hộ cận nghèo: hộ cận nghèo / tổng số hộ", "Near-poor rate: near-poor / households"},
		{"poor_near_poor_households", Households, "Số hộ nghèo và cận nghèo", "Poor and near-poor households"},
		{"escaped", Households, "Số hộ thoát nghèo: nghèo ở lần rà soát trước, không nghèo ở lần này", "Escaped: poor in the previous review, not poor in this one"},
		{"newly_poor", Households, "Số hộ nghèo phát sinh: nghèo lần này, chưa từng nghèo trước đó", "Newly poor: poor now, never poor in an earlier review"},
		{"relapsed", Households, "Số hộ tái nghèo: nghèo lần này, không nghèo lần trước nhưng từng nghèo", "Relapsed: poor now, not poor in the previous review, poor in an earlier one"},
		{"recently_escaped_households", Households, "Số hộ mới thoát nghèo (trong 3 lần rà soát gần nhất, 36 tháng)", "Recently escaped: not poor now, escaped within the last 3 reviews (36 months)"},
	}
	var inds []standard.Indicator
	seen := map[string]bool{}
	for _, s := range stds {
		for _, ind := range s.Indicators {
			if !seen[ind.Column] {
				seen[ind.Column] = true
				inds = append(inds, ind)
			}
		}
	}
	for _, n := range inds {
		d = append(d, depDefinition(n))
	}
	for _, n := range inds {
		d = append(d, censoredDefinition(n))
	}
	return append(d,
		Definition{"mpi_h", Percent, "Tỷ lệ nghèo H (Alkire-Foster): hộ nghèo / tổng số hộ", "Headcount ratio H (Alkire-Foster): poor / households"},
		Definition{"mpi_a", Percent, "Mức độ thiếu hụt bình quân A của hộ nghèo: tỷ lệ (theo trọng số của chuẩn) các chỉ số của chuẩn nghèo năm đó mà hộ nghèo bị thiếu hụt", "Intensity A: mean (weighted as the standard weights them) share of that year's standard's indicators in which the poor are deprived"},
		Definition{"mpi_m0", Index, "Chỉ số nghèo đa chiều M0 = H × A (0 đến 1)", "Adjusted headcount M0 = H × A (0 to 1)"},
		Definition{"school_attendance_rate", Percent, "Tỷ lệ trẻ 6-15 tuổi thuộc hộ nghèo, cận nghèo đi học đúng độ tuổi", "Children aged 6-15 in poor and near-poor households attending school at the right level"},
		Definition{"health_insurance_rate", Percent, "Tỷ lệ người thuộc hộ nghèo, cận nghèo có bảo hiểm y tế", "People in poor and near-poor households with health insurance"},
		Definition{"clean_water_rate", Percent, "Tỷ lệ hộ nghèo, cận nghèo dùng nước sinh hoạt hợp vệ sinh (không thiếu hụt chỉ số d_water)", "Poor and near-poor households using hygienic water (not deprived in d_water)"},
		Definition{"hygienic_latrine_rate", Percent, "Tỷ lệ hộ nghèo, cận nghèo dùng nhà tiêu hợp vệ sinh (không thiếu hụt chỉ số d_sanitation)", "Poor and near-poor households using a hygienic latrine (not deprived in d_sanitation)"},
	)
}

func depDefinition(n standard.Indicator) Definition {
	return Definition{"dep_" + n.Code() + "_rate", Percent,
		"Tỷ lệ hộ nghèo và cận nghèo thiếu hụt " + n.NameVI,
		"Share of poor and near-poor households deprived in " + n.NameEN}
}

func censoredDefinition(n standard.Indicator) Definition {
	return Definition{"censored_" + n.Code() + "_rate", Percent,
		"Tỷ lệ hộ vừa nghèo vừa thiếu hụt " + n.NameVI + " trên tổng số hộ (chỉ số kiểm duyệt Alkire-Foster)",
		"Households both poor and deprived in " + n.NameEN + ", as a share of all households (Alkire-Foster censored headcount)"}
}

// yearDefinitions are the definitions of a year under standard s, in publishing order.
func yearDefinitions(s *standard.Standard) []Definition { return Catalogue([]*standard.Standard{s}) }

// definitionIndex finds a definition by code.
var definitionIndex = indexOf(Definitions)

func indexOf(defs []Definition) map[string]int {
	m := make(map[string]int, len(defs))
	for i, d := range defs {
		m[d.Code] = i
	}
	return m
}

// Lookup returns the definition of an indicator code.
func Lookup(code string) (Definition, bool) {
	i, ok := definitionIndex[code]
	if !ok {
		return Definition{}, false
	}
	return Definitions[i], true
}

// Known reports whether code is an indicator the portal computes or will compute from
// the support data (codes starting with "support_").
func Known(code string) bool {
	if strings.HasPrefix(code, "support_coverage_") {
		return true
	}
	_, ok := Lookup(code)
	return ok
}

// Groups are the population groups every indicator is computed for: all households
// and the plan's priority groups.
var Groups = []string{"all", "merit_family", "disabled_member", "female_head", "ethnic_minority"}
