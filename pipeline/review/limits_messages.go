package review

import "maps"

// limitMessages are the messages of the size bounds of csvfile (limits.go), kept
// together and added to the catalogue when the package starts; the support files'
// catalogue falls back on this one.
var limitMessages = map[string]message{
	"file_too_large": {
		vi: "tệp nặng %d MB, vượt giới hạn %d MB nên không được đọc", hintVI: "kiểm tra xem có đúng tệp không (tệp hỏng, hoặc xuất nhầm cả bảng tính?); mỗi năm một tệp CSV",
		en: "the file is %d MB, over the %d MB limit, so it is not read", hintEN: "check that this is the right file (damaged, or a whole workbook exported by mistake?); keep one CSV file a year",
	},
	"line_too_long": {
		vi: "dòng này dài hơn %d KB, quá dài cho một dòng dữ liệu", hintVI: "một dòng rà soát chỉ khoảng 100 byte: có lẽ tệp bị hỏng hoặc không phải CSV; xuất lại từ Excel bằng \"CSV UTF-8\"",
		en: "this line is longer than %d KB, too long for a row", hintEN: "a review row is about 100 bytes: the file is probably damaged or not CSV; export it again from Excel as \"CSV UTF-8\"",
	},
	"record_too_long": {
		vi: "bản ghi bắt đầu ở dòng này dài hơn %d MB (có lẽ thiếu dấu ngoặc kép đóng)", hintVI: "tìm ô có dấu \" mở mà không đóng và sửa lại",
		en: "the record starting on this line is longer than %d MB (a closing quote is probably missing)", hintEN: "find the cell with an opening \" and no closing one, and fix it",
	},
}

func init() { maps.Copy(catalogue, limitMessages) }
