package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// subPathBase is the base URL of the second build, as a GitHub Pages project site.
const subPathBase = "https://example.github.io/portal/"

// builtSite is a site built into a temporary folder.
type builtSite struct {
	Root     string   // the repository copy
	Out      string   // its public/ folder
	Base     *url.URL // the base URL it was built for (portal.toml's unless baseURL is set)
	Prefix   string   // the path every internal URL starts with: "/" or "/portal/"
	err      error
	once     sync.Once
	baseURL  string
	minPages int // fewer HTML pages than this means the build went wrong
	// prepare, when set, changes the copied data/ before the build (the province
	// test writes a small province there).
	prepare func(l paths.Layout) error
}

var (
	mainSite = &builtSite{baseURL: "", minPages: 20}
	subSite  = &builtSite{baseURL: subPathBase, minPages: 20}
	tmpRoot  string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	closeBrowser()
	os.RemoveAll(dir)
	os.Exit(code)
}

// site builds s once for the whole test binary and returns it.
func site(t testing.TB, s *builtSite) *builtSite {
	t.Helper()
	s.once.Do(func() { s.err = s.build() })
	if s.err != nil {
		t.Fatalf("build the sample site (base %q): %v", s.baseURL, s.err)
	}
	return s
}

func (s *builtSite) build() error {
	src, err := paths.FindRoot(".")
	if err != nil {
		return err
	}
	dst, err := os.MkdirTemp(tmpRoot, "repo-")
	if err != nil {
		return err
	}
	// The synthetic commune's data, never data/, which may hold sealed real data.
	if err := sample.WriteCommune(filepath.Join(dst, "data")); err != nil {
		return err
	}
	for _, dir := range []string{"content", "site"} {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(src, dir))); err != nil {
			return err
		}
	}
	l := paths.New(dst, "", "", "", "")
	if s.prepare != nil {
		if err := s.prepare(l); err != nil {
			return err
		}
	}
	res, err := assemble.Build(context.Background(), assemble.Options{
		Layout: l, BaseURL: s.baseURL, Getenv: func(string) string { return "" },
	})
	if err != nil {
		return err
	}
	s.Root, s.Out = dst, l.Out
	// The address the build used: --baseURL, or else portal.toml's (issue 17).
	base := res.BaseURL
	if base == "" {
		base = "/"
	}
	if s.Base, err = url.Parse(base); err != nil {
		return err
	}
	s.Prefix = s.Base.Path
	if !strings.HasSuffix(s.Prefix, "/") {
		s.Prefix += "/"
	}
	return nil
}

// serve starts a server of s's output at s's base path, as the host it is built for
// would serve it: "/portal/en/" is the file en/index.html.
func (s *builtSite) serve() *httptest.Server {
	files := http.FileServer(http.Dir(s.Out))
	return httptest.NewServer(http.StripPrefix(strings.TrimSuffix(s.Prefix, "/"), files))
}

// htmlPages lists every HTML file of the site, as paths relative to Out with slashes.
func (s *builtSite) htmlPages(t testing.TB) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(s.Out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(s.Out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < s.minPages {
		t.Fatalf("only %d HTML pages in %s", len(pages), s.Out)
	}
	return pages
}

// urlPath is the URL path of a file of the site: "en/index.html" -> "/en/".
func (s *builtSite) urlPath(file string) string {
	p := s.Prefix + file
	if strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "index.html")
	}
	return p
}

// fileFor maps an absolute URL path of the site to the file that serves it, or "" when
// the path is outside the site. A folder is served by its index.html.
func (s *builtSite) fileFor(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, s.Prefix) && urlPath+"/" != s.Prefix {
		return "", false
	}
	rel := strings.TrimPrefix(urlPath, s.Prefix)
	rel = strings.TrimPrefix(path.Clean("/"+rel), "/")
	f := filepath.Join(s.Out, filepath.FromSlash(rel))
	if fi, err := os.Stat(f); err == nil && fi.IsDir() {
		f = filepath.Join(f, "index.html")
	}
	if _, err := os.Stat(f); err != nil {
		return f, false
	}
	return f, true
}

// ref is one URL found in a page.
type ref struct {
	Tag, Attr, Rel, Value string
	Type                  string // the type attribute of a <source>
	Group                 int    // the <picture> or <img> it is a candidate of; 0 for none
}

// loads reports whether the browser fetches the URL when it shows the page: a
// stylesheet, an icon, an image or a script, as opposed to a link the reader follows.
func (r ref) loads() bool {
	switch r.Tag {
	case "img", "source", "script", "iframe", "video", "audio", "embed", "object", "input", "track":
		return true
	case "link":
		for _, rel := range strings.Fields(strings.ToLower(r.Rel)) {
			switch rel {
			case "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon":
				return true
			}
		}
	}
	return false
}

// parsed is what the tests need from one HTML page.
type parsed struct {
	Refs []ref
	IDs  map[string]bool
}

var (
	parseMu    sync.Mutex
	parseCache = map[string]*parsed{}
)

// parseFile reads the links and ids of an HTML file, once.
func parseFile(t testing.TB, file string) *parsed {
	t.Helper()
	parseMu.Lock()
	defer parseMu.Unlock()
	if p, ok := parseCache[file]; ok {
		return p
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := parseHTML(b)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	parseCache[file] = p
	return p
}

func parseHTML(b []byte) (*parsed, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	p := &parsed{IDs: map[string]bool{}}
	groups := 0
	var walk func(n *html.Node, picture int)
	walk = func(n *html.Node, picture int) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[strings.ToLower(a.Key)] = a.Val
			}
			if id, ok := attrs["id"]; ok {
				p.IDs[id] = true
			}
			if n.Data == "a" {
				if name, ok := attrs["name"]; ok {
					p.IDs[name] = true
				}
			}
			// Every candidate of one image shares a group: the browser loads one of them.
			group := 0
			switch n.Data {
			case "picture":
				groups++
				picture = groups
			case "img", "source":
				group = picture
				if group == 0 {
					groups++
					group = groups
				}
			}
			for _, a := range []string{"href", "src", "poster", "data", "action", "formaction"} {
				if v, ok := attrs[a]; ok {
					p.Refs = append(p.Refs, ref{Tag: n.Data, Attr: a, Rel: attrs["rel"], Value: v, Type: attrs["type"], Group: group})
				}
			}
			if v, ok := attrs["srcset"]; ok {
				for _, part := range strings.Split(v, ",") {
					if f := strings.Fields(part); len(f) > 0 {
						p.Refs = append(p.Refs, ref{Tag: n.Data, Attr: "srcset", Value: f[0], Type: attrs["type"], Group: group})
					}
				}
			}
			if n.Data == "meta" {
				switch attrs["property"] + attrs["name"] {
				case "og:image", "og:url", "twitter:image":
					p.Refs = append(p.Refs, ref{Tag: "meta", Attr: attrs["property"] + attrs["name"], Value: attrs["content"]})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, picture)
		}
	}
	walk(doc, 0)
	return p, nil
}
