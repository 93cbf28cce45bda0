package story

import (
	"bytes"
	"strings"
	"testing"
)

// TestLooksLikeName: names are refused as an author role, offices pass.
func TestLooksLikeName(t *testing.T) {
	tests := []struct {
		role string
		want bool
	}{
		{"Nguyễn Văn Hùng", true},
		{"Trần Thị Lan", true},
		{"Lê Văn A", true},
		{"Huỳnh Minh", true},
		{"Nguyen Van Hung", true},
		{"Dang Thi Mai", true},
		{"Commune social affairs officer", false},
		{"Nguye\u0302\u0303n Văn Hùng", true}, // decomposed diacritics
		{"Công chức Lao động - Thương binh và Xã hội", false},
		{"Chủ tịch Hội Nông dân", false},
		{"Phó Chủ tịch UBND xã", false},
		{"Trưởng thôn Đông", false},
		{"Hội Liên hiệp Phụ nữ", false},
		{"Cán bộ Văn hóa", false},
		{"Nguyễn Văn Hùng Anh Tuấn", false}, // five words: not a name
	}
	for _, tt := range tests {
		t.Run(tt.role, func(t *testing.T) {
			if got := looksLikeName(tt.role); got != tt.want {
				t.Errorf("looksLikeName(%q) = %v, want %v", tt.role, got, tt.want)
			}
		})
	}
}

// TestPlainText: a front-matter field may hold words only.
func TestPlainText(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"words", "Một hộ ở Thôn Đông thoát nghèo nhờ vốn vay.", ""},
		{"less-than-number", "Tỷ lệ nghèo < 5% và > 2%", ""},
		{"lone-star", "Hộ được 5 * 2 con bò", ""},
		{"inline-html", "Hộ <b>thoát</b> nghèo", "field_html"},
		{"html-block", "<script>alert(1)</script>", "field_html"},
		{"image", "![x](https://evil.example/t.png)", "field_link"},
		{"link", "[xem](javascript:alert(1))", "field_link"},
		{"autolink", "<https://example.org>", "field_link"},
		{"emphasis", "Hộ *thoát* nghèo", "field_markup"},
		{"code", "Hộ `thoát` nghèo", "field_markup"},
		{"heading", "## Tiêu đề", "field_markup"},
		{"list", "- một", "field_markup"},
		{"quote", "> trích", "field_markup"},
		{"strikethrough", "Hộ ~~nghèo~~", "field_markup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := plainText(tt.value); got != tt.want {
				t.Errorf("plainText(%q) = %q, want %q", tt.value, got, tt.want)
			}
		})
	}
}

// FuzzPlainText: any front-matter value is judged without a panic, and a value judged
// plain renders, as Hugo renders the summary, to no link, image or markup element.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"Một hộ thoát nghèo", "<b>x</b>", "[a](javascript:x)", "*a*", "> q", "![a](b.jpg)", "<https://x.org>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if code, _ := plainText(s); code != "" || strings.TrimSpace(s) == "" {
			return // a blank value is refused as empty_field or photo_no_alt
		}
		var out bytes.Buffer
		if err := markdown.Convert([]byte(s), &out); err != nil {
			t.Fatal(err)
		}
		html := strings.ReplaceAll(strings.ReplaceAll(out.String(), "<p>", ""), "</p>", "")
		for _, el := range []string{"<a", "<img", "<em", "<strong", "<code", "<h", "<ul", "<ol", "<blockquote", "<del", "<!--", "<script"} {
			if strings.Contains(html, el) {
				t.Errorf("plainText(%q) passed, but it renders %q", s, out.String())
			}
		}
	})
}
