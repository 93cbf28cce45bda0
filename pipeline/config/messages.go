package config

import "github.com/minhtien/portal/pipeline/problem"

// messages words the problems of the settings files (portal.toml, targets.toml,
// programmes.toml, units.toml) in both languages. Args carry keys, codes, years and
// the TOML decoder's own words, never a value of the household data.
var messages = problem.Catalogue{
	// The TOML syntax and types, as the decoder reports them.
	"toml_syntax": {
		VI: "lỗi cú pháp TOML: %s", HintVI: "kiểm tra dấu ngoặc kép và dấu ngoặc trên dòng này",
		EN: "%s", HintEN: "check the quoting and the brackets on this line",
	},
	"toml_type": {
		VI: "giá trị sai kiểu: %s", HintVI: "kiểm tra giá trị có đúng kiểu như trong tệp mẫu không",
		EN: "%s", HintEN: "check that the value has the type shown in the example file",
	},
	"toml_decode": {
		VI: "không đọc được tệp: %s", HintVI: "kiểm tra mọi giá trị có đúng kiểu như trong tệp mẫu không",
		EN: "%s", HintEN: "check that every value has the type shown in the example file",
	},
	"unknown_setting": {
		VI: "mục cài đặt không có trong quy định", HintVI: "kiểm tra chính tả; các mục cài đặt được mô tả trong các tệp mẫu",
		EN: "unknown setting", HintEN: "check the spelling; the settings are described in the example files",
	},
	"formula_text": {
		VI: "chữ bắt đầu bằng %q, ký tự khiến bảng tính chạy ô như một công thức", HintVI: "bắt đầu bằng một chữ cái hoặc chữ số (bảng tính mở tệp tải về sẽ chạy công thức này)",
		EN: "the text starts with %q, which a spreadsheet runs as a formula", HintEN: "start the text with a letter or a digit (a spreadsheet opening the downloads would run it)",
	},

	// portal.toml.
	"base_url_not_url": {
		VI: "địa chỉ gốc %q không phải một URL: %v", HintVI: `ví dụ base_url = "https://owner.github.io/portal/"`,
		EN: "base URL %q is not a URL: %v", HintEN: `for example base_url = "https://owner.github.io/portal/"`,
	},
	"base_url_scheme": {
		VI: "địa chỉ gốc %q phải bắt đầu bằng https:// (hoặc http://, hoặc là một đường dẫn bắt đầu bằng /)", HintVI: `ví dụ base_url = "https://owner.github.io/portal/"`,
		EN: "base URL %q must start with https:// (or http://, or be a path starting with /)", HintEN: `for example base_url = "https://owner.github.io/portal/"`,
	},
	"base_url_not_plain": {
		VI: "địa chỉ gốc %q chỉ được gồm tên máy chủ rồi đường dẫn", HintVI: `ví dụ base_url = "https://owner.github.io/portal/"`,
		EN: "base URL %q must be a plain address: a host, then a path", HintEN: `for example base_url = "https://owner.github.io/portal/"`,
	},
	"bad_commune_code": {
		VI: "mã đơn vị phải là mã xã 5 chữ số của Tổng cục Thống kê", HintVI: `ví dụ code = "12424"`,
		EN: "the unit code must be the 5-digit GSO commune code", HintEN: `for example code = "12424"`,
	},
	"bad_unit_code": {
		VI: "%q không phải mã của cấp %s", HintVI: `ví dụ code = "33" cho một tỉnh, "VN" cho cả nước`,
		EN: "%q is not a %s code", HintEN: `for example code = "33" for a province, "VN" for the nation`,
	},
	"bad_level": {
		VI: "cấp %q không được hỗ trợ", HintVI: `dùng "commune", "province" hoặc "nation"`,
		EN: "level %q is not supported", HintEN: `use "commune", "province" or "nation"`,
	},
	"unit_names": {
		VI: "đơn vị cần có tên tiếng Việt và tên tiếng Anh", HintVI: "điền name_vi và name_en",
		EN: "the unit needs a Vietnamese and an English name", HintEN: "set name_vi and name_en",
	},
	"k_too_small": {
		VI: "ngưỡng %d nhỏ hơn mức tối thiểu %d: số đếm nhỏ có thể chỉ ra một gia đình", HintVI: "đặt k = 5 (mặc định) hoặc lớn hơn",
		EN: "threshold %d is below the minimum %d: small counts could point at a family", HintEN: "set k = 5 (the default) or higher",
	},
	"no_villages": {
		VI: "chưa khai báo thôn nào", HintVI: "thêm một bảng [[villages]] cho mỗi thôn",
		EN: "no village is declared", HintEN: "add one [[villages]] table per village",
	},
	"villages_in_portal": {
		VI: "đơn vị cấp %s khai báo xã và thôn trong units.toml, không khai báo ở đây", HintVI: "chuyển các thôn sang units.toml",
		EN: "a %s declares its communes and villages in units.toml, not here", HintEN: "move the villages to units.toml",
	},
	"bad_village_code": {
		VI: "mã thôn %q không phải 1-16 ký tự gồm chữ không dấu, số, _ hoặc -", HintVI: `ví dụ code = "T01"`,
		EN: "village code %q is not 1-16 letters, digits, _ or -", HintEN: `for example code = "T01"`,
	},
	"duplicate_village": {
		VI: "mã thôn %q được khai báo hai lần", HintVI: "mỗi thôn một mã riêng",
		EN: "village code %q is declared twice", HintEN: "give each village its own code",
	},
	"village_names": {
		VI: "thôn %q cần có name_vi và name_en", HintVI: "điền cả hai tên",
		EN: "village %q needs name_vi and name_en", HintEN: "add both names",
	},
	"no_standards": {
		VI: "chưa gán chuẩn nghèo cho năm nào", HintVI: `thêm [[standards]] với id = "2022-2025", from_year và to_year`,
		EN: "no poverty standard is assigned to any year", HintEN: `add [[standards]] with id = "2022-2025", from_year and to_year`,
	},
	"years_reversed": {
		VI: "from_year lớn hơn to_year", HintVI: "đổi chỗ hai năm",
		EN: "from_year is after to_year", HintEN: "swap the years",
	},
	"bad_language": {
		VI: "ngôn ngữ %q không được hỗ trợ", HintVI: `dùng "vi" và "en"`,
		EN: "language %q is not supported", HintEN: `use "vi" and "en"`,
	},
	"no_recipients": {
		VI: "khai báo dữ liệu thật (sample = false) nhưng không ai giải mã được", HintVI: "thêm khóa nhận age của các cán bộ phụ trách và của CI",
		EN: "real data is declared (sample = false) but nobody can decrypt it", HintEN: "add the age recipients of the responsible officers and of CI",
	},
	"unknown_standard": {
		VI: "chuẩn %q chưa được khai báo trong data/standards.toml", HintVI: "dùng id của một [[standard]] trong data/standards.toml, hoặc khai báo thêm ở đó",
		EN: "standard %q is not declared in data/standards.toml", HintEN: "use the id of a [[standard]] of data/standards.toml, or add it there",
	},
	"standards_overlap": {
		VI: "các năm %d-%d trùng với standards[%d] (%d-%d): mỗi năm chỉ có một chuẩn", HintVI: "để các khoảng năm nối tiếp nhau",
		EN: "years %d-%d overlap standards[%d] (%d-%d): a year has one standard", HintEN: "make the year ranges follow each other",
	},

	// programmes.toml.
	"bad_programme_code": {
		VI: "mã chương trình %q để trống hoặc dùng hai lần", HintVI: "mỗi chương trình một mã riêng",
		EN: "programme code %q is empty or used twice", HintEN: "give each programme its own code",
	},
	"programme_titles": {
		VI: "chương trình cần có title_vi và title_en", HintVI: "điền cả hai tiêu đề",
		EN: "a programme needs title_vi and title_en", HintEN: "add both titles",
	},
	"unknown_funding": {
		VI: "nguồn vốn %q không có trong danh mục", HintVI: "dùng một mã trong danh sách ở đầu tệp",
		EN: "funding source %q is unknown", HintEN: "use one of the codes listed at the top of the file",
	},

	// targets.toml.
	"bad_plan_id": {
		VI: "mã kế hoạch %q phải gồm chữ thường hoặc số nối bằng dấu -", HintVI: `ví dụ id = "2022-2025"`,
		EN: "plan id %q must be lowercase words or numbers joined by -", HintEN: `for example id = "2022-2025"`,
	},
	"duplicate_plan": {
		VI: "mã kế hoạch %q dùng hai lần", HintVI: "mỗi kế hoạch một mã riêng",
		EN: "plan id %q is used twice", HintEN: "give each plan its own id",
	},
	"bad_period": {
		VI: "giai đoạn %q không phải hai năm, năm đầu không sau năm cuối", HintVI: `ví dụ period = "2022-2025"`,
		EN: "period %q is not two years, the first not after the second", HintEN: `for example period = "2022-2025"`,
	},
	"plan_titles": {
		VI: "kế hoạch cần có title_vi và title_en", HintVI: "điền cả hai tiêu đề",
		EN: "a plan needs title_vi and title_en", HintEN: "add both titles",
	},
	"bad_target_id": {
		VI: "mã mục tiêu %q phải gồm chữ thường nối bằng dấu -", HintVI: `ví dụ id = "poverty-rate"`,
		EN: "target id %q must be lowercase words joined by -", HintEN: `for example id = "poverty-rate"`,
	},
	"duplicate_target": {
		VI: "mã mục tiêu %q dùng hai lần", HintVI: "mỗi mục tiêu một mã riêng",
		EN: "target id %q is used twice", HintEN: "give each target its own id",
	},
	"target_titles": {
		VI: "mục tiêu cần có title_vi và title_en", HintVI: "điền cả hai tiêu đề",
		EN: "a target needs title_vi and title_en", HintEN: "add both titles",
	},
	"unknown_indicator": {
		VI: "cổng thông tin không tính chỉ số %q", HintVI: "dùng một mã trong từ điển dữ liệu",
		EN: "indicator %q is not computed by the portal", HintEN: "use a code from the data dictionary",
	},
	"bad_comparator": {
		VI: "phép so sánh %q không phải một trong < <= >= >", HintVI: `ví dụ comparator = "<"`,
		EN: "comparator %q is not one of < <= >= >", HintEN: `for example comparator = "<"`,
	},
	"bad_method": {
		VI: "phương pháp %q không phải linear hoặc cagr", HintVI: `dùng method = "linear"`,
		EN: "method %q is not linear or cagr", HintEN: `use method = "linear"`,
	},
	"bad_target_year": {
		VI: "năm mục tiêu %d không hợp lý", HintVI: "dùng năm cuối của kế hoạch, ví dụ 2025",
		EN: "target year %d is not plausible", HintEN: "use the plan's final year, e.g. 2025",
	},
	"baseline_no_year": {
		VI: "giá trị gốc cần có năm của nó", HintVI: "thêm baseline_year",
		EN: "a baseline value needs its year", HintEN: "add baseline_year",
	},
	"target_no_plan": {
		VI: "khi có nhiều [[plans]], mỗi mục tiêu phải ghi kế hoạch của nó", HintVI: `thêm plan = "<id của một [[plans]]>"`,
		EN: "with several [[plans]], each target names its plan", HintEN: `add plan = "<id of a [[plans]]>"`,
	},
	"unknown_plan": {
		VI: "kế hoạch %q chưa được khai báo trong [[plans]]", HintVI: "dùng id của một bảng [[plans]]",
		EN: "plan %q is not declared in [[plans]]", HintEN: "use the id of a [[plans]] table",
	},
	"no_targets": {
		VI: "chưa khai báo mục tiêu nào", HintVI: "thêm một bảng [[targets]] cho mỗi mục tiêu của kế hoạch",
		EN: "no target is declared", HintEN: "add one [[targets]] table per target of the plan",
	},

	// units.toml.
	"no_units": {
		VI: "chưa khai báo đơn vị nào", HintVI: "thêm một bảng [[units]] cho mỗi đơn vị, từ cả nước xuống đến thôn",
		EN: "no unit is declared", HintEN: "add one [[units]] table per unit, from the nation down to the villages",
	},
	"unknown_level": {
		VI: "cấp %q không có trong danh mục", HintVI: "dùng nation, province, district, commune hoặc village",
		EN: "level %q is unknown", HintEN: "use nation, province, district, commune or village",
	},
	"bad_code": {
		VI: "mã %q không phải mã của cấp %s", HintVI: "nation: VN; province: 2 chữ số; district: 3 chữ số; commune: 5 chữ số; village: 1-16 ký tự gồm chữ không dấu, số, _ hoặc -",
		EN: "code %q is not a %s code", HintEN: "nation: VN; province: 2 digits; district: 3 digits; commune: 5 digits; village: 1-16 letters, digits, _ or -",
	},
	"duplicate_unit": {
		VI: "mã %q được khai báo hai lần", HintVI: "mỗi đơn vị một mã riêng; ghi mã xã trước mã thôn",
		EN: "code %q is declared twice", HintEN: "give each unit its own code; prefix village codes with their commune's code",
	},
	"registry_unit_names": {
		VI: "đơn vị %q cần có name_vi và name_en", HintVI: "điền cả hai tên",
		EN: "unit %q needs name_vi and name_en", HintEN: "add both names",
	},
	"unit_years_reversed": {
		VI: "đơn vị %q có hiệu lực từ năm %d, sau năm cuối %d của nó", HintVI: "đổi chỗ hai năm",
		EN: "unit %q is valid from %d, after its last year %d", HintEN: "swap the years",
	},
	"unit_bad_year": {
		VI: "đơn vị %q có năm %d", HintVI: "dùng một năm trong khoảng 1945 đến 2100",
		EN: "unit %q has the year %d", HintEN: "use a year between 1945 and 2100",
	},
	"no_parent": {
		VI: "đơn vị cấp %s %q chưa có đơn vị cấp trên", HintVI: "đặt parent là mã của đơn vị cấp %s chứa nó",
		EN: "%s %q has no parent", HintEN: "set parent to the code of its %s",
	},
	"no_parent_of_two": {
		VI: "đơn vị cấp %s %q chưa có đơn vị cấp trên", HintVI: "đặt parent là mã của đơn vị cấp %s hoặc %s chứa nó",
		EN: "%s %q has no parent", HintEN: "set parent to the code of its %s or %s",
	},
	"own_parent": {
		VI: "đơn vị %q là cấp trên của chính nó", HintVI: "đặt parent là đơn vị chứa nó",
		EN: "unit %q is its own parent", HintEN: "set parent to the unit that contains it",
	},
	"unknown_parent": {
		VI: "đơn vị cấp trên %q của đơn vị %q chưa được khai báo", HintVI: "khai báo cả đơn vị cấp trên, hoặc sửa lại mã",
		EN: "parent %q of unit %q is not declared", HintEN: "declare the parent as a unit too, or correct its code",
	},
	"parent_not_allowed": {
		VI: "cấp trên của đơn vị cấp %s %q là đơn vị cấp %s %q", HintVI: "đơn vị cấp %s không có cấp trên",
		EN: "the parent of %s %q is %s %q", HintEN: "a %s has no parent",
	},
	"wrong_parent_level": {
		VI: "cấp trên của đơn vị cấp %s %q là đơn vị cấp %s %q", HintVI: "cấp trên của đơn vị cấp %s phải là đơn vị cấp %s",
		EN: "the parent of %s %q is %s %q", HintEN: "a %s's parent must be a %s",
	},
	"wrong_parent_level_of_two": {
		VI: "cấp trên của đơn vị cấp %s %q là đơn vị cấp %s %q", HintVI: "cấp trên của đơn vị cấp %s phải là đơn vị cấp %s hoặc %s",
		EN: "the parent of %s %q is %s %q", HintEN: "a %s's parent must be a %s or %s",
	},
	"unknown_successor": {
		VI: "đơn vị kế thừa %q của đơn vị %q chưa được khai báo", HintVI: "khai báo đơn vị mà nó được sáp nhập vào",
		EN: "successor %q of unit %q is not declared", HintEN: "declare the unit it became part of",
	},
	"own_successor": {
		VI: "đơn vị %q là đơn vị kế thừa của chính nó", HintVI: "ghi đơn vị mà nó được sáp nhập vào",
		EN: "unit %q is its own successor", HintEN: "name the unit it became part of",
	},
	"successor_level": {
		VI: "đơn vị cấp %s %q có đơn vị kế thừa là đơn vị cấp %s %q", HintVI: "một đơn vị chỉ được sáp nhập vào đơn vị cùng cấp",
		EN: "%s %q has the %s %q as successor", HintEN: "a unit is merged into a unit of its own level",
	},
	"successor_no_last_year": {
		VI: "đơn vị %q có đơn vị kế thừa nhưng không có năm cuối", HintVI: "đặt valid_to là năm rà soát cuối cùng trước khi sáp nhập",
		EN: "unit %q has a successor but no last year", HintEN: "set valid_to to the last review year before the merger",
	},
	"cycle": {
		VI: "chuỗi %s của đơn vị %q quay về chính nó", HintVI: "một đơn vị không thể chứa, hoặc được sáp nhập vào, chính nó",
		EN: "the %s chain of unit %q comes back to it", HintEN: "a unit cannot contain, or be merged into, itself",
	},
}
