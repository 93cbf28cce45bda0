package story

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/problem"
)

var update = flag.Bool("update", false, "rewrite the fixture photos")

// testVocab holds the codes of the sample portal.
func testVocab() Vocab {
	set := func(xs ...string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	return Vocab{
		Villages:   set("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"),
		Programmes: set("1", "2", "3.1", "3.2", "4.3", "6.1", "6.2", "credit", "housing"),
		Indicators: set("poor_rate", "near_poor_rate", "escaped"),
	}
}

func init() {
	now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
}

type want struct {
	code      string
	file      string // base name of the file
	line, col int
}

// TestFixtures checks that each story fixture, named after its defect, is refused with
// exactly the expected problems at the expected places.
func TestFixtures(t *testing.T) {
	tests := []struct {
		defect string
		want   []want
	}{
		{"valid", nil},
		{"missing-consent", []want{{"missing_field", "index.vi.md", 1, 1}}},
		{"consent-false", []want{{"consent_required", "index.vi.md", 9, 10}}},
		{"phone-in-text", []want{{"phone_number", "index.vi.md", 17, 55}}},
		{"citizen-id-in-front-matter", []want{{"citizen_id", "index.vi.md", 4, 24}}},
		{"unknown-village", []want{{"unknown_village", "index.vi.md", 5, 10}}},
		{"missing-alt-text", []want{{"photo_no_alt", "index.vi.md", 12, 10}, {"image_no_alt", "index.vi.md", 19, 28}}},
		{"photo-with-gps", []want{{"photo_gps", "cho.jpg", 0, 0}}},
		{"raw-html", []want{{"raw_html", "index.vi.md", 17, 1}}},
		{"heading-skip", []want{{"heading_skip", "index.vi.md", 19, 1}}},
		{"heading-h1", []want{{"heading_h1", "index.vi.md", 15, 1}}},
		{"missing-local-link", []want{{"missing_local_file", "index.vi.md", 21, 20}}},
		{"unknown-field", []want{{"unknown_field", "index.vi.md", 10, 1}}},
		{"bad-date", []want{{"bad_date", "index.vi.md", 3, 7}}},
		{"unquoted-code", []want{{"code_not_quoted", "index.vi.md", 6, 14}, {"code_not_quoted", "index.vi.md", 6, 17}}},
	}
	for _, tt := range tests {
		t.Run(tt.defect, func(t *testing.T) {
			content := filepath.Join("testdata", "stories", tt.defect, "content")
			got := Check(content, testVocab())
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), render(got, "en"))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Code != w.code || filepath.Base(g.File) != w.file || g.Line != w.line || g.Col != w.col {
					t.Errorf("problem %d = %s %s:%d:%d, want %s %s:%d:%d\n%s", i, g.Code, filepath.Base(g.File), g.Line, g.Col, w.code, w.file, w.line, w.col, g.Message("en"))
				}
				if g.Severity != problem.SeverityError {
					t.Errorf("problem %d is a warning, want an error", i)
				}
				// Messages name the file as given, so the officer can open it.
				wantPrefix := filepath.Join(content, "stories", "2024-x", w.file)
				if !strings.HasPrefix(g.Message("vi"), wantPrefix) {
					t.Errorf("message %q does not start with %s", g.Message("vi"), wantPrefix)
				}
			}
		})
	}
}

// TestMessages pins the rendered text of the refusals officers see most, in both languages.
func TestMessages(t *testing.T) {
	tests := []struct {
		defect, lang, want string
	}{
		{"unknown-village", "vi", `index.vi.md:5:10: mã thôn "T99" không có trong danh sách thôn (gợi ý: dùng một mã trong: T01, T02, T03, T04, T05, T06, T07, T08, T09)`},
		{"unknown-village", "en", `index.vi.md:5:10: village code "T99" is not a village of the commune (hint: use one of: T01, T02, T03, T04, T05, T06, T07, T08, T09)`},
		{"missing-consent", "vi", `index.vi.md:1:1: thiếu trường bắt buộc consent (gợi ý: thêm dòng consent: ... vào phần thông tin đầu bài)`},
		{"consent-false", "en", `index.vi.md:9:10: consent must be true: a story tells about a household, which must agree before it is published (hint: ask the household, keep its written consent at the commune office (never upload it), then write consent: true)`},
		{"phone-in-text", "vi", `index.vi.md:17:55: có dãy số giống số điện thoại (gợi ý: xóa số này; không bao giờ đăng số điện thoại của người dân)`},
		{"citizen-id-in-front-matter", "en", `index.vi.md:4:24: a 12-digit number looks like a citizen-ID number (hint: remove it; for an amount write it with a unit word, e.g. "150 million dong")`},
		{"missing-alt-text", "vi", `index.vi.md:12:10: ảnh "anh.jpg" thiếu lời mô tả (alt) (gợi ý: thêm alt: một câu tả điều ảnh cho thấy, không ghi tên người; người khiếm thị nghe lời mô tả này thay cho ảnh)`},
		{"photo-with-gps", "vi", `cho.jpg: ảnh có thông tin vị trí (GPSLatitude, GPSLatitudeRef, GPSLongitude, GPSLongitudeRef) trong siêu dữ liệu: tọa độ chỉ thẳng tới nhà của hộ (gợi ý: chạy portal check --fix-photos để xóa siêu dữ liệu, hoặc xóa vị trí khỏi ảnh rồi tải lên lại)`},
		{"heading-skip", "en", `index.vi.md:19:1: a level-4 heading skips a level after level 2 (hint: sections start at ##, subsections ###, without skipping; screen-reader users navigate by this order)`},
		{"raw-html", "vi", `index.vi.md:17:1: bài có mã HTML (gợi ý: xóa mã HTML; dùng cú pháp Markdown: **đậm**, - danh sách, ## tiêu đề)`},
		{"missing-local-link", "en", `index.vi.md:21:20: the link points at "bien-ban.pdf" but the story folder has no such file (hint: upload the file next to the story or fix the name)`},
		{"unknown-field", "vi", `index.vi.md:10:1: trường "household_name" không có trong mẫu câu chuyện (gợi ý: xóa trường này: trường lạ có thể vô tình mang thông tin cá nhân; các trường được dùng: title, date, summary, village, programmes, indicators, author_role, consent, photos, draft)`},
		{"bad-date", "en", `index.vi.md:3:7: date "2024-13-45" is not year-month-day (hint: write for example date: 2024-06-15)`},
	}
	for _, tt := range tests {
		t.Run(tt.defect+"/"+tt.lang, func(t *testing.T) {
			got := Check(filepath.Join("testdata", "stories", tt.defect, "content"), testVocab())
			if len(got) == 0 {
				t.Fatal("no problem found")
			}
			if msg := got[0].Message(tt.lang); !strings.HasSuffix(msg, "2024-x"+string(filepath.Separator)+tt.want) {
				t.Errorf("message\n got %s\nwant …2024-x/%s", msg, tt.want)
			}
		})
	}
}

// TestPersonalDataNeverQuoted makes sure a refused number is located, not repeated.
func TestPersonalDataNeverQuoted(t *testing.T) {
	for _, defect := range []string{"phone-in-text", "citizen-id-in-front-matter"} {
		for _, p := range Check(filepath.Join("testdata", "stories", defect, "content"), testVocab()) {
			for _, lang := range []string{"vi", "en"} {
				if m := p.Message(lang); strings.Contains(m, "345") || strings.Contains(m, "567") {
					t.Errorf("%s: message repeats the number: %s", defect, m)
				}
			}
		}
	}
}

// TestExampleStories checks that the stories committed in content/stories pass the
// real vocabulary of data/.
func TestExampleStories(t *testing.T) {
	root, err := paths.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	l := paths.New(root, "", "", "", "")
	v, err := LoadVocab(l)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(l.Stories())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			n++
		}
	}
	if n < 3 {
		t.Errorf("%d example stories, want at least 3", n)
	}
	if ps := Check(l.Content, v); len(ps) > 0 {
		t.Errorf("example stories are refused:\n%s", render(ps, "en"))
	}
}

// TestScaffoldIsRefusedUntilFilled: a new story lists every field, parses, and is
// refused only for what the officer must still write.
func TestScaffoldIsRefusedUntilFilled(t *testing.T) {
	p, body := Scaffold("Nuôi bò sinh sản: \"mô hình\" #1", "T01", "vi", time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC))
	if p != "2024-nuoi-bo-sinh-san-mo-hinh-1/index.vi.md" {
		t.Errorf("path = %s", p)
	}
	content := t.TempDir()
	file := filepath.Join(content, "stories", filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	fm, _, _ := ParseFrontMatter(body)
	if fm.Title != "Nuôi bò sinh sản: \"mô hình\" #1" || fm.Village != "T01" || fm.Date.Format("2006-01-02") != "2024-06-15" {
		t.Errorf("front matter = %+v", fm)
	}
	for _, f := range Fields {
		if f == "draft" {
			continue
		}
		if _, ok := fm.Lines[f]; !ok {
			t.Errorf("scaffold lacks field %s", f)
		}
	}
	var codes []string
	warnings := 0
	for _, pr := range Check(content, testVocab()) {
		if pr.Severity == problem.SeverityWarning {
			if pr.Code != "template_text" {
				t.Errorf("unexpected warning %s", pr.Message("en"))
			}
			warnings++
			continue
		}
		c := pr.Code
		if len(pr.Args) > 0 {
			c += ":" + pr.Args[0].(string)
		}
		codes = append(codes, c)
	}
	got := strings.Join(codes, " ")
	want := "empty_field:summary empty_field:programmes empty_field:indicators empty_field:author_role consent_required"
	if got != want {
		t.Errorf("problems = %s\nwant       %s", got, want)
	}
	// Every placeholder paragraph left in the body is pointed out.
	if warnings == 0 {
		t.Error("the scaffold's placeholder text is not flagged")
	}
}

func render(ps []problem.Problem, lang string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Message(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestConsentReportedOnce: a consent that is not the literal true is one problem, at its
// value, whatever form it takes.
func TestConsentReportedOnce(t *testing.T) {
	for _, value := range []string{"false", "yes", `"true"`, "1", "[true]", "", "True"} {
		t.Run(value, func(t *testing.T) {
			src := "---\nconsent: " + value + "\n---\n"
			fm, _, ps := ParseFrontMatter([]byte(src))
			ps = append(ps, checkFields(fm, t.TempDir(), "", Vocab{})...)
			n := 0
			for _, p := range ps {
				if p.Code == "consent_required" {
					n++
					if p.Line != 2 {
						t.Errorf("consent problem at line %d, want 2", p.Line)
					}
				}
			}
			if n != 1 {
				t.Errorf("consent: %s reported %d times, want once", value, n)
			}
		})
	}
}

// TestGuideListsEveryProgramme: the officers' guide, in both languages, names every
// programme code a story may use.
func TestGuideListsEveryProgramme(t *testing.T) {
	root, err := paths.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	l := paths.New(root, "", "", "", "")
	v, err := LoadVocab(l)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		b, err := os.ReadFile(filepath.Join(l.Content, "huong-dan", "index."+lang+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for code := range v.Programmes {
			if !strings.Contains(string(b), "`"+code+"`") {
				t.Errorf("the %s guide does not list programme %s", lang, code)
			}
		}
	}
}
