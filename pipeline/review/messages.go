package review

import (
	"github.com/minhtien/portal/pipeline/problem"
)

// Messages words the problems of the review files in both languages. A message
// never prints a cell value from a sensitive column: Args only ever carry column
// names, counts, limits and values of non-personal columns (year, codes). The support
// files' catalogue extends this one.
var Messages = problem.Catalogue{
	"duplicate_year": {VI: "năm %d đã có trong tệp %s", EN: "year %d is already in %s", HintVI: "mỗi năm chỉ có một tệp", HintEN: "keep one file per year"},
	"no_files":       {VI: "không có tệp kết quả rà soát nào (<năm>.csv)", EN: "no review file (<year>.csv) was found", HintVI: "đặt các tệp vào data/reviews/ hoặc chạy portal sample", HintEN: "put the files in data/reviews/ or run portal sample"},
	"decode_failed":  {VI: "lỗi nội bộ khi đọc tệp", EN: "internal error while decoding the file", HintVI: "báo lỗi này cho nhóm phát triển", HintEN: "report this to the developers"},
	"not_utf8": {
		VI: "tệp không phải UTF-8 (byte lạ ở đây); có lẽ đã xuất bằng bảng mã Windows-1258 hoặc TCVN3 (ABC)", HintVI: "mở tệp trong Excel, chọn Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\"; trong LibreOffice chọn bộ ký tự \"Unicode (UTF-8)\"; với phông TCVN3 hãy chuyển mã sang Unicode trước (Unikey: Công cụ chuyển mã)",
		EN: "the file is not UTF-8 (unexpected byte here); it was probably exported as Windows-1258 or TCVN3 (ABC)", HintEN: "open it in Excel and Save As \"CSV UTF-8 (Comma delimited)\"; in LibreOffice choose the character set \"Unicode (UTF-8)\"; convert TCVN3 text to Unicode first (Unikey's converter)",
	},
	"utf16": {
		VI: "tệp được lưu bằng bảng mã UTF-16 (\"Unicode Text\" của Excel), không phải UTF-8", HintVI: "mở tệp trong Excel, chọn Lưu thành > \"CSV UTF-8 (phân cách bằng dấu phẩy)\"",
		EN: "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8", HintEN: "open it in Excel and Save As \"CSV UTF-8 (Comma delimited)\"",
	},
	"wrong_separator": {
		VI: "các cột được phân cách bằng dấu chấm phẩy hoặc tab, không phải dấu phẩy", HintVI: "lưu lại bằng \"CSV UTF-8 (phân cách bằng dấu phẩy)\"; nếu Excel vẫn dùng dấu chấm phẩy, đổi dấu phân cách danh sách trong cài đặt vùng của Windows thành dấu phẩy",
		EN: "the columns are separated by semicolons or tabs, not commas", HintEN: "save as \"CSV UTF-8 (Comma delimited)\"; if Excel still writes semicolons, set the list separator in Windows' region settings to a comma",
	},
	"no_header": {
		VI: "dòng đầu tiên không phải dòng tiêu đề: không có tên cột nào đúng quy định", HintVI: "thêm dòng tiêu đề với tên cột như trong từ điển dữ liệu (year,commune_code,village_code,...)",
		EN: "the first line is not a header: it holds none of the contract's column names", HintEN: "add the header line with the column names of the data dictionary (year,commune_code,village_code,...)",
	},
	"empty_row": {
		VI: "dòng không có dữ liệu (chỉ có dấu phẩy)", HintVI: "xóa dòng trống này; Excel đôi khi giữ lại các dòng trống đã định dạng",
		EN: "the row is empty (commas only)", HintEN: "delete this empty row; Excel sometimes keeps formatted empty rows",
	},
	"spaces": {
		VI: "giá trị có dấu cách thừa ở đầu hoặc cuối", HintVI: "xóa dấu cách trước và sau giá trị (hàm TRIM trong Excel)",
		EN: "the value has spaces before or after it", HintEN: "remove the spaces around the value (Excel's TRIM function)",
	},
	"stray_quote": {
		VI: "ô đặt trong ngoặc kép có dấu \" lạ bên trong hoặc có chữ sau dấu \" đóng", HintVI: "nhân đôi dấu \" bên trong ô (\"\") hoặc xóa nó",
		EN: "a quoted field has a stray \" inside or text after its closing quote", HintEN: "double each \" inside the cell (\"\") or remove it",
	},
	"bad_commune_code": {
		VI: "mã xã phải gồm đúng 5 chữ số", HintVI: "dùng mã xã theo danh mục của Tổng cục Thống kê, ví dụ 12424",
		EN: "a commune code is exactly 5 digits", HintEN: "use the GSO commune code, e.g. 12424",
	},
	"bad_village_code": {
		VI: "mã thôn phải dài 1-16 ký tự, chỉ gồm chữ không dấu, số, _ hoặc -", HintVI: "ghi mã thôn (ví dụ T01) như khai báo trong data/portal.toml, không ghi tên thôn",
		EN: "a village code is 1-16 letters, digits, _ or -", HintEN: "write the village code (e.g. T01) declared in data/portal.toml, not the village name",
	},
	"empty_file": {
		VI: "tệp rỗng", HintVI: "xuất lại kết quả rà soát, có dòng tiêu đề và một dòng cho mỗi hộ",
		EN: "the file is empty", HintEN: "export the review again, with a header line and one line per household",
	},
	"no_rows": {
		VI: "tệp chỉ có dòng tiêu đề, không có hộ nào", HintVI: "xuất lại kết quả rà soát với một dòng cho mỗi hộ",
		EN: "the file has a header but no household rows", HintEN: "export the review again with one line per household",
	},
	"missing_column": {
		VI: "thiếu cột %s", HintVI: "thêm cột này vào dòng tiêu đề; danh sách cột có trong từ điển dữ liệu",
		EN: "column %s is missing", HintEN: "add it to the header line; the columns are listed in the data dictionary",
	},
	"unknown_column": {
		VI: "cột %q không có trong quy định dữ liệu", HintVI: "xóa cột này: cột lạ có thể chứa thông tin cá nhân",
		EN: "column %q is not part of the review contract", HintEN: "delete it: an unknown column may carry personal data",
	},
	"unknown_indicator": {
		VI: "cột %q không phải chỉ số thiếu hụt của chuẩn nghèo %s, chuẩn áp dụng cho năm %d", HintVI: "tệp có thể được lập theo chuẩn khác: dùng đúng các cột d_ của chuẩn này (xem từ điển dữ liệu), hoặc sửa năm áp dụng trong [[standards]] của data/portal.toml",
		EN: "column %q is not a deprivation indicator of standard %s, the standard in force for %d", HintEN: "the file may follow another standard: use this standard's d_ columns (see the data dictionary), or fix the years in data/portal.toml's [[standards]]",
	},
	"missing_indicator": {
		VI: "thiếu cột %s, một chỉ số thiếu hụt của chuẩn nghèo %s, chuẩn áp dụng cho năm %d", HintVI: "thêm cột này; các cột d_ của mỗi chuẩn có trong từ điển dữ liệu",
		EN: "column %s is missing: it is a deprivation indicator of standard %s, the standard in force for %d", HintEN: "add it; each standard's d_ columns are listed in the data dictionary",
	},
	"personal_column": {
		VI: "cột %q có vẻ chứa thông tin cá nhân (họ tên, CCCD/CMND, điện thoại, địa chỉ hoặc ngày sinh)", HintVI: "xóa cột này trước khi gửi; cổng thông tin không bao giờ nhận dữ liệu cá nhân",
		EN: "column %q looks like personal data (name, citizen ID, phone, address or birth date)", HintEN: "delete the column before submitting; the portal never accepts personal data",
	},
	"duplicate_column": {
		VI: "cột %s xuất hiện hai lần", HintVI: "giữ lại một cột",
		EN: "column %s appears twice", HintEN: "keep only one",
	},
	"header_spaces": {
		VI: "tên cột %q có dấu cách thừa ở đầu hoặc cuối; đã bỏ qua dấu cách", HintVI: "xóa dấu cách trong dòng tiêu đề",
		EN: "column name %q has surrounding spaces; they were ignored", HintEN: "remove the spaces from the header",
	},
	"open_quote": {
		VI: "dấu ngoặc kép mở ở đây mà không được đóng", HintVI: "kiểm tra ô này: mỗi dấu \" mở phải có dấu \" đóng",
		EN: "a quoted field opened here is never closed", HintEN: "check this cell: every opening \" needs a closing \"",
	},
	"bare_quote": {
		VI: "dấu ngoặc kép đặt sai chỗ trong ô", HintVI: "bỏ dấu \" hoặc đặt cả ô trong ngoặc kép và nhân đôi dấu \" bên trong",
		EN: "a quote appears inside an unquoted field", HintEN: "remove the \" or quote the whole cell and double the inner quote",
	},
	"ragged_row": {
		VI: "dòng có %d ô, trong khi tiêu đề có %d cột", HintVI: "kiểm tra dấu phẩy thừa hoặc thiếu trên dòng này",
		EN: "the row has %d fields but the header has %d columns", HintEN: "look for a missing or extra comma on this line",
	},
	"not_int": {
		VI: "giá trị không phải số nguyên", HintVI: "chỉ ghi chữ số, không có dấu chấm, dấu phẩy hay đơn vị",
		EN: "the value is not a whole number", HintEN: "write digits only, without separators or units",
	},
	"out_of_range": {
		VI: "giá trị ngoài khoảng cho phép %d-%d", HintVI: "kiểm tra lại số liệu của hộ này",
		EN: "the value is outside the allowed range %d-%d", HintEN: "check this household's figures",
	},
	"not_flag": {
		VI: "giá trị phải là 0 hoặc 1", HintVI: "ghi 1 nếu có, 0 nếu không",
		EN: "the value must be 0 or 1", HintEN: "write 1 for yes and 0 for no",
	},
	"bad_enum": {
		VI: "giá trị %q không hợp lệ; chỉ nhận: %s", HintVI: "dùng đúng một trong các mã trên, chữ thường",
		EN: "value %q is not allowed; expected one of: %s", HintEN: "use one of these codes, in lower case",
	},
	"required": {
		VI: "ô bỏ trống", HintVI: "điền giá trị cho ô này",
		EN: "the cell is empty", HintEN: "fill it in",
	},
	"looks_like_id": {
		VI: "giá trị trông giống số CCCD/CMND (9 hoặc 12 chữ số)", HintVI: "thay bằng mã hộ ẩn danh; không bao giờ dùng số giấy tờ tùy thân",
		EN: "the value looks like a citizen-ID number (9 or 12 digits)", HintEN: "replace it with a pseudonymous code; never use an identity number",
	},
	"looks_like_phone": {
		VI: "giá trị trông giống số điện thoại di động", HintVI: "thay bằng mã hộ ẩn danh; không bao giờ dùng số điện thoại",
		EN: "the value looks like a Vietnamese mobile number", HintEN: "replace it with a pseudonymous code; never use a phone number",
	},
	"bad_household_id": {
		VI: "mã hộ phải dài 8-32 ký tự, chỉ gồm chữ không dấu, số, _ hoặc -", HintVI: "dùng mã ẩn danh như MT-000123",
		EN: "a household id must be 8-32 letters, digits, _ or -", HintEN: "use a pseudonymous code such as MT-000123",
	},
	"duplicate_household": {
		VI: "mã hộ đã xuất hiện ở dòng %d cùng năm", HintVI: "mỗi hộ chỉ có một dòng mỗi năm; xóa dòng trùng",
		EN: "this household already appears on line %d of the same year", HintEN: "each household has one row per year; delete the duplicate",
	},
	"year_mismatch": {
		VI: "năm %d không khớp với tên tệp (%d)", HintVI: "sửa cột year hoặc đổi tên tệp thành <năm>.csv",
		EN: "year %d does not match the file name (%d)", HintEN: "fix the year column or rename the file to <year>.csv",
	},
	"bad_file_name": {
		VI: "tên tệp phải là năm rà soát, ví dụ 2024.csv", HintVI: "đổi tên tệp",
		EN: "the file name must be the review year, e.g. 2024.csv", HintEN: "rename the file",
	},
	"undeclared_village": {
		VI: "thôn %q chưa được khai báo trong portal.toml", HintVI: "sửa mã thôn hoặc khai báo thôn trong data/portal.toml",
		EN: "village %q is not declared in portal.toml", HintEN: "fix the code or declare the village in data/portal.toml",
	},
	"wrong_commune": {
		VI: "mã xã %q không phải mã của đơn vị (%s)", HintVI: "mỗi tệp chỉ chứa hộ của xã mình",
		EN: "commune code %q is not this unit's code (%s)", HintEN: "a file holds only this commune's households",
	},
	"undeclared_commune": {
		VI: "mã xã %q không có trong danh sách đơn vị của bộ dữ liệu", HintVI: "sửa mã xã hoặc khai báo xã trong danh mục đơn vị",
		EN: "commune code %q is not one of the dataset's units", HintEN: "fix the code or declare the commune in the unit registry",
	},
	"in_school_gt_children": {
		VI: "số trẻ đi học lớn hơn số trẻ 6-15 tuổi", HintVI: "kiểm tra hai cột children_6_15 và children_6_15_in_school",
		EN: "more children in school than children aged 6-15", HintEN: "check children_6_15 and children_6_15_in_school",
	},
	"children_gt_members": {
		VI: "số trẻ 6-15 tuổi lớn hơn số nhân khẩu", HintVI: "kiểm tra hai cột members và children_6_15",
		EN: "more children aged 6-15 than household members", HintEN: "check members and children_6_15",
	},
	"insured_gt_members": {
		VI: "số người có bảo hiểm y tế lớn hơn số nhân khẩu", HintVI: "kiểm tra hai cột members và members_insured",
		EN: "more insured members than household members", HintEN: "check members and members_insured",
	},
	"no_standard": {
		VI: "không có chuẩn nghèo nào áp dụng cho năm %d", HintVI: "khai báo [[standards]] cho năm này trong data/portal.toml, với một chuẩn có trong data/standards.toml",
		EN: "no poverty standard applies to year %d", HintEN: "declare [[standards]] covering this year in data/portal.toml, naming a standard of data/standards.toml",
	},
	"status_mismatch": {
		VI: "kết luận %q khác với phân loại theo chuẩn (%s)", HintVI: "kiểm tra thu nhập và các chỉ số thiếu hụt của hộ, hoặc ghi chú lý do của ban rà soát",
		EN: "recorded status %q differs from the standard's classification (%s)", HintEN: "check the household's income and deprivations, or note the board's reason",
	},
	"cause_not_poor": {
		VI: "có ghi nguyên nhân nghèo nhưng hộ không nghèo hoặc cận nghèo", HintVI: "để trống cột cause với hộ này",
		EN: "a cause is given for a household that is neither poor nor near-poor", HintEN: "leave cause empty for this household",
	},
	"reappeared": {
		VI: "hộ vắng mặt trong lần rà soát năm %d rồi xuất hiện lại", HintVI: "kiểm tra mã hộ có bị đổi hoặc bỏ sót năm đó không",
		EN: "household missing from the %d review reappears", HintEN: "check whether its id changed or it was left out that year",
	},
}
