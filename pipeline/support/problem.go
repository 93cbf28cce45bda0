package support

import (
	render "github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

// Problem is one thing wrong with a support file. It is the review data's Problem
// (same fields, same file:line:col: message (hint: ...) format, in vi and en); codes
// this contract adds, or words differently, are rendered from the catalogue below,
// every other code by the review catalogue.
type Problem struct {
	review.Problem
}

// Message renders the problem in lang ("vi" or "en").
func (p Problem) Message(lang string) string {
	m, ok := catalogue[p.Code]
	if !ok {
		return p.Problem.Message(lang)
	}
	at := render.At{File: p.File, Line: p.Line, Col: p.Col, Column: p.Column}
	return render.Render(at, p.Severity == review.SeverityWarning, render.Text{VI: m.vi, EN: m.en, HintVI: m.hintVI, HintEN: m.hintEN}, p.Args, nil, lang)
}

// Error lets a Problem be used as an error; it speaks English.
func (p Problem) Error() string { return p.Message("en") }

type message struct{ vi, en, hintVI, hintEN string }

// catalogue holds the support contract's own messages. Like the review catalogue, a
// message never prints a value that could be personal: Args carry column names,
// counts, limits, years and codes of the contract.
var catalogue = map[string]message{
	"no_files": {
		vi: "không có tệp hỗ trợ nào (<năm>.csv)", hintVI: "đặt các tệp vào data/support/ hoặc chạy portal sample",
		en: "no support file (<year>.csv) was found", hintEN: "put the files in data/support/ or run portal sample",
	},
	"bad_file_name": {
		vi: "tên tệp phải là năm thực hiện hỗ trợ, ví dụ 2024.csv", hintVI: "đổi tên tệp",
		en: "the file name must be the year of the support, e.g. 2024.csv", hintEN: "rename the file",
	},
	"empty_file": {
		vi: "tệp rỗng", hintVI: "xuất lại số liệu hỗ trợ, có dòng tiêu đề và một dòng cho mỗi thôn, chương trình, loại hỗ trợ và nguồn vốn",
		en: "the file is empty", hintEN: "export the support records again, with a header line and one line per village, programme, support type and funding source",
	},
	"no_rows": {
		vi: "tệp chỉ có dòng tiêu đề, không có dòng hỗ trợ nào", hintVI: "thêm một dòng cho mỗi thôn, chương trình, loại hỗ trợ và nguồn vốn; nếu năm đó không có hỗ trợ nào, xóa tệp",
		en: "the file has a header but no support rows", hintEN: "add one line per village, programme, support type and funding source; if nothing was delivered that year, delete the file",
	},
	"no_header": {
		vi: "dòng đầu tiên không phải dòng tiêu đề: không có tên cột nào đúng quy định", hintVI: "thêm dòng tiêu đề: year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd",
		en: "the first line is not a header: it holds none of the contract's column names", hintEN: "add the header line: year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd",
	},
	"unknown_column": {
		vi: "cột %q không có trong quy định dữ liệu hỗ trợ", hintVI: "xóa cột này: cột lạ có thể chứa thông tin cá nhân",
		en: "column %q is not part of the support contract", hintEN: "delete it: an unknown column may carry personal data",
	},
	"negative": {
		vi: "giá trị âm; số hộ, số người và số tiền không thể nhỏ hơn 0", hintVI: "nếu cần điều chỉnh số đã báo cáo, sửa lại dòng gốc thay vì ghi một dòng âm",
		en: "the value is negative; households, people and amounts cannot be below 0", hintEN: "to correct a figure reported earlier, fix the original row instead of adding a negative one",
	},
	"leading_zero": {
		vi: "số bắt đầu bằng chữ số 0; có thể là số CCCD hoặc số điện thoại ghi nhầm cột", hintVI: "ghi số không có chữ số 0 ở đầu; không bao giờ ghi số giấy tờ tùy thân hay số điện thoại",
		en: "the number starts with 0; it may be an ID or phone number typed in the wrong column", hintEN: "write the number without leading zeros; never write an identity or phone number",
	},
	"out_of_range": {
		vi: "giá trị vượt quá giới hạn %d-%d", hintVI: "kiểm tra lại số liệu; số tiền ghi bằng đồng, không có dấu phân cách",
		en: "the value is outside the allowed range %d-%d", hintEN: "check the figure; amounts are in đồng, without separators",
	},
	"households_gt_people": {
		vi: "số hộ được hỗ trợ lớn hơn số người được hỗ trợ", hintVI: "mỗi hộ được hỗ trợ có ít nhất một người được hỗ trợ; kiểm tra hai cột households_reached và people_reached",
		en: "more households reached than people reached", hintEN: "every household reached has at least one person reached; check households_reached and people_reached",
	},
	"reached_gt_needing": {
		vi: "số người được hỗ trợ (%d, cộng mọi nguồn vốn) lớn hơn số người có nhu cầu (%d)", hintVI: "người có nhu cầu gồm cả người đã được hỗ trợ; kiểm tra people_needing và people_reached của hỗ trợ này",
		en: "more people reached (%d, all funding sources together) than people needing it (%d)", hintEN: "those needing it include those who got it; check people_needing and people_reached of this support",
	},
	"needing_differs": {
		vi: "số người có nhu cầu khác với dòng %d của cùng thôn, chương trình và loại hỗ trợ", hintVI: "số người có nhu cầu thuộc về hỗ trợ, không thuộc về nguồn vốn: ghi cùng một số ở mọi dòng, hoặc để trống ở mọi dòng",
		en: "people_needing differs from line %d of the same village, programme and support type", hintEN: "the need belongs to the support, not to a funding source: write the same number on every row, or leave it empty on all of them",
	},
	"duplicate_row": {
		vi: "đã có dòng %d cho cùng thôn, chương trình, loại hỗ trợ và nguồn vốn", hintVI: "gộp hai dòng thành một (cộng số hộ, số người và số tiền)",
		en: "line %d already records this village, programme, support type and funding source", hintEN: "merge the two rows into one (add up households, people and amounts)",
	},
	"programme_out_of_scope": {
		vi: "chương trình %s không được triển khai ở xã theo programmes.toml", hintVI: "kiểm tra mã chương trình; dự án ngoài phạm vi của kế hoạch không có kinh phí ở xã",
		en: "programme %s is not implemented in the commune according to programmes.toml", hintEN: "check the programme code; projects outside the plan's scope spend nothing in the commune",
	},
	"year_mismatch": {
		vi: "năm %d không khớp với tên tệp (%d)", hintVI: "sửa cột year hoặc đổi tên tệp thành <năm>.csv",
		en: "year %d does not match the file name (%d)", hintEN: "fix the year column or rename the file to <year>.csv",
	},
}
