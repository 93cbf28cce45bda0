package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPrintEveryVillage prints every village page, in both languages, as the sheet
// posted at the village hall: one A4 page that keeps the sample-data banner while the
// data is the sample, the headline rates and the plan's totals.
func TestPrintEveryVillage(t *testing.T) {
	ctx, srv, col := browser(t)
	s := site(t, mainSite)
	var portal struct {
		Sample   bool
		Villages []struct{ Code string }
	}
	readJSON(t, filepath.Join(s.Root, "build", "data", "portal.json"), &portal)
	if !portal.Sample {
		t.Fatal("the test site is built from the sample and must say so")
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	for _, v := range portal.Villages {
		for _, lang := range []string{"vi", "en"} {
			p := langPath(s, lang, "villages/"+strings.ToLower(v.Code)+"/")
			if _, err := visit(ctx, col, srv, p, 1280); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			// What the sheet shows: each selector's first element is rendered.
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]bool](`Object.fromEntries(
				['.sample-banner', 'main p.lead', '.period-totals p.lead', '#village-table'].map(s => {
					const e = document.querySelector(s);
					return [s, !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'];
				}))`))
			if err != nil {
				t.Fatal(err)
			}
			for sel, ok := range shown {
				if !ok {
					t.Errorf("%s: %s is not on the printed sheet", p, sel)
				}
			}
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatal(err)
			}
			if n := pdfPages(pdf); n != 1 {
				os.WriteFile(filepath.Join(shotsDir(), lang+"-"+strings.ToLower(v.Code)+"-print.pdf"), pdf, 0o644)
				t.Errorf("%s prints on %d A4 pages, want 1", p, n)
			}
		}
	}
}
