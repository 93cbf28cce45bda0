package publish

import (
	"path"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/paths"
)

// APIVersion is the version of the JSON API under public/api/. Fields may be added
// within a version; none is renamed or removed.
const APIVersion = paths.APIVersion

// The API: small static JSON files for people who build on the data.
//
//	api/v1/index.json          the release, the licence, and the list of files below
//	api/v1/units/<code>.json   every figure of a unit (the commune or a village):
//	                           figures[group][indicator] is a series in year order
//	api/v1/targets/<id>.json   one target: its progress components and its series
//
// Figures are the same objects as in the site's figures.json (value, numerator,
// denominator, unit_of_measure, flag and the text shown on the page), protected the
// same way as every other download.
func (w *writer) api() error {
	p := w.in.Portal
	root := w.l.API()
	figs := w.figures()
	type unitRef struct {
		Code  string    `json:"code"`
		Level string    `json:"level"`
		Name  bilingual `json:"name"`
		Path  string    `json:"path"`
	}
	type targetRef struct {
		ID        string    `json:"id"`
		Title     bilingual `json:"title"`
		Indicator string    `json:"indicator"`
		Path      string    `json:"path"`
	}
	units := []unitRef{{p.Unit.Code, p.Unit.Level, both(p.Unit.NameVI, p.Unit.NameEN), paths.UnitFile(p.Unit.Code)}}
	for _, v := range p.Villages {
		units = append(units, unitRef{v.Code, "village", both(v.NameVI, v.NameEN), paths.UnitFile(v.Code)})
	}
	for _, u := range units {
		groups := figs[u.Code]
		if groups == nil {
			groups = map[string]map[string][]figureJSON{}
		}
		doc := map[string]any{
			"api": APIVersion, "release": w.in.Release, "license": "CC-BY-4.0",
			"unit":  map[string]any{"code": u.Code, "level": u.Level, "name": u.Name},
			"years": w.in.Years, "figures": groups,
		}
		if err := w.apiFile(filepath.Join(root, u.Path), doc); err != nil {
			return err
		}
	}
	var targets []targetRef
	for _, t := range w.targets() {
		ref := targetRef{t.ID, t.Title, t.Indicator, paths.TargetFile(t.ID)}
		targets = append(targets, ref)
		doc := map[string]any{"api": APIVersion, "release": w.in.Release, "license": "CC-BY-4.0", "target": t}
		if err := w.apiFile(filepath.Join(root, ref.Path), doc); err != nil {
			return err
		}
	}
	if targets == nil {
		targets = []targetRef{}
	}
	index := map[string]any{
		"api": APIVersion, "release": w.in.Release,
		"license":  map[string]string{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"},
		"citation": both(w.citation("vi"), w.citation("en")),
		"units":    units, "targets": targets,
		"downloads": path.Join("..", "..", paths.DownloadsDir, "datapackage.json"),
	}
	return w.apiFile(filepath.Join(root, "index.json"), index)
}

func (w *writer) apiFile(path string, v any) error {
	b, err := encodeJSON(v, " ")
	if err != nil {
		return err
	}
	return w.write(path, b)
}
