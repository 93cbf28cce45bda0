package sitetest

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckersCatch runs the link checker and the weight measure on a tiny broken site,
// so that they cannot pass by looking at nothing.
func TestCheckersCatch(t *testing.T) {
	out := t.TempDir()
	files := map[string]string{
		"index.html": `<!doctype html><html><head><link rel="stylesheet" href="https://cdn.example.com/x.css">
<link rel="stylesheet" href="/site.css"></head><body id="top">
<a href="/about/">ok</a> <a href="/about/#team">ok</a> <a href="/about/#nobody">bad fragment</a>
<a href="/missing/">missing page</a> <a href="#top">ok</a> <a href="#nowhere">bad local fragment</a>
<a href="http://example.org/">plain http</a> <a href="https://example.org/">ok out</a>
<img src="/big.png" alt=""><picture><source type="image/webp" srcset="/a.webp 400w, /b.webp 800w"><img src="/a.jpg" alt=""></picture>
</body></html>`,
		"about/index.html": `<!doctype html><html><body><h2 id="team">Team</h2><a href="../">up</a></body></html>`,
		"site.css":         `body{}`,
		"a.webp":           strings.Repeat("a", 10),
		"b.webp":           strings.Repeat("b", 20),
		"a.jpg":            strings.Repeat("c", 30),
	}
	for name, body := range files {
		f := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base, _ := url.Parse("/")
	s := &builtSite{Out: out, Base: base, Prefix: "/", minPages: 1}
	got := strings.Join(checkLinks(t, s), "\n")
	for _, want := range []string{
		`"https://cdn.example.com/x.css">: loads a file from another site`,
		`"/about/#nobody">: no id "nobody" in about/index.html`,
		`"/missing/">: no file at /missing/`,
		`"#nowhere">: no id "nowhere" in index.html`,
		`"http://example.org/">: links out over plain http`,
		`"/big.png">: no file at /big.png`,
		"no sitemap.xml with addresses",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the link checker missed %s; it said:\n%s", want, got)
		}
	}
	for _, good := range []string{`"/about/#team"`, `"#top"`, `"https://example.org/"`, `"../"`, `"/a.webp"`, `"/b.webp"`} {
		if strings.Contains(got, good+">") {
			t.Errorf("the link checker refused %s:\n%s", good, got)
		}
	}
}
