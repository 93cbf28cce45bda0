package review

import (
	"fmt"
	"reflect"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/standard"
)

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
// meaning. A Contract's columns are the single source for validation, the sample
// generator and the published data dictionary.
type Column struct {
	Name      string
	Kind      Kind
	Min, Max  int64    // for KindInt
	Values    []string // for KindEnum
	Optional  bool     // an empty value is allowed
	Sensitive bool     // its values are never echoed in messages
	VI, EN    string   // meaning, for the data dictionary
}

// meanings are the kinds, ranges and meanings of the fixed columns, the csv tags of
// Record; fixedColumns puts them in the order of Record's fields.
var meanings = map[string]Column{
	"year":                    {Kind: KindInt, Min: 2000, Max: 2100, VI: "Năm rà soát (kết thúc vào tháng 12 năm đó)", EN: "Review year (the review closes in December of that year)"},
	"commune_code":            {Kind: KindText, VI: "Mã xã theo danh mục của Tổng cục Thống kê (5 chữ số)", EN: "GSO commune code (5 digits)"},
	"village_code":            {Kind: KindText, VI: "Mã thôn, khai báo trong portal.toml", EN: "Village code declared in portal.toml"},
	"household_id":            {Kind: KindText, Sensitive: true, VI: "Mã hộ ẩn danh, giữ nguyên qua các năm (8-32 ký tự chữ, số, _ hoặc -); không bao giờ là số CCCD hay số điện thoại", EN: "Pseudonymous household id, stable across years (8-32 letters, digits, _ or -); never a citizen-ID or phone number"},
	"area":                    {Kind: KindEnum, Values: []string{"rural", "urban"}, VI: "Khu vực: rural (nông thôn) hoặc urban (thành thị)", EN: "Area: rural or urban"},
	"members":                 {Kind: KindInt, Min: 1, Max: 30, Sensitive: true, VI: "Số nhân khẩu của hộ (1-30)", EN: "Household size (1-30)"},
	"income_per_capita":       {Kind: KindInt, Min: 0, Max: 1_000_000_000, Sensitive: true, VI: "Thu nhập bình quân, đồng/người/tháng", EN: "Average income, VND per person per month"},
	"status":                  {Kind: KindEnum, Values: Statuses, VI: "Kết luận của ban rà soát: poor (nghèo), near_poor (cận nghèo), average_agri (hộ nông nghiệp có mức sống trung bình), non_poor", EN: "The review board's decision: poor, near_poor, average_agri (agricultural household with average living standard), non_poor"},
	"cause":                   {Kind: KindEnum, Values: Causes, Optional: true, Sensitive: true, VI: "Nguyên nhân chính (hộ nghèo, cận nghèo); để trống với hộ khác", EN: "Main cause (poor and near-poor households); empty otherwise"},
	"merit_family":            {Kind: KindFlag, Sensitive: true, VI: "Hộ có người có công với cách mạng", EN: "Household with a person of merit to the revolution"},
	"disabled_member":         {Kind: KindFlag, Sensitive: true, VI: "Hộ có người khuyết tật", EN: "Household with a member with a disability"},
	"female_head":             {Kind: KindFlag, Sensitive: true, VI: "Chủ hộ là nữ", EN: "Female-headed household"},
	"ethnic_minority":         {Kind: KindFlag, Sensitive: true, VI: "Hộ dân tộc thiểu số", EN: "Ethnic-minority household"},
	"children_6_15":           {Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số trẻ em từ 6 đến 15 tuổi", EN: "Children aged 6 to 15"},
	"children_6_15_in_school": {Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số trẻ em 6-15 tuổi đi học đúng cấp", EN: "Children aged 6 to 15 attending school at the right level"},
	"members_insured":         {Kind: KindInt, Min: 0, Max: 30, Sensitive: true, VI: "Số thành viên có bảo hiểm y tế", EN: "Members with health insurance"},
}

// FixedColumns are the columns every review file has whatever its standard, in the
// order of Record's csv tags; the positions ciYear... of rowchecker.go index it.
var FixedColumns = fixedColumns()

func fixedColumns() []Column {
	t := reflect.TypeFor[Record]()
	var out []Column
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("csv")
		if name == "" || name == "-" {
			continue
		}
		c, ok := meanings[name]
		if !ok {
			panic(fmt.Sprintf("review: column %s of Record has no meaning", name))
		}
		c.Name = name
		out = append(out, c)
	}
	if len(out) != numFixed || out[ciStatus].Name != "status" || out[ciInsured].Name != "members_insured" || out[ciGroup0].Name != Groups[0] {
		panic("review: the positions of rowchecker.go do not match Record's csv tags")
	}
	return out
}

// Contract is the review contract of the files of one standard: the fixed columns,
// then the standard's deprivation indicators, in the standard's order. It is derived
// once per file from the standard in force for the file's year.
type Contract struct {
	Standard *standard.Standard
	Columns  []Column
	header   csvfile.Contract
	index    map[string]int
}

// ContractFor returns the contract of the files reviewed under s.
func ContractFor(s *standard.Standard) *Contract {
	c := &Contract{Standard: s, Columns: append([]Column(nil), FixedColumns...), index: map[string]int{}}
	for _, ind := range s.Indicators {
		c.Columns = append(c.Columns, Column{Name: ind.Column, Kind: KindFlag, Sensitive: true,
			VI: "Thiếu hụt " + ind.NameVI + " (1 = có), theo chuẩn " + s.ID,
			EN: "Deprived in " + ind.NameEN + " (1 = yes), under standard " + s.ID})
	}
	names := make([]string, len(c.Columns))
	for i, col := range c.Columns {
		names[i] = col.Name
		c.index[col.Name] = i
	}
	c.header = csvfile.Contract{Columns: names, Personal: LooksPersonal, Secret: func(name string) bool { return LooksLikeIdentifier(name) != "" }}
	return c
}

// Names returns the contract's column names, in order.
func (c *Contract) Names() []string { return c.header.Columns }

// Deprivations is the number of the standard's indicators; they are Columns[ciDep0:].
func (c *Contract) Deprivations() int { return len(c.Columns) - ciDep0 }

// Column returns the contract column with the given name.
func (c *Contract) Column(name string) (Column, bool) {
	i, ok := c.index[name]
	if !ok {
		return Column{}, false
	}
	return c.Columns[i], true
}

// positions returns, for each of the standard's indicators, its position in a header
// whose contract column at each position is idx.
func (c *Contract) positions(idx []int) []int {
	out := make([]int, c.Deprivations())
	for pos, ci := range idx {
		if ci >= ciDep0 {
			out[ci-ciDep0] = pos
		}
	}
	return out
}

// Ordered returns the columns in the order review files customarily have them (the
// sample writes them so): the fixed columns up to income_per_capita, the standard's
// indicators, then the other fixed columns. Files may have them in any order.
func (c *Contract) Ordered() []Column {
	out := append([]Column(nil), c.Columns[:ciStatus]...)
	out = append(out, c.Columns[ciDep0:]...)
	return append(out, c.Columns[ciStatus:ciDep0]...)
}
