package publish

import (
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/minhtien/portal/pipeline/config"
)

// siteIndicators are the indicators a province's commune pages show, for each commune
// and its villages. The site reads only these: the downloads hold every figure.
var siteIndicators = []string{"poor_rate", "poor_households", "near_poor_rate", "near_poor_households", "households"}

// unitFigures is the shape of figures.json and of build/data/units/<code>.json:
// unit, group, indicator, series in year order.
type unitFigures = map[string]map[string]map[string][]figureJSON

// scaleSite writes what Hugo needs for a province's site:
//
//   - data/portal.json, targets.json, programmes.json and figures.json as for a
//     commune, figures.json holding the province's own figures only;
//   - data/units/<commune>.json, one file per commune with the site indicators of the
//     commune and its villages (group "all"), so that each commune page reads a few
//     kilobytes through hugo.Data.units instead of one file of every unit;
//   - the pages (front matter only): home, the A-Z list of communes, one page per
//     commune and the province's targets, in each language;
//   - the charts of the home page.
func (w *writer) scaleSite() error {
	if err := w.data(); err != nil {
		return err
	}
	if err := w.unitFiles(); err != nil {
		return err
	}
	if err := w.scalePages(); err != nil {
		return err
	}
	if err := w.charts(); err != nil {
		return err
	}
	return w.chartData()
}

// unitFile is data/units/<commune>.json: the commune's villages in registry order
// (code and name) and the figures of the commune and its villages.
type unitFile struct {
	Villages []unitName  `json:"villages"`
	Figures  unitFigures `json:"figures"`
}

type unitName struct {
	Code string    `json:"code"`
	Name bilingual `json:"name"`
}

// unitFiles writes data/units/<commune>.json.
func (w *writer) unitFiles() error {
	top := w.in.Portal.Unit.Code
	for _, c := range w.in.Registry.Communes(top) {
		out := unitFigures{}
		file := unitFile{Villages: []unitName{}, Figures: out}
		units := []string{c.Code}
		for _, v := range w.in.Registry.Children(c.Code) {
			units = append(units, v.Code)
			file.Villages = append(file.Villages, unitName{v.Code, both(v.NameVI, v.NameEN)})
		}
		for _, u := range units {
			g := map[string][]figureJSON{}
			for _, ind := range siteIndicators {
				if s := w.series(u, groupAll, ind); s != nil {
					g[ind] = s
				}
			}
			out[u] = map[string]map[string][]figureJSON{groupAll: g}
		}
		if err := w.jsonFile(filepath.Join("units", c.Code+".json"), file); err != nil {
			return err
		}
	}
	return nil
}

// scalePages writes the pages of a province: home, /communes/ (the A-Z list, "find
// your commune") and /communes/<code>/ for every commune, with the villages of each
// listed in a param so the page can show their figures without a page of their own.
func (w *writer) scalePages() error {
	p := w.in.Portal
	communes := append([]config.AdminUnit(nil), w.in.Registry.Communes(p.Unit.Code)...)
	sort.SliceStable(communes, func(i, j int) bool {
		a, b := collationKey(communes[i].NameVI), collationKey(communes[j].NameVI)
		if a != b {
			return a < b
		}
		return communes[i].Code < communes[j].Code
	})
	ps := []page{
		{"", "_index", both("Giảm nghèo bền vững "+p.Unit.NameVI, "Sustainable poverty reduction in "+p.Unit.NameEN), nil, 0},
		{"communes", "_index", both("Tìm xã của bạn", "Find your commune"), nil, 1},
		{"targets", "_index", both("Mục tiêu", "Targets"), nil, 2},
	}
	ps = append(ps, w.targetPages()...)
	for i, c := range communes {
		params := map[string]string{"commune": c.Code, "letter": initial(c.NameVI)}
		if c.Successor != "" {
			params["successor"] = c.Successor
		}
		ps = append(ps, page{"communes/" + strings.ToLower(c.Code), "index", both(c.NameVI, c.NameEN), params, i + 1})
	}
	return w.writePages(ps)
}

// initial is the letter a name is listed under in the A-Z list: its first letter
// without tone or vowel marks ("Ấp" under A), except Đ, a letter of its own in the
// Vietnamese alphabet.
func initial(name string) string {
	for _, r := range norm.NFD.String(strings.TrimSpace(name)) {
		if r == 'đ' || r == 'Đ' {
			return "Đ"
		}
		return string(unicode.ToUpper(r))
	}
	return "#"
}

// vowelMarks are the combining marks that make a letter of the Vietnamese alphabet
// (ă, â, ê, ô, ơ, ư), with the digit collationKey gives them; tone marks are not here.
var vowelMarks = map[rune]byte{0x0306: '1', 0x0302: '2', 0x031B: '3'}

// collationKey sorts names in the order of the Vietnamese alphabet (a ă â b c d đ e
// ê ... o ô ơ ... u ư ...), case folded, tone marks ignored: each letter is followed
// by a digit for its vowel mark (0 none, 1 breve, 2 circumflex, 3 horn; đ is d1).
func collationKey(name string) string {
	b := []byte{}
	for _, r := range norm.NFD.String(name) {
		switch {
		case r == 'đ' || r == 'Đ':
			b = append(b, 'd', '1')
		case unicode.Is(unicode.Mn, r):
			if mark := vowelMarks[r]; mark != 0 && len(b) > 0 {
				b[len(b)-1] = mark
			}
		default:
			b = append(b, string(unicode.ToLower(r))...)
			b = append(b, '0')
		}
	}
	return string(b)
}

// groupAll is the group of every household.
const groupAll = "all"
