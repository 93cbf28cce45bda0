package sitetest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// provinceSite is a tiny province (3 communes of 3 villages, five reviews) built with
// its site, as `portal sample --scale province` and `portal build` would at full size.
var provinceSite = &builtSite{baseURL: "", minPages: 8, prepare: writeTinyProvince}

// tinyProvince is sample.Province cut down to a size a test builds in seconds.
func tinyProvince() sample.Scale {
	s := sample.Province
	s.Communes, s.Households = 3, 1500
	s.MinVillages, s.MaxVillages = 3, 3
	return s
}

// writeTinyProvince replaces the copied commune data with a tiny province: its
// portal.toml and units.toml, and its reviews; the commune's support data and
// release history are removed. The commune's hand-written pages stay: the build must
// leave them out of a province's site (they link to sections it does not have).
func writeTinyProvince(l paths.Layout) error {
	return writeTinyScale(l, tinyProvince())
}

// writeTinyScale writes a tiny dataset of a scale in place of the commune's data.
func writeTinyScale(l paths.Layout, s sample.Scale) error {
	commune, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return err
	}
	var settings, units bytes.Buffer
	if err := sample.EncodePortal(&settings, sample.ScalePortal(*commune, s)); err != nil {
		return err
	}
	if err := sample.WriteUnits(&units, s, 7); err != nil {
		return err
	}
	for path, b := range map[string][]byte{l.PortalConfig(): settings.Bytes(), l.Units(): units.Bytes()} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	for _, dir := range []string{l.Reviews(), l.Support(), l.Releases()} {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	_, err = sample.WriteScale(l.Reviews(), s, 7)
	return err
}

// TestProvinceSite builds a tiny province with its site and checks that the A-Z list
// and a page for every commune exist in both languages, that a commune page shows its
// villages' figures, that the A-Z list links every commune, that the commune's
// hand-written pages are left out, and that every internal link of the site resolves.
func TestProvinceSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a province site; skipped with -short")
	}
	s := site(t, provinceSite)
	communes := sample.Units(tinyProvince(), 7)
	for _, prefix := range []string{"", "en/"} {
		az, err := os.ReadFile(filepath.Join(s.Out, prefix+"communes", "index.html"))
		if err != nil {
			t.Fatalf("the A-Z list (%s): %v", prefix, err)
		}
		// The list works without JavaScript: every commune is a plain link (checked
		// below), and the find box, which needs the script, is hidden until it runs.
		if !bytes.Contains(az, []byte(`<form class="find" hidden`)) {
			t.Errorf("%scommunes/: the find box is not hidden for readers without JavaScript", prefix)
		}
		for _, c := range communes {
			link := `href="` + s.Prefix + prefix + "communes/" + strings.ToLower(c.Code) + `/"`
			if !bytes.Contains(az, []byte(link)) {
				t.Errorf("%scommunes/ lacks %s", prefix, link)
			}
			page, err := os.ReadFile(filepath.Join(s.Out, prefix+"communes", strings.ToLower(c.Code), "index.html"))
			if err != nil {
				t.Errorf("commune page: %v", err)
				continue
			}
			// One row per village, each with a figure cell.
			if n := bytes.Count(page, []byte(`<th scope="row">`)); n < len(c.Villages) {
				t.Errorf("%scommunes/%s: %d row headers, want at least the %d villages", prefix, c.Code, n, len(c.Villages))
			}
		}
		home, err := os.ReadFile(filepath.Join(s.Out, prefix, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(home, []byte(`href="`+s.Prefix+prefix+`communes/"`)) {
			t.Errorf("the %shome page does not link the A-Z list", prefix)
		}
	}
	for _, p := range []string{"stories", "about", "en/methodology"} {
		if _, err := os.Stat(filepath.Join(s.Out, p)); err == nil {
			t.Errorf("%s/ is published: the commune's hand-written pages must not be part of a province's site", p)
		}
	}
	for _, p := range checkLinks(t, s) {
		t.Error(p)
	}
}

// TestProvinceAxe opens the province's home page, its A-Z list, a commune page, the
// groups, movement and open data pages in both languages, at both widths, and wants
// no failed request and no axe-core violation.
func TestProvinceAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a province site; skipped with -short")
	}
	ctx, _, col := browser(t)
	src := axeSource(t)
	s := site(t, provinceSite)
	srv := s.serve()
	defer srv.Close()
	code := strings.ToLower(sample.Units(tinyProvince(), 7)[0].Code)
	for _, prefix := range []string{s.Prefix, s.Prefix + "en/"} {
		for _, p := range []string{"", "communes/", "communes/" + code + "/", "groups/", "movement/", "data/"} {
			for _, width := range []int64{375, 1280} {
				path := prefix + p
				problems, err := visit(ctx, col, srv, path, width)
				if err != nil {
					t.Fatal(err)
				}
				for _, pr := range problems {
					t.Errorf("%s (%d px): %s", path, width, pr)
				}
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
					t.Fatalf("inject axe-core: %v", err)
				}
				res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("run axe-core: %v", err)
				}
				for _, v := range res.Violations {
					var nodes []string
					for _, n := range v.Nodes {
						nodes = append(nodes, fmt.Sprintf("    %s\n      %s", n.Target, n.HTML))
					}
					t.Errorf("%s (%d px): %s [%s] %s\n%s", path, width, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n"))
				}
			}
		}
	}
}

// TestFindCommune types a commune's name without its tone and vowel marks into the
// find box of the A-Z list, in both languages, and wants a link to that commune's
// page among the results, with no failed request and no console error (the script
// and its index are allowed by the page's security policy).
func TestFindCommune(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a province site; skipped with -short")
	}
	ctx, _, col := browser(t)
	s := site(t, provinceSite)
	srv := s.serve()
	defer srv.Close()
	c := sample.Units(tinyProvince(), 7)[1]
	for prefix, query := range map[string]string{s.Prefix: "xa mau " + c.Code, s.Prefix + "en/": "SAMPLE commune " + c.Code} {
		if _, err := visit(ctx, col, srv, prefix+"communes/", 375); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#find-input"), query)); err != nil {
			t.Fatalf("%s: type in the find box: %v", prefix, err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".find__results a"))); err != nil {
			t.Fatalf("%s: no result: %v", prefix, err)
		}
		hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.find__results a')).map(a => a.getAttribute('href'))`))
		if err != nil {
			t.Fatal(err)
		}
		want := prefix + "communes/" + strings.ToLower(c.Code) + "/"
		if !slices.Contains(hrefs, want) {
			t.Errorf("%s: %q found %v, want %s", prefix, query, hrefs, want)
		}
		errs, _, failed := col.snapshot()
		for _, p := range append(errs, failed...) {
			t.Errorf("%s: %s", prefix, p)
		}
	}
}

// mergedProvince is the tiny province in which the first commune was merged into the
// second after the last review, as the unit registry records an administrative change.
var mergedProvince = &builtSite{baseURL: "", minPages: 8, prepare: func(l paths.Layout) error {
	if err := writeTinyProvince(l); err != nil {
		return err
	}
	units := sample.Units(tinyProvince(), 7)
	b, err := os.ReadFile(l.Units())
	if err != nil {
		return err
	}
	block := "code = \"" + units[0].Code + "\"\nlevel = \"commune\"\n"
	if !bytes.Contains(b, []byte(block)) {
		return fmt.Errorf("no block %q in units.toml", block)
	}
	last := tinyProvince().FirstYear + tinyProvince().Years - 1
	b = bytes.Replace(b, []byte(block), []byte(block+fmt.Sprintf("valid_to = %d\nsuccessor = %q\n", last, units[1].Code)), 1)
	return os.WriteFile(l.Units(), b, 0o644)
}}

// TestMergedCommuneLinksItsSuccessor: a commune merged into another (valid_to and
// successor in the unit registry) keeps its page and figures, and the page says where
// its figures went, linking the successor's page, in both languages.
func TestMergedCommuneLinksItsSuccessor(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a province site; skipped with -short")
	}
	s := site(t, mergedProvince)
	units := sample.Units(tinyProvince(), 7)
	for prefix, want := range map[string]string{"": "Xã đã sáp nhập", "en/": "This commune was merged"} {
		page, err := os.ReadFile(filepath.Join(s.Out, prefix+"communes", strings.ToLower(units[0].Code), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		link := `href="` + s.Prefix + prefix + "communes/" + strings.ToLower(units[1].Code) + `/"`
		if !bytes.Contains(page, []byte(want)) || !bytes.Contains(page, []byte(link)) {
			t.Errorf("%scommunes/%s does not say %q with a link %s", prefix, units[0].Code, want, link)
		}
		other, err := os.ReadFile(filepath.Join(s.Out, prefix+"communes", strings.ToLower(units[1].Code), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(other, []byte(want)) {
			t.Errorf("%scommunes/%s, which was not merged, says %q", prefix, units[1].Code, want)
		}
	}
}
