package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestVillagesByPoorRateOrder: the villages list ordered by poverty rate is highest
// first by value, a withheld rate counting as its interval's midpoint, so a village
// at 1,2–4,0 is never below one at 0,0 (the reviewer's defect: a range sorted as -1).
func TestVillagesByPoorRateOrder(t *testing.T) {
	s := site(t, mainSite)
	b, err := os.ReadFile(filepath.Join(s.Out, "villages", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	i := strings.Index(page, `id="by-poor-rate"`)
	if i < 0 {
		t.Fatal("no table ordered by poverty rate")
	}
	body := page[i:]
	body = body[strings.Index(body, "<tbody"):strings.Index(body, "</tbody>")]
	cell := regexp.MustCompile(`<td class="num">(?:<span[^>]*>)(?:<a[^>]*>)?(?:<abbr[^>]*>)?([^<]*)<`)
	prev, rows := 1e9, 0
	for _, row := range strings.Split(body, "<tr>")[1:] {
		cells := cell.FindAllStringSubmatch(row, -1)
		if len(cells) < 3 {
			t.Fatalf("row with %d figure cells", len(cells))
		}
		key := midpoint(t, cells[2][1]) // Số hộ, Số hộ nghèo, Tỷ lệ hộ nghèo
		if key > prev {
			t.Errorf("row %d: poverty rate %q sorts after a lower one", rows+1, cells[2][1])
		}
		prev, rows = key, rows+1
	}
	if rows < 2 {
		t.Fatalf("%d rows", rows)
	}
}

// midpoint reads a rate cell as the list orders it: "3,8" is 3.8, "1,2–4,0" is 2.6,
// "≥ 1,2" is 1.2 and anything else (no figure) is -1.
func midpoint(t *testing.T, text string) float64 {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), ".", ""), ",", "."), 64)
		if err != nil {
			return -1
		}
		return v
	}
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "≥"))
	if lo, hi, ok := strings.Cut(text, "–"); ok {
		return (num(lo) + num(hi)) / 2
	}
	return num(text)
}
