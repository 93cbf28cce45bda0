package publish

import (
	"fmt"
	"path/filepath"
	"strings"
)

// page is one generated page in both languages: front matter only.
type page struct {
	path   string // folder under build/content, "" for the home page
	index  string // "_index" for a section, "index" for a leaf page
	titles bilingual
	params map[string]string
	weight int
}

func (w *writer) pages() error {
	p := w.in.Portal
	ps := []page{
		{"", "_index", both("Giảm nghèo bền vững "+p.Unit.NameVI, "Sustainable poverty reduction in "+p.Unit.NameEN), nil, 0},
		{"targets", "_index", both("Mục tiêu", "Targets"), nil, 1},
		{"villages", "_index", both("Các thôn", "Villages"), nil, 2},
		{"groups", "_index", both("Nhóm ưu tiên", "Priority groups"), nil, 3},
		{"movement", "_index", both("Biến động hộ nghèo", "Movement in and out of poverty"), nil, 4},
		{"programmes", "_index", both("Chương trình, dự án", "Programmes"), nil, 5},
		{"money", "_index", both("Hỗ trợ và kinh phí", "Money and support"), nil, 6},
		{"data", "_index", both("Dữ liệu mở", "Open data"), nil, 7},
	}
	ps = append(ps, w.targetPages()...)
	for i, v := range p.Villages {
		ps = append(ps, page{"villages/" + strings.ToLower(v.Code), "index", both(v.NameVI, v.NameEN), map[string]string{"village": v.Code}, i + 1})
	}
	for i, pr := range w.in.Programmes {
		ps = append(ps, page{"programmes/" + slug(pr.Code), "index", both(pr.TitleVI, pr.TitleEN), map[string]string{"programme": pr.Code}, i + 1})
	}
	return w.writePages(ps)
}

// targetPages are the generated pages of the plan's targets, one per target.
func (w *writer) targetPages() []page {
	ps := make([]page, len(w.in.Targets))
	for i, t := range w.in.Targets {
		ps[i] = page{"targets/" + t.ID, "index", both(t.TitleVI, t.TitleEN), map[string]string{"target": t.ID}, i + 1}
	}
	return ps
}

// writePages writes each page's front matter in every language of the site.
func (w *writer) writePages(ps []page) error {
	for _, pg := range ps {
		for _, lang := range w.lang {
			title := pg.titles.VI
			if lang == "en" {
				title = pg.titles.EN
			}
			name := filepath.Join(w.l.BuildContent(), pg.path, pg.index+"."+lang+".md")
			if err := w.write(name, frontMatter(title, pg.weight, pg.params)); err != nil {
				return err
			}
		}
	}
	return nil
}

// slug turns a programme code into a URL segment: "3.1" becomes "3-1".
func slug(code string) string {
	return strings.NewReplacer(".", "-", "_", "-").Replace(code)
}

func frontMatter(title string, weight int, params map[string]string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", title)
	if weight > 0 {
		fmt.Fprintf(&b, "weight: %d\n", weight)
	}
	for _, k := range []string{"target", "village", "programme", "province", "commune", "letter", "successor"} {
		if v, ok := params[k]; ok {
			fmt.Fprintf(&b, "%s: %q\n", k, v)
		}
	}
	b.WriteString("---\n")
	return []byte(b.String())
}
