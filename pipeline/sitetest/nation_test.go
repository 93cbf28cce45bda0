package sitetest

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// nationSite is a tiny nation (4 communes of 3 villages, one per synthetic
// province, five reviews) built with its site.
var nationSite = &builtSite{baseURL: "", minPages: 12, prepare: func(l paths.Layout) error { return writeTinyScale(l, tinyNation()) }}

func tinyNation() sample.Scale {
	s := sample.National
	s.Communes, s.Households = 4, 2000
	s.MinVillages, s.MaxVillages = 3, 3
	return s
}

// TestNationSite builds a tiny nation with its site: the provinces' list links every
// province page, each province page links its communes and shows a row per commune,
// each commune page names and links its province, and every internal link resolves,
// in both languages; the header names the country without a People's Committee.
func TestNationSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a nation's site; skipped with -short")
	}
	s := site(t, nationSite)
	sc := tinyNation()
	communes := sample.Units(sc, 7)
	for _, prefix := range []string{"", "en/"} {
		list, err := os.ReadFile(filepath.Join(s.Out, prefix+"provinces", "index.html"))
		if err != nil {
			t.Fatalf("the provinces' list (%s): %v", prefix, err)
		}
		for i, c := range communes {
			province := sample.ProvinceOf(sc, i)
			plink := `href="` + s.Prefix + prefix + "provinces/" + province + `/"`
			if !bytes.Contains(list, []byte(plink)) {
				t.Errorf("%sprovinces/ lacks %s", prefix, plink)
			}
			page, err := os.ReadFile(filepath.Join(s.Out, prefix+"provinces", province, "index.html"))
			if err != nil {
				t.Errorf("province page: %v", err)
				continue
			}
			clink := `href="` + s.Prefix + prefix + "communes/" + strings.ToLower(c.Code) + `/"`
			if !bytes.Contains(page, []byte(clink)) {
				t.Errorf("%sprovinces/%s lacks %s", prefix, province, clink)
			}
			cpage, err := os.ReadFile(filepath.Join(s.Out, prefix+"communes", strings.ToLower(c.Code), "index.html"))
			if err != nil {
				t.Errorf("commune page: %v", err)
				continue
			}
			if !bytes.Contains(cpage, []byte(plink)) {
				t.Errorf("%scommunes/%s does not link its province (%s)", prefix, c.Code, plink)
			}
		}
	}
	for page, wrong := range map[string]string{"index.html": "Ủy ban nhân dân Việt Nam", "en/index.html": "People's Committee of Viet Nam"} {
		b, err := os.ReadFile(filepath.Join(s.Out, page))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(wrong)) || bytes.Contains(b, []byte("Committee of Viet Nam")) {
			t.Errorf("%s names %q: the country has no People's Committee", page, wrong)
		}
	}
	for _, p := range checkLinks(t, s) {
		t.Error(p)
	}
}

// TestUnitTargets: at scale every commune and province page assesses the plan's
// targets from the unit's own figures; the poor-rate target is measured, and its
// latest value on the page is the unit's latest published poor-household rate.
func TestUnitTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a nation's site; skipped with -short")
	}
	s := site(t, nationSite)
	sc := tinyNation()
	c := sample.Units(sc, 7)[0]
	province := sample.ProvinceOf(sc, 0)
	// The latest published poor-household rate of each unit, from its province's file.
	latest := map[string]string{}
	rows := readCSVFile(t, filepath.Join(s.Out, "data", "by-province", "indicators-"+province+".csv"))
	for _, r := range rows[1:] {
		if r[4] == "all" && r[5] == "poor_rate" && r[6] != "" {
			latest[r[2]] = strings.ReplaceAll(r[6], ".", ",") + ` <span class="meta">(` + r[0] + ")</span>"
		}
	}
	for code, page := range map[string]string{c.Code: "communes/" + strings.ToLower(c.Code), province: "provinces/" + province} {
		b, err := os.ReadFile(filepath.Join(s.Out, page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		i := strings.Index(html, "Tiến độ so với mục tiêu của kế hoạch")
		if i < 0 {
			t.Errorf("%s has no targets section", page)
			continue
		}
		section := html[i:]
		if end := strings.Index(section, "</table>"); end > 0 {
			section = section[:end]
		}
		if !strings.Contains(section, "Tỷ lệ hộ nghèo") || !strings.Contains(section, `class="status status--`) {
			t.Errorf("%s: the targets table has no poor-rate row with a status:\n%s", page, section)
		}
		if want := latest[code]; want == "" || !strings.Contains(section, want) {
			t.Errorf("%s: the poor rate's latest value is not %q", page, want)
		}
		if strings.Contains(section, "status_not_yet_measured") {
			t.Errorf("%s: untranslated status", page)
		}
	}
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
