package standard

import "github.com/minhtien/portal/pipeline/problem"

// messages words the problems of data/standards.toml in both languages. Args carry
// keys, indicator columns, counts and the TOML decoder's own words: the file holds no
// household data.
var messages = problem.Catalogue{
	"toml_syntax": {
		VI: "không đọc được tệp: %v", HintVI: "kiểm tra dấu ngoặc kép và ngoặc vuông ở dòng này",
		EN: "the file cannot be read: %v", HintEN: "check the quotes and brackets on this line",
	},
	"unknown_key": {
		VI: "khóa không được biết", HintVI: "kiểm tra chính tả; các khóa được mô tả ở đầu tệp",
		EN: "unknown key", HintEN: "check the spelling; the keys are described at the top of the file",
	},
	"no_standard": {
		VI: "không có chuẩn nghèo nào", HintVI: "thêm một bảng [[standard]] cho mỗi chuẩn",
		EN: "no poverty standard is declared", HintEN: "add one [[standard]] table per standard",
	},

	// One [[standard]] entry.
	"bad_id": {
		VI: "mã chuẩn nghèo phải gồm 1-32 chữ, số, _ hoặc -",
		EN: "the standard's id must be 1-32 letters, digits, _ or -",
	},
	"duplicate_id": {
		VI: "mã chuẩn nghèo %q bị khai báo hai lần",
		EN: "standard id %q is declared twice",
	},
	"no_decree": {
		VI: "cần ghi văn bản quy định (decree) và nơi đã đối chiếu (source)",
		EN: "the decree and where its definition was checked (source) are required",
	},
	"bad_lines": {
		VI: "rural và urban phải là số dương và không thấp hơn chuẩn nghèo",
		EN: "rural and urban must be positive and no lower than the poverty line",
	},
	"partial_weights": {
		VI: "chỉ một số chỉ số có trọng số: cho tất cả hoặc không cho chỉ số nào",
		EN: "only some indicators have a weight: give all of them one, or none",
	},
	"bad_poor_deprivations": {
		VI: "poor_deprivations = %d phải từ 1 đến số chỉ số (%d)",
		EN: "poor_deprivations = %d must be from 1 to the number of indicators (%d)",
	},

	// One [[standard.indicators]] entry.
	"bad_column": {
		VI: "tên cột %q phải có dạng d_ và chữ thường, số hoặc _",
		EN: "column %q must be d_ followed by lowercase letters, digits or _",
	},
	"duplicate_column": {
		VI: "cột %q có hai lần trong chuẩn này",
		EN: "column %q appears twice in this standard",
	},
	"indicator_names": {
		VI: "chỉ số %q cần dimension, name_vi và name_en",
		EN: "indicator %q needs dimension, name_vi and name_en",
	},
	"bad_weight": {
		VI: "trọng số của %q phải là số dương (tối thiểu 0,001)",
		EN: "the weight of %q must be positive (at least 0.001)",
	},
}
