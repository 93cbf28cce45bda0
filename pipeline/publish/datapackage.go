package publish

import (
	"path"
	"path/filepath"
	"strings"
)

// Frictionless Data Package v1 (https://specs.frictionlessdata.io/data-package/):
// datapackage.json describes every other file of public/data/ except SHA256SUMS, which
// in turn covers datapackage.json (neither can hold its own hash). Paths are relative
// to public/data/, hashes are "sha256:<hex>" (the spec's default is MD5, other
// algorithms are prefixed with their name), created is the release date, never the
// clock.

type dpField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

type dpSchema struct {
	Fields        []dpField `json:"fields"`
	MissingValues []string  `json:"missingValues"`
	PrimaryKey    []string  `json:"primaryKey,omitempty"`
}

type dpLicense struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dpSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type dpResource struct {
	Profile     string    `json:"profile"`
	Name        string    `json:"name"`
	Path        string    `json:"path"`
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	Format      string    `json:"format"`
	Mediatype   string    `json:"mediatype"`
	Encoding    string    `json:"encoding,omitempty"`
	Bytes       int64     `json:"bytes"`
	Hash        string    `json:"hash"`
	Schema      *dpSchema `json:"schema,omitempty"`
}

type dpPackage struct {
	Profile      string           `json:"profile"`
	Name         string           `json:"name"`
	Title        string           `json:"title"`
	Description  string           `json:"description"`
	Homepage     string           `json:"homepage"`
	Version      string           `json:"version"`
	Created      string           `json:"created"`
	Keywords     []string         `json:"keywords"`
	Licenses     []dpLicense      `json:"licenses"`
	Sources      []dpSource       `json:"sources"`
	Contributors []map[string]any `json:"contributors"`
	Resources    []dpResource     `json:"resources"`
}

var mediatypes = map[string]string{
	"csv":     "text/csv",
	"json":    "application/json",
	"parquet": "application/vnd.apache.parquet",
	"xlsx":    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// schemaFor returns the table schema of a published file, nil for a file that is not
// a table (the JSON files hold the table under "rows", with the release beside it).
func schemaFor(rel string) *dpSchema {
	var cols []column
	var key []string
	ext := path.Ext(rel)
	base := strings.TrimSuffix(rel, ext)
	switch {
	case (base == "indicators" || scaleLevelOf(base) != "") && ext != ".json":
		cols, key = indicatorColumns, []string{"year", "unit_code", "group", "indicator"}
	case ext != ".json" && isPartition(rel):
		cols, key = indicatorColumns, []string{"year", "unit_code", "group", "indicator"}
	case base == "targets" && ext == ".csv":
		cols, key = targetColumns, []string{"id"}
	case base == "targets-units" && ext == ".csv":
		cols, key = unitTargetColumns, []string{"unit_code", "target_id"}
	case base == PeriodTotalsName && ext == ".csv":
		cols, key = periodTotalColumns, []string{"plan", "unit_code", "group", "indicator"}
	case base == "changelog" && ext == ".csv":
		cols = changelogColumns
	case base == "support" && ext != ".json":
		cols, key = supportColumns, []string{"year", "unit_code", "programme", "support_type", "funding_source", "indicator"}
	case rel == "charts/money.csv":
		cols, key = moneyChartColumns, []string{"year", "unit_code", "funding_group"}
	case strings.HasPrefix(rel, "charts/") && ext == ".csv":
		cols, key = chartColumns, []string{"year", "unit_code", "indicator"}
	default:
		return nil
	}
	s := &dpSchema{MissingValues: []string{""}, PrimaryKey: key}
	for _, c := range cols {
		s.Fields = append(s.Fields, dpField{Name: c.Name, Type: c.Type, Title: c.VI, Description: c.EN})
	}
	return s
}

// isPartition reports whether a download is one of a nation's per-province files.
func isPartition(rel string) bool {
	_, ok := partitionOf(rel)
	return ok
}

func resourceName(rel string) string {
	return strings.ToLower(strings.NewReplacer("/", "-", ".", "-", "_", "-").Replace(rel))
}

func (w *writer) datapackage() error {
	root := w.l.Downloads()
	files, err := listFiles(root)
	if err != nil {
		return err
	}
	p := w.in.Portal
	pkg := dpPackage{
		Profile:     "data-package",
		Name:        "poverty-reduction-" + p.Unit.Code,
		Title:       p.Plan.TitleVI,
		Description: p.Plan.TitleEN + ": the figures that follow the plan's targets for " + p.Unit.NameEN + ", computed from the commune's household poverty reviews, with small counts withheld.",
		Homepage:    p.Site.BaseURL + "data/",
		Version:     w.in.Release.Version,
		Created:     w.in.Release.Date + "T00:00:00Z",
		Keywords:    []string{"giảm nghèo", "nghèo đa chiều", "poverty", "multidimensional poverty", p.Unit.NameVI},
		Licenses:    []dpLicense{{"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"}},
		Sources: []dpSource{
			{Title: "Kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm của " + p.Unit.NameVI + " / Annual household poverty reviews of " + p.Unit.NameEN},
			{Title: p.Plan.TitleVI + " / " + p.Plan.TitleEN, Path: p.Site.BaseURL + "about/"},
		},
		Contributors: []map[string]any{{"title": "UBND " + p.Unit.NameVI + " / People's Committee of " + p.Unit.NameEN, "role": "publisher"}},
	}
	if p.Plan.Implements != "" {
		pkg.Sources = append(pkg.Sources, dpSource{Title: p.Plan.Implements})
	}
	if w.in.atScale() {
		pkg.Description = p.Plan.TitleEN + ": the figures for " + p.Unit.NameEN + ", each of its communes and each of their villages, computed from the communes' household poverty reviews, with small counts withheld."
		for _, n := range w.notes {
			pkg.Description += " " + n
		}
	}
	for _, rel := range files {
		if rel == "datapackage.json" || rel == "SHA256SUMS" {
			continue
		}
		size, sum, err := hashFile(filepath.Join(root, rel))
		if err != nil {
			return err
		}
		format := strings.TrimPrefix(path.Ext(rel), ".")
		r := dpResource{
			Profile: "data-resource", Name: resourceName(rel), Path: rel,
			Title: downloadTitle(rel).VI, Description: downloadTitle(rel).EN,
			Format: format, Mediatype: mediatypes[format],
			Bytes: size, Hash: "sha256:" + sum,
		}
		if format == "csv" || format == "json" {
			// The CSVs start with a byte-order mark (see utf8BOM); it is a signature,
			// not another encoding, and Frictionless readers skip it.
			r.Encoding = "utf-8"
		}
		if s := schemaFor(rel); s != nil {
			r.Profile, r.Schema = "tabular-data-resource", s
			if w.in.atScale() {
				for i := range s.Fields {
					if s.Fields[i].Name == "unit_level" {
						s.Fields[i].Title = "Cấp đơn vị: province (tỉnh), commune (xã) hoặc village (thôn)"
						s.Fields[i].Description = "Level of the unit: province, commune or village"
					}
				}
			}
		}
		pkg.Resources = append(pkg.Resources, r)
	}
	b, err := encodeJSON(pkg, "  ")
	if err != nil {
		return err
	}
	return w.download("datapackage.json", b)
}
