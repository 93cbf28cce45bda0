package review

import (
	"maps"

	"github.com/minhtien/portal/pipeline/problem"
)

// limitMessages are the messages of the size bounds of csvfile (limits.go), kept
// together and added to the catalogue when the package starts; the support files'
// catalogue falls back on this one.
var limitMessages = problem.Catalogue{
	"file_too_large": {
		VI: "tệp nặng %d MB, vượt giới hạn %d MB nên không được đọc", HintVI: "kiểm tra xem có đúng tệp không (tệp hỏng, hoặc xuất nhầm cả bảng tính?); mỗi năm một tệp CSV",
		EN: "the file is %d MB, over the %d MB limit, so it is not read", HintEN: "check that this is the right file (damaged, or a whole workbook exported by mistake?); keep one CSV file a year",
	},
	"line_too_long": {
		VI: "dòng này dài hơn %d KB, quá dài cho một dòng dữ liệu", HintVI: "một dòng rà soát chỉ khoảng 100 byte: có lẽ tệp bị hỏng hoặc không phải CSV; xuất lại từ Excel bằng \"CSV UTF-8\"",
		EN: "this line is longer than %d KB, too long for a row", HintEN: "a review row is about 100 bytes: the file is probably damaged or not CSV; export it again from Excel as \"CSV UTF-8\"",
	},
	"record_too_long": {
		VI: "bản ghi bắt đầu ở dòng này dài hơn %d MB (có lẽ thiếu dấu ngoặc kép đóng)", HintVI: "tìm ô có dấu \" mở mà không đóng và sửa lại",
		EN: "the record starting on this line is longer than %d MB (a closing quote is probably missing)", HintEN: "find the cell with an opening \" and no closing one, and fix it",
	},
}

func init() { maps.Copy(Messages, limitMessages) }
