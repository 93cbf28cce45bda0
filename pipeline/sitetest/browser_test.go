package sitetest

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// widths are the viewports every page is opened at: a small phone and a laptop.
var widths = []int64{375, 1280}

// requireBrowser is set by .ci/run after installing Chromium and axe-core: a missing
// browser then fails the tests instead of skipping them.
func requireBrowser() bool { return os.Getenv("PORTAL_REQUIRE_BROWSER") == "1" }

// chromiumPath finds Debian's Chromium, or Chrome.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// theBrowser is one Chromium and one tab shared by every browser test of the binary;
// pages are visited one after the other.
var theBrowser struct {
	once    sync.Once
	ctx     context.Context
	cancels []context.CancelFunc
	err     error
	events  *collector
	server  *httptest.Server
}

// collector keeps what the tab reported since the last reset.
type collector struct {
	mu       sync.Mutex
	errors   []string // console errors, exceptions, browser-log errors
	requests []string // every URL requested
	failed   []string // failed requests and HTTP errors
}

func (c *collector) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors, c.requests, c.failed = nil, nil, nil
}

func (c *collector) snapshot() (errs, reqs, failed []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errors...), append([]string(nil), c.requests...), append([]string(nil), c.failed...)
}

// listen is called by chromedp for each event of the tab; it must return fast.
func (c *collector) listen(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			c.errors = append(c.errors, "console."+string(e.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		c.errors = append(c.errors, "exception: "+msg)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			c.errors = append(c.errors, fmt.Sprintf("browser log (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		c.requests = append(c.requests, e.Request.URL)
	case *network.EventLoadingFailed:
		c.failed = append(c.failed, fmt.Sprintf("request %s failed: %s %s", e.RequestID, e.ErrorText, e.BlockedReason))
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			c.failed = append(c.failed, fmt.Sprintf("%s answered %d", e.Response.URL, e.Response.Status))
		}
	}
}

// browser returns the shared tab and the test server of the main site, starting them on
// first use. It skips the test when there is no Chromium, unless PORTAL_REQUIRE_BROWSER=1.
func browser(t *testing.T) (context.Context, *httptest.Server, *collector) {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		if requireBrowser() {
			t.Fatal("PORTAL_REQUIRE_BROWSER=1 but no chromium, chromium-browser or google-chrome in PATH (apt-get install chromium)")
		}
		t.Skip("no Chromium in PATH; set PORTAL_REQUIRE_BROWSER=1 to make this a failure")
	}
	s := site(t, mainSite)
	b := &theBrowser
	b.once.Do(func() {
		b.server = s.serve()
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.NoSandbox, // the tests run as root in CI
			chromedp.Headless,
			chromedp.DisableGPU,
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("lang", "vi-VN"),
			chromedp.WindowSize(1280, 900),
		)
		actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, c2 := chromedp.NewContext(actx)
		b.ctx, b.cancels = ctx, []context.CancelFunc{c2, c1}
		b.events = &collector{}
		if b.err = chromedp.Listen(ctx, b.events.listen); b.err != nil {
			return
		}
		if _, b.err = chromedp.Call(ctx, network.Enable, network.EnableParams{}); b.err != nil {
			return
		}
		if _, b.err = chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); b.err != nil {
			return
		}
		_, b.err = chromedp.Call(ctx, runtime.Enable, cdp.Empty{})
	})
	if b.err != nil {
		t.Fatalf("start Chromium (%s): %v", exe, b.err)
	}
	return b.ctx, b.server, b.events
}

// closeBrowser stops Chromium and the server; TestMain calls it.
func closeBrowser() {
	b := &theBrowser
	if b.ctx != nil {
		tctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
		chromedp.Cancel(tctx)
		cancel()
	}
	for _, c := range b.cancels {
		c()
	}
	if b.server != nil {
		b.server.Close()
	}
}

// pageCase is one page type, by its path under the language root.
type pageCase struct {
	name, path string
	translated bool // the same page exists in the other language
}

// pageCases lists one page of every type. The story is one that exists in both languages.
func pageCases(t *testing.T, s *builtSite) []pageCase {
	t.Helper()
	story := ""
	entries, _ := os.ReadDir(filepath.Join(s.Out, "stories"))
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(s.Out, "en", "stories", e.Name(), "index.html")); err == nil {
				story = "stories/" + e.Name() + "/"
				break
			}
		}
	}
	if story == "" {
		t.Fatal("no story exists in both languages")
	}
	return []pageCase{
		{"home", "", true},
		{"targets", "targets/", true},
		{"target", "targets/poverty-rate/", true},
		{"villages", "villages/", true},
		{"village", "villages/t01/", true},
		{"groups", "groups/", true},
		{"movement", "movement/", true},
		{"programmes", "programmes/", true},
		{"programme", "programmes/2/", true},
		{"stories", "stories/", true},
		{"story", story, true},
		{"data", "data/", true},
		{"about", "about/", true},
		{"methodology", "methodology/", true},
		{"404", "404.html", false},
	}
}

// langPath is the URL path of a page in a language: "/" + "en/" + path.
func langPath(s *builtSite, lang, p string) string {
	if lang == "vi" {
		return s.Prefix + p
	}
	return s.Prefix + lang + "/" + p
}

// shotsDir is where screenshots go: a temporary folder, copied to PORTAL_SHOTS when set.
var shotsDir = sync.OnceValue(func() string {
	if d := os.Getenv("PORTAL_SHOTS"); d != "" {
		os.MkdirAll(d, 0o755)
		return d
	}
	d, _ := os.MkdirTemp(tmpRoot, "shots-")
	return d
})

// setColorScheme switches prefers-color-scheme; "" resets it.
func setColorScheme(ctx context.Context, scheme string) error {
	p := emulation.SetEmulatedMediaParams{}
	if scheme != "" {
		p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, p)
	return err
}

// visit opens a page at a width, and returns the problems seen while loading it.
func visit(ctx context.Context, col *collector, srv *httptest.Server, p string, width int64) ([]string, error) {
	col.reset()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
		return nil, err
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(srv.URL+p))
	if err != nil {
		return nil, err
	}
	var problems []string
	switch {
	case resp == nil && !strings.Contains(p, "#"): // a jump within the page has no response
		problems = append(problems, "no response")
	case resp != nil && resp.Status != 200:
		problems = append(problems, fmt.Sprintf("the page answered %d", resp.Status))
	}
	// Let late events (an image, a log entry) arrive.
	time.Sleep(50 * time.Millisecond)
	errs, reqs, failed := col.snapshot()
	problems = append(problems, errs...)
	problems = append(problems, failed...)
	for _, r := range reqs {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != strings.TrimPrefix(srv.URL, "http://")) {
			problems = append(problems, "request to another host: "+r)
		}
	}
	return problems, nil
}

// TestBrowserPages opens every page type in both languages at both widths, and checks
// that nothing fails, nothing leaves the test server, the page fits the screen, the
// language switch leads to a page that exists, and the home page's headline figure is
// the commune's latest poor-household rate in indicators.csv.
func TestBrowserPages(t *testing.T) {
	ctx, srv, col := browser(t)
	s := site(t, mainSite)
	if err := setColorScheme(ctx, ""); err != nil {
		t.Fatal(err)
	}
	rate, year := latestPoorRate(t, s)
	t.Logf("indicators.csv: commune poor_rate %s in %d", rate, year)
	for _, lang := range []string{"vi", "en"} {
		other := map[string]string{"vi": "en", "en": "vi"}[lang]
		for _, pc := range pageCases(t, s) {
			for _, w := range widths {
				t.Run(fmt.Sprintf("%s/%s/%d", lang, pc.name, w), func(t *testing.T) {
					p := langPath(s, lang, pc.path)
					problems, err := visit(ctx, col, srv, p, w)
					if err != nil {
						t.Fatal(err)
					}
					for _, pr := range problems {
						t.Errorf("%s: %s", p, pr)
					}
					shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(85))
					if err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("%s-%s-%d.jpg", lang, pc.name, w)
					if err := os.WriteFile(filepath.Join(shotsDir(), name), shot, 0o644); err != nil {
						t.Fatal(err)
					}
					// Nothing wider than the screen: wide tables scroll inside their box.
					over, err := chromedp.Run(ctx, chromedp.Evaluate[int](
						`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
					if err != nil {
						t.Fatal(err)
					}
					if over > 0 {
						wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('body *'))
							.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
							.filter(e => !e.closest('.table-wrap') && !e.closest('.visually-hidden') && !e.closest('.skip-link'))
							.slice(0, 5).map(e => e.tagName + '.' + e.className)`))
						t.Errorf("%s at %d px: the page is %d px wider than the screen (%v)", p, w, over, wide)
					}
					// The language switch leads to a page that exists: the same page when
					// it is translated.
					links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
						`Array.from(document.querySelectorAll('.lang-switch a')).map(a => a.href)`))
					if err != nil {
						t.Fatal(err)
					}
					if len(links) != 1 {
						t.Fatalf("%s: %d language-switch links, want 1", p, len(links))
					}
					if pc.translated {
						want := srv.URL + langPath(s, other, pc.path)
						if links[0] != want {
							t.Errorf("%s: the language switch goes to %s, want %s", p, links[0], want)
						}
					}
					if code := httpStatus(t, links[0]); code != 200 {
						t.Errorf("%s: the language switch goes to %s, which answers %d", p, links[0], code)
					}
					if pc.name == "home" {
						got, err := chromedp.Run(ctx, chromedp.Evaluate[string](
							`document.querySelector('.headline__figure .headline__value').textContent.trim()`))
						if err != nil {
							t.Fatal(err)
						}
						want := rate + "%"
						if lang == "vi" {
							want = strings.Replace(rate, ".", ",", 1) + "%"
						}
						if got != want {
							t.Errorf("%s: headline figure %q, want %q (poor_rate %d in indicators.csv)", p, got, want, year)
						}
					}
				})
			}
		}
	}
	t.Logf("screenshots in %s", shotsDir())
}

// httpStatus fetches a URL and returns its status code.
func httpStatus(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// latestPoorRate reads the commune's poor-household rate of the latest year from the
// published indicators.csv, as written there ("1.1").
func latestPoorRate(t *testing.T, s *builtSite) (value string, year int) {
	t.Helper()
	f, err := os.Open(filepath.Join(s.Out, "data", "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"year", "unit_level", "group", "indicator", "value"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("indicators.csv has no column %q", c)
		}
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec[col["unit_level"]] != "commune" || rec[col["group"]] != "all" || rec[col["indicator"]] != "poor_rate" {
			continue
		}
		y, err := strconv.Atoi(rec[col["year"]])
		if err != nil {
			t.Fatal(err)
		}
		if y > year {
			year, value = y, rec[col["value"]]
		}
	}
	if value == "" {
		t.Fatal("indicators.csv has no commune poor_rate")
	}
	return value, year
}

// TestPrintVillage prints a village page on A4, as the village head would, and checks it
// fits on one sheet.
func TestPrintVillage(t *testing.T) {
	ctx, srv, col := browser(t)
	s := site(t, mainSite)
	for _, lang := range []string{"vi", "en"} {
		p := langPath(s, lang, "villages/t01/")
		if _, err := visit(ctx, col, srv, p, 1280); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shotsDir(), lang+"-village-print.pdf"), pdf, 0o644)
		if n := pdfPages(pdf); n != 1 {
			t.Errorf("%s prints on %d A4 pages, want 1", p, n)
		}
	}
}

var pdfCount = regexp.MustCompile(`/Count\s+(\d+)`)

// pdfPages reads the number of pages of a PDF from its page tree: the largest /Count,
// which is the root's.
func pdfPages(pdf []byte) int {
	n := 0
	for _, m := range pdfCount.FindAllSubmatch(pdf, -1) {
		if c, _ := strconv.Atoi(string(m[1])); c > n {
			n = c
		}
	}
	return n
}

// TestVillagesSort checks the sorting without JavaScript: the address chooses which
// order of the villages table shows, and the name order shows by default.
func TestVillagesSort(t *testing.T) {
	ctx, srv, col := browser(t)
	s := site(t, mainSite)
	for _, c := range []struct{ fragment, want string }{
		{"", "by-name"}, {"#by-poor-rate", "by-poor-rate"}, {"#by-households", "by-households"}, {"#by-name", "by-name"},
	} {
		p := langPath(s, "vi", "villages/") + c.fragment
		if _, err := visit(ctx, col, srv, p, 1280); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.sorted'))
			.filter(e => getComputedStyle(e).display !== 'none').map(e => e.id)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(shown) != 1 || shown[0] != c.want {
			t.Errorf("%s shows %v, want [%s]", p, shown, c.want)
		}
	}
}
