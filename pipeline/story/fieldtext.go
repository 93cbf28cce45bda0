package story

import (
	"maps"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"

	"github.com/minhtien/portal/pipeline/problem"
)

// Hugo renders a story's summary as Markdown (in the lead, the meta description and the
// RSS feed), and the theme prints the title, the author's role and the alt texts as
// they are. So every text field of the front matter is held to one rule, read the way
// goldmark reads it: it must be plain text, one or more paragraphs of words. Raw HTML,
// images, links, emphasis, code, headings, lists or quotes are refused, since the build
// would fail on them (raw HTML and images under --panicOnWarning) or publish them
// unchecked (a javascript: link in the summary).

// fieldMessages are the messages of the front-matter text rules.
var fieldMessages = problem.Catalogue{
	"field_html": {
		VI: "trường %s có mã HTML", HintVI: "chỉ viết chữ thường: không dùng dấu < > quanh chữ",
		EN: "field %s contains raw HTML", HintEN: "write plain words: no < > around words",
	},
	"field_link": {
		VI: "trường %s có liên kết hoặc ảnh Markdown", HintVI: "đặt liên kết và ảnh trong thân bài, nơi chúng được kiểm tra; trường này chỉ có chữ",
		EN: "field %s contains a Markdown link or image", HintEN: "put links and images in the text, where they are checked; this field holds words only",
	},
	"field_markup": {
		VI: "trường %s có ký hiệu Markdown (%s)", HintVI: "chỉ viết chữ thường, không có * _ ` # > - ở đầu hay quanh chữ",
		EN: "field %s contains Markdown markup (%s)", HintEN: "write plain words, with no * _ ` # > - at the start or around words",
	},
	"padded_value": {
		VI: "giá trị của %s có dấu cách ở đầu hoặc cuối", HintVI: "xóa dấu cách trong dấu ngoặc kép: Hugo đọc giá trị đúng như đã viết",
		EN: "the value of %s starts or ends with a space", HintEN: "remove the spaces inside the quotes: Hugo reads the value exactly as written",
	},
	"implausible_date": {
		VI: "năm của ngày là %d, nằm ngoài khoảng %d–%d", HintVI: "ghi ngày viết câu chuyện, dạng 2024-06-15; năm phải khớp với năm ở đầu tên thư mục",
		EN: "the date's year %d is outside %d–%d", HintEN: "write the date of the story, as 2024-06-15; its year must match the year the folder name starts with",
	},
	"author_role_name": {
		VI: "trường author_role giống tên một người", HintVI: "ghi chức vụ, không ghi tên: ví dụ \"Công chức Lao động - Thương binh và Xã hội\"",
		EN: "author_role looks like a person's name", HintEN: "write the office, not a name: e.g. \"Công chức Lao động - Thương binh và Xã hội\"",
	},
}

func init() { maps.Copy(messages, fieldMessages) }

// checkTextFields applies the plain-text rule to the title, summary, author role and
// every photo's alt text, and refuses an author role that looks like a name.
func checkTextFields(fm *FrontMatter) []problem.Problem {
	var out []problem.Problem
	judge := func(field, value string, p Pos) {
		code, kind := plainText(value)
		args := []any{field}
		if code == "field_markup" {
			args = append(args, kind)
		}
		if code != "" {
			out = append(out, problem.Problem{Catalogue: messages, Line: p.Line, Col: p.Col, Code: code, Args: args})
		}
	}
	judge("title", fm.Title, fm.Values["title"])
	judge("summary", fm.Summary, fm.Values["summary"])
	judge("author_role", fm.AuthorRole, fm.Values["author_role"])
	for _, ph := range fm.Photos {
		judge("photos.alt", ph.Alt, ph.AltPos)
	}
	if looksLikeName(fm.AuthorRole) {
		p := fm.Values["author_role"]
		out = append(out, problem.Problem{Catalogue: messages, Line: p.Line, Col: p.Col, Code: "author_role_name"})
	}
	return out
}

// plainText parses a field's value as Markdown and returns the problem code of the
// first node that is not a paragraph of text, with a word for its kind.
func plainText(s string) (code, kind string) {
	if strings.TrimSpace(s) == "" {
		return "", ""
	}
	src := []byte(s)
	if len(checkShape(src, 1)) > 0 {
		return "field_markup", "too long"
	}
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || code != "" {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Document, *ast.Paragraph, *ast.TextBlock, *ast.Text, *ast.String:
			return ast.WalkContinue, nil
		case *ast.HTMLBlock, *ast.RawHTML:
			code = "field_html"
		case *ast.Link, *ast.Image, *ast.AutoLink:
			code = "field_link"
		default:
			code, kind = "field_markup", strings.ToLower(n.Kind().String())
		}
		return ast.WalkStop, nil
	})
	return code, kind
}

// familyNames are the most common Vietnamese family names; together they cover most of
// the population, so a role written as a name almost always starts with one.
var familyNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Đinh Lâm Phùng Mai Tô Hà Tạ Cao Lương Quách Lưu Chu Hứa Thái Châu Kiều Văn Triệu Từ Mạc Lò Lục Hầu Nông Lã Khổng") {
		familyNames[n] = true
		familyNames[plainLetters(n)] = true // "Nguyen", as an English version writes it
	}
}

// plainLetters drops the diacritics of a Vietnamese word: Đặng becomes Dang.
func plainLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'Đ':
			b.WriteRune('D')
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// officeWords start a role (an office or body) and never a name.
var officeWords = []string{"Công chức", "Cán bộ", "Chủ tịch", "Phó", "Ban", "Hội", "Văn phòng", "Trưởng", "Bí thư", "Chi hội", "Đoàn", "Ủy ban", "UBND", "Mặt trận", "Tổ trưởng", "Kế toán", "Thư ký", "Cộng tác viên", "Trạm", "Phòng", "Người"}

var nameWord = regexp.MustCompile(`^\p{Lu}[\p{Ll}\p{M}]*$`)

// looksLikeName reports whether an author role reads as a person's name: two to four
// capitalised words, the first a common family name, not starting with an office word.
// It is a rule of thumb: "Lê Văn A" is refused, "Chủ tịch Hội Nông dân" passes.
func looksLikeName(role string) bool {
	role = norm.NFC.String(strings.TrimSpace(role))
	for _, w := range officeWords {
		if strings.HasPrefix(role, w+" ") || role == w {
			return false
		}
	}
	words := strings.Fields(role)
	if len(words) < 2 || len(words) > 4 || !familyNames[words[0]] {
		return false
	}
	for _, w := range words {
		if !nameWord.MatchString(w) {
			return false
		}
	}
	return true
}
