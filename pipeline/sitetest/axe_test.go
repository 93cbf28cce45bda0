package sitetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeDir holds package.json and package-lock.json pinning axe-core.
const axeDir = "testdata/axe"

// axeRun runs every rule set axe-core enables by default: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and its best practices (landmarks, heading order, unique names;
// issue 17). Only AAA and experimental rules are left out.
const axeRun = `axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'], resultTypes: ['violations']})
  .then(r => ({version: axe.version, violations: r.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), html: n.html, summary: n.failureSummary || ''}))}))}))`

type axeResult struct {
	Version    string `json:"version"`
	Violations []struct {
		ID      string `json:"id"`
		Impact  string `json:"impact"`
		Help    string `json:"help"`
		HelpURL string `json:"helpUrl"`
		Nodes   []struct {
			Target  string `json:"target"`
			HTML    string `json:"html"`
			Summary string `json:"summary"`
		} `json:"nodes"`
	} `json:"violations"`
}

// axeSource reads axe.min.js installed by npm ci; it skips (or fails when
// PORTAL_REQUIRE_BROWSER=1) when it is not installed.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(axeDir, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		msg := "axe-core is not installed: run npm ci --prefix pipeline/sitetest/testdata/axe"
		if requireBrowser() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if pb, err := os.ReadFile(filepath.Join(axeDir, "package.json")); err == nil {
		json.Unmarshal(pb, &pkg)
	}
	t.Logf("axe-core %s (pinned in %s/package.json)", pkg.Dependencies["axe-core"], axeDir)
	return string(b)
}

// chartPages are the page types with charts, photographed in the dark scheme too.
var chartPages = map[string]bool{"home": true, "target": true, "villages": true, "village": true, "movement": true}

// TestAxe runs axe-core on every page type in both languages, at both widths in the
// light scheme and on a laptop in the dark scheme, and wants no violation.
func TestAxe(t *testing.T) {
	ctx, srv, col := browser(t)
	src := axeSource(t)
	s := site(t, mainSite)
	type mode struct {
		scheme string
		width  int64
	}
	modes := []mode{{"light", 375}, {"light", 1280}, {"dark", 1280}}
	version := ""
	for _, m := range modes {
		if err := setColorScheme(ctx, m.scheme); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"vi", "en"} {
			for _, pc := range pageCases(t, s) {
				t.Run(fmt.Sprintf("%s/%s/%s-%d", lang, pc.name, m.scheme, m.width), func(t *testing.T) {
					p := langPath(s, lang, pc.path)
					if _, err := visit(ctx, col, srv, p, m.width); err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
						t.Fatalf("inject axe-core: %v", err)
					}
					res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatalf("run axe-core: %v", err)
					}
					version = res.Version
					if m.scheme == "dark" && chartPages[pc.name] {
						// Charts follow the colour scheme through CSS: keep a picture to look at.
						shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(85))
						if err != nil {
							t.Fatal(err)
						}
						os.WriteFile(filepath.Join(shotsDir(), fmt.Sprintf("%s-%s-dark-%d.jpg", lang, pc.name, m.width)), shot, 0o644)
					}
					for _, v := range res.Violations {
						var nodes []string
						for _, n := range v.Nodes {
							nodes = append(nodes, fmt.Sprintf("    %s\n      %s\n      %s", n.Target, n.HTML,
								strings.ReplaceAll(n.Summary, "\n", "\n      ")))
						}
						t.Errorf("%s (%s, %d px): %s [%s] %s (%s)\n%s", p, m.scheme, m.width, v.ID, v.Impact, v.Help, v.HelpURL,
							strings.Join(nodes, "\n"))
					}
				})
			}
		}
	}
	if err := setColorScheme(ctx, ""); err != nil {
		t.Fatal(err)
	}
	t.Logf("axe-core %s", version)

	// A canary: a button without a name must be reported, so that a wrong rule set or a
	// broken injection cannot pass by finding nothing.
	t.Run("canary", func(t *testing.T) {
		if _, err := visit(ctx, col, srv, langPath(s, "vi", ""), 1280); err != nil {
			t.Fatal(err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](
			src+";\ndocument.querySelector('main').appendChild(document.createElement('button'));\n"+axeRun,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range res.Violations {
			if v.ID == "button-name" {
				return
			}
		}
		t.Errorf("axe-core did not report a button without a name: %+v", res.Violations)
	})
}
