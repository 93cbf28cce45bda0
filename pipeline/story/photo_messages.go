package story

import (
	"maps"

	"github.com/minhtien/portal/pipeline/problem"
)

// photoMessages are the messages of the photo bounds. They are kept beside the photo
// code and added to the catalogue when the package starts.
var photoMessages = problem.Catalogue{
	"photo_file_too_big": {
		VI: "tệp ảnh nặng %d MB, quá lớn để kiểm tra", HintVI: "ảnh tối đa %d MB: thu nhỏ ảnh (cạnh dài 2000 điểm ảnh là đủ cho trang web) rồi tải lên lại",
		EN: "the photo file is %d MB, too large to check", HintEN: "photos may be at most %d MB: resize it (2000 pixels on the long side is plenty for the site) and upload again",
	},
	"photo_too_many_pixels": {
		VI: "ảnh có %d x %d điểm ảnh, quá lớn để xử lý", HintVI: "mỗi cạnh tối đa %d điểm ảnh và cả ảnh tối đa %d triệu điểm ảnh: thu nhỏ ảnh rồi tải lên lại",
		EN: "the photo has %d x %d pixels, too many to process", HintEN: "at most %d pixels a side and %d million in all: resize it and upload again",
	},
}

func init() { maps.Copy(messages, photoMessages) }
