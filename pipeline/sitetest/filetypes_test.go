package sitetest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// scriptsInDocument counts what could run script in the document a file opened as:
// script elements, event-handler attributes and javascript: addresses.
const scriptsInDocument = `(() => {
  let n = document.querySelectorAll('script').length;
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) n++;
    }
  }
  return n;
})()`

// TestNonHTMLFilesRunNoScript opens every file of the published site that is not an
// HTML page (photos, SVG, CSV, JSON, XML feeds, text...) in Chromium, as a reader
// following a link would, and checks that the document it becomes holds nothing that
// runs script. A story may carry no attachment (portal check), so no SVG, XHTML or XML
// written by an officer can be among them; this checks what is published whatever its
// origin. A control SVG with a script shows the detector works.
func TestNonHTMLFilesRunNoScript(t *testing.T) {
	ctx, srv, _ := browser(t)
	s := site(t, mainSite)

	control := t.TempDir()
	os.WriteFile(filepath.Join(control, "x.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="1"><script>document.title='ran'</script></svg>`), 0o644)
	csrv := httptest.NewServer(http.FileServer(http.Dir(control)))
	defer csrv.Close()
	if n := scriptCount(t, ctx, csrv.URL+"/x.svg"); n == 0 {
		t.Fatal("the detector finds no script in the control SVG")
	}

	byExt := map[string][]string{}
	filepath.WalkDir(s.Out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext == ".html" || ext == ".htm" {
			return nil
		}
		rel, _ := filepath.Rel(s.Out, p)
		byExt[ext] = append(byExt[ext], filepath.ToSlash(rel))
		return nil
	})
	var exts []string
	for e := range byExt {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	if len(exts) < 3 {
		t.Fatalf("only %v non-HTML file types published", exts)
	}
	for _, ext := range exts {
		files := byExt[ext]
		sort.Strings(files)
		// Every file of the types a browser can run script in; a sample of the others.
		if !scriptable[ext] && len(files) > 5 {
			files = files[:5]
		}
		for _, f := range files {
			t.Run(ext+"/"+f, func(t *testing.T) {
				if n := scriptCount(t, ctx, srv.URL+s.Prefix+f); n > 0 {
					t.Errorf("%s opens as a document with %d things that run script", f, n)
				}
			})
		}
	}
}

// scriptable are the file types a browser may run script in when opened directly.
var scriptable = map[string]bool{".svg": true, ".xml": true, ".xhtml": true, ".xht": true, ".xsl": true, ".pdf": true, ".js": true, ".mjs": true, "": true}

// scriptCount opens u in the tab and counts what could run script there. A file the
// browser downloads instead of showing (a spreadsheet) is no document: 0.
func scriptCount(t *testing.T, ctx context.Context, u string) int {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
		if strings.Contains(err.Error(), "ERR_ABORTED") {
			return 0
		}
		t.Fatalf("open %s: %v", u, err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](scriptsInDocument))
	if err != nil {
		t.Fatalf("inspect %s: %v", u, err)
	}
	return n
}
