package publish

import (
	"path"
	"strings"

	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
)

// datapackage.json (see opendata.Package): what publish knows of its files, their
// titles and which table each one holds.

// schemaFor returns the table schema of a published file, nil for a file that is not
// a table. A JSON file holds its table under "rows", with the release beside it (the
// resource's dialect says so); a JSON Lines file is one row object a line.
func schemaFor(rel string) *opendata.TableSchema {
	var cols []column
	var key []string
	ext := path.Ext(rel)
	base := strings.TrimSuffix(rel, ext)
	switch {
	case base == paths.Indicators || scaleLevelOf(base) != "":
		cols, key = indicatorColumns, []string{"year", "unit_code", "group", "indicator"}
	case isPartition(rel):
		cols, key = indicatorColumns, []string{"year", "unit_code", "group", "indicator"}
	case base == paths.Targets && ext != ".xlsx":
		cols, key = targetColumns, []string{"id"}
	case base == paths.TargetsUnits && ext == ".csv":
		cols, key = unitTargetColumns, []string{"unit_code", "target_id"}
	case base == paths.PeriodTotals && ext == ".csv":
		cols, key = periodTotalColumns, []string{"plan", "unit_code", "group", "indicator"}
	case base == paths.Changelog && ext == ".csv":
		cols = changelogColumns
	case base == paths.Support:
		cols, key = supportColumns, []string{"year", "unit_code", "programme", "support_type", "funding_source", "indicator"}
	case rel == paths.Charts+"/money.csv":
		cols, key = moneyChartColumns, []string{"year", "unit_code", "funding_group"}
	case strings.HasPrefix(rel, paths.Charts+"/") && ext == ".csv":
		cols, key = chartColumns, []string{"year", "unit_code", "indicator"}
	default:
		return nil
	}
	return opendata.NewTableSchema(openColumns(cols), key)
}

// isPartition reports whether a download is one of a nation's per-province files.
func isPartition(rel string) bool {
	_, ok := partitionOf(rel)
	return ok
}

func (w *writer) datapackage() error {
	files, err := w.files.List()
	if err != nil {
		return err
	}
	p := w.in.Portal
	pkg := opendata.Package{
		Profile:     "data-package",
		Name:        "poverty-reduction-" + p.Unit.Code,
		Title:       p.Plan.TitleVI,
		Description: p.Plan.TitleEN + ": the figures that follow the plan's targets for " + p.Unit.NameEN + ", computed from the commune's household poverty reviews, with small counts withheld.",
		Homepage:    p.Site.BaseURL + "data/",
		Version:     w.in.Release.Version,
		Created:     w.in.Release.Date + "T00:00:00Z",
		Keywords:    []string{"giảm nghèo", "nghèo đa chiều", "poverty", "multidimensional poverty", p.Unit.NameVI},
		Licenses:    []opendata.License{{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0"}},
		Sources: []opendata.Source{
			{Title: "Kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm của " + p.Unit.NameVI + " / Annual household poverty reviews of " + p.Unit.NameEN},
			{Title: p.Plan.TitleVI + " / " + p.Plan.TitleEN, Path: p.Site.BaseURL + "about/"},
		},
		Contributors: []map[string]any{{"title": "UBND " + p.Unit.NameVI + " / People's Committee of " + p.Unit.NameEN, "role": "publisher"}},
	}
	if p.Plan.Implements != "" {
		pkg.Sources = append(pkg.Sources, opendata.Source{Title: p.Plan.Implements})
	}
	if w.in.atScale() {
		pkg.Description = p.Plan.TitleEN + ": the figures for " + p.Unit.NameEN + ", each of its communes and each of their villages, computed from the communes' household poverty reviews, with small counts withheld."
		for _, n := range w.notes {
			pkg.Description += " " + n
		}
	}
	for _, f := range files {
		if f.Path == opendata.PackageFile || f.Path == opendata.SumsFile {
			continue
		}
		title := downloadTitle(f.Path)
		pkg.Resources = append(pkg.Resources, opendata.NewResource(f, title.VI, title.EN, w.scaleSchema(schemaFor(f.Path))))
	}
	b, err := encodeJSON(pkg, "  ")
	if err != nil {
		return err
	}
	return w.download(opendata.PackageFile, b)
}

// scaleSchema is s with unit_level described for a province's or a nation's levels.
func (w *writer) scaleSchema(s *opendata.TableSchema) *opendata.TableSchema {
	if s == nil || !w.in.atScale() {
		return s
	}
	for i := range s.Fields {
		if s.Fields[i].Name == "unit_level" {
			s.Fields[i].Title = "Cấp đơn vị: province (tỉnh), commune (xã) hoặc village (thôn)"
			s.Fields[i].Description = "Level of the unit: province, commune or village"
		}
	}
	return s
}
