package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"golang.org/x/net/html"
)

// TestStoryFactsShowTheClosedReview checks, on every story page in every language,
// that the fact box's first year is the latest review that had closed by the story's
// date (a review year closes in December, so a story of June 2024 was written after
// the 2023 review and before the 2024 one), followed by the latest year: never the
// date's own year when that review had not happened yet (issue 17).
func TestStoryFactsShowTheClosedReview(t *testing.T) {
	s := site(t, mainSite)
	var portal struct {
		Years      []int `json:"years"`
		LatestYear int   `json:"latest_year"`
	}
	readJSON(t, filepath.Join(s.Root, "build", "data", "portal.json"), &portal)
	if portal.LatestYear == 0 {
		t.Fatal("portal.json gives no latest_year")
	}
	dateRe := regexp.MustCompile(`(?m)^date:\s*"?(\d{4})-(\d{2})-(\d{2})`)
	files, _ := filepath.Glob(filepath.Join(s.Root, "content", "stories", "*", "index.*.md"))
	checked := 0
	for _, f := range files {
		b, _ := os.ReadFile(f)
		m := dateRe.FindSubmatch(b)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(string(m[1]))
		closed := y - 1
		if string(m[2]) == "12" && string(m[3]) == "31" {
			closed = y
		}
		want := []int{portal.LatestYear}
		if closed >= portal.Years[0] && closed != portal.LatestYear {
			want = []int{closed, portal.LatestYear}
		}
		lang := filepath.Ext(filepath.Base(f[:len(f)-len(".md")]))[1:]
		rel := filepath.Join("stories", filepath.Base(filepath.Dir(f)), "index.html")
		if lang == "en" {
			rel = filepath.Join("en", rel)
		}
		got := factBoxYears(t, s, rel)
		if !slices.Equal(got, want) {
			t.Errorf("%s (dated %s-%s-%s): fact box years %v, want %v", rel, m[1], m[2], m[3], got, want)
		}
		checked++
	}
	if checked < 2 {
		t.Fatalf("only %d story pages checked", checked)
	}
}

// factBoxYears are the year columns of a story page's fact box table.
func factBoxYears(t *testing.T, s *builtSite, rel string) []int {
	t.Helper()
	box := findAll(doc(t, s, rel), func(n *html.Node) bool { return hasClass(n, "story-facts") })
	if len(box) != 1 {
		t.Fatalf("%s: %d fact boxes", rel, len(box))
	}
	var years []int
	for _, th := range findAll(box[0], func(n *html.Node) bool { return n.Data == "th" && attr(n, "scope") == "col" }) {
		if y, err := strconv.Atoi(textOf(th)); err == nil {
			years = append(years, y)
		}
	}
	return years
}
