package story

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds the length of a slug, cut at a word boundary: it becomes a URL.
const maxSlug = 60

// Slug turns a title into a URL word: Vietnamese letters lose their diacritics (đ
// becomes d), everything is lower case, and any run of other characters becomes one
// dash. "Nuôi bò sinh sản" gives "nuoi-bo-sinh-san".
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining accent
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		r = unicode.ToLower(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// Scaffold returns the path, relative to content/stories, and the text of a new story
// file: every front-matter field, each with a comment in Vietnamese saying what to
// write. The story is refused by portal check until the officer fills in the summary,
// the programmes and the indicators, and confirms consent.
func Scaffold(title, village, lang string, date time.Time) (string, []byte) {
	slug := Slug(title)
	if slug == "" {
		slug = "cau-chuyen"
	}
	if lang == "" {
		lang = "vi"
	}
	p := path.Join(fmt.Sprintf("%04d-%s", date.Year(), slug), "index."+lang+".md")
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("---\n")
	w("# Phần thông tin đầu bài. Dòng bắt đầu bằng # là lời giải thích, không hiện trên trang.\n")
	w("# Hướng dẫn đầy đủ: trang \"Hướng dẫn đăng câu chuyện\" (content/huong-dan/).\n")
	w("\n# Tiêu đề bài, trong ngoặc kép. Ngắn gọn, không có họ tên người.\n")
	w("title: %s\n", quote(title))
	w("\n# Ngày của câu chuyện, dạng năm-tháng-ngày. Năm phải trùng với năm ở tên thư mục.\n")
	w("# Ngày trong tương lai thì bài chưa hiện ra cho đến ngày đó.\n")
	w("date: %s\n", date.Format("2006-01-02"))
	w("\n# Tóm tắt câu chuyện trong một câu: hiện trong danh sách bài và khi chia sẻ lên mạng.\n")
	w("summary: \"\"\n")
	w("\n# Mã thôn nơi hộ sinh sống (xem bảng mã thôn trong Hướng dẫn), ví dụ T01.\n")
	w("village: %s\n", quote(village))
	w("\n# Mã các chương trình, dự án đã hỗ trợ hộ, mỗi mã trong ngoặc kép, ví dụ [\"2\", \"credit\"].\n")
	w("programmes: []\n")
	w("\n# Mã các chỉ số mà câu chuyện góp phần cải thiện, ví dụ [\"poor_rate\", \"escaped\"].\n")
	w("indicators: []\n")
	w("\n# Chức danh hoặc bộ phận của người viết, KHÔNG ghi họ tên.\n")
	w("author_role: \"\"\n")
	w("\n# Hộ đã đồng ý cho kể câu chuyện chưa? Đổi thành true sau khi hộ đồng ý\n")
	w("# (lưu giấy đồng ý ở xã, không tải lên). Bài chỉ được đăng khi consent là true.\n")
	w("consent: false\n")
	w("\n# Ảnh kèm theo: để [] nếu không có ảnh. Mỗi ảnh gồm tên tệp (src, tải lên cùng thư mục\n")
	w("# với tệp này) và lời mô tả ảnh (alt) cho người khiếm thị, không ghi tên người. Ví dụ:\n")
	w("# photos:\n")
	w("#   - src: \"chuong-bo.jpg\"\n")
	w("#     alt: \"Hai con bò cái đứng trong chuồng mới xây bằng gạch\"\n")
	w("photos: []\n")
	w("---\n\n")
	w("Đoạn mở đầu: hộ gặp khó khăn gì, trước khi được hỗ trợ. Không ghi họ tên, số điện thoại,\n")
	w("số căn cước hay địa chỉ nhà.\n\n")
	w("## Hộ đã được hỗ trợ những gì\n\n")
	w("Chương trình nào, hỗ trợ gì, khi nào.\n\n")
	w("## Kết quả\n\n")
	w("Cuộc sống của hộ đã thay đổi thế nào. Viết số tiền bằng chữ đơn vị, ví dụ \"50 triệu đồng\".\n")
	return p, b.Bytes()
}

// quote writes s as a YAML double-quoted string (JSON strings are valid YAML).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSpace(b.String())
}
