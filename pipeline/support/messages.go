package support

import (
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

// messages words the support files' problems: the review catalogue, with the codes
// this contract adds or words differently. Like the review catalogue, a
// message never prints a value that could be personal: Args carry column names,
// counts, limits, years and codes of the contract.
var messages = review.Messages.Extend(problem.Catalogue{
	"no_files": {
		VI: "không có tệp hỗ trợ nào (<năm>.csv)", HintVI: "đặt các tệp vào data/support/ hoặc chạy portal sample",
		EN: "no support file (<year>.csv) was found", HintEN: "put the files in data/support/ or run portal sample",
	},
	"bad_file_name": {
		VI: "tên tệp phải là năm thực hiện hỗ trợ, ví dụ 2024.csv", HintVI: "đổi tên tệp",
		EN: "the file name must be the year of the support, e.g. 2024.csv", HintEN: "rename the file",
	},
	"empty_file": {
		VI: "tệp rỗng", HintVI: "xuất lại số liệu hỗ trợ, có dòng tiêu đề và một dòng cho mỗi thôn, chương trình, loại hỗ trợ và nguồn vốn",
		EN: "the file is empty", HintEN: "export the support records again, with a header line and one line per village, programme, support type and funding source",
	},
	"no_rows": {
		VI: "tệp chỉ có dòng tiêu đề, không có dòng hỗ trợ nào", HintVI: "thêm một dòng cho mỗi thôn, chương trình, loại hỗ trợ và nguồn vốn; nếu năm đó không có hỗ trợ nào, xóa tệp",
		EN: "the file has a header but no support rows", HintEN: "add one line per village, programme, support type and funding source; if nothing was delivered that year, delete the file",
	},
	"no_header": {
		VI: "dòng đầu tiên không phải dòng tiêu đề: không có tên cột nào đúng quy định", HintVI: "thêm dòng tiêu đề: year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd",
		EN: "the first line is not a header: it holds none of the contract's column names", HintEN: "add the header line: year,village_code,programme,support_type,funding_source,households_reached,people_reached,people_needing,amount_vnd",
	},
	"unknown_column": {
		VI: "cột %q không có trong quy định dữ liệu hỗ trợ", HintVI: "xóa cột này: cột lạ có thể chứa thông tin cá nhân",
		EN: "column %q is not part of the support contract", HintEN: "delete it: an unknown column may carry personal data",
	},
	"negative": {
		VI: "giá trị âm; số hộ, số người và số tiền không thể nhỏ hơn 0", HintVI: "nếu cần điều chỉnh số đã báo cáo, sửa lại dòng gốc thay vì ghi một dòng âm",
		EN: "the value is negative; households, people and amounts cannot be below 0", HintEN: "to correct a figure reported earlier, fix the original row instead of adding a negative one",
	},
	"leading_zero": {
		VI: "số bắt đầu bằng chữ số 0; có thể là số CCCD hoặc số điện thoại ghi nhầm cột", HintVI: "ghi số không có chữ số 0 ở đầu; không bao giờ ghi số giấy tờ tùy thân hay số điện thoại",
		EN: "the number starts with 0; it may be an ID or phone number typed in the wrong column", HintEN: "write the number without leading zeros; never write an identity or phone number",
	},
	"out_of_range": {
		VI: "giá trị vượt quá giới hạn %d-%d", HintVI: "kiểm tra lại số liệu; số tiền ghi bằng đồng, không có dấu phân cách",
		EN: "the value is outside the allowed range %d-%d", HintEN: "check the figure; amounts are in đồng, without separators",
	},
	"households_gt_people": {
		VI: "số hộ được hỗ trợ lớn hơn số người được hỗ trợ", HintVI: "mỗi hộ được hỗ trợ có ít nhất một người được hỗ trợ; kiểm tra hai cột households_reached và people_reached",
		EN: "more households reached than people reached", HintEN: "every household reached has at least one person reached; check households_reached and people_reached",
	},
	"reached_gt_needing": {
		VI: "số người được hỗ trợ (%d, cộng mọi nguồn vốn) lớn hơn số người có nhu cầu (%d)", HintVI: "người có nhu cầu gồm cả người đã được hỗ trợ; kiểm tra people_needing và people_reached của hỗ trợ này",
		EN: "more people reached (%d, all funding sources together) than people needing it (%d)", HintEN: "those needing it include those who got it; check people_needing and people_reached of this support",
	},
	"needing_differs": {
		VI: "số người có nhu cầu khác với dòng %d của cùng thôn, chương trình và loại hỗ trợ", HintVI: "số người có nhu cầu thuộc về hỗ trợ, không thuộc về nguồn vốn: ghi cùng một số ở mọi dòng, hoặc để trống ở mọi dòng",
		EN: "people_needing differs from line %d of the same village, programme and support type", HintEN: "the need belongs to the support, not to a funding source: write the same number on every row, or leave it empty on all of them",
	},
	"duplicate_row": {
		VI: "đã có dòng %d cho cùng thôn, chương trình, loại hỗ trợ và nguồn vốn", HintVI: "gộp hai dòng thành một (cộng số hộ, số người và số tiền)",
		EN: "line %d already records this village, programme, support type and funding source", HintEN: "merge the two rows into one (add up households, people and amounts)",
	},
	"programme_out_of_scope": {
		VI: "chương trình %s không được triển khai ở xã theo programmes.toml", HintVI: "kiểm tra mã chương trình; dự án ngoài phạm vi của kế hoạch không có kinh phí ở xã",
		EN: "programme %s is not implemented in the commune according to programmes.toml", HintEN: "check the programme code; projects outside the plan's scope spend nothing in the commune",
	},
	"year_mismatch": {
		VI: "năm %d không khớp với tên tệp (%d)", HintVI: "sửa cột year hoặc đổi tên tệp thành <năm>.csv",
		EN: "year %d does not match the file name (%d)", HintEN: "fix the year column or rename the file to <year>.csv",
	},
})
