package story

import (
	"github.com/minhtien/portal/pipeline/problem"
)

// Severity says whether a problem stops the story from being published.
type Severity int

// Severities: an error refuses the story; a warning is reported to the officer only.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Problem is one thing wrong with a story, located by file, line and column. Like
// review.Problem it never repeats a value that could be personal data: a phone
// number found in a story is located, not quoted.
type Problem struct {
	File     string
	Line     int // 1-based; 0 for the whole file
	Col      int // 1-based; 0 when no column applies
	Code     string
	Args     []any // for the message
	HintArgs []any // for the hint
	Severity Severity
}

// Message renders the problem in lang ("vi" or "en") as file:line:col: message (hint: ...).
func (p Problem) Message(lang string) string {
	m, ok := catalogue[p.Code]
	if !ok {
		m = message{vi: p.Code, en: p.Code}
	}
	at := problem.At{File: p.File, Line: p.Line, Col: p.Col}
	return problem.Render(at, p.Severity == SeverityWarning, problem.Text{VI: m.vi, EN: m.en, HintVI: m.hintVI, HintEN: m.hintEN}, p.Args, p.HintArgs, lang)
}

// Error lets a Problem be used as an error; it speaks English.
func (p Problem) Error() string { return p.Message("en") }

// Errors returns the problems that refuse a story.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == SeverityError {
			out = append(out, p)
		}
	}
	return out
}

type message struct{ vi, en, hintVI, hintEN string }

// catalogue holds every message in both languages. Codes are stable: tests and the
// officers' guide refer to them.
var catalogue = map[string]message{
	// Files and folders.
	"read_failed": {
		vi: "không đọc được tệp: %v", hintVI: "kiểm tra quyền đọc tệp",
		en: "cannot read the file: %v", hintEN: "check the file's permissions",
	},
	"file_too_large": {
		vi: "tệp lớn hơn %d KB", hintVI: "một câu chuyện chỉ cần vài chục KB chữ; ảnh đặt thành tệp riêng",
		en: "the file is larger than %d KB", hintEN: "a story needs a few tens of KB of text; photos go in files of their own",
	},
	"bad_folder_name": {
		vi: "tên thư mục câu chuyện %q không đúng dạng <năm>-<tên-ngắn-không-dấu>", hintVI: "ví dụ 2024-nuoi-bo-sinh-san: bốn chữ số của năm, dấu gạch ngang, rồi chữ thường không dấu, chữ số và dấu gạch ngang",
		en: "story folder %q is not <year>-<short-name>", hintEN: "for example 2024-nuoi-bo-sinh-san: the year, a dash, then lower-case letters without accents, digits and dashes",
	},
	"bad_file_name": {
		vi: "tệp %q không phải tệp câu chuyện; chỉ nhận index.vi.md và index.en.md", hintVI: "đổi tên tệp thành index.vi.md (tiếng Việt) hoặc index.en.md (tiếng Anh)",
		en: "%q is not a story file; only index.vi.md and index.en.md are read", hintEN: "rename it index.vi.md (Vietnamese) or index.en.md (English)",
	},
	"missing_vi": {
		vi: "câu chuyện chưa có bản tiếng Việt index.vi.md", hintVI: "mỗi câu chuyện phải có index.vi.md; bản tiếng Anh index.en.md là tùy chọn",
		en: "the story has no Vietnamese version index.vi.md", hintEN: "every story needs index.vi.md; the English index.en.md is optional",
	},
	"translation_differs": {
		vi: "trường %s khác với bản tiếng Việt", hintVI: "hai bản của cùng một câu chuyện phải có cùng %s",
		en: "field %s differs from the Vietnamese version", hintEN: "both versions of a story must have the same %s",
	},

	// Front matter.
	"no_front_matter": {
		vi: "tệp không bắt đầu bằng phần thông tin đầu bài (dòng ---)", hintVI: "dòng đầu tiên của tệp phải là ba dấu gạch ngang ---; xem mẫu trong trang Hướng dẫn",
		en: "the file does not start with front matter (a --- line)", hintEN: "the first line must be three dashes ---; see the template in the guide",
	},
	"front_matter_format": {
		vi: "phần thông tin đầu bài phải viết bằng YAML giữa hai dòng --- (không dùng +++ hay {)", hintVI: "dòng đầu và dòng đóng chỉ gồm đúng ba dấu gạch ngang ---, không có dấu cách; xem mẫu trong trang Hướng dẫn",
		en: "the front matter must be YAML between two --- lines (not +++ or {)", hintEN: "the opening and closing lines are exactly three dashes ---, without spaces; see the template in the guide",
	},
	"front_matter_marker": {
		vi: "dòng bắt đầu bằng --- hoặc ... trong phần thông tin đầu bài", hintVI: "dòng đóng chỉ gồm đúng ba dấu gạch ngang, không có dấu cách phía sau",
		en: "a line starting with --- or ... inside the front matter", hintEN: "the closing line is exactly three dashes, with nothing after them",
	},
	"front_matter_unclosed": {
		vi: "phần thông tin đầu bài không có dòng --- đóng", hintVI: "thêm một dòng chỉ có --- sau trường cuối cùng",
		en: "the front matter has no closing --- line", hintEN: "add a line with only --- after the last field",
	},
	"yaml_syntax": {
		vi: "phần thông tin đầu bài sai cú pháp (%s)", hintVI: "mỗi trường một dòng dạng tên: giá trị; đặt chữ có dấu hai chấm hoặc dấu # trong ngoặc kép; thụt lề bằng dấu cách, không dùng phím Tab",
		en: "the front matter is not valid YAML (%s)", hintEN: "one field per line as name: value; quote text containing a colon or #; indent with spaces, not tabs",
	},
	"front_matter_not_mapping": {
		vi: "phần thông tin đầu bài phải là danh sách các trường dạng tên: giá trị", hintVI: "xem mẫu trong trang Hướng dẫn",
		en: "the front matter must be a list of name: value fields", hintEN: "see the template in the guide",
	},
	"missing_field": {
		vi: "thiếu trường bắt buộc %s", hintVI: "thêm dòng %s: ... vào phần thông tin đầu bài",
		en: "required field %s is missing", hintEN: "add a line %s: ... to the front matter",
	},
	"unknown_field": {
		vi: "trường %q không có trong mẫu câu chuyện", hintVI: "xóa trường này: trường lạ có thể vô tình mang thông tin cá nhân; các trường được dùng: %s",
		en: "field %q is not part of the story template", hintEN: "delete it: an unknown field may carry personal data; the fields are: %s",
	},
	"duplicate_field": {
		vi: "trường %s xuất hiện hai lần", hintVI: "giữ lại một dòng",
		en: "field %s appears twice", hintEN: "keep only one",
	},
	"empty_field": {
		vi: "trường %s đang để trống", hintVI: "điền nội dung cho trường này",
		en: "field %s is empty", hintEN: "fill it in",
	},
	"not_text": {
		vi: "trường %s phải là một dòng chữ", hintVI: "viết giá trị trên cùng dòng, trong ngoặc kép",
		en: "field %s must be a line of text", hintEN: "write the value on the same line, in quotes",
	},
	"not_list": {
		vi: "trường %s phải là danh sách mã trong ngoặc vuông", hintVI: "ví dụ %s: [\"2\", \"credit\"]",
		en: "field %s must be a list of codes in square brackets", hintEN: "for example %s: [\"2\", \"credit\"]",
	},
	"code_not_quoted": {
		vi: "mã %s trong trường %s phải đặt trong ngoặc kép", hintVI: "viết \"%s\": không có ngoặc kép, mã 3.1 bị hiểu thành một con số",
		en: "code %s in field %s must be in quotes", hintEN: "write \"%s\": without quotes a code such as 3.1 is read as a number",
	},
	"bad_date": {
		vi: "ngày %q không đúng dạng năm-tháng-ngày", hintVI: "viết ví dụ date: 2024-06-15",
		en: "date %q is not year-month-day", hintEN: "write for example date: 2024-06-15",
	},
	"future_date": {
		vi: "ngày %s ở tương lai: câu chuyện sẽ chưa hiện trên trang cho đến ngày đó", hintVI: "dùng ngày xảy ra câu chuyện hoặc ngày viết bài",
		en: "date %s is in the future: the story will not appear until then", hintEN: "use the date of the story or of writing",
	},
	"date_folder_mismatch": {
		vi: "năm %d của ngày không khớp với năm %s ở tên thư mục", hintVI: "sửa ngày hoặc đổi tên thư mục cho cùng năm",
		en: "the date's year %d does not match the folder's year %s", hintEN: "fix the date or rename the folder",
	},
	"unknown_village": {
		vi: "mã thôn %q không có trong danh sách thôn", hintVI: "dùng một mã trong: %s",
		en: "village code %q is not a village of the commune", hintEN: "use one of: %s",
	},
	"unknown_programme": {
		vi: "mã chương trình %q không có trong danh sách chương trình", hintVI: "dùng một mã trong: %s",
		en: "programme code %q is not a programme of the plan", hintEN: "use one of: %s",
	},
	"unknown_indicator": {
		vi: "mã chỉ số %q không có trong danh sách chỉ số", hintVI: "dùng một mã như poor_rate, near_poor_rate, escaped; danh sách đủ ở trang Hướng dẫn",
		en: "indicator code %q is not an indicator of the portal", hintEN: "use a code such as poor_rate, near_poor_rate, escaped; the guide lists them all",
	},
	"duplicate_code": {
		vi: "mã %q lặp lại trong trường %s", hintVI: "mỗi mã chỉ ghi một lần",
		en: "code %q is listed twice in %s", hintEN: "list each code once",
	},
	"consent_required": {
		vi: "consent phải là true: câu chuyện kể về một hộ, hộ phải đồng ý trước khi đăng", hintVI: "hỏi ý kiến hộ, lưu giấy đồng ý ở xã (không tải lên), rồi ghi consent: true",
		en: "consent must be true: a story tells about a household, which must agree before it is published", hintEN: "ask the household, keep its written consent at the commune office (never upload it), then write consent: true",
	},
	"not_bool": {
		vi: "trường %s chỉ nhận true hoặc false", hintVI: "viết true hoặc false, chữ thường, không có ngoặc kép",
		en: "field %s takes true or false", hintEN: "write true or false, lower case, without quotes",
	},

	// Photos.
	"photos_not_list": {
		vi: "trường photos phải là danh sách ảnh, mỗi ảnh có src và alt", hintVI: "để photos: [] nếu không có ảnh; cách khai báo ảnh xem ở trang Hướng dẫn",
		en: "photos must be a list of photos, each with src and alt", hintEN: "write photos: [] when there is none; the guide shows how to list photos",
	},
	"photo_missing_src": {
		vi: "ảnh thiếu tên tệp (src)", hintVI: "thêm dòng src: \"ten-anh.jpg\"",
		en: "a photo has no file name (src)", hintEN: "add src: \"photo-name.jpg\"",
	},
	"photo_no_alt": {
		vi: "ảnh %q thiếu lời mô tả (alt)", hintVI: "thêm alt: một câu tả điều ảnh cho thấy, không ghi tên người; người khiếm thị nghe lời mô tả này thay cho ảnh",
		en: "photo %q has no alt text", hintEN: "add alt: one sentence saying what the photo shows, without names; blind readers hear it instead of the photo",
	},
	"photo_not_found": {
		vi: "không có tệp ảnh %q trong thư mục câu chuyện", hintVI: "tải ảnh lên cùng thư mục với index.vi.md và ghi đúng tên tệp, kể cả chữ hoa chữ thường",
		en: "photo file %q is not in the story folder", hintEN: "upload it next to index.vi.md and spell the name exactly, including case",
	},
	"photo_format": {
		vi: "ảnh %q không phải JPEG, PNG hoặc WebP", hintVI: "lưu ảnh thành .jpg (ảnh HEIC của iPhone: chọn \"Tương thích nhất\" trong Cài đặt > Camera > Định dạng)",
		en: "photo %q is not JPEG, PNG or WebP", hintEN: "save it as .jpg (iPhone HEIC: choose \"Most Compatible\" in Settings > Camera > Formats)",
	},
	"photo_gps": {
		vi: "ảnh có thông tin vị trí (%s) trong siêu dữ liệu: tọa độ chỉ thẳng tới nhà của hộ", hintVI: "chạy portal check --fix-photos để xóa siêu dữ liệu, hoặc xóa vị trí khỏi ảnh rồi tải lên lại",
		en: "the photo carries location metadata (%s): the coordinates point at the household's home", hintEN: "run portal check --fix-photos to strip the metadata, or remove the location and upload again",
	},
	"photo_unreadable": {
		vi: "không đọc được ảnh để kiểm tra vị trí (%v)", hintVI: "mở ảnh và lưu lại thành JPEG, hoặc chạy portal check --fix-photos",
		en: "the photo cannot be read to check for location data (%v)", hintEN: "open it and save it again as JPEG, or run portal check --fix-photos",
	},
	"unsupported_file": {
		vi: "tệp %q không dùng được trong câu chuyện: chỉ nhận ảnh .jpg, .png, .webp, không nhận tệp đính kèm", hintVI: "xóa tệp này khỏi thư mục câu chuyện; tệp PDF, văn bản, SVG, HTML sẽ được đăng nguyên trạng mà không ai kiểm tra thông tin cá nhân trong đó",
		en: "file %q cannot be used in a story: only .jpg, .png and .webp photos, no attachments", hintEN: "remove it from the story folder; a PDF, text, SVG or HTML file would be published as it is, unchecked for personal data",
	},
	"photo_not_declared": {
		vi: "ảnh %q nằm trong thư mục câu chuyện nhưng bài không dùng đến", hintVI: "khai báo ảnh trong trường photos (kèm alt) hoặc chèn vào bài bằng ![mô tả](tên-ảnh.jpg); nếu không dùng thì xóa tệp",
		en: "photo %q is in the story folder but the story does not use it", hintEN: "list it under photos (with alt) or show it in the text with ![description](photo.jpg); otherwise delete it",
	},
	"bundle_folder": {
		vi: "thư mục con %q trong thư mục câu chuyện", hintVI: "đặt ảnh ngay cạnh index.vi.md, không tạo thư mục con",
		en: "sub-folder %q inside a story folder", hintEN: "put photos next to index.vi.md, without sub-folders",
	},
	"symlink": {
		vi: "tệp là liên kết tượng trưng (symlink)", hintVI: "thay bằng tệp thật; liên kết có thể trỏ tới tệp ngoài thư mục đã được kiểm tra",
		en: "the file is a symbolic link", hintEN: "replace it with the real file; a link may point outside what was checked",
	},
	"hidden_file": {
		vi: "tệp ẩn %q trong thư mục content", hintVI: "xóa tệp này (ví dụ .DS_Store do máy Mac tạo ra)",
		en: "hidden file %q in the content folder", hintEN: "delete it (for example a .DS_Store made by a Mac)",
	},
	"unknown_content": {
		vi: "tệp %q không thuộc câu chuyện nào và không phải trang do nhóm duy trì quản lý", hintVI: "mỗi câu chuyện nằm trong thư mục content/stories/<năm>-<tên-ngắn>/ với tệp index.vi.md; các trang khác do nhóm duy trì thêm vào danh sách trong mã nguồn (pipeline/story/content.go)",
		en: "%q belongs to no story and is not one of the maintainers' pages", hintEN: "a story lives in content/stories/<year>-<short-name>/ as index.vi.md; other pages are added by the maintainers to the list in pipeline/story/content.go",
	},
	"page_field": {
		vi: "trường %q không được dùng trong trang này", hintVI: "các trường được dùng: %s; trường khác có thể đổi địa chỉ hoặc cách đăng trang",
		en: "field %q is not allowed on this page", hintEN: "the fields are: %s; others could change where or how the page is published",
	},
	"not_int": {
		vi: "trường %s phải là một số nguyên", hintVI: "viết ví dụ weight: 10",
		en: "field %s must be a whole number", hintEN: "write for example weight: 10",
	},

	// Body.
	"image_no_alt": {
		vi: "ảnh %q trong bài thiếu lời mô tả", hintVI: "viết lời mô tả trong ngoặc vuông: ![Hai con bò trong chuồng mới](%s)",
		en: "image %q in the text has no alt text", hintEN: "write the description in the brackets: ![Two cows in the new shed](%s)",
	},
	"heading_h1": {
		vi: "tiêu đề cấp 1 (#) không được dùng trong bài", hintVI: "tiêu đề bài đã nằm ở trường title; dùng ## cho các mục",
		en: "a level-1 heading (#) is not allowed in the text", hintEN: "the title field is the page's heading; use ## for sections",
	},
	"heading_skip": {
		vi: "tiêu đề cấp %d nhảy cấp sau tiêu đề cấp %d", hintVI: "các mục bắt đầu bằng ##, mục con ###, không nhảy cấp; người dùng phần mềm đọc màn hình dựa vào thứ tự này",
		en: "a level-%d heading skips a level after level %d", hintEN: "sections start at ##, subsections ###, without skipping; screen-reader users navigate by this order",
	},
	"raw_html": {
		vi: "bài có mã HTML", hintVI: "xóa mã HTML; dùng cú pháp Markdown: **đậm**, - danh sách, ## tiêu đề",
		en: "the text contains raw HTML", hintEN: "remove it and use Markdown: **bold**, - lists, ## headings",
	},
	"missing_local_file": {
		vi: "liên kết tới tệp %q nhưng thư mục câu chuyện không có tệp này", hintVI: "tải tệp lên cùng thư mục với bài hoặc sửa lại tên",
		en: "the link points at %q but the story folder has no such file", hintEN: "upload the file next to the story or fix the name",
	},
	"link_outside_bundle": {
		vi: "liên kết tới tệp %q nằm ngoài thư mục câu chuyện", hintVI: "đặt tệp vào thư mục câu chuyện và liên kết bằng tên tệp",
		en: "the link points at %q outside the story folder", hintEN: "put the file in the story folder and link to it by name",
	},

	"shortcode": {
		vi: "bài có shortcode của Hugo ({{< ... >}} hoặc {{%% ... %%}})", hintVI: "xóa shortcode: nó có thể chèn nội dung từ trang khác hoặc đăng ảnh gốc; dùng cú pháp Markdown, kể cả trong đoạn mã",
		en: "the text contains a Hugo shortcode ({{< ... >}} or {{%% ... %%}})", hintEN: "remove it: a shortcode can embed another site or publish an original photo; use Markdown, even inside code",
	},
	"heading_attribute": {
		vi: "tiêu đề có thuộc tính %q", hintVI: "xóa phần {...} ở cuối dòng tiêu đề",
		en: "a heading has attribute %q", hintEN: "remove the {...} at the end of the heading",
	},
	"bad_link": {
		vi: "địa chỉ liên kết %q không đọc được", hintVI: "viết địa chỉ đầy đủ bắt đầu bằng https://, hoặc tên một tệp ảnh trong thư mục câu chuyện",
		en: "link address %q cannot be parsed", hintEN: "write a full address starting with https://, or the name of a photo in the story folder",
	},
	"link_scheme": {
		vi: "liên kết %q không bắt đầu bằng https:, http: hoặc mailto:", hintVI: "chỉ liên kết tới trang web (https://...), địa chỉ thư (mailto:...) hoặc trang của cổng thông tin",
		en: "link %q does not start with https:, http: or mailto:", hintEN: "link only to web pages (https://...), mail addresses (mailto:...) or pages of the portal",
	},
	"link_other_host": {
		vi: "liên kết %q bắt đầu bằng // hoặc có dấu gạch chéo ngược \\", hintVI: "viết địa chỉ đầy đủ bắt đầu bằng https://",
		en: "link %q starts with // or contains a backslash", hintEN: "write the full address, starting with https://",
	},
	"image_other_host": {
		vi: "ảnh %q lấy từ trang web khác", hintVI: "tải ảnh vào thư mục câu chuyện và ghi tên tệp: ảnh từ trang khác cho trang đó biết ai đang đọc bài",
		en: "image %q comes from another site", hintEN: "upload the photo to the story folder and use its file name: an image from another site tells that site who reads the story",
	},
	"image_not_photo": {
		vi: "ảnh %q trong bài không phải tệp ảnh .jpg, .png hoặc .webp của thư mục câu chuyện", hintVI: "tải ảnh vào thư mục câu chuyện và ghi đúng tên tệp",
		en: "image %q in the text is not a .jpg, .png or .webp photo of the story folder", hintEN: "upload the photo to the story folder and write its exact name",
	},

	// Warnings: personal details a rule cannot judge for certain.
	"person_name": {
		vi: "có thể có tên người sau cách xưng hô (anh, chị, ông, bà...)", hintVI: "không ghi tên người; viết \"một hộ ở Thôn Đông\" hoặc \"chị chủ hộ\"",
		en: "there may be a person's name after an honorific (anh, chị, ông, bà...)", hintEN: "write no names; write \"a household in Dong village\" or \"the head of the household\"",
	},
	"street_address": {
		vi: "có thể có địa chỉ nhà (số nhà, đường, ngõ, ngách)", hintVI: "không ghi địa chỉ; chỉ ghi tên thôn",
		en: "there may be a street address (house number, street, lane)", hintEN: "write no address; name the village only",
	},
	"template_text": {
		vi: "còn lời hướng dẫn của mẫu câu chuyện (portal new story)", hintVI: "thay lời hướng dẫn bằng nội dung câu chuyện",
		en: "the story still holds the template's placeholder text (portal new story)", hintEN: "replace it with the story",
	},

	// Personal data.
	"phone_number": {
		vi: "có dãy số giống số điện thoại", hintVI: "xóa số này; không bao giờ đăng số điện thoại của người dân",
		en: "a number looks like a phone number", hintEN: "remove it; never publish a resident's phone number",
	},
	"citizen_id": {
		vi: "có dãy %d chữ số giống số căn cước công dân hoặc chứng minh nhân dân", hintVI: "xóa số này; nếu là số tiền, viết bằng chữ đơn vị như \"150 triệu đồng\"",
		en: "a %d-digit number looks like a citizen-ID number", hintEN: "remove it; for an amount write it with a unit word, e.g. \"150 million dong\"",
	},
	"yaml_tag": {
		vi: "giá trị có thẻ YAML %s: trang web sẽ hiện nội dung khác với chữ đã viết", hintVI: "bỏ thẻ, viết giá trị là một dòng chữ trong ngoặc kép",
		en: "a value has the YAML tag %s: the site would show something other than what is written", hintEN: "remove the tag and write the value as plain text, in quotes",
	},
	"long_number": {
		vi: "có dãy %d chữ số có thể là số tài khoản hoặc số giấy tờ", hintVI: "xóa số này; nếu là số tiền, viết bằng chữ đơn vị như \"150 triệu đồng\"",
		en: "a %d-digit number may be an account or document number", hintEN: "remove it; for an amount write it with a unit word, e.g. \"150 million dong\"",
	},
}
