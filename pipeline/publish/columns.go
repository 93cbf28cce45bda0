package publish

import "github.com/minhtien/portal/pipeline/opendata"

// column describes one column of a published table. The same definitions give the CSV
// header, the Parquet schema, the XLSX header and README sheet, the table schema of
// datapackage.json and the data dictionary on the data page, so none of them can
// drift from the files.
type column struct {
	Name string `json:"name"`
	// Type is the Frictionless Table Schema type: integer, number, string or boolean.
	Type string `json:"type"`
	VI   string `json:"vi"`
	EN   string `json:"en"`
}

// indicatorColumns are the columns of indicators.csv (and .json, .parquet, .xlsx).
var indicatorColumns = []column{
	{"year", "integer", "Năm rà soát (kết thúc vào tháng 12 năm đó)", "Review year (the review closes in December of that year)"},
	{"unit_level", "string", "Cấp đơn vị: commune (xã) hoặc village (thôn)", "Level of the unit: commune or village"},
	{"unit_code", "string", "Mã đơn vị: mã xã của Tổng cục Thống kê, hoặc mã thôn khai báo trong portal.toml", "Unit code: the GSO commune code, or the village code declared in portal.toml"},
	{"unit_name", "string", "Tên đơn vị (tiếng Việt)", "Name of the unit (in Vietnamese)"},
	{"group", "string", "Nhóm hộ: all (mọi hộ) hoặc tên nhóm ưu tiên (merit_family, disabled_member, female_head, ethnic_minority)", "Household group: all (every household) or a priority group (merit_family, disabled_member, female_head, ethnic_minority)"},
	{"indicator", "string", "Mã chỉ số; xem danh mục chỉ số", "Indicator code; see the list of indicators"},
	{"value", "number", "Giá trị đã làm tròn như trên trang: tỷ lệ % với 1 chữ số thập phân, chỉ số với 3, số hộ là số nguyên; để trống khi bị ẩn hoặc không có", "The value as shown on the site: percentages to one decimal, indices to three, counts as whole numbers; empty when withheld or not available"},
	{"numerator", "integer", "Tử số (số hộ hoặc số người được đếm); để trống khi bị ẩn", "Numerator (households or people counted); empty when withheld"},
	{"denominator", "integer", "Mẫu số của tỷ lệ; để trống với số đếm, hoặc khi bị ẩn để tránh suy ra số nhỏ", "Denominator of a rate; empty for counts, or when withheld so a small count cannot be worked out"},
	{"unit_of_measure", "string", "Đơn vị đo: percent, households, people hoặc index", "Unit of measure: percent, households, people or index"},
	{"flag", "string", "Trống khi có số liệu; suppressed khi bị ẩn (số từ 1 đến k-1, hoặc bị ẩn thêm để không suy ra được bằng phép trừ; trên trang là khoảng value_lower–value_upper); not_available khi không có mẫu số hoặc là năm đầu tiên của số biến động", "Empty when there is a value; suppressed when withheld (a count from 1 to k-1, or withheld too so it cannot be worked out by subtraction; shown as the range value_lower–value_upper); not_available when there is no denominator, or for movement in the first year"},
	{"value_lower", "number", "Với số bị ẩn: cận dưới của giá trị thật, suy ra từ các số đã công bố và các quan hệ giữa chúng (cộng, trừ, tỷ lệ, biến động qua các năm), và thu hẹp ở nơi việc kiểm tra cho phép: một số nhỏ được ghi là từ 1 đến k-1, một số khác của thôn hay của xã là ô chứa nó trong một lưới cố định gồm 2k+1 giá trị (0–10, 11–21, … khi k = 5), không bao giờ là khoảng đặt quanh giá trị thật; không bao giờ cao hơn giá trị nhỏ nhất mà người đọc tự suy ra được từ tất cả những điều đó, nhưng ở nhóm số liên kết quá lớn để giải bằng quy hoạch tuyến tính thì có thể thấp hơn (khoảng rộng hơn cần thiết). Cùng đơn vị với value, làm tròn ra phía ngoài; trống khi có số liệu", "For a withheld figure: a lower bound of the true value, deduced from the published figures and the relations between them (sums, differences, rates, movement between years), and narrowed where the audit allows it: a small count is given as 1 to k-1, another figure of a village or of the commune as the cell of a fixed grid of 2k+1 values that holds it (0–10, 11–21, … for k = 5), never as a range placed around the value; never above the smallest value a reader can deduce from all of this, but in blocks of linked figures too large for linear programming it may be below it (the range is then wider than it need be). In the unit of value, rounded outward; empty when there is a value"},
	{"value_upper", "number", "Với số bị ẩn: cận trên của giá trị thật, suy ra như trên (không bao giờ thấp hơn giá trị lớn nhất mà người đọc tự suy ra được); trống khi có số liệu, hoặc khi không có giới hạn trên", "For a withheld figure: an upper bound of the true value, deduced likewise (never below the largest value a reader can deduce); empty when there is a value, or when nothing bounds it from above"},
	{"standard", "string", "Mã chuẩn nghèo áp dụng cho năm đó (xem từ điển dữ liệu và trang Phương pháp); số liệu theo hai chuẩn khác nhau không so sánh trực tiếp được với nhau", "Id of the poverty standard in force that year (see the data dictionary and the methodology page); figures under two different standards are not directly comparable"},
}

// unitTargetColumns are the columns of targets-units.csv: each commune's (and a
// nation's each province's) progress towards the plan's targets.
var unitTargetColumns = []column{
	{"unit_level", "string", "Cấp đơn vị: province (tỉnh) hoặc commune (xã)", "Level of the unit: province or commune"},
	{"unit_code", "string", "Mã đơn vị của Tổng cục Thống kê", "The unit's GSO code"},
	{"unit_name", "string", "Tên đơn vị (tiếng Việt)", "Name of the unit (in Vietnamese)"},
	{"target_id", "string", "Mã mục tiêu, như trong targets.csv", "Target id, as in targets.csv"},
	{"indicator", "string", "Mã chỉ số được theo dõi", "Code of the indicator followed"},
	{"status", "string", "Đánh giá, tính từ số liệu đã công bố của chính đơn vị: achieved, not_achieved, on_track, needs_acceleration, off_track, deteriorating, not_enough_data, not_yet_measured, not_comparable (năm gốc và năm mới nhất theo hai chuẩn nghèo khác nhau) hoặc undecided (năm mục tiêu đã qua nhưng số liệu bị ẩn nằm cả hai phía của mục tiêu)", "Assessment, from the unit's own published figures: achieved, not_achieved, on_track, needs_acceleration, off_track, deteriorating, not_enough_data, not_yet_measured, not_comparable (baseline and latest under two different poverty standards) or undecided (the target year is over but its withheld figure lies on both sides of the target)"},
	{"latest", "number", "Giá trị mới nhất đã công bố (1 chữ số thập phân); để trống khi chưa có", "Latest published value (one decimal); empty when there is none"},
	{"latest_year", "integer", "Năm của giá trị mới nhất; để trống khi chưa có", "Year of the latest value; empty when there is none"},
}

// IndicatorColumns are the columns of indicators.csv, in order.
var IndicatorColumns = names(indicatorColumns)

// targetColumns are the columns of targets.csv and targets.json: the progress
// components of DESIGN section 7, rounded as the target pages show them.
var targetColumns = []column{
	{"id", "string", "Mã mục tiêu (dùng trong địa chỉ trang /targets/<id>/)", "Target id (as in the page address /targets/<id>/)"},
	{"plan", "string", "Mã kế hoạch của mục tiêu (như trong targets.toml)", "Id of the target's plan (as in targets.toml)"},
	{"title_vi", "string", "Tên mục tiêu (tiếng Việt)", "Title of the target in Vietnamese"},
	{"title_en", "string", "Tên mục tiêu (tiếng Anh)", "Title of the target in English"},
	{"indicator", "string", "Mã chỉ số được theo dõi", "Code of the indicator followed"},
	{"comparator", "string", "Phép so sánh với mục tiêu: <, <=, >, >= hoặc =", "How the value compares with the target: <, <=, >, >= or ="},
	{"target", "number", "Giá trị mục tiêu", "Target value"},
	{"target_year", "integer", "Năm phải đạt mục tiêu", "Year by which the target is due"},
	{"method", "string", "Cách tính tốc độ: linear (điểm % mỗi năm) hoặc cagr (tăng trưởng kép mỗi năm)", "How pace is measured: linear (points a year) or cagr (compound annual growth)"},
	{"baseline", "number", "Giá trị gốc, với độ chính xác của nguồn: như kế hoạch ghi (tối đa 2 chữ số thập phân), hoặc như số liệu đã công bố của năm gốc (tỷ lệ: 1 chữ số thập phân)", "Baseline value, with the precision of its source: as the plan writes it (at most two decimals), or as the baseline year's published figure (rates: one decimal)"},
	{"baseline_year", "integer", "Năm gốc", "Baseline year"},
	{"latest", "number", "Giá trị mới nhất đã công bố", "Latest published value"},
	{"latest_year", "integer", "Năm của giá trị mới nhất", "Year of the latest value"},
	{"required_pace", "number", "Tốc độ cần có từ năm gốc để đạt mục tiêu đúng hạn", "Pace needed from the baseline to meet the target on time"},
	{"observed_pace", "number", "Tốc độ thực tế từ năm gốc đến năm mới nhất", "Pace observed from the baseline to the latest year"},
	{"ratio", "number", "Tỷ số tốc độ thực tế / tốc độ cần có", "Observed pace divided by required pace"},
	{"projection", "number", "Giá trị dự báo cho năm mục tiêu nếu giữ tốc độ hiện tại", "Value expected in the target year at the observed pace"},
	{"gap", "number", "Chênh lệch: giá trị mới nhất trừ mục tiêu", "Gap: latest value minus target"},
	{"status", "string", "Đánh giá: achieved, not_achieved, on_track, needs_acceleration, off_track, deteriorating, not_enough_data, not_yet_measured, not_comparable (năm gốc và năm mới nhất theo hai chuẩn nghèo khác nhau), undecided (năm mục tiêu đã qua nhưng số liệu bị ẩn nằm cả hai phía của mục tiêu)", "Status: achieved, not_achieved, on_track, needs_acceleration, off_track, deteriorating, not_enough_data, not_yet_measured, not_comparable (baseline and latest under two different poverty standards), undecided (the target year is over but its withheld figure lies on both sides of the target)"},
	{"final", "boolean", "true khi đã có số liệu năm mục tiêu (đánh giá là chính thức)", "true when the target year's review is in (the verdict is final)"},
	{"baseline_standard", "string", "Chuẩn nghèo của giá trị gốc (trống khi không phụ thuộc chuẩn)", "Poverty standard of the baseline value (empty when it depends on none)"},
	{"standard", "string", "Chuẩn nghèo của giá trị mới nhất; khác chuẩn của giá trị gốc thì trạng thái là not_comparable", "Poverty standard of the latest value; when it differs from the baseline's the status is not_comparable"},
}

// chartColumns are the columns of the CSV published with each chart.
var chartColumns = []column{
	indicatorColumns[0], indicatorColumns[2], indicatorColumns[5], indicatorColumns[6], indicatorColumns[10],
}

// changelogColumns are the columns of changelog.csv: every published figure that
// changed from one release to the next.
var changelogColumns = []column{
	{"release", "string", "Bản phát hành có thay đổi", "Release in which the figure changed"},
	{"previous_release", "string", "Bản phát hành trước đó được so sánh", "Previous release it is compared with"},
	{"change", "string", "changed (thay đổi), added (mới có) hoặc removed (không còn)", "changed, added or removed"},
	indicatorColumns[0], indicatorColumns[2], indicatorColumns[4], indicatorColumns[5],
	{"value_before", "number", "Giá trị ở bản trước", "Value in the previous release"},
	{"value_after", "number", "Giá trị ở bản này", "Value in this release"},
	{"difference", "number", "Chênh lệch value_after - value_before (điểm % với tỷ lệ)", "Difference value_after - value_before (percentage points for rates)"},
	{"numerator_before", "integer", "Tử số ở bản trước", "Numerator in the previous release"},
	{"numerator_after", "integer", "Tử số ở bản này", "Numerator in this release"},
	{"denominator_before", "integer", "Mẫu số ở bản trước", "Denominator in the previous release"},
	{"denominator_after", "integer", "Mẫu số ở bản này", "Denominator in this release"},
	{"flag_before", "string", "Cờ ở bản trước", "Flag in the previous release"},
	{"flag_after", "string", "Cờ ở bản này", "Flag in this release"},
}

// openColumns are cols as the open-data writers take them.
func openColumns(cols []column) []opendata.Column {
	out := make([]opendata.Column, len(cols))
	for i, c := range cols {
		out[i] = opendata.Column(c)
	}
	return out
}

func names(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}
