package sitetest

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minhtien/portal/pipeline/paths"
)

// scriptMarker is what the hostile files' script would set, in the page and in
// its title, if it ran.
const scriptMarker = "__portal_script_ran"

// hostileFiles are story files that run script when a browser opens them at the
// site's origin: none may be published. portal check refuses every one of them in a
// story folder (the fixtures of package story), so the built site below cannot hold
// them; the walk still looks for their names in public/.
var hostileFiles = map[string]string{
	"evil.svg":   `<svg xmlns="http://www.w3.org/2000/svg"><script>window.` + scriptMarker + `=1;document.title="` + scriptMarker + `"</script></svg>`,
	"evil.xml":   `<?xml version="1.0"?><x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>window.` + scriptMarker + `=1;document.title="` + scriptMarker + `"</x:script></x:html>`,
	"evil.xhtml": `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><script>window.` + scriptMarker + `=1;document.title="` + scriptMarker + `"</script></body></html>`,
	"evil.js":    `window.` + scriptMarker + `=1`,
}

// filesSite is the sample site with a story holding a photo of every type (and
// metadata the copies must drop).
var filesSite = &builtSite{minPages: 20, prepare: func(l paths.Layout) error {
	bundle := filepath.Join(l.Stories(), "2024-moi-loai-tep")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		return err
	}
	var photos, links strings.Builder
	for _, name := range []string{"clean.jpg", "orientation-only.jpg", "software-text.png", "clean.webp"} {
		b, err := os.ReadFile(filepath.Join("..", "photo", "testdata", name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(bundle, name), b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&photos, "  - src: %q\n    alt: \"Ảnh thử\"\n", name)
	}
	for _, name := range []string{"clean.jpg", "clean.webp"} {
		fmt.Fprintf(&links, "Ảnh trong bài: [%s](%s).\n\n", name, name)
	}
	story := "---\ntitle: \"Thử mọi loại tệp\"\ndate: 2024-05-03\nsummary: \"Câu chuyện thử có ảnh và tệp, 1 < 2 & cả dấu.\"\nvillage: T01\n" +
		"programmes: [\"2\"]\nindicators: [\"poor_rate\"]\nauthor_role: \"Công chức Văn hóa - Xã hội\"\nconsent: true\nphotos:\n" +
		photos.String() + "---\n\nCâu chuyện thử.\n\n" + links.String()
	return os.WriteFile(filepath.Join(bundle, "index.vi.md"), []byte(story), 0o644)
}}

// TestNoScriptRunsInPublishedFiles builds a site whose story holds every photo type,
// checks that no file named like a hostile one is published, then opens one published file of every non-HTML type
// and every file published for a story in Chromium, and checks that no script element is there and no script ran.
func TestNoScriptRunsInPublishedFiles(t *testing.T) {
	ctx, _, _ := browser(t)
	s := site(t, filesSite)
	byType := map[string]string{}
	err := filepath.WalkDir(s.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.Out, p)
		rel = filepath.ToSlash(rel)
		if _, bad := hostileFiles[filepath.Base(p)]; bad {
			t.Errorf("%s is published", rel)
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext == ".html" {
			return nil
		}
		if _, ok := byType[ext]; !ok {
			byType[ext] = rel
		}
		if strings.HasPrefix(rel, "photos/") || strings.HasPrefix(rel, "stories/") {
			byType[rel] = rel // every file published for a story, each on its own
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := s.serve()
	defer srv.Close()
	types := make([]string, 0, len(byType))
	for ext := range byType {
		types = append(types, ext)
	}
	sort.Strings(types)
	if len(byType) < 8 {
		t.Fatalf("only %d non-HTML file types published: %v", len(types), types)
	}
	for _, ext := range types {
		rel := byType[ext]
		t.Run(strings.TrimPrefix(ext, ".")+"-"+filepath.Base(rel), func(t *testing.T) {
			_, err := chromedp.Run(ctx, chromedp.NavigateResponse(srv.URL+s.Prefix+rel))
			if err != nil && !strings.Contains(err.Error(), "net::ERR_ABORTED") {
				t.Fatal(err) // a download (xlsx, parquet) aborts the navigation: nothing ran
			}
			type seen struct {
				Scripts int    `json:"scripts"`
				Ran     bool   `json:"ran"`
				Title   string `json:"title"`
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[seen](`({scripts: document.getElementsByTagNameNS("*", "script").length, ran: !!window.`+scriptMarker+`, title: document.title})`))
			if err != nil {
				t.Fatal(err)
			}
			scripts, ran, title := got.Scripts, got.Ran, got.Title
			if scripts > 0 || ran || strings.Contains(title, scriptMarker) {
				t.Errorf("%s: %d script elements, script ran: %v", rel, scripts, ran)
			}
		})
	}
}

// TestFeedDescriptionIsEscapedText: a feed's description is HTML inside XML, so a
// summary's "<" must reach a feed reader as the text "<", not as markup; and the
// /vi/ alias page Hugo writes carries the site's CSP.
func TestFeedDescriptionIsEscapedText(t *testing.T) {
	s := site(t, filesSite)
	b, err := os.ReadFile(filepath.Join(s.Out, "stories", "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Items []struct {
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range feed.Items {
		if strings.Contains(it.Description, "1 < 2") {
			t.Errorf("description %q holds markup once XML is read", it.Description)
		}
		if strings.Contains(it.Description, "1 &lt; 2 &amp; cả dấu") {
			found = true
		}
	}
	if !found {
		t.Errorf("no description holds the summary as escaped HTML text:\n%s", b)
	}
	alias, err := os.ReadFile(filepath.Join(s.Out, "vi", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(alias), `http-equiv="Content-Security-Policy" content="default-src 'none';`) || !strings.Contains(string(alias), "connect-src 'self'") {
		t.Errorf("vi/index.html has no CSP:\n%s", alias)
	}
}
