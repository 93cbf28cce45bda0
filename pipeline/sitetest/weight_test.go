package sitetest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// budget is the most a page may weigh on a first visit, compressed: the HTML and every
// stylesheet, font, icon and image the browser loads to show it.
const budget = 100 * 1024

var (
	gzMu    sync.Mutex
	gzCache = map[string]int{}
)

// gzSize is the size of a file compressed with gzip at the default level, as a web
// server sends it; cached because every page shares the stylesheet.
func gzSize(t testing.TB, file string) int {
	t.Helper()
	gzMu.Lock()
	defer gzMu.Unlock()
	if n, ok := gzCache[file]; ok {
		return n
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	n := buf.Len()
	if len(b) < n { // servers do not compress what does not shrink (PNG)
		n = len(b)
	}
	gzCache[file] = n
	return n
}

func TestPageWeight(t *testing.T) {
	s := site(t, mainSite)
	type weight struct {
		page  string
		total int
		parts []string
	}
	var all []weight
	for _, page := range s.htmlPages(t) {
		file := filepath.Join(s.Out, filepath.FromSlash(page))
		w := weight{page: page, total: gzSize(t, file)}
		w.parts = append(w.parts, fmt.Sprintf("html %d", w.total))
		// A <picture> or an <img srcset> costs one of its candidates: the largest of
		// those a current browser picks from (the WebP or AVIF <source> when there is
		// one), as on a wide high-density screen.
		seen := map[string]bool{}
		groups := map[int][]ref{}
		for _, r := range parseFile(t, file).Refs {
			if !r.loads() {
				continue
			}
			if r.Group != 0 {
				groups[r.Group] = append(groups[r.Group], r)
				continue
			}
			if f, ok := s.resolveFile(page, r.Value); ok && !seen[f] {
				seen[f] = true
				n := gzSize(t, f)
				w.total += n
				w.parts = append(w.parts, fmt.Sprintf("%s %d", path.Base(f), n))
			}
		}
		for _, g := range groups {
			var modern []ref
			for _, r := range g {
				if r.Tag == "source" && (r.Type == "image/webp" || r.Type == "image/avif") {
					modern = append(modern, r)
				}
			}
			if len(modern) > 0 {
				g = modern
			}
			best, bestFile := 0, ""
			for _, r := range g {
				if f, ok := s.resolveFile(page, r.Value); ok {
					if n := gzSize(t, f); n > best {
						best, bestFile = n, f
					}
				}
			}
			if bestFile != "" && !seen[bestFile] {
				seen[bestFile] = true
				w.total += best
				w.parts = append(w.parts, fmt.Sprintf("%s %d", path.Base(bestFile), best))
			}
		}
		all = append(all, w)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].total > all[j].total })
	for _, w := range all {
		if w.total > budget {
			t.Errorf("%s weighs %d bytes compressed on a first visit, over the %d budget (%s)",
				w.page, w.total, budget, strings.Join(w.parts, ", "))
		}
	}
	for _, w := range all[:min(3, len(all))] {
		t.Logf("heaviest: %s %d bytes (%s)", w.page, w.total, strings.Join(w.parts, ", "))
	}
}

// resolveFile maps a URL found in a page to the file of the site it names.
func (s *builtSite) resolveFile(page, v string) (string, bool) {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "data" {
		return "", false
	}
	abs := s.Base.ResolveReference(&url.URL{Path: s.urlPath(page)}).ResolveReference(u)
	if abs.Host != s.Base.Host {
		return "", false
	}
	return s.fileFor(abs.Path)
}
