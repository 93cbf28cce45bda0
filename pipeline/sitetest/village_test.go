package sitetest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// doc parses one page of the built site (a path relative to Out).
func doc(t *testing.T, s *builtSite, rel string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Out, rel))
	if err != nil {
		t.Fatal(err)
	}
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), c)
}

// findAll returns every element under n that match accepts, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

// textOf is an element's text as a reader sees it: visually hidden spans left out,
// white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if hasClass(n, "visually-hidden") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// readCSVRows reads a published CSV of the built site as maps.
func readCSVRows(t *testing.T, s *builtSite, name string) []row {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Out, "data", name))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []row
	for _, r := range recs[1:] {
		m := row{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// shown is how a published figure of a CSV reads on a page in lang: its value, or
// its range ("1–4", "≥ 7"), in the language's number format.
func shown(r row, lang string) string {
	num := vietnamese
	if lang == "en" {
		num = english
	}
	if r["value"] != "" {
		return num(r["value"])
	}
	if r["value_upper"] == "" {
		return "≥ " + num(r["value_lower"])
	}
	if r["value_lower"] == r["value_upper"] {
		return num(r["value_lower"])
	}
	return num(r["value_lower"]) + "–" + num(r["value_upper"])
}

// escapedWords is how a village's escaped total over the plan reads in lang, from
// period-totals.csv.
func escapedWords(r row, lang string) string {
	lo, hi := r["value_lower"], r["value_upper"]
	switch {
	case r["value"] == "0" || (r["value"] == "" && lo == "0" && hi == "0"):
		return map[string]string{"vi": "không có hộ nào thoát nghèo", "en": "no household escaped poverty"}[lang]
	case r["value"] != "" && lang == "vi":
		return "có " + vietnamese(r["value"]) + " hộ thoát nghèo"
	case r["value"] != "":
		return english(r["value"]) + " households escaped poverty"
	case hi == "" && lang == "vi":
		return "có ít nhất " + vietnamese(lo) + " hộ thoát nghèo"
	case hi == "":
		return "at least " + english(lo) + " households escaped poverty"
	case lang == "vi":
		return "có từ " + vietnamese(lo) + " đến " + vietnamese(hi) + " hộ thoát nghèo"
	}
	return "between " + english(lo) + " and " + english(hi) + " households escaped poverty"
}

// TestVillagePagesAnswerTheCitizen reads every village page as a citizen would, in
// both languages, against the open data: the headline gives the latest poverty and
// near-poor rates (value or range, as indicators.csv has them) and the direction in
// words; the plan's escaped total reads as period-totals.csv has it; the trend chart,
// the table of figures and, where the village has them, its multidimensional rows,
// its money and its stories are on the page.
func TestVillagePagesAnswerTheCitizen(t *testing.T) {
	s := site(t, mainSite)
	latest := map[string]map[string]row{} // unit -> indicator -> latest row for all households
	year := ""
	for _, r := range readIndicators(t, s) {
		if r["group"] == "all" && r["year"] >= year {
			year = r["year"]
		}
	}
	for _, r := range readIndicators(t, s) {
		if r["group"] == "all" && r["year"] == year {
			if latest[r["unit_code"]] == nil {
				latest[r["unit_code"]] = map[string]row{}
			}
			latest[r["unit_code"]][r["indicator"]] = r
		}
	}
	escaped := map[string]row{}
	for _, r := range readCSVRows(t, s, "period-totals.csv") {
		if r["group"] == "all" && r["indicator"] == "escaped" && r["plan"] == "2022-2025" {
			escaped[r["unit_code"]] = r
		}
	}
	var portal struct {
		Villages []struct{ Code string }
	}
	readJSON(t, filepath.Join(s.Root, "build", "data", "portal.json"), &portal)
	storied := villagesWithStories(t, s)
	if len(portal.Villages) == 0 || len(storied["vi"]) == 0 {
		t.Fatalf("the sample has %d villages, %d with stories", len(portal.Villages), len(storied["vi"]))
	}
	for _, v := range portal.Villages {
		for _, lang := range []string{"vi", "en"} {
			rel := "villages/" + strings.ToLower(v.Code) + "/index.html"
			if lang == "en" {
				rel = "en/" + rel
			}
			t.Run(rel, func(t *testing.T) {
				page := doc(t, s, rel)
				leads := findAll(page, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "lead") })
				if len(leads) < 2 {
					t.Fatalf("%d lead paragraphs, want the headline and the plan's totals", len(leads))
				}
				head := textOf(leads[0])
				words := map[string][2]string{"vi": {"tỷ lệ hộ nghèo ", "tỷ lệ hộ cận nghèo "}, "en": {"poverty rate ", "near-poor rate "}}[lang]
				for i, ind := range []string{"poor_rate", "near_poor_rate"} {
					want := words[i] + shown(latest[v.Code][ind], lang) + "%"
					if !strings.Contains(head, want) {
						t.Errorf("headline %q does not say %q", head, want)
					}
				}
				if !regexp.MustCompile(`(?i)(giảm|tăng|không đổi|chưa cho biết|chưa có đủ|fallen|risen|same as|cannot tell|not enough)`).MatchString(head) {
					t.Errorf("headline %q gives no direction in words", head)
				}
				e, ok := escaped[v.Code]
				if !ok {
					t.Fatalf("period-totals.csv has no escaped total for %s", v.Code)
				}
				period := findAll(page, func(n *html.Node) bool { return hasClass(n, "period-totals") })
				if len(period) != 1 || !strings.Contains(textOf(period[0]), escapedWords(e, lang)) {
					t.Errorf("the plan's totals do not say %q", escapedWords(e, lang))
				}
				ids := map[string]bool{}
				for _, n := range findAll(page, func(n *html.Node) bool { return attr(n, "id") != "" }) {
					ids[attr(n, "id")] = true
				}
				for _, id := range []string{"trend-title", "village-table", "mpi-title"} {
					if !ids[id] {
						t.Errorf("no #%s", id)
					}
				}
				if len(findAll(page, func(n *html.Node) bool { return n.Data == "svg" })) == 0 {
					t.Error("no chart")
				}
				if storied[lang][v.Code] && !ids["stories-title"] {
					t.Error("the village has stories and its page lists none")
				}
			})
		}
	}
}

// villagesWithStories reads the village of every story in content/stories, by
// language: a story written in Vietnamese only is listed on the Vietnamese page only.
func villagesWithStories(t *testing.T, s *builtSite) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	re := regexp.MustCompile(`(?m)^village:\s*"?([A-Za-z0-9]+)"?\s*$`)
	for _, lang := range []string{"vi", "en"} {
		out[lang] = map[string]bool{}
		files, err := filepath.Glob(filepath.Join(s.Root, "content", "stories", "*", "index."+lang+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if m := re.FindSubmatch(b); m != nil {
				out[lang][string(m[1])] = true
			}
		}
	}
	return out
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// insideMoney reports whether an element is in a section about support and money.
func insideMoney(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Data == "section" && strings.Contains(attr(p, "aria-labelledby"), "money") {
			return true
		}
	}
	return false
}

// TestStoryFactsGivePeriodTotal checks that the fact box of every story whose figures
// include a movement also gives the plan's total of its village, as the village
// page says it: a year's 0 or range never stands alone beside a story about leaving
// poverty.
func TestStoryFactsGivePeriodTotal(t *testing.T) {
	s := site(t, mainSite)
	var totals struct {
		Sentences map[string][]struct {
			Text map[string]string
		}
	}
	readJSON(t, filepath.Join(s.Root, "build", "data", "period_totals.json"), &totals)
	files, _ := filepath.Glob(filepath.Join(s.Root, "content", "stories", "*", "index.vi.md"))
	checked := 0
	for _, f := range files {
		b, _ := os.ReadFile(f)
		m := regexp.MustCompile(`(?m)^village:\s*"?([A-Za-z0-9]+)"?\s*$`).FindSubmatch(b)
		if m == nil || !regexp.MustCompile(`(?m)^indicators:.*"(escaped|newly_poor|relapsed)"`).Match(b) {
			continue
		}
		code := string(m[1])
		rel := filepath.ToSlash(filepath.Join("stories", filepath.Base(filepath.Dir(f)), "index.html"))
		box := findAll(doc(t, s, rel), func(n *html.Node) bool { return hasClass(n, "story-facts") })
		if len(box) != 1 || len(totals.Sentences[code]) == 0 {
			t.Fatalf("%s: %d fact boxes, %d sentences for %s", rel, len(box), len(totals.Sentences[code]), code)
		}
		if want := totals.Sentences[code][0].Text["vi"]; !strings.Contains(textOf(box[0]), want) {
			t.Errorf("%s: the fact box does not give the plan's total %q", rel, want)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no story lists a movement: nothing checked")
	}
}
