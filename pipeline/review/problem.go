package review

import (
	"github.com/minhtien/portal/pipeline/problem"
)

// Severity says whether a problem stops the build.
type Severity int

// Severities: an error refuses the data; a warning is reported to the officer only.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Problem is one thing wrong with an input file, located by line and column. It
// never holds a cell's value when that value could be personal data.
type Problem struct {
	File     string
	Line     int // 1-based; 0 for the whole file
	Col      int // 1-based; 0 when no column applies
	Column   string
	Village  string // for warnings counted per village
	Code     string // key in the message catalogue
	Args     []any
	Severity Severity
}

// Message renders the problem in lang ("vi" or "en") as file:line:column: message (hint: ...).
func (p Problem) Message(lang string) string {
	m, ok := catalogue[p.Code]
	if !ok {
		m = message{vi: p.Code, en: p.Code}
	}
	at := problem.At{File: p.File, Line: p.Line, Col: p.Col, Column: p.Column}
	return problem.Render(at, p.Severity == SeverityWarning, problem.Text{VI: m.vi, EN: m.en, HintVI: m.hintVI, HintEN: m.hintEN}, p.Args, nil, lang)
}

// Error lets a Problem be used as an error; it speaks English.
func (p Problem) Error() string { return p.Message("en") }

type message struct{ vi, en, hintVI, hintEN string }

// catalogue holds every message in both languages. A message never prints a cell
// value from a sensitive column: Args only ever carry column names, counts, limits
// and values of non-personal columns (year, codes).
var catalogue = map[string]message{
	"duplicate_year": {vi: "năm %d đã có trong tệp %s", en: "year %d is already in %s", hintVI: "mỗi năm chỉ có một tệp", hintEN: "keep one file per year"},
	"no_files":       {vi: "không có tệp kết quả rà soát nào (<năm>.csv)", en: "no review file (<year>.csv) was found", hintVI: "đặt các tệp vào data/reviews/ hoặc chạy portal sample", hintEN: "put the files in data/reviews/ or run portal sample"},
	"decode_failed":  {vi: "lỗi nội bộ khi đọc tệp", en: "internal error while decoding the file", hintVI: "báo lỗi này cho nhóm phát triển", hintEN: "report this to the developers"},
	"not_utf8": {
		vi: "tệp không phải UTF-8 (byte lạ ở đây); có lẽ đã xuất bằng bảng mã Windows-1258 hoặc TCVN3 (ABC)", hintVI: "mở tệp trong Excel, chọn Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\"; trong LibreOffice chọn bộ ký tự \"Unicode (UTF-8)\"; với phông TCVN3 hãy chuyển mã sang Unicode trước (Unikey: Công cụ chuyển mã)",
		en: "the file is not UTF-8 (unexpected byte here); it was probably exported as Windows-1258 or TCVN3 (ABC)", hintEN: "open it in Excel and Save As \"CSV UTF-8 (Comma delimited)\"; in LibreOffice choose the character set \"Unicode (UTF-8)\"; convert TCVN3 text to Unicode first (Unikey's converter)",
	},
	"utf16": {
		vi: "tệp được lưu bằng bảng mã UTF-16 (\"Unicode Text\" của Excel), không phải UTF-8", hintVI: "mở tệp trong Excel, chọn Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\"",
		en: "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8", hintEN: "open it in Excel and Save As \"CSV UTF-8 (Comma delimited)\"",
	},
	"wrong_separator": {
		vi: "các cột được phân cách bằng dấu chấm phẩy hoặc tab, không phải dấu phẩy", hintVI: "lưu lại bằng \"CSV UTF-8 (phân cách bằng dấu phẩy)\"; nếu Excel vẫn dùng dấu chấm phẩy, đổi dấu phân cách danh sách trong cài đặt vùng của Windows thành dấu phẩy",
		en: "the columns are separated by semicolons or tabs, not commas", hintEN: "save as \"CSV UTF-8 (Comma delimited)\"; if Excel still writes semicolons, set the list separator in Windows' region settings to a comma",
	},
	"no_header": {
		vi: "dòng đầu tiên không phải dòng tiêu đề: không có tên cột nào đúng quy định", hintVI: "thêm dòng tiêu đề với tên cột như trong từ điển dữ liệu (year,commune_code,village_code,...)",
		en: "the first line is not a header: it holds none of the contract's column names", hintEN: "add the header line with the column names of the data dictionary (year,commune_code,village_code,...)",
	},
	"empty_row": {
		vi: "dòng không có dữ liệu (chỉ có dấu phẩy)", hintVI: "xóa dòng trống này; Excel đôi khi giữ lại các dòng trống đã định dạng",
		en: "the row is empty (commas only)", hintEN: "delete this empty row; Excel sometimes keeps formatted empty rows",
	},
	"spaces": {
		vi: "giá trị có dấu cách thừa ở đầu hoặc cuối", hintVI: "xóa dấu cách trước và sau giá trị (hàm TRIM trong Excel)",
		en: "the value has spaces before or after it", hintEN: "remove the spaces around the value (Excel's TRIM function)",
	},
	"stray_quote": {
		vi: "ô đặt trong ngoặc kép có dấu \" lạ bên trong hoặc có chữ sau dấu \" đóng", hintVI: "nhân đôi dấu \" bên trong ô (\"\") hoặc xóa nó",
		en: "a quoted field has a stray \" inside or text after its closing quote", hintEN: "double each \" inside the cell (\"\") or remove it",
	},
	"bad_commune_code": {
		vi: "mã xã phải gồm đúng 5 chữ số", hintVI: "dùng mã xã theo danh mục của Tổng cục Thống kê, ví dụ 12424",
		en: "a commune code is exactly 5 digits", hintEN: "use the GSO commune code, e.g. 12424",
	},
	"bad_village_code": {
		vi: "mã thôn phải dài 1-16 ký tự, chỉ gồm chữ không dấu, số, _ hoặc -", hintVI: "ghi mã thôn (ví dụ T01) như khai báo trong data/portal.toml, không ghi tên thôn",
		en: "a village code is 1-16 letters, digits, _ or -", hintEN: "write the village code (e.g. T01) declared in data/portal.toml, not the village name",
	},
	"empty_file": {
		vi: "tệp rỗng", hintVI: "xuất lại kết quả rà soát, có dòng tiêu đề và một dòng cho mỗi hộ",
		en: "the file is empty", hintEN: "export the review again, with a header line and one line per household",
	},
	"no_rows": {
		vi: "tệp chỉ có dòng tiêu đề, không có hộ nào", hintVI: "xuất lại kết quả rà soát với một dòng cho mỗi hộ",
		en: "the file has a header but no household rows", hintEN: "export the review again with one line per household",
	},
	"missing_column": {
		vi: "thiếu cột %s", hintVI: "thêm cột này vào dòng tiêu đề; danh sách cột có trong từ điển dữ liệu",
		en: "column %s is missing", hintEN: "add it to the header line; the columns are listed in the data dictionary",
	},
	"unknown_column": {
		vi: "cột %q không có trong quy định dữ liệu", hintVI: "xóa cột này: cột lạ có thể chứa thông tin cá nhân",
		en: "column %q is not part of the review contract", hintEN: "delete it: an unknown column may carry personal data",
	},
	"unknown_indicator": {
		vi: "cột %q không phải chỉ số thiếu hụt của chuẩn nghèo %s, chuẩn áp dụng cho năm %d", hintVI: "tệp có thể được lập theo chuẩn khác: dùng đúng các cột d_ của chuẩn này (xem từ điển dữ liệu), hoặc sửa năm áp dụng trong [[standards]] của data/portal.toml",
		en: "column %q is not a deprivation indicator of standard %s, the standard in force for %d", hintEN: "the file may follow another standard: use this standard's d_ columns (see the data dictionary), or fix the years in data/portal.toml's [[standards]]",
	},
	"missing_indicator": {
		vi: "thiếu cột %s, một chỉ số thiếu hụt của chuẩn nghèo %s, chuẩn áp dụng cho năm %d", hintVI: "thêm cột này; các cột d_ của mỗi chuẩn có trong từ điển dữ liệu",
		en: "column %s is missing: it is a deprivation indicator of standard %s, the standard in force for %d", hintEN: "add it; each standard's d_ columns are listed in the data dictionary",
	},
	"personal_column": {
		vi: "cột %q có vẻ chứa thông tin cá nhân (họ tên, CCCD/CMND, điện thoại, địa chỉ hoặc ngày sinh)", hintVI: "xóa cột này trước khi gửi; cổng thông tin không bao giờ nhận dữ liệu cá nhân",
		en: "column %q looks like personal data (name, citizen ID, phone, address or birth date)", hintEN: "delete the column before submitting; the portal never accepts personal data",
	},
	"duplicate_column": {
		vi: "cột %s xuất hiện hai lần", hintVI: "giữ lại một cột",
		en: "column %s appears twice", hintEN: "keep only one",
	},
	"header_spaces": {
		vi: "tên cột %q có dấu cách thừa ở đầu hoặc cuối; đã bỏ qua dấu cách", hintVI: "xóa dấu cách trong dòng tiêu đề",
		en: "column name %q has surrounding spaces; they were ignored", hintEN: "remove the spaces from the header",
	},
	"open_quote": {
		vi: "dấu ngoặc kép mở ở đây mà không được đóng", hintVI: "kiểm tra ô này: mỗi dấu \" mở phải có dấu \" đóng",
		en: "a quoted field opened here is never closed", hintEN: "check this cell: every opening \" needs a closing \"",
	},
	"bare_quote": {
		vi: "dấu ngoặc kép đặt sai chỗ trong ô", hintVI: "bỏ dấu \" hoặc đặt cả ô trong ngoặc kép và nhân đôi dấu \" bên trong",
		en: "a quote appears inside an unquoted field", hintEN: "remove the \" or quote the whole cell and double the inner quote",
	},
	"ragged_row": {
		vi: "dòng có %d ô, trong khi tiêu đề có %d cột", hintVI: "kiểm tra dấu phẩy thừa hoặc thiếu trên dòng này",
		en: "the row has %d fields but the header has %d columns", hintEN: "look for a missing or extra comma on this line",
	},
	"not_int": {
		vi: "giá trị không phải số nguyên", hintVI: "chỉ ghi chữ số, không có dấu chấm, dấu phẩy hay đơn vị",
		en: "the value is not a whole number", hintEN: "write digits only, without separators or units",
	},
	"out_of_range": {
		vi: "giá trị ngoài khoảng cho phép %d-%d", hintVI: "kiểm tra lại số liệu của hộ này",
		en: "the value is outside the allowed range %d-%d", hintEN: "check this household's figures",
	},
	"not_flag": {
		vi: "giá trị phải là 0 hoặc 1", hintVI: "ghi 1 nếu có, 0 nếu không",
		en: "the value must be 0 or 1", hintEN: "write 1 for yes and 0 for no",
	},
	"bad_enum": {
		vi: "giá trị %q không hợp lệ; chỉ nhận: %s", hintVI: "dùng đúng một trong các mã trên, chữ thường",
		en: "value %q is not allowed; expected one of: %s", hintEN: "use one of these codes, in lower case",
	},
	"required": {
		vi: "ô bỏ trống", hintVI: "điền giá trị cho ô này",
		en: "the cell is empty", hintEN: "fill it in",
	},
	"looks_like_id": {
		vi: "giá trị trông giống số CCCD/CMND (9 hoặc 12 chữ số)", hintVI: "thay bằng mã hộ ẩn danh; không bao giờ dùng số giấy tờ tùy thân",
		en: "the value looks like a citizen-ID number (9 or 12 digits)", hintEN: "replace it with a pseudonymous code; never use an identity number",
	},
	"looks_like_phone": {
		vi: "giá trị trông giống số điện thoại di động", hintVI: "thay bằng mã hộ ẩn danh; không bao giờ dùng số điện thoại",
		en: "the value looks like a Vietnamese mobile number", hintEN: "replace it with a pseudonymous code; never use a phone number",
	},
	"bad_household_id": {
		vi: "mã hộ phải dài 8-32 ký tự, chỉ gồm chữ không dấu, số, _ hoặc -", hintVI: "dùng mã ẩn danh như MT-000123",
		en: "a household id must be 8-32 letters, digits, _ or -", hintEN: "use a pseudonymous code such as MT-000123",
	},
	"duplicate_household": {
		vi: "mã hộ đã xuất hiện ở dòng %d cùng năm", hintVI: "mỗi hộ chỉ có một dòng mỗi năm; xóa dòng trùng",
		en: "this household already appears on line %d of the same year", hintEN: "each household has one row per year; delete the duplicate",
	},
	"year_mismatch": {
		vi: "năm %d không khớp với tên tệp (%d)", hintVI: "sửa cột year hoặc đổi tên tệp thành <năm>.csv",
		en: "year %d does not match the file name (%d)", hintEN: "fix the year column or rename the file to <year>.csv",
	},
	"bad_file_name": {
		vi: "tên tệp phải là năm rà soát, ví dụ 2024.csv", hintVI: "đổi tên tệp",
		en: "the file name must be the review year, e.g. 2024.csv", hintEN: "rename the file",
	},
	"undeclared_village": {
		vi: "thôn %q chưa được khai báo trong portal.toml", hintVI: "sửa mã thôn hoặc khai báo thôn trong data/portal.toml",
		en: "village %q is not declared in portal.toml", hintEN: "fix the code or declare the village in data/portal.toml",
	},
	"wrong_commune": {
		vi: "mã xã %q không phải mã của đơn vị (%s)", hintVI: "mỗi tệp chỉ chứa hộ của xã mình",
		en: "commune code %q is not this unit's code (%s)", hintEN: "a file holds only this commune's households",
	},
	"undeclared_commune": {
		vi: "mã xã %q không có trong danh sách đơn vị của bộ dữ liệu", hintVI: "sửa mã xã hoặc khai báo xã trong danh mục đơn vị",
		en: "commune code %q is not one of the dataset's units", hintEN: "fix the code or declare the commune in the unit registry",
	},
	"in_school_gt_children": {
		vi: "số trẻ đi học lớn hơn số trẻ 6-15 tuổi", hintVI: "kiểm tra hai cột children_6_15 và children_6_15_in_school",
		en: "more children in school than children aged 6-15", hintEN: "check children_6_15 and children_6_15_in_school",
	},
	"children_gt_members": {
		vi: "số trẻ 6-15 tuổi lớn hơn số nhân khẩu", hintVI: "kiểm tra hai cột members và children_6_15",
		en: "more children aged 6-15 than household members", hintEN: "check members and children_6_15",
	},
	"insured_gt_members": {
		vi: "số người có bảo hiểm y tế lớn hơn số nhân khẩu", hintVI: "kiểm tra hai cột members và members_insured",
		en: "more insured members than household members", hintEN: "check members and members_insured",
	},
	"no_standard": {
		vi: "không có chuẩn nghèo nào áp dụng cho năm %d", hintVI: "khai báo [[standards]] cho năm này trong data/portal.toml, với một chuẩn có trong data/standards.toml",
		en: "no poverty standard applies to year %d", hintEN: "declare [[standards]] covering this year in data/portal.toml, naming a standard of data/standards.toml",
	},
	"status_mismatch": {
		vi: "kết luận %q khác với phân loại theo chuẩn (%s)", hintVI: "kiểm tra thu nhập và các chỉ số thiếu hụt của hộ, hoặc ghi chú lý do của ban rà soát",
		en: "recorded status %q differs from the standard's classification (%s)", hintEN: "check the household's income and deprivations, or note the board's reason",
	},
	"cause_not_poor": {
		vi: "có ghi nguyên nhân nghèo nhưng hộ không nghèo hoặc cận nghèo", hintVI: "để trống cột cause với hộ này",
		en: "a cause is given for a household that is neither poor nor near-poor", hintEN: "leave cause empty for this household",
	},
	"reappeared": {
		vi: "hộ vắng mặt trong lần rà soát năm %d rồi xuất hiện lại", hintVI: "kiểm tra mã hộ có bị đổi hoặc bỏ sót năm đó không",
		en: "household missing from the %d review reappears", hintEN: "check whether its id changed or it was left out that year",
	},
}
