package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// Download is one file of the open data, as listed on the data page.
type Download struct {
	Path   string    `json:"path"`
	Bytes  int64     `json:"bytes"`
	SHA256 string    `json:"sha256"`
	Format string    `json:"format"`
	Title  bilingual `json:"title"`
}

// CSV choices, for Excel, LibreOffice, pandas, R and DuckDB to open the files with
// nothing to fix:
//
//   - UTF-8 with a byte-order mark. Excel (Windows and Mac) opens a double-clicked
//     .csv in the legacy code page unless it starts with the UTF-8 BOM, which turns
//     "xã Minh Tiến" into mojibake; with the BOM it reads UTF-8. Readers that skip the
//     BOM: pandas.read_csv (checked with pandas 1.5, C and python engines: the first
//     column is "year"), DuckDB's CSV reader (since duckdb/duckdb#1573 and #3014),
//     R's readr, LibreOffice (it preselects UTF-8) and Frictionless. Python's own csv
//     module does not: with encoding="utf-8" the first header reads "\ufeffyear", with
//     "utf-8-sig" it reads "year" (checked); the data page says so. The JSON files
//     carry no BOM: JSON forbids one and DuckDB's JSON reader rejects it.
//   - CRLF line endings, as RFC 4180 and the default Frictionless dialect specify, so
//     datapackage.json needs no dialect; every CSV reader above accepts them.
//   - Comma separator and "." decimal point whatever the language, numbers without
//     thousands separators, empty cells for missing values.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func (w *writer) unitName(code string) string {
	p := w.in.Portal
	if code == p.Unit.Code {
		return p.Unit.NameVI
	}
	if w.in.atScale() {
		if name, ok := w.scaleUnitName(code); ok {
			return name
		}
	}
	if v, ok := p.Village(code); ok {
		return v.NameVI
	}
	return code
}

// indicatorRows returns every figure in table order, as published.
func (w *writer) indicatorRows() []tableRow {
	out := make([]tableRow, 0, len(w.in.Table.Figures))
	for i := range w.in.Table.Figures {
		out = append(out, w.indicatorRow(&w.in.Table.Figures[i]))
	}
	return out
}

func (w *writer) indicatorRow(f *indicator.Figure) tableRow {
	name, valueText, value, num, den := w.indicatorFields(f)
	_, lo, _, hi := boundFields(f)
	return tableRow{
		cells: indicatorCells(f, name, valueText, num, den, w.standardID(f.Year)),
		typed: map[string]any{
			"year": f.Year, "unit_level": f.UnitLevel, "unit_code": f.UnitCode, "unit_name": name,
			"group": f.Group, "indicator": f.Indicator, "value": value, "numerator": typedInt(num),
			"denominator": typedInt(den), "unit_of_measure": f.Measure, "flag": f.Flag,
			"standard":    w.standardID(f.Year),
			"value_lower": lo, "value_upper": hi,
		},
	}
}

// indicatorFields are the parts of a figure's row that are not copied from it: the
// unit's name, the value as in the CSV (rounded, "." decimal point, no grouping) and
// as a number (that text parsed, so every format shows the same rounding), and the
// published numerator and denominator.
func (w *writer) indicatorFields(f *indicator.Figure) (name, valueText string, value any, num, den *int64) {
	name = w.unitName(f.UnitCode)
	if f.Flag == indicator.FlagNone {
		valueText, value = csvNumber(f.Text("en"))
	}
	num, den = published(f)
	return name, valueText, value, num, den
}

// indicatorCells is a figure's row as indicators.csv has it; std is the standard in
// force in the figure's year.
func indicatorCells(f *indicator.Figure, name, valueText string, num, den *int64, std string) []string {
	loText, _, hiText, _ := boundFields(f)
	return []string{strconv.Itoa(f.Year), f.UnitLevel, f.UnitCode, name, f.Group, f.Indicator, valueText,
		intCell(num), intCell(den), f.Measure, f.Flag, loText, hiText, std}
}

// standardID is the id of the standard in force in a year, "" when none is known
// (a table read back from a release).
func (w *writer) standardID(year int) string {
	if w.in.StandardFor == nil {
		return ""
	}
	if s, ok := w.in.StandardFor(year); ok {
		return s.ID
	}
	return ""
}

// boundFields are a withheld figure's interval as the CSV writes it and as numbers
// (untyped nil when absent): value_lower and value_upper.
func boundFields(f *indicator.Figure) (loText string, lo any, hiText string, hi any) {
	if !f.Bounded {
		return "", nil, "", nil
	}
	loText, lo = csvNumber(indicator.FormatScaled(f.Lower, f.Decimals(), "en"))
	if f.Upper >= 0 {
		hiText, hi = csvNumber(indicator.FormatScaled(f.Upper, f.Decimals(), "en"))
	}
	return loText, lo, hiText, hi
}

// csvNumber is a number as the page shows it in English, written as the CSVs have it
// (without grouping commas, which would read as separators), and its value, untyped
// nil when the text is not a number.
func csvNumber(en string) (string, any) {
	s := strings.ReplaceAll(en, ",", "")
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return s, v
	}
	return s, nil
}

func intCell(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

// typedInt is p's value, or untyped nil (null, an empty cell) when p is nil: the typed
// rows hold no pointers.
func typedInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// csvBytes writes a published CSV: BOM, header, CRLF (see utf8BOM).
func csvBytes(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.Write(utf8BOM)
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return nil, err
	}
	if err := cw.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// indicatorsCSV is indicators.csv; it does not depend on the release, so it can
// identify one.
// Rows are written one by one, without the typed twins: a province has a million.
func (w *writer) indicatorsCSV() ([]byte, error) {
	var b bytes.Buffer
	b.Write(utf8BOM)
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	if err := cw.Write(IndicatorColumns); err != nil {
		return nil, err
	}
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		name, valueText, _, num, den := w.indicatorFields(f)
		if err := cw.Write(indicatorCells(f, name, valueText, num, den, w.standardID(f.Year))); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return b.Bytes(), cw.Error()
}

// tableJSON is the JSON twin of a CSV: the columns, the release and the typed rows.
func tableJSON(cols []column, rel Release, rows []map[string]any) ([]byte, error) {
	return encodeJSON(struct {
		Columns []string         `json:"columns"`
		Release Release          `json:"release"`
		Rows    []map[string]any `json:"rows"`
	}{names(cols), rel, rows}, "")
}

func (w *writer) download(name string, b []byte) error {
	return w.write(filepath.Join(w.l.Downloads(), name), b)
}

// downloads writes indicators.csv, .json, .parquet and .xlsx, and the targets.
func (w *writer) downloads() error {
	if err := w.writeTable(table{
		name: "indicators", cols: indicatorColumns, rows: w.indicatorRows(),
		nullable: indicatorNullable,
		sheet:    w.indicatorSheet(),
	}); err != nil {
		return err
	}
	return w.targetDownloads()
}

// indicatorSheet lays out indicators.xlsx: column widths, each value displayed with
// the decimals the site uses for its unit of measure, and the indicator list on the
// README.
func (w *writer) indicatorSheet() *xlsxSheet {
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
		numFmt: func(row map[string]any, col string) string {
			if col != "value" && col != "value_lower" && col != "value_upper" {
				return ""
			}
			measure, _ := row["unit_of_measure"].(string)
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
	root := w.l.Downloads()
	files, err := listFiles(root)
	if err != nil {
		return err
	}
	var sums bytes.Buffer
	var list []Download
	for _, rel := range files {
		if rel == "SHA256SUMS" {
			continue
		}
		size, sum, err := hashFile(filepath.Join(root, rel))
		if err != nil {
			return err
		}
		sums.WriteString(sum + "  " + rel + "\n")
		if isPartition(rel) || !strings.Contains(rel, "/") {
			list = append(list, Download{Path: "data/" + rel, Bytes: size, SHA256: sum, Format: strings.TrimPrefix(filepath.Ext(rel), "."), Title: downloadTitle(rel)})
		}
	}
	if err := w.write(filepath.Join(root, "SHA256SUMS"), sums.Bytes()); err != nil {
		return err
	}
	// The data page lists the main table first (then, at scale, its per-level files),
	// then targets, changes and the package, and a nation's per-province files last.
	rank := func(d Download) int {
		for i, prefix := range []string{"data/indicators.", "data/indicators-", "data/targets.", "data/targets-units.", "data/support.", "data/" + PeriodTotalsName + ".", "data/changelog.", "data/datapackage.", "data/" + byProvince + "/"} {
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
	return w.jsonFile("downloads.json", list)
}

// listFiles returns every file under root, relative, with "/" separators, sorted.
func listFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(files)
	return files, err
}

// hashFile returns a file's size and SHA-256 (hex), reading it in pieces: a
// province's indicators.csv is a hundred megabytes.
func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func downloadTitle(rel string) bilingual {
	if strings.HasPrefix(rel, "charts/") {
		name := strings.TrimSuffix(strings.TrimPrefix(rel, "charts/"), ".csv")
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
	case "indicators":
		return both("Tất cả chỉ số theo năm, đơn vị và nhóm", "Every indicator by year, unit and group")
	case "targets":
		return both("Mục tiêu và tiến độ", "Targets and progress")
	case "targets-units":
		return both("Tiến độ của từng xã (và từng tỉnh) so với các mục tiêu", "Each commune's (and province's) progress towards the targets")
	case "support":
		return both("Hỗ trợ đã thực hiện và kinh phí theo chương trình, loại hỗ trợ, nguồn vốn, thôn và năm", "Support delivered and money spent by programme, support type, funding source, village and year")
	case PeriodTotalsName:
		return both("Tổng số hộ thoát nghèo, nghèo phát sinh, tái nghèo trong cả giai đoạn kế hoạch", "Households escaped, newly poor and relapsed over each plan period")
	case "changelog":
		return both("Những số liệu thay đổi giữa các bản phát hành", "Figures that changed between releases")
	case "datapackage":
		return both("Mô tả gói dữ liệu (Frictionless)", "Data package description (Frictionless)")
	}
	return both(rel, rel)
}
