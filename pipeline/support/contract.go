// Package support reads the anonymized records of the support each programme delivered
// and the money it spent (data/support/<year>.csv), checks them against the support
// contract, aggregates them per programme, support type, village and year, and
// protects the small counts before anything is published.
package support

import "github.com/minhtien/portal/pipeline/config"

// Record is one row of data/support/<year>.csv: what one programme delivered in one
// village in one year, as one type of support, paid from one funding source. The csv
// tags are the contract: the column names a file must carry, no more, no fewer.
//
// Counting rules (the data dictionary says the same):
//   - households_reached and people_reached count the households and people that got
//     this support with this source's money. When two sources paid for the same
//     support, a person is counted once, on the row of the source that paid the larger
//     part, so the rows of a support add up without counting anyone twice.
//   - people_needing is the number of people who need this support in the village that
//     year (the "100% of those who need it" targets). It belongs to the support, not to
//     a funding source: every row of the same year, village, programme and support type
//     carries the same number, or all leave it empty.
//   - amount_vnd is what this source spent on this support in the village, in đồng.
//     Preferential credit is the amount lent.
type Record struct {
	Year              int    `csv:"year"`
	VillageCode       string `csv:"village_code"`
	Programme         string `csv:"programme"`
	SupportType       string `csv:"support_type"`
	FundingSource     string `csv:"funding_source"`
	HouseholdsReached int64  `csv:"households_reached"`
	PeopleReached     int64  `csv:"people_reached"`
	PeopleNeeding     *int64 `csv:"people_needing"`
	AmountVND         int64  `csv:"amount_vnd"`
}

// Kind is the type of a support column's values.
type Kind int

// The kinds of value a support column holds.
const (
	KindInt Kind = iota
	KindText
	KindEnum
)

// Column describes one column of the support CSV. Columns is the single source for
// validation, the sample generator and the published data dictionary.
type Column struct {
	Name     string
	Kind     Kind
	Min, Max int64    // for KindInt
	Values   []string // for KindEnum
	Optional bool     // an empty value is allowed
	VI, EN   string
}

// Programmes are the programme codes support can be recorded under (DESIGN 3.4): the
// projects and sub-projects of the plan implemented in the commune, and the other
// poverty-reduction policies.
var Programmes = []string{"2", "3.1", "3.2", "4.3", "6.1", "6.2", "7.1", "7.2",
	"credit", "health_insurance", "education", "housing", "water_sanitation", "legal_aid", "social_assistance"}

// SupportType is one kind of support delivered. Indicator names the coverage
// indicator it measures when its rows give people_needing ("" for types that are not
// "100% of those who need it" supports).
type SupportType struct {
	Code      string
	Indicator string
	VI, EN    string
}

// SupportTypes is the support-type vocabulary, in the order pages list it. The first
// four measure the plan's coverage targets (data/targets.toml).
var SupportTypes = []SupportType{
	{"job_matching", "support_coverage_jobs", "Tư vấn, giới thiệu, kết nối việc làm", "Job matching and career advice"},
	{"vocational_training", "support_coverage_training", "Đào tạo nghề, kỹ năng nghề", "Vocational skills training"},
	{"preferential_credit", "support_coverage_credit", "Vay vốn ưu đãi (Ngân hàng Chính sách xã hội)", "Preferential loans (Bank for Social Policies)"},
	{"legal_aid", "support_coverage_legal_aid", "Trợ giúp pháp lý miễn phí", "Free legal aid"},
	{"livelihood_model", "", "Mô hình sinh kế, giảm nghèo", "Livelihood and poverty-reduction models"},
	{"farm_inputs", "", "Giống, vật tư, tập huấn kỹ thuật nông nghiệp", "Seed, livestock, farm inputs and technical training"},
	{"nutrition", "", "Cải thiện dinh dưỡng (trẻ em, phụ nữ có thai)", "Nutrition (children, pregnant women)"},
	{"health_insurance_card", "", "Hỗ trợ mua thẻ bảo hiểm y tế", "Health-insurance cards"},
	{"tuition_support", "", "Miễn, giảm học phí, hỗ trợ chi phí học tập", "Tuition exemptions and school costs"},
	{"housing_repair", "", "Xây mới, sửa chữa nhà ở", "Building and repairing homes"},
	{"water_latrine", "", "Nước sạch, nhà tiêu hợp vệ sinh", "Clean water and hygienic latrines"},
	{"information_access", "", "Thiết bị, dịch vụ tiếp cận thông tin", "Devices and services for access to information"},
	{"communication", "", "Truyền thông về giảm nghèo", "Communication on poverty reduction"},
	{"capacity_building", "", "Tập huấn cán bộ làm công tác giảm nghèo", "Training of poverty-reduction officers"},
	{"monitoring", "", "Rà soát, kiểm tra, giám sát, đánh giá", "Reviews, inspection, monitoring and evaluation"},
	{"social_allowance", "", "Trợ cấp xã hội, hỗ trợ tiền điện, hỗ trợ đột xuất", "Social allowances, electricity bills and emergency help"},
}

// SupportTypeByCode returns a support type.
func SupportTypeByCode(code string) (SupportType, bool) {
	for _, s := range SupportTypes {
		if s.Code == code {
			return s, true
		}
	}
	return SupportType{}, false
}

// CoverageIndicator returns the indicator code that measures a support type's
// coverage: the target's code for the four targeted types, "support_coverage_<type>"
// for the others.
func CoverageIndicator(supportType string) string {
	if s, ok := SupportTypeByCode(supportType); ok && s.Indicator != "" {
		return s.Indicator
	}
	return "support_coverage_" + supportType
}

func supportTypeCodes() []string {
	out := make([]string, len(SupportTypes))
	for i, s := range SupportTypes {
		out[i] = s.Code
	}
	return out
}

// Limits of the numbers of one row. An amount above MaxAmount (100 billion đồng for one
// village, one support and one source) is a typing error, not a budget line.
const (
	MaxHouseholds = 100_000
	MaxPeople     = 1_000_000
	MaxAmount     = 100_000_000_000
)

// Columns is the support contract, in the order the sample files write them.
var Columns = []Column{
	{Name: "year", Kind: KindInt, Min: 2000, Max: 2100, VI: "Năm thực hiện hỗ trợ (trùng với tên tệp)", EN: "Year the support was delivered (the file name's year)"},
	{Name: "village_code", Kind: KindText, VI: "Mã thôn nơi hộ được hỗ trợ sinh sống, khai báo trong portal.toml", EN: "Code of the village where the people supported live, declared in portal.toml"},
	{Name: "programme", Kind: KindEnum, Values: Programmes, VI: "Mã dự án, tiểu dự án hoặc chính sách (như trong programmes.toml)", EN: "Code of the project, sub-project or policy (as in programmes.toml)"},
	{Name: "support_type", Kind: KindEnum, Values: supportTypeCodes(), VI: "Loại hỗ trợ; job_matching, vocational_training, preferential_credit và legal_aid đo các mục tiêu \"100% người có nhu cầu\"", EN: "Type of support; job_matching, vocational_training, preferential_credit and legal_aid measure the \"100% of those who need it\" targets"},
	{Name: "funding_source", Kind: KindEnum, Values: config.FundingSources, VI: "Nguồn kinh phí: central, province, district, commune (ngân sách các cấp), social_fund (quỹ xã hội), policy_bank_credit (vốn vay Ngân hàng Chính sách xã hội), other", EN: "Funding source: central, province, district, commune (budgets), social_fund, policy_bank_credit (Bank for Social Policies loans), other"},
	{Name: "households_reached", Kind: KindInt, Min: 0, Max: MaxHouseholds, VI: "Số hộ được hỗ trợ bằng nguồn này (mỗi hộ chỉ đếm một lần cho một loại hỗ trợ)", EN: "Households that got this support from this source (each counted once per support)"},
	{Name: "people_reached", Kind: KindInt, Min: 0, Max: MaxPeople, VI: "Số người được hỗ trợ bằng nguồn này (không nhỏ hơn số hộ)", EN: "People who got this support from this source (at least the number of households)"},
	{Name: "people_needing", Kind: KindInt, Min: 0, Max: MaxPeople, Optional: true, VI: "Số người có nhu cầu hỗ trợ này trong thôn trong năm; để trống nếu không phải hỗ trợ \"100% người có nhu cầu\"; giống nhau ở mọi dòng của cùng một hỗ trợ", EN: "People in the village who needed this support that year; empty when it is not a \"100% of those who need it\" support; the same on every row of one support"},
	{Name: "amount_vnd", Kind: KindInt, Min: 0, Max: MaxAmount, VI: "Số tiền đã chi (hoặc cho vay) từ nguồn này, đồng", EN: "Amount spent (or lent) from this source, in đồng"},
}

// KindName is a column kind as the data dictionary names it.
func KindName(k Kind) string {
	switch k {
	case KindInt:
		return "integer"
	case KindEnum:
		return "enum"
	}
	return "text"
}
