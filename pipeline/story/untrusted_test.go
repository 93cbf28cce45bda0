package story

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// untrusted maps each fixture of testdata/fixtures/refused, named after the defect it
// holds, to the error it must raise. Every fixture is a whole content folder, so the
// accounting of files is tested as the build sees it.
var untrusted = map[string]string{
	// Class 1: every file under content/ is accounted for.
	"loose-md-in-stories":            "unknown_content",
	"org-page":                       "unknown_content",
	"html-page-with-meta-refresh":    "unknown_content",
	"index-en-org-in-bundle":         "bad_file_name",
	"section-index-in-bundle":        "bad_file_name",
	"unknown-top-folder":             "unknown_content",
	"markdown-variant-extension":     "bad_file_name",
	"front-matter-url-over-download": "unknown_field",
	"front-matter-uppercase-url":     "unknown_field",
	"front-matter-cascade":           "unknown_field",
	"front-matter-aliases":           "unknown_field",
	"maintainer-page-url":            "page_field",
	"section-page-cascade":           "page_field",
	"toml-front-matter":              "front_matter_format",
	"json-front-matter":              "front_matter_format",
	"yaml-document-marker":           "front_matter_marker",
	"attachment-svg":                 "unsupported_file",
	"attachment-xhtml":               "unsupported_file",
	"attachment-xml":                 "unsupported_file",
	"attachment-pdf-linked":          "unsupported_file",
	"attachment-txt-linked":          "unsupported_file",
	"bundle-subfolder":               "bundle_folder",
	"undeclared-photo":               "photo_not_declared",
	// Class 2: shortcodes, links and images.
	"shortcode-youtube":             "shortcode",
	"shortcode-percent":             "shortcode",
	"shortcode-in-code-span":        "shortcode",
	"shortcode-in-code-block":       "shortcode",
	"shortcode-escaped":             "shortcode",
	"shortcode-spaced":              "shortcode",
	"shortcode-missing-fails-hugo":  "shortcode",
	"link-javascript":               "link_scheme",
	"link-javascript-mixed-case":    "link_scheme",
	"link-javascript-entity-tab":    "link_scheme",
	"link-javascript-percent-colon": "link_scheme",
	"link-data":                     "link_scheme",
	"link-vbscript":                 "link_scheme",
	"link-file":                     "link_scheme",
	"link-protocol-relative":        "link_other_host",
	"link-backslash-host":           "link_other_host",
	"link-unparseable-fails-hugo":   "bad_link",
	"link-colon-in-first-segment":   "link_scheme",
	"autolink-javascript":           "link_scheme",
	"reference-link-javascript":     "link_scheme",
	"image-other-host":              "image_other_host",
	"image-protocol-relative":       "image_other_host",
	"image-data-uri":                "image_scheme",
	"image-javascript":              "image_scheme",
	"image-javascript-entity":       "image_scheme",
	"image-site-svg":                "link_outside_bundle",
	"raw-html-iframe":               "raw_html",
	"raw-html-inline-comment":       "raw_html",
	"heading-attribute-onclick":     "heading_attribute",
	// Class 4: phone and ID numbers in disguise.
	"phone-double-spaces":                   "phone_number",
	"phone-many-spaces":                     "phone_number",
	"phone-across-two-lines":                "phone_number",
	"phone-comma-groups":                    "phone_number",
	"phone-slash-groups":                    "phone_number",
	"phone-underscore-groups":               "phone_number",
	"phone-brackets-dash":                   "phone_number",
	"phone-mixed-separators":                "phone_number",
	"phone-nbsp":                            "phone_number",
	"phone-zero-width":                      "phone_number",
	"phone-fullwidth-digits":                "phone_number",
	"phone-emphasis-inside":                 "phone_number",
	"phone-html-entities":                   "phone_number",
	"phone-in-url":                          "phone_number",
	"phone-in-autolink":                     "phone_number",
	"phone-in-link-title":                   "phone_number",
	"phone-glued-to-letters":                "phone_number",
	"phone-plus84":                          "phone_number",
	"citizen-id-slashes":                    "citizen_id",
	"citizen-id-brackets":                   "citizen_id",
	"phone-in-reference-definition":         "phone_number",
	"phone-in-alt-text":                     "phone_number",
	"phone-in-title-fullwidth":              "phone_number",
	"citizen-id-en-dashes":                  "citizen_id",
	"citizen-id-in-vietnamese-words":        "citizen_id",
	"phone-arabic-indic-digits":             "phone_number",
	"phone-colon-groups":                    "phone_number",
	"phone-combining-underline":             "phone_number",
	"phone-devanagari-digits":               "phone_number",
	"phone-dotted-leader":                   "phone_number",
	"phone-en-dashes":                       "phone_number",
	"phone-ndash-entities":                  "phone_number",
	"phone-in-heading-id":                   "phone_number",
	"phone-keycap-emoji":                    "phone_number",
	"phone-letters-for-digits":              "phone_number",
	"phone-in-mailto-body":                  "phone_number",
	"phone-in-page-title-yaml-escapes":      "phone_number",
	"phone-middle-dots":                     "phone_number",
	"phone-plus-groups":                     "phone_number",
	"phone-split-by-link":                   "phone_number",
	"phone-in-url-0084":                     "phone_number",
	"phone-in-url-84-with-0":                "phone_number",
	"phone-in-url-percent-encoded":          "phone_number",
	"phone-variation-selectors":             "phone_number",
	"phone-in-vietnamese-words":             "phone_number",
	"title-yaml-binary":                     "yaml_tag",
	"phone-in-title-yaml-hex-escapes":       "phone_number",
	"phone-in-summary-yaml-unicode-escapes": "phone_number",
	"phone-five-spaces":                     "phone_number",
	"phone-typographer-dashes":              "phone_number",
	"phone-soft-line-break":                 "phone_number",
	"phone-in-footnote-split":               "phone_number",
	"phone-in-link-title-split":             "phone_number",
	"phone-in-photo-alt-folded":             "phone_number",
	"phone-in-folded-summary":               "phone_number",
	"phone-in-summary-continued-line":       "phone_number",
	// Class 5: text shaped to make the parsers crawl.
	"blockquote-nested-too-deep": "nesting_too_deep",
	"brackets-unclosed-run":      "too_much_markup",
	"list-indented-too-deep":     "indent_too_deep",
	"summary-raw-html":           "field_html",
	"summary-markdown-image":     "field_link",
	"summary-link-javascript":    "field_link",
	"title-raw-html":             "field_html",
	"title-emphasis":             "field_markup",
	"alt-text-link":              "field_link",
	"author-role-person-name":    "author_role_name",
	"village-leading-space":      "padded_value",
	"programme-padded":           "padded_value",
	"photo-src-trailing-space":   "padded_value",
	"date-year-0001":             "implausible_date",
	// Class 3: location written as free text in a photo's metadata.
	"photo-coordinates-in-comment":          "photo_gps",
	"photo-coordinates-in-exif-description": "photo_gps",
	"photo-xmp-dc-coverage":                 "photo_gps",
	"photo-xmp-shot-location":               "photo_gps",
	// Class 8: consent.
	"consent-yes": "consent_required",
}

// warned maps each fixture of testdata/fixtures/warned to the warning it must raise;
// it has no error.
var warned = map[string]string{
	"name-after-honorific":             "person_name",
	"street-address":                   "street_address",
	"template-leftover":                "template_text",
	"name-across-line-break":           "person_name",
	"name-lowercase":                   "person_name",
	"name-abbreviated-honorific":       "person_name",
	"name-after-kinship-word":          "person_name",
	"address-number-colon":             "street_address",
	"address-number-hamlet":            "street_address",
	"address-bare-number":              "street_address",
	"template-text-punctuation-edited": "template_text",
}

func fixtureDirs(t *testing.T, kind string) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "fixtures", kind, "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no %s fixtures: %v", kind, err)
	}
	sort.Strings(dirs)
	return dirs
}

// TestUntrustedContent checks every fixture: a refused one raises its error, a warned
// one its warning and no error, an accepted one nothing at all. A fixture without an
// entry in the tables fails, so none is left untested.
func TestUntrustedContent(t *testing.T) {
	for _, kind := range []string{"refused", "warned", "accepted"} {
		for _, dir := range fixtureDirs(t, kind) {
			name := filepath.Base(dir)
			t.Run(kind+"/"+name, func(t *testing.T) {
				got := Check(filepath.Join(dir, "content"), testVocab())
				codes := map[string]bool{}
				for _, p := range got {
					if p.Severity == problem.SeverityError {
						codes[p.Code] = true
					} else {
						codes["warning:"+p.Code] = true
					}
				}
				var want string
				switch kind {
				case "refused":
					want = untrusted[name]
				case "warned":
					want = "warning:" + warned[name]
				}
				switch {
				case kind != "accepted" && (want == "" || want == "warning:"):
					t.Fatalf("fixture %s has no expected problem in the table", name)
				case kind == "accepted" && len(got) > 0:
					t.Errorf("accepted fixture has problems:\n%s", render(got, "en"))
				case kind != "accepted" && !codes[want]:
					t.Errorf("want %s, got:\n%s", want, render(got, "en"))
				case kind == "warned" && len(problem.Errors(got)) > 0:
					t.Errorf("a warned fixture has errors:\n%s", render(got, "en"))
				}
			})
		}
	}
}

// TestHiddenFilesAndSymlinks: files git would rarely carry but a laptop's checkout may
// hold, and files too large to be a story, are refused too; they are made here rather
// than committed.
func TestHiddenFilesAndSymlinks(t *testing.T) {
	valid := filepath.Join("testdata", "stories", "valid", "content")
	tests := []struct {
		name string
		make func(content string) error
		want string
	}{
		{"hidden-file-in-bundle", func(c string) error {
			return os.WriteFile(filepath.Join(c, "stories", "2024-x", ".DS_Store"), []byte("x"), 0o644)
		}, "hidden_file"},
		{"hidden-folder-in-content", func(c string) error {
			return os.MkdirAll(filepath.Join(c, ".hidden", "x"), 0o755)
		}, "hidden_file"},
		{"symlink-in-bundle", func(c string) error {
			return os.Symlink("/etc/passwd", filepath.Join(c, "stories", "2024-x", "anh.jpg"))
		}, "symlink"},
		{"story-file-too-large", func(c string) error {
			return os.WriteFile(filepath.Join(c, "stories", "2024-x", "index.vi.md"), bytes.Repeat([]byte("Hộ đã thoát nghèo. "), 60000), 0o644)
		}, "file_too_large"},
		{"symlinked-bundle", func(c string) error {
			return os.Symlink(filepath.Join(c, "stories", "2024-x"), filepath.Join(c, "stories", "2024-y"))
		}, "symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := t.TempDir()
			if err := os.CopyFS(c, os.DirFS(valid)); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(c); err != nil {
				t.Skip(err) // no symbolic links on this system
			}
			got := Check(c, testVocab())
			found := false
			for _, p := range got {
				found = found || p.Code == tt.want
			}
			if !found {
				t.Errorf("want %s, got:\n%s", tt.want, render(got, "en"))
			}
		})
	}
}

// TestFrontMatterKeysThatMovePages: no key that changes where or how Hugo publishes a
// page is accepted in a story, in any case.
func TestFrontMatterKeysThatMovePages(t *testing.T) {
	for _, key := range []string{"url", "URL", "Url", "aliases", "outputs", "build", "cascade", "layout", "type", "publishResources", "slug", "sitemap", "headless", "resources", "markup", "lastmod", "expiryDate", "translationKey", "params", "menus", "isCJKLanguage", "linkTitle", "<<"} {
		t.Run(key, func(t *testing.T) {
			src := "---\n" + key + ": x\n---\n"
			_, _, ps := ParseFrontMatter([]byte(src))
			for _, p := range ps {
				if p.Code == "unknown_field" && p.Line == 2 {
					return
				}
			}
			t.Errorf("key %s accepted: %v", key, ps)
		})
	}
}

// TestRenderHooksNeverMarkSafe: the Markdown render hooks leave judging an address to
// html/template.
func TestRenderHooksNeverMarkSafe(t *testing.T) {
	hooks, _ := filepath.Glob(filepath.Join("..", "..", "site", "layouts", "*", "_markup", "*.html"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "site", "layouts", "_markup", "*.html"))
	hooks = append(hooks, more...)
	if len(hooks) == 0 {
		t.Fatal("no render hooks found")
	}
	for _, h := range hooks {
		b, err := os.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"safeURL", "safeHTMLAttr", "safeJS"} {
			if strings.Contains(string(b), f) {
				t.Errorf("%s uses %s", h, f)
			}
		}
	}
}
