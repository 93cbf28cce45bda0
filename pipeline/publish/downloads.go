package publish

import (
	"bytes"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
)

// Download is one file of the open data, as listed on the data page.
type Download struct {
	Path   string    `json:"path"`
	Bytes  int64     `json:"bytes"`
	SHA256 string    `json:"sha256"`
	Format string    `json:"format"`
	Title  bilingual `json:"title"`
}

// indicatorsCSV is indicators.csv; it does not depend on the release, so it can
// identify one.
func (w *writer) indicatorsCSV() ([]byte, error) {
	var b bytes.Buffer
	c, err := opendata.NewCSV(&b, IndicatorColumns)
	if err != nil {
		return nil, err
	}
	if err := c.Table(w.indicatorTable(w.in.Table.Figures)); err != nil {
		return nil, err
	}
	if err := c.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// download writes a whole file of the open data; name is relative to it.
func (w *writer) download(name string, b []byte) error {
	return w.files.WriteFile(filepath.ToSlash(name), b)
}

// release is the release the open-data files carry.
func (w *writer) release() opendata.Release { return opendata.Release(w.in.Release) }

// downloads writes indicators.csv, .json, .parquet and .xlsx, and the targets.
func (w *writer) downloads() error {
	if err := w.files.WriteTables(w.indicatorOutput(paths.Indicators, w.indicatorTable(w.in.Table.Figures))); err != nil {
		return err
	}
	return w.targetDownloads()
}

// indicatorNullable says which columns of the indicator tables may be empty: the
// value and the published numerator and denominator (flag is "", not null).
func indicatorNullable(c opendata.Column) bool {
	return c.Name == "value" || c.Name == "numerator" || c.Name == "denominator" || c.Name == "value_lower" || c.Name == "value_upper"
}

// indicatorSheet lays out indicators.xlsx: column widths, each value displayed with
// the decimals the site uses for its unit of measure, and the indicator list on the
// README.
// measureColumn is the index of unit_of_measure in indicatorColumns.
var measureColumn = slices.IndexFunc(indicatorColumns, func(c column) bool { return c.Name == "unit_of_measure" })

func (w *writer) indicatorSheet(t *opendata.Table) *xlsxSheet {
	format := func(decimals int) string {
		if decimals == 0 {
			return "0"
		}
		return "0." + strings.Repeat("0", decimals)
	}
	readme := [][]any{{"Chỉ số / Indicator", "Đơn vị đo / Unit of measure", "Ý nghĩa", "Meaning"}}
	for _, d := range w.in.Table.Catalogue() {
		readme = append(readme, []any{d.Code, d.Measure, d.VI, d.EN})
	}
	return &xlsxSheet{
		name:     xlsxDataSheet,
		subject:  "Số liệu giảm nghèo bền vững / Sustainable poverty-reduction figures",
		keywords: "giảm nghèo; poverty; " + w.in.Portal.Unit.Code,
		widths:   []float64{8, 10, 10, 18, 16, 30, 10, 11, 12, 15, 13, 12, 12, 12},
		// The decimals of indicator.Figure.Decimals.
		numFmts: []string{format(0), format(1), format(3)},
		numFmt: func(i, j int) string {
			if col := t.Columns[j].Name; col != "value" && col != "value_lower" && col != "value_upper" {
				return ""
			}
			measure := t.Vectors[measureColumn].(*opendata.Strings).At(i)
			return format((&indicator.Figure{Measure: measure}).Decimals())
		},
		readme:       readme,
		boldRows:     []string{"Cột / Column", "Chỉ số / Indicator"},
		readmeWidths: []float64{30, 40, 60, 60},
	}
}

// checksums lists every download with its size and SHA-256, in SHA256SUMS (which
// `sha256sum -c` reads in public/data/) and in downloads.json for the data page.
// SHA256SUMS covers every other file of public/data/, datapackage.json included.
func (w *writer) checksums() error {
	files, err := w.files.WriteSums()
	if err != nil {
		return err
	}
	var list []Download
	for _, f := range files {
		if rel := f.Path; isPartition(rel) || !strings.Contains(rel, "/") {
			list = append(list, Download{Path: "data/" + rel, Bytes: f.Bytes, SHA256: f.SHA256, Format: opendata.Format(rel), Title: downloadTitle(rel)})
		}
	}
	// The data page lists the main table first (then, at scale, its per-level files),
	// then targets, changes and the package, and a nation's per-province files last.
	rank := func(d Download) int {
		for i, prefix := range []string{"data/indicators.", "data/indicators-", "data/targets.", "data/targets-units.", "data/support.", "data/" + paths.PeriodTotals + ".", "data/changelog.", "data/datapackage.", "data/" + paths.ByProvince + "/"} {
			if !strings.HasPrefix(d.Path, prefix) {
				continue
			}
			// The per-level files from the top level down.
			if level := scaleLevelOf(strings.TrimSuffix(strings.TrimPrefix(d.Path, "data/"), filepath.Ext(d.Path))); level != "" {
				return 10*i + slices.Index(scaleLevels, level)
			}
			return 10 * i
		}
		return 999
	}
	sort.SliceStable(list, func(i, j int) bool { return rank(list[i]) < rank(list[j]) })
	return w.jsonFile("downloads.json", downloadViews(list))
}

func downloadTitle(rel string) bilingual {
	if chart, ok := strings.CutPrefix(rel, paths.Charts+"/"); ok {
		name := strings.TrimSuffix(chart, ".csv")
		return both("Số liệu của biểu đồ "+name, "Data of the chart "+name)
	}
	if code, ok := partitionOf(rel); ok {
		return both("Tất cả chỉ số của tỉnh "+code+", các xã và các thôn", "Every indicator of province "+code+", its communes and its villages")
	}
	base := strings.TrimSuffix(rel, filepath.Ext(rel))
	if level := scaleLevelOf(base); level != "" {
		return levelTitle(level)
	}
	switch base {
	case paths.Indicators:
		return both("Tất cả chỉ số theo năm, đơn vị và nhóm", "Every indicator by year, unit and group")
	case paths.Targets:
		return both("Mục tiêu và tiến độ", "Targets and progress")
	case paths.TargetsUnits:
		return both("Tiến độ của từng xã (và từng tỉnh) so với các mục tiêu", "Each commune's (and province's) progress towards the targets")
	case paths.Support:
		return both("Hỗ trợ đã thực hiện và kinh phí theo chương trình, loại hỗ trợ, nguồn vốn, thôn và năm", "Support delivered and money spent by programme, support type, funding source, village and year")
	case paths.PeriodTotals:
		return both("Tổng số hộ thoát nghèo, nghèo phát sinh, tái nghèo trong cả giai đoạn kế hoạch", "Households escaped, newly poor and relapsed over each plan period")
	case paths.Changelog:
		return both("Những số liệu thay đổi giữa các bản phát hành", "Figures that changed between releases")
	case strings.TrimSuffix(opendata.PackageFile, ".json"):
		return both("Mô tả gói dữ liệu (Frictionless)", "Data package description (Frictionless)")
	}
	return both(rel, rel)
}
