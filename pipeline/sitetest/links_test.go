package sitetest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// checkLinks follows every URL in every page of s and every sitemap, and returns the
// problems found, one line each. A page may link to another site, but never load
// anything from one.
func checkLinks(t *testing.T, s *builtSite) []string {
	t.Helper()
	var problems []string
	report := func(page string, r ref, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s: <%s %s=%q>: %s", page, r.Tag, r.Attr, r.Value, fmt.Sprintf(format, args...)))
	}
	checked := 0
	outgoing := map[string]int{}
	for _, page := range s.htmlPages(t) {
		file := filepath.Join(s.Out, filepath.FromSlash(page))
		pageURL := s.Base.ResolveReference(&url.URL{Path: s.urlPath(page)})
		for _, r := range parseFile(t, file).Refs {
			checked++
			v := strings.TrimSpace(r.Value)
			if v == "" {
				report(page, r, "empty URL")
				continue
			}
			u, err := url.Parse(v)
			if err != nil {
				report(page, r, "does not parse: %v", err)
				continue
			}
			switch u.Scheme {
			case "mailto", "tel":
				continue
			case "data":
				if r.loads() && r.Tag != "img" {
					report(page, r, "data: URL")
				}
				continue
			case "", "http", "https":
			default:
				report(page, r, "scheme %q", u.Scheme)
				continue
			}
			abs := pageURL.ResolveReference(u)
			external := abs.Host != "" && abs.Host != s.Base.Host
			if s.Base.Host == "" && (u.Host != "" || strings.HasPrefix(v, "//")) {
				external = true
			}
			if external {
				if r.loads() {
					report(page, r, "loads a file from another site")
					continue
				}
				if r.Tag == "meta" {
					report(page, r, "points to another site")
					continue
				}
				// Links out are allowed: a reader may follow them, the page does not
				// load them. They must be https, and are listed in the log.
				if abs.Scheme != "https" {
					report(page, r, "links out over plain http")
				}
				outgoing[abs.Hostname()]++
				continue
			}
			if r.Tag == "meta" && u.Host == "" && s.Base.Host != "" {
				report(page, r, "Open Graph needs an absolute URL")
			}
			// Internal: the path must stay under the base path and name a file.
			if !strings.HasPrefix(abs.Path, s.Prefix) && abs.Path+"/" != s.Prefix {
				report(page, r, "resolves to %s, outside the site's base path %s", abs.Path, s.Prefix)
				continue
			}
			if strings.HasPrefix(v, "/") && !strings.HasPrefix(v, s.Prefix) {
				report(page, r, "root-relative URL without the base path %s", s.Prefix)
				continue
			}
			target, ok := s.fileFor(abs.Path)
			if !ok {
				report(page, r, "no file at %s", abs.Path)
				continue
			}
			if abs.Fragment != "" && strings.HasSuffix(target, ".html") {
				if !parseFile(t, target).IDs[abs.Fragment] {
					rel, _ := filepath.Rel(s.Out, target)
					report(page, r, "no id %q in %s", abs.Fragment, filepath.ToSlash(rel))
				}
			}
		}
	}
	problems = append(problems, checkSitemaps(t, s)...)
	t.Logf("checked %d URLs in %d pages; links out to %v", checked, len(s.htmlPages(t)), outgoing)
	sort.Strings(problems)
	return problems
}

var sitemapURL = regexp.MustCompile(`<loc>([^<]+)</loc>|href="([^"]+)"`)

// checkSitemaps checks that every address in the sitemaps is a page of the site.
func checkSitemaps(t *testing.T, s *builtSite) []string {
	t.Helper()
	var problems []string
	maps, _ := filepath.Glob(filepath.Join(s.Out, "*.xml"))
	more, _ := filepath.Glob(filepath.Join(s.Out, "*", "sitemap.xml"))
	maps = append(maps, more...)
	found := 0
	for _, f := range maps {
		if filepath.Base(f) != "sitemap.xml" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sitemapURL.FindAllStringSubmatch(string(b), -1) {
			found++
			v := m[1] + m[2]
			u, err := url.Parse(v)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %q does not parse", f, v))
				continue
			}
			abs := s.Base.ResolveReference(u)
			if abs.Host != s.Base.Host {
				problems = append(problems, fmt.Sprintf("%s: %q is on another site", f, v))
				continue
			}
			if _, ok := s.fileFor(abs.Path); !ok {
				problems = append(problems, fmt.Sprintf("%s: no page at %q", f, v))
			}
		}
	}
	if found == 0 {
		problems = append(problems, "no sitemap.xml with addresses")
	}
	return problems
}

// TestLinks fails when a page links to a missing page, file or fragment, loads anything
// from another site, or links out to a site that is not on the allowed list.
func TestLinks(t *testing.T) {
	s := site(t, mainSite)
	for _, p := range checkLinks(t, s) {
		t.Error(p)
	}
}

// TestSubPathBuild builds the site for a GitHub Pages project address and checks that
// every internal URL carries the sub-path and resolves (issue 8).
func TestSubPathBuild(t *testing.T) {
	s := site(t, subSite)
	if s.Prefix != "/portal/" {
		t.Fatalf("prefix %q", s.Prefix)
	}
	for _, p := range checkLinks(t, s) {
		t.Error(p)
	}
	// The stylesheet, the home link and the language switch, spelled out, so the test
	// cannot pass by checking nothing.
	home, err := os.ReadFile(filepath.Join(s.Out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/portal/css/`, `href="/portal/en/"`, `href="/portal/targets/"`,
		`content="https://example.github.io/portal/images/share-vi.png"`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// TestDefaultBuildIsAbsolute builds with no --baseURL and wants portal.toml's address
// in every place a reader's tool reads without the page: og:url and og:image, the RSS
// feeds and the sitemaps (issue 17: --help promised it, the build wrote "/").
func TestDefaultBuildIsAbsolute(t *testing.T) {
	s := site(t, mainSite)
	if s.baseURL != "" {
		t.Fatalf("the main site is built with --baseURL %q; this test needs the default", s.baseURL)
	}
	const want = "https://minhtien-portal.github.io/portal/"
	if got := s.Base.String(); got != want {
		t.Fatalf("built for %q, want portal.toml's %q", got, want)
	}
	abs := regexp.MustCompile(`^` + regexp.QuoteMeta(want))
	checks := []struct {
		name, file string
		pattern    *regexp.Regexp
	}{
		{"og:url", "index.html", regexp.MustCompile(`property="og:url" content="([^"]*)"`)},
		{"og:image", "en/index.html", regexp.MustCompile(`property="og:image" content="([^"]*)"`)},
		{"rss link", "stories/index.xml", regexp.MustCompile(`<link>([^<]*)</link>`)},
		{"rss self", "en/stories/index.xml", regexp.MustCompile(`<atom:link href="([^"]*)"`)},
		{"sitemap index", "sitemap.xml", regexp.MustCompile(`<loc>([^<]*)</loc>`)},
		{"sitemap", "en/sitemap.xml", regexp.MustCompile(`<loc>([^<]*)</loc>`)},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(s.Out, filepath.FromSlash(c.file)))
			if err != nil {
				t.Fatal(err)
			}
			found := c.pattern.FindAllStringSubmatch(string(b), -1)
			if len(found) == 0 {
				t.Fatalf("%s: no %s", c.file, c.name)
			}
			for _, m := range found {
				if !abs.MatchString(m[1]) {
					t.Errorf("%s: %s %q is not under %s", c.file, c.name, m[1], want)
				}
			}
		})
	}
}
