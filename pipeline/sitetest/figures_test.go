package sitetest

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// row is one line of the published indicators.csv.
type row map[string]string

func readIndicators(t *testing.T, s *builtSite) []row {
	t.Helper()
	f, err := os.Open(filepath.Join(s.Out, "data", "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	var out []row
	for _, r := range recs[1:] {
		m := row{}
		for i, h := range header {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// k is the published disclosure threshold.
func k(t *testing.T, s *builtSite) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Root, "build", "data", "portal.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ K int }
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	return p.K
}

func protected(r row) bool { return r["unit_level"] != "commune" || r["group"] != "all" }

// TestNoSmallCountPublished scans the open data and the JSON API of the built sample
// site: no count of households or people from 1 to k-1 at village or group level, in
// any published numerator, denominator or count.
func TestNoSmallCountPublished(t *testing.T) {
	s := site(t, mainSite)
	kk := k(t, s)
	small := func(v string) bool {
		n, err := strconv.Atoi(v)
		return err == nil && n >= 1 && n < kk
	}
	for _, r := range readIndicators(t, s) {
		if !protected(r) {
			continue
		}
		where := fmt.Sprintf("%s %s %s %s", r["year"], r["unit_code"], r["group"], r["indicator"])
		if r["unit_of_measure"] == "households" || r["unit_of_measure"] == "people" {
			if small(r["value"]) || small(r["numerator"]) {
				t.Errorf("indicators.csv publishes a count below %d: %s = %s", kk, where, r["value"])
			}
		}
		if r["flag"] == "" && (r["unit_of_measure"] == "percent") && (small(r["numerator"]) || small(r["denominator"])) {
			t.Errorf("indicators.csv publishes a rate built on a count below %d: %s (%s/%s)", kk, where, r["numerator"], r["denominator"])
		}
		if r["flag"] == "suppressed" && (r["value"] != "" || r["numerator"] != "") {
			t.Errorf("a withheld figure still shows its value or numerator: %s", where)
		}
	}
	// The JSON API carries the same figures; none may be a small count either.
	units, _ := filepath.Glob(filepath.Join(s.Out, "api", "v1", "units", "*.json"))
	if len(units) == 0 {
		t.Fatal("no unit file in the API")
	}
	num := regexp.MustCompile(`"(numerator|denominator)":\s*([0-9]+)`)
	for _, u := range units {
		b, err := os.ReadFile(u)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(u, "12424.json") {
			continue // the commune's all-households figures are always published
		}
		for _, m := range num.FindAllSubmatch(b, -1) {
			if small(string(m[2])) {
				t.Errorf("%s publishes a %s of %s", filepath.Base(u), m[1], m[2])
				break
			}
		}
	}
}

// TestNoWithheldCellRecoverable checks, over the published CSV, that no withheld
// count can be worked out from the commune total minus the villages: in every sum of
// villages and their commune, either nothing is withheld or at least two cells are.
func TestNoWithheldCellRecoverable(t *testing.T) {
	s := site(t, mainSite)
	type key struct{ year, group, indicator string }
	hidden := map[key]int{}
	for _, r := range readIndicators(t, s) {
		if r["flag"] == "not_available" {
			continue
		}
		k := key{r["year"], r["group"], r["indicator"]}
		if _, ok := hidden[k]; !ok {
			hidden[k] = 0
		}
		if r["flag"] == "suppressed" {
			hidden[k]++
		}
	}
	for k, n := range hidden {
		if n == 1 {
			t.Errorf("%v: exactly one cell withheld; the others give it away", k)
		}
	}
}

// TestCommuneFiguresOnThePage checks that every commune figure of indicators.csv is
// printed, identically, on the commune's figures page in both languages.
func TestCommuneFiguresOnThePage(t *testing.T) {
	s := site(t, mainSite)
	pages := map[string]string{}
	for lang, p := range map[string]string{"vi": "figures/index.html", "en": "en/figures/index.html"} {
		b, err := os.ReadFile(filepath.Join(s.Out, p))
		if err != nil {
			t.Fatal(err)
		}
		pages[lang] = string(b)
	}
	// A cell is the figure's text: plain, or inside an <abbr> for a withheld or
	// missing figure (whose explanation follows in a visually hidden span).
	cell := regexp.MustCompile(`<td class="num"><span class="fig[^"]*">(?:<a [^>]*>)?(?:<abbr [^>]*>)?([^<]*)<`)
	rows := map[string]map[string][]string{"vi": {}, "en": {}}
	rowRE := regexp.MustCompile(`(?s)<tr id="ind-([a-z0-9_]+)">(.*?)</tr>`)
	for lang, page := range pages {
		for _, m := range rowRE.FindAllStringSubmatch(page, -1) {
			for _, c := range cell.FindAllStringSubmatch(m[2], -1) {
				rows[lang][m[1]] = append(rows[lang][m[1]], c[1])
			}
		}
	}
	years := map[string]int{}
	n := 0
	for _, r := range readIndicators(t, s) {
		if r["unit_level"] != "commune" || r["group"] != "all" {
			continue
		}
		if _, ok := years[r["year"]]; !ok {
			years[r["year"]] = len(years)
		}
		i := years[r["year"]]
		for _, lang := range []string{"vi", "en"} {
			cells := rows[lang][r["indicator"]]
			if i >= len(cells) {
				t.Errorf("%s: %s %s is not on the figures page", lang, r["indicator"], r["year"])
				continue
			}
			want := r["value"]
			switch {
			case r["flag"] != "":
				continue // withheld or missing: checked by TestNoSmallCountPublished
			case lang == "vi":
				want = vietnamese(want)
			default:
				want = english(want)
			}
			if cells[i] != want {
				t.Errorf("%s: %s %s is %q on the page, %q in indicators.csv", lang, r["indicator"], r["year"], cells[i], want)
			}
		}
		n++
	}
	if n < 100 {
		t.Fatalf("only %d commune figures checked", n)
	}
}

// vietnamese writes a CSV number as the Vietnamese pages do: decimal comma, thousands
// grouped with dots.
func vietnamese(v string) string {
	whole, frac, hasFrac := strings.Cut(v, ".")
	out := group(whole, ".")
	if hasFrac {
		out += "," + frac
	}
	return out
}

func english(v string) string {
	whole, frac, hasFrac := strings.Cut(v, ".")
	out := group(whole, ",")
	if hasFrac {
		out += "." + frac
	}
	return out
}

func group(whole, sep string) string {
	if len(whole) <= 3 {
		return whole
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
