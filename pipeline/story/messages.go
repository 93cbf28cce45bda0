package story

import (
	"github.com/minhtien/portal/pipeline/problem"
)

// messages words the problems of the stories in both languages. Codes are stable:
// tests and the officers' guide refer to them.
var messages = problem.Catalogue{
	// Files and folders.
	"read_failed": {
		VI: "không đọc được tệp: %v", HintVI: "kiểm tra quyền đọc tệp",
		EN: "cannot read the file: %v", HintEN: "check the file's permissions",
	},
	"file_too_large": {
		VI: "tệp lớn hơn %d KB", HintVI: "một câu chuyện chỉ cần vài chục KB chữ; ảnh đặt thành tệp riêng",
		EN: "the file is larger than %d KB", HintEN: "a story needs a few tens of KB of text; photos go in files of their own",
	},
	"bad_folder_name": {
		VI: "tên thư mục câu chuyện %q không đúng dạng <năm>-<tên-ngắn-không-dấu>", HintVI: "ví dụ 2024-nuoi-bo-sinh-san: bốn chữ số của năm, dấu gạch ngang, rồi chữ thường không dấu, chữ số và dấu gạch ngang",
		EN: "story folder %q is not <year>-<short-name>", HintEN: "for example 2024-nuoi-bo-sinh-san: the year, a dash, then lower-case letters without accents, digits and dashes",
	},
	"bad_file_name": {
		VI: "tệp %q không phải tệp câu chuyện; chỉ nhận index.vi.md và index.en.md", HintVI: "đổi tên tệp thành index.vi.md (tiếng Việt) hoặc index.en.md (tiếng Anh)",
		EN: "%q is not a story file; only index.vi.md and index.en.md are read", HintEN: "rename it index.vi.md (Vietnamese) or index.en.md (English)",
	},
	"missing_vi": {
		VI: "câu chuyện chưa có bản tiếng Việt index.vi.md", HintVI: "mỗi câu chuyện phải có index.vi.md; bản tiếng Anh index.en.md là tùy chọn",
		EN: "the story has no Vietnamese version index.vi.md", HintEN: "every story needs index.vi.md; the English index.en.md is optional",
	},
	"translation_differs": {
		VI: "trường %s khác với bản tiếng Việt", HintVI: "hai bản của cùng một câu chuyện phải có cùng %s",
		EN: "field %s differs from the Vietnamese version", HintEN: "both versions of a story must have the same %s",
	},

	// Front matter.
	"no_front_matter": {
		VI: "tệp không bắt đầu bằng phần thông tin đầu bài (dòng ---)", HintVI: "dòng đầu tiên của tệp phải là ba dấu gạch ngang ---; xem mẫu trong trang Hướng dẫn",
		EN: "the file does not start with front matter (a --- line)", HintEN: "the first line must be three dashes ---; see the template in the guide",
	},
	"front_matter_format": {
		VI: "phần thông tin đầu bài phải viết bằng YAML giữa hai dòng --- (không dùng +++ hay {)", HintVI: "dòng đầu và dòng đóng chỉ gồm đúng ba dấu gạch ngang ---, không có dấu cách; xem mẫu trong trang Hướng dẫn",
		EN: "the front matter must be YAML between two --- lines (not +++ or {)", HintEN: "the opening and closing lines are exactly three dashes ---, without spaces; see the template in the guide",
	},
	"front_matter_marker": {
		VI: "dòng bắt đầu bằng --- hoặc ... trong phần thông tin đầu bài", HintVI: "dòng đóng chỉ gồm đúng ba dấu gạch ngang, không có dấu cách phía sau",
		EN: "a line starting with --- or ... inside the front matter", HintEN: "the closing line is exactly three dashes, with nothing after them",
	},
	"front_matter_unclosed": {
		VI: "phần thông tin đầu bài không có dòng --- đóng", HintVI: "thêm một dòng chỉ có --- sau trường cuối cùng",
		EN: "the front matter has no closing --- line", HintEN: "add a line with only --- after the last field",
	},
	"yaml_syntax": {
		VI: "phần thông tin đầu bài sai cú pháp (%s)", HintVI: "mỗi trường một dòng dạng tên: giá trị; đặt chữ có dấu hai chấm hoặc dấu # trong ngoặc kép; thụt lề bằng dấu cách, không dùng phím Tab",
		EN: "the front matter is not valid YAML (%s)", HintEN: "one field per line as name: value; quote text containing a colon or #; indent with spaces, not tabs",
	},
	"front_matter_not_mapping": {
		VI: "phần thông tin đầu bài phải là danh sách các trường dạng tên: giá trị", HintVI: "xem mẫu trong trang Hướng dẫn",
		EN: "the front matter must be a list of name: value fields", HintEN: "see the template in the guide",
	},
	"missing_field": {
		VI: "thiếu trường bắt buộc %s", HintVI: "thêm dòng %s: ... vào phần thông tin đầu bài",
		EN: "required field %s is missing", HintEN: "add a line %s: ... to the front matter",
	},
	"unknown_field": {
		VI: "trường %q không có trong mẫu câu chuyện", HintVI: "xóa trường này: trường lạ có thể vô tình mang thông tin cá nhân; các trường được dùng: %s",
		EN: "field %q is not part of the story template", HintEN: "delete it: an unknown field may carry personal data; the fields are: %s",
	},
	"duplicate_field": {
		VI: "trường %s xuất hiện hai lần", HintVI: "giữ lại một dòng",
		EN: "field %s appears twice", HintEN: "keep only one",
	},
	"empty_field": {
		VI: "trường %s đang để trống", HintVI: "điền nội dung cho trường này",
		EN: "field %s is empty", HintEN: "fill it in",
	},
	"not_text": {
		VI: "trường %s phải là một dòng chữ", HintVI: "viết giá trị trên cùng dòng, trong ngoặc kép",
		EN: "field %s must be a line of text", HintEN: "write the value on the same line, in quotes",
	},
	"not_list": {
		VI: "trường %s phải là danh sách mã trong ngoặc vuông", HintVI: "ví dụ %s: [\"2\", \"credit\"]",
		EN: "field %s must be a list of codes in square brackets", HintEN: "for example %s: [\"2\", \"credit\"]",
	},
	"code_not_quoted": {
		VI: "mã %s trong trường %s phải đặt trong ngoặc kép", HintVI: "viết \"%s\": không có ngoặc kép, mã 3.1 bị hiểu thành một con số",
		EN: "code %s in field %s must be in quotes", HintEN: "write \"%s\": without quotes a code such as 3.1 is read as a number",
	},
	"bad_date": {
		VI: "ngày %q không đúng dạng năm-tháng-ngày", HintVI: "viết ví dụ date: 2024-06-15",
		EN: "date %q is not year-month-day", HintEN: "write for example date: 2024-06-15",
	},
	"future_date": {
		VI: "ngày %s ở tương lai: câu chuyện sẽ chưa hiện trên trang cho đến ngày đó", HintVI: "dùng ngày xảy ra câu chuyện hoặc ngày viết bài",
		EN: "date %s is in the future: the story will not appear until then", HintEN: "use the date of the story or of writing",
	},
	"date_folder_mismatch": {
		VI: "năm %d của ngày không khớp với năm %s ở tên thư mục", HintVI: "sửa ngày hoặc đổi tên thư mục cho cùng năm",
		EN: "the date's year %d does not match the folder's year %s", HintEN: "fix the date or rename the folder",
	},
	"unknown_village": {
		VI: "mã thôn %q không có trong danh sách thôn", HintVI: "dùng một mã trong: %s",
		EN: "village code %q is not a village of the commune", HintEN: "use one of: %s",
	},
	"unknown_programme": {
		VI: "mã chương trình %q không có trong danh sách chương trình", HintVI: "dùng một mã trong: %s",
		EN: "programme code %q is not a programme of the plan", HintEN: "use one of: %s",
	},
	"unknown_indicator": {
		VI: "mã chỉ số %q không có trong danh sách chỉ số", HintVI: "dùng một mã như poor_rate, near_poor_rate, escaped; danh sách đủ ở trang Hướng dẫn",
		EN: "indicator code %q is not an indicator of the portal", HintEN: "use a code such as poor_rate, near_poor_rate, escaped; the guide lists them all",
	},
	"duplicate_code": {
		VI: "mã %q lặp lại trong trường %s", HintVI: "mỗi mã chỉ ghi một lần",
		EN: "code %q is listed twice in %s", HintEN: "list each code once",
	},
	"consent_required": {
		VI: "consent phải là true: câu chuyện kể về một hộ, hộ phải đồng ý trước khi đăng", HintVI: "hỏi ý kiến hộ, lưu giấy đồng ý ở xã (không tải lên), rồi ghi consent: true",
		EN: "consent must be true: a story tells about a household, which must agree before it is published", HintEN: "ask the household, keep its written consent at the commune office (never upload it), then write consent: true",
	},
	"not_bool": {
		VI: "trường %s chỉ nhận true hoặc false", HintVI: "viết true hoặc false, chữ thường, không có ngoặc kép",
		EN: "field %s takes true or false", HintEN: "write true or false, lower case, without quotes",
	},

	// Photos.
	"photos_not_list": {
		VI: "trường photos phải là danh sách ảnh, mỗi ảnh có src và alt", HintVI: "để photos: [] nếu không có ảnh; cách khai báo ảnh xem ở trang Hướng dẫn",
		EN: "photos must be a list of photos, each with src and alt", HintEN: "write photos: [] when there is none; the guide shows how to list photos",
	},
	"photo_missing_src": {
		VI: "ảnh thiếu tên tệp (src)", HintVI: "thêm dòng src: \"ten-anh.jpg\"",
		EN: "a photo has no file name (src)", HintEN: "add src: \"photo-name.jpg\"",
	},
	"photo_no_alt": {
		VI: "ảnh %q thiếu lời mô tả (alt)", HintVI: "thêm alt: một câu tả điều ảnh cho thấy, không ghi tên người; người khiếm thị nghe lời mô tả này thay cho ảnh",
		EN: "photo %q has no alt text", HintEN: "add alt: one sentence saying what the photo shows, without names; blind readers hear it instead of the photo",
	},
	"photo_not_found": {
		VI: "không có tệp ảnh %q trong thư mục câu chuyện", HintVI: "tải ảnh lên cùng thư mục với index.vi.md và ghi đúng tên tệp, kể cả chữ hoa chữ thường",
		EN: "photo file %q is not in the story folder", HintEN: "upload it next to index.vi.md and spell the name exactly, including case",
	},
	"photo_format": {
		VI: "ảnh %q không phải JPEG, PNG hoặc WebP", HintVI: "lưu ảnh thành .jpg (ảnh HEIC của iPhone: chọn \"Tương thích nhất\" trong Cài đặt > Camera > Định dạng)",
		EN: "photo %q is not JPEG, PNG or WebP", HintEN: "save it as .jpg (iPhone HEIC: choose \"Most Compatible\" in Settings > Camera > Formats)",
	},
	"photo_gps": {
		VI: "ảnh có thông tin vị trí (%s) trong siêu dữ liệu: tọa độ chỉ thẳng tới nhà của hộ", HintVI: "chạy portal check --fix-photos để xóa siêu dữ liệu, hoặc xóa vị trí khỏi ảnh rồi tải lên lại",
		EN: "the photo carries location metadata (%s): the coordinates point at the household's home", HintEN: "run portal check --fix-photos to strip the metadata, or remove the location and upload again",
	},
	"photo_unreadable": {
		VI: "không đọc được ảnh để kiểm tra vị trí (%v)", HintVI: "mở ảnh và lưu lại thành JPEG, hoặc chạy portal check --fix-photos",
		EN: "the photo cannot be read to check for location data (%v)", HintEN: "open it and save it again as JPEG, or run portal check --fix-photos",
	},
	"unsupported_file": {
		VI: "tệp %q không dùng được trong câu chuyện: chỉ nhận ảnh .jpg, .png, .webp, không nhận tệp đính kèm", HintVI: "xóa tệp này khỏi thư mục câu chuyện; tệp PDF, văn bản, SVG, HTML sẽ được đăng nguyên trạng mà không ai kiểm tra thông tin cá nhân trong đó",
		EN: "file %q cannot be used in a story: only .jpg, .png and .webp photos, no attachments", HintEN: "remove it from the story folder; a PDF, text, SVG or HTML file would be published as it is, unchecked for personal data",
	},
	"photo_not_declared": {
		VI: "ảnh %q nằm trong thư mục câu chuyện nhưng bài không dùng đến", HintVI: "khai báo ảnh trong trường photos (kèm alt) hoặc chèn vào bài bằng ![mô tả](tên-ảnh.jpg); nếu không dùng thì xóa tệp",
		EN: "photo %q is in the story folder but the story does not use it", HintEN: "list it under photos (with alt) or show it in the text with ![description](photo.jpg); otherwise delete it",
	},
	"bundle_folder": {
		VI: "thư mục con %q trong thư mục câu chuyện", HintVI: "đặt ảnh ngay cạnh index.vi.md, không tạo thư mục con",
		EN: "sub-folder %q inside a story folder", HintEN: "put photos next to index.vi.md, without sub-folders",
	},
	"symlink": {
		VI: "tệp là liên kết tượng trưng (symlink)", HintVI: "thay bằng tệp thật; liên kết có thể trỏ tới tệp ngoài thư mục đã được kiểm tra",
		EN: "the file is a symbolic link", HintEN: "replace it with the real file; a link may point outside what was checked",
	},
	"hidden_file": {
		VI: "tệp ẩn %q trong thư mục content", HintVI: "xóa tệp này (ví dụ .DS_Store do máy Mac tạo ra)",
		EN: "hidden file %q in the content folder", HintEN: "delete it (for example a .DS_Store made by a Mac)",
	},
	"unknown_content": {
		VI: "tệp %q không thuộc câu chuyện nào và không phải trang do nhóm duy trì quản lý", HintVI: "mỗi câu chuyện nằm trong thư mục content/stories/<năm>-<tên-ngắn>/ với tệp index.vi.md; các trang khác do nhóm duy trì thêm vào danh sách trong mã nguồn (pipeline/story/content.go)",
		EN: "%q belongs to no story and is not one of the maintainers' pages", HintEN: "a story lives in content/stories/<year>-<short-name>/ as index.vi.md; other pages are added by the maintainers to the list in pipeline/story/content.go",
	},
	"page_field": {
		VI: "trường %q không được dùng trong trang này", HintVI: "các trường được dùng: %s; trường khác có thể đổi địa chỉ hoặc cách đăng trang",
		EN: "field %q is not allowed on this page", HintEN: "the fields are: %s; others could change where or how the page is published",
	},
	"not_int": {
		VI: "trường %s phải là một số nguyên", HintVI: "viết ví dụ weight: 10",
		EN: "field %s must be a whole number", HintEN: "write for example weight: 10",
	},

	// Body.
	"image_no_alt": {
		VI: "ảnh %q trong bài thiếu lời mô tả", HintVI: "viết lời mô tả trong ngoặc vuông: ![Hai con bò trong chuồng mới](%s)",
		EN: "image %q in the text has no alt text", HintEN: "write the description in the brackets: ![Two cows in the new shed](%s)",
	},
	"heading_h1": {
		VI: "tiêu đề cấp 1 (#) không được dùng trong bài", HintVI: "tiêu đề bài đã nằm ở trường title; dùng ## cho các mục",
		EN: "a level-1 heading (#) is not allowed in the text", HintEN: "the title field is the page's heading; use ## for sections",
	},
	"heading_skip": {
		VI: "tiêu đề cấp %d nhảy cấp sau tiêu đề cấp %d", HintVI: "các mục bắt đầu bằng ##, mục con ###, không nhảy cấp; người dùng phần mềm đọc màn hình dựa vào thứ tự này",
		EN: "a level-%d heading skips a level after level %d", HintEN: "sections start at ##, subsections ###, without skipping; screen-reader users navigate by this order",
	},
	"raw_html": {
		VI: "bài có mã HTML", HintVI: "xóa mã HTML; dùng cú pháp Markdown: **đậm**, - danh sách, ## tiêu đề",
		EN: "the text contains raw HTML", HintEN: "remove it and use Markdown: **bold**, - lists, ## headings",
	},
	"missing_local_file": {
		VI: "liên kết tới tệp %q nhưng thư mục câu chuyện không có tệp này", HintVI: "tải tệp lên cùng thư mục với bài hoặc sửa lại tên",
		EN: "the link points at %q but the story folder has no such file", HintEN: "upload the file next to the story or fix the name",
	},
	"link_outside_bundle": {
		VI: "liên kết tới tệp %q nằm ngoài thư mục câu chuyện", HintVI: "đặt tệp vào thư mục câu chuyện và liên kết bằng tên tệp",
		EN: "the link points at %q outside the story folder", HintEN: "put the file in the story folder and link to it by name",
	},

	"shortcode": {
		VI: "bài có shortcode của Hugo ({{< ... >}} hoặc {{%% ... %%}})", HintVI: "xóa shortcode: nó có thể chèn nội dung từ trang khác hoặc đăng ảnh gốc; dùng cú pháp Markdown, kể cả trong đoạn mã",
		EN: "the text contains a Hugo shortcode ({{< ... >}} or {{%% ... %%}})", HintEN: "remove it: a shortcode can embed another site or publish an original photo; use Markdown, even inside code",
	},
	"heading_attribute": {
		VI: "tiêu đề có thuộc tính %q", HintVI: "xóa phần {...} ở cuối dòng tiêu đề",
		EN: "a heading has attribute %q", HintEN: "remove the {...} at the end of the heading",
	},
	"bad_link": {
		VI: "địa chỉ liên kết %q không đọc được", HintVI: "viết địa chỉ đầy đủ bắt đầu bằng https://, hoặc tên một tệp ảnh trong thư mục câu chuyện",
		EN: "link address %q cannot be parsed", HintEN: "write a full address starting with https://, or the name of a photo in the story folder",
	},
	"link_scheme": {
		VI: "liên kết %q không bắt đầu bằng https:, http: hoặc mailto:", HintVI: "chỉ liên kết tới trang web (https://...), địa chỉ thư (mailto:...) hoặc trang của cổng thông tin",
		EN: "link %q does not start with https:, http: or mailto:", HintEN: "link only to web pages (https://...), mail addresses (mailto:...) or pages of the portal",
	},
	"link_other_host": {
		VI: "liên kết %q bắt đầu bằng // hoặc có dấu gạch chéo ngược \\", HintVI: "viết địa chỉ đầy đủ bắt đầu bằng https://",
		EN: "link %q starts with // or contains a backslash", HintEN: "write the full address, starting with https://",
	},
	"image_other_host": {
		VI: "ảnh %q lấy từ trang web khác", HintVI: "tải ảnh vào thư mục câu chuyện và ghi tên tệp: ảnh từ trang khác cho trang đó biết ai đang đọc bài",
		EN: "image %q comes from another site", HintEN: "upload the photo to the story folder and use its file name: an image from another site tells that site who reads the story",
	},
	"image_scheme": {
		VI: "ảnh %q không phải tên một tệp ảnh: địa chỉ ảnh không được bắt đầu bằng javascript:, data: hay giao thức nào khác", HintVI: "tải ảnh vào thư mục câu chuyện và chỉ ghi tên tệp, ví dụ ![Ruộng lúa](ruong-lua.jpg)",
		EN: "image %q is not a photo's file name: an image address may not start with javascript:, data: or any other scheme", HintEN: "upload the photo to the story folder and write only its file name, for example ![Rice field](ruong-lua.jpg)",
	},
	"image_not_photo": {
		VI: "ảnh %q trong bài không phải tệp ảnh .jpg, .png hoặc .webp của thư mục câu chuyện", HintVI: "tải ảnh vào thư mục câu chuyện và ghi đúng tên tệp",
		EN: "image %q in the text is not a .jpg, .png or .webp photo of the story folder", HintEN: "upload the photo to the story folder and write its exact name",
	},

	// Warnings: personal details a rule cannot judge for certain.
	"person_name": {
		VI: "có thể có tên người sau cách xưng hô (anh, chị, ông, bà...)", HintVI: "không ghi tên người; viết \"một hộ ở Thôn Đông\" hoặc \"chị chủ hộ\"",
		EN: "there may be a person's name after an honorific (anh, chị, ông, bà...)", HintEN: "write no names; write \"a household in Dong village\" or \"the head of the household\"",
	},
	"street_address": {
		VI: "có thể có địa chỉ nhà (số nhà, đường, ngõ, ngách)", HintVI: "không ghi địa chỉ; chỉ ghi tên thôn",
		EN: "there may be a street address (house number, street, lane)", HintEN: "write no address; name the village only",
	},
	"template_text": {
		VI: "còn lời hướng dẫn của mẫu câu chuyện (portal new story)", HintVI: "thay lời hướng dẫn bằng nội dung câu chuyện",
		EN: "the story still holds the template's placeholder text (portal new story)", HintEN: "replace it with the story",
	},

	// Personal data.
	"phone_number": {
		VI: "có dãy số giống số điện thoại", HintVI: "xóa số này; không bao giờ đăng số điện thoại của người dân",
		EN: "a number looks like a phone number", HintEN: "remove it; never publish a resident's phone number",
	},
	"citizen_id": {
		VI: "có dãy %d chữ số giống số căn cước công dân hoặc chứng minh nhân dân", HintVI: "xóa số này; nếu là số tiền, viết bằng chữ đơn vị như \"150 triệu đồng\"",
		EN: "a %d-digit number looks like a citizen-ID number", HintEN: "remove it; for an amount write it with a unit word, e.g. \"150 million dong\"",
	},
	"yaml_tag": {
		VI: "giá trị có thẻ YAML %s: trang web sẽ hiện nội dung khác với chữ đã viết", HintVI: "bỏ thẻ, viết giá trị là một dòng chữ trong ngoặc kép",
		EN: "a value has the YAML tag %s: the site would show something other than what is written", HintEN: "remove the tag and write the value as plain text, in quotes",
	},
	"long_number": {
		VI: "có dãy %d chữ số có thể là số tài khoản hoặc số giấy tờ", HintVI: "xóa số này; nếu là số tiền, viết bằng chữ đơn vị như \"150 triệu đồng\"",
		EN: "a %d-digit number may be an account or document number", HintEN: "remove it; for an amount write it with a unit word, e.g. \"150 million dong\"",
	},
}
