package review

// Kind is the type of a review column's values.
type Kind int

// The kinds of value a review column holds.
const (
	KindInt Kind = iota
	KindFlag
	KindText
	KindEnum
)

// Column describes one column of the review CSV: its name, type, allowed values and
// meaning. Columns is the single source for validation, the sample generator and the
// published data dictionary.
type Column struct {
	Name      string
	Kind      Kind
	Min, Max  int64    // for KindInt
	Values    []string // for KindEnum
	Optional  bool     // an empty value is allowed
	Sensitive bool     // its values are never echoed in messages
	VI, EN    string   // meaning, for the data dictionary
}

// Columns is the review contract, in the order the sample files write them.
var Columns = []Column{
	{Name: "year", Kind: KindInt, Min: 2000, Max: 2100, VI: "Năm rà soát (kết thúc vào tháng 12 năm đó)", EN: "Review year (the review closes in December of that year)"},
	{Name: "commune_code", Kind: KindText, VI: "Mã xã theo danh mục của Tổng cục Thống kê (5 chữ số)", EN: "GSO commune code (5 digits)"},
	{Name: "village_code", Kind: KindText, VI: "Mã thôn, khai báo trong portal.toml", EN: "Village code declared in portal.toml"},
	{Name: "household_id", Kind: KindText, Sensitive: true, VI: "Mã hộ ẩn danh, giữ nguyên qua các năm (8-32 ký tự chữ, số, _ hoặc -); không bao giờ là số CCCD hay số điện thoại", EN: "Pseudonymous household id, stable across years (8-32 letters, digits, _ or -); never a citizen-ID or phone number"},
	{Name: "area", Kind: KindEnum, Values: []string{"rural", "urban"}, VI: "Khu vực: rural (nông thôn) hoặc urban (thành thị)", EN: "Area: rural or urban"},
	{Name: "members", Kind: KindInt, Min: 1, Max: 30, Sensitive: true, VI: "Số nhân khẩu của hộ (1-30)", EN: "Household size (1-30)"},
	{Name: "income_per_capita", Kind: KindInt, Min: 0, Max: 1_000_000_000, Sensitive: true, VI: "Thu nhập bình quân, đồng/người/tháng", EN: "Average income, VND per person per month"},
	{Name: "d_employment", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt việc làm (1 = có)", EN: "Deprived in employment (1 = yes)"},
	{Name: "d_dependency", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt về người phụ thuộc trong hộ", EN: "Deprived in dependency ratio"},
	{Name: "d_nutrition", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt dinh dưỡng", EN: "Deprived in nutrition"},
	{Name: "d_health_insurance", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt bảo hiểm y tế", EN: "Deprived in health insurance"},
	{Name: "d_adult_education", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt trình độ giáo dục của người lớn", EN: "Deprived in adult education"},
	{Name: "d_child_schooling", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt tình trạng đi học của trẻ em", EN: "Deprived in child schooling"},
	{Name: "d_housing_quality", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt chất lượng nhà ở", EN: "Deprived in housing quality"},
	{Name: "d_housing_area", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt diện tích nhà ở bình quân đầu người", EN: "Deprived in housing area per person"},
	{Name: "d_water", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt nguồn nước sinh hoạt", EN: "Deprived in drinking water"},
	{Name: "d_sanitation", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt nhà tiêu hợp vệ sinh", EN: "Deprived in sanitation (hygienic latrine)"},
	{Name: "d_telecom", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt sử dụng dịch vụ viễn thông", EN: "Deprived in telecommunication services"},
	{Name: "d_information_access", Kind: KindFlag, Sensitive: true, VI: "Thiếu hụt phương tiện tiếp cận thông tin", EN: "Deprived in means of access to information"},
	{Name: "status", Kind: KindEnum, Values: Statuses, VI: "Kết luận của ban rà soát: poor (nghèo), near_poor (cận nghèo), average_agri (hộ nông nghiệp có mức sống trung bình), non_poor", EN: "The review board's decision: poor, near_poor, average_agri (agricultural household with average living standard), non_poor"},
	{Name: "cause", Kind: KindEnum, Values: Causes, Optional: true, Sensitive: true, VI: "Nguyên nhân chính (hộ nghèo, cận nghèo); để trống với hộ khác", EN: "Main cause (poor and near-poor households); empty otherwise"},
	{Name: "merit_family", Kind: KindFlag, Sensitive: true, VI: "Hộ có người có công với cách mạng", EN: "Household with a person of merit to the revolution"},
	{Name: "disabled_member", Kind: KindFlag, Sensitive: true, VI: "Hộ có người khuyết tật", EN: "Household with a member with a disability"},
	{Name: "female_head", Kind: KindFlag, Sensitive: true, VI: "Chủ hộ là nữ", EN: "Female-headed household"},
	{Name: "ethnic_minority", Kind: KindFlag, Sensitive: true, VI: "Hộ dân tộc thiểu số", EN: "Ethnic-minority household"},
	{Name: "children_6_15", Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số trẻ em từ 6 đến 15 tuổi", EN: "Children aged 6 to 15"},
	{Name: "children_6_15_in_school", Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số trẻ em 6-15 tuổi đi học đúng cấp", EN: "Children aged 6 to 15 attending school at the right level"},
	{Name: "members_insured", Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số thành viên có bảo hiểm y tế", EN: "Members with health insurance"},
}

// ColumnByName returns the contract column with the given name.
func ColumnByName(name string) (Column, bool) {
	for _, c := range Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}
