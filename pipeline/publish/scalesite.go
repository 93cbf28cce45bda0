package publish

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
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

// nationSite writes what Hugo needs for a nation's site: as scaleSite, the units'
// data files having been written with each province's downloads.
func (w *writer) nationSite() error {
	for _, step := range []func() error{w.data, w.scalePages, w.charts, w.chartData} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// unitFile is data/units/<commune>.json: the commune's villages in registry order
// (code and name) and the figures of the commune and its villages.
type unitFile struct {
	Villages []unitName   `json:"villages"`
	Figures  unitFigures  `json:"figures"`
	Targets  []unitTarget `json:"targets,omitempty"`
}

type unitName struct {
	Code string    `json:"code"`
	Name bilingual `json:"name"`
}

// unitFiles writes data/units/<commune>.json for a province's communes.
func (w *writer) unitFiles() error {
	return w.unitFilesOf(w.in.Table, w.in.Portal.Unit.Code)
}

// unitFilesOf writes data/units/<commune>.json for the communes of a province, from
// the table that holds them.
func (w *writer) unitFilesOf(t *indicator.Table, province string) error {
	for _, c := range w.in.Registry.Communes(province) {
		out := unitFigures{}
		file := unitFile{Villages: []unitName{}, Figures: out}
		units := []string{c.Code}
		for _, v := range w.in.Registry.Children(c.Code) {
			units = append(units, v.Code)
			file.Villages = append(file.Villages, unitName{v.Code, both(v.NameVI, v.NameEN)})
		}
		for i, u := range units {
			out[u] = map[string]map[string][]figureJSON{groupAll: w.siteSeries(t, u, i > 0)}
		}
		file.Targets = w.unitTargets(c.Code)
		if err := w.jsonFile(paths.UnitFile(c.Code), file); err != nil {
			return err
		}
	}
	return nil
}

// scalePages writes the pages of a province or a nation: home, the targets, the
// priority groups, movement and open data of the whole, /communes/ (the A-Z list,
// "find your commune") and /communes/<code>/ for every commune, with the
// villages of each listed in a param so the page can show their figures without a
// page of their own; a nation adds /provinces/ and a page per province listing its
// communes.
func (w *writer) scalePages() error {
	p := w.in.Portal
	r := w.in.Registry
	communes := alphabetical(r.Communes(p.Unit.Code))
	ps := []page{
		{"", "_index", both("Giảm nghèo bền vững "+p.Unit.NameVI, "Sustainable poverty reduction in "+p.Unit.NameEN), nil, 0},
		{"communes", "_index", both("Tìm xã của bạn", "Find your commune"), nil, 1},
		{"targets", "_index", both("Mục tiêu", "Targets"), nil, 2},
		{"groups", "_index", both("Nhóm ưu tiên", "Priority groups"), nil, 4},
		{"movement", "_index", both("Biến động hộ nghèo", "Movement in and out of poverty"), nil, 5},
		{"data", "_index", both("Dữ liệu mở", "Open data"), nil, 9},
	}
	ps = append(ps, w.targetPages()...)
	nation := p.Unit.Level == config.LevelNation
	if nation {
		ps = append(ps, page{"provinces", "_index", both("Các tỉnh, thành phố", "Provinces and cities"), nil, 3})
		var provinces []config.AdminUnit
		for _, u := range r.Children(p.Unit.Code) {
			if u.Level == config.LevelProvince {
				provinces = append(provinces, u)
			}
		}
		for i, pr := range alphabetical(provinces) {
			ps = append(ps, page{"provinces/" + strings.ToLower(pr.Code), "index", both(pr.NameVI, pr.NameEN), map[string]string{"province": pr.Code}, i + 1})
		}
	}
	for i, c := range communes {
		params := map[string]string{"commune": c.Code, "letter": initial(listedName(c.NameVI))}
		if c.Successor != "" {
			params["successor"] = c.Successor
		}
		if nation {
			params["province"] = provinceOf(r, c)
		}
		ps = append(ps, page{"communes/" + strings.ToLower(c.Code), "index", both(c.NameVI, c.NameEN), params, i + 1})
	}
	return w.writePages(ps)
}

// alphabetical sorts units in Vietnamese alphabetical order of their names, then by
// code.
func alphabetical(units []config.AdminUnit) []config.AdminUnit {
	out := append([]config.AdminUnit(nil), units...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := collationKey(listedName(out[i].NameVI)), collationKey(listedName(out[j].NameVI))
		if a != b {
			return a < b
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// provinceOf is the code of the province a unit is in ("" if none).
func provinceOf(r *config.Registry, u config.AdminUnit) string {
	for u.Level != config.LevelProvince {
		parent, ok := r.Unit(u.Parent)
		if !ok {
			return ""
		}
		u = parent
	}
	return u.Code
}

// levelWords are the words that open a unit's official name and say its level, as
// "xã Minh Tiến" or "Phường 1": a person looks the unit up by what follows them.
// Longer words come first so that "thị trấn" is not read as "thị".
var levelWords = []string{"thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"}

// listedName is the name a unit is sorted and lettered by in an A-Z list: its name
// without the level word it starts with ("xã Minh Tiến" is listed under M). A name
// that is only a level word and a number ("Phường 1") keeps its level word, which is
// then all there is to look it up by.
func listedName(name string) string {
	trimmed := strings.TrimSpace(name)
	folded := strings.ToLower(norm.NFC.String(trimmed))
	for _, w := range levelWords {
		rest, ok := strings.CutPrefix(folded, w+" ")
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if rest == "" || unicode.IsDigit([]rune(rest)[0]) {
			return trimmed
		}
		return strings.TrimSpace(norm.NFC.String(trimmed)[len(w)+1:])
	}
	return trimmed
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
