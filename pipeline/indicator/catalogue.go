package indicator

import "strings"

// Definition describes an indicator for the data dictionary and for targets.
type Definition struct {
	Code    string
	Measure string
	VI, EN  string
}

// depNames are the 12 deprivation indicators without their "d_" prefix, with names.
var depNames = []struct{ code, vi, en string }{
	{"employment", "việc làm", "employment"},
	{"dependency", "người phụ thuộc", "dependency"},
	{"nutrition", "dinh dưỡng", "nutrition"},
	{"health_insurance", "bảo hiểm y tế", "health insurance"},
	{"adult_education", "giáo dục người lớn", "adult education"},
	{"child_schooling", "đi học của trẻ em", "child schooling"},
	{"housing_quality", "chất lượng nhà ở", "housing quality"},
	{"housing_area", "diện tích nhà ở", "housing area"},
	{"water", "nước sinh hoạt", "drinking water"},
	{"sanitation", "nhà tiêu hợp vệ sinh", "sanitation"},
	{"telecom", "dịch vụ viễn thông", "telecommunications"},
	{"information_access", "tiếp cận thông tin", "access to information"},
}

// Definitions lists every indicator the engine computes, in publishing order.
var Definitions = buildDefinitions()

func buildDefinitions() []Definition {
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
	for _, n := range depNames {
		d = append(d, Definition{"dep_" + n.code + "_rate", Percent,
			"Tỷ lệ hộ nghèo và cận nghèo thiếu hụt " + n.vi,
			"Share of poor and near-poor households deprived in " + n.en})
	}
	for _, n := range depNames {
		d = append(d, Definition{"censored_" + n.code + "_rate", Percent,
			"Tỷ lệ hộ vừa nghèo vừa thiếu hụt " + n.vi + " trên tổng số hộ (chỉ số kiểm duyệt Alkire-Foster)",
			"Households both poor and deprived in " + n.en + ", as a share of all households (Alkire-Foster censored headcount)"})
	}
	return append(d,
		Definition{"mpi_h", Percent, "Tỷ lệ nghèo H (Alkire-Foster): hộ nghèo / tổng số hộ", "Headcount ratio H (Alkire-Foster): poor / households"},
		Definition{"mpi_a", Percent, "Mức độ thiếu hụt bình quân A của hộ nghèo (12 chỉ số, trọng số bằng nhau)", "Intensity A: mean share of the 12 indicators in which the poor are deprived"},
		Definition{"mpi_m0", Index, "Chỉ số nghèo đa chiều M0 = H × A (0 đến 1)", "Adjusted headcount M0 = H × A (0 to 1)"},
		Definition{"school_attendance_rate", Percent, "Tỷ lệ trẻ 6-15 tuổi thuộc hộ nghèo, cận nghèo đi học đúng độ tuổi", "Children aged 6-15 in poor and near-poor households attending school at the right level"},
		Definition{"health_insurance_rate", Percent, "Tỷ lệ người thuộc hộ nghèo, cận nghèo có bảo hiểm y tế", "People in poor and near-poor households with health insurance"},
		Definition{"clean_water_rate", Percent, "Tỷ lệ hộ nghèo, cận nghèo dùng nước sinh hoạt hợp vệ sinh", "Poor and near-poor households using hygienic water"},
		Definition{"hygienic_latrine_rate", Percent, "Tỷ lệ hộ nghèo, cận nghèo dùng nhà tiêu hợp vệ sinh", "Poor and near-poor households using a hygienic latrine"},
	)
}

// definitionIndex finds a definition by code.
var definitionIndex = func() map[string]int {
	m := make(map[string]int, len(Definitions))
	for i, d := range Definitions {
		m[d.Code] = i
	}
	return m
}()

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
