package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
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

// record is one published figure, typed. Every format is written from it, so a figure
// withheld in one format is withheld in all of them.
type record struct {
	Year      int
	Level     string
	Code      string
	Name      string
	Group     string
	Indicator string
	ValueText string   // as in the CSV: rounded, "." decimal point, no grouping
	Value     *float64 // ValueText parsed, nil when empty
	Num, Den  *int64
	Measure   string
	Flag      string
}

func (w *writer) unitName(code string) string {
	p := w.in.Portal
	if code == p.Unit.Code {
		return p.Unit.NameVI
	}
	if v, ok := p.Village(code); ok {
		return v.NameVI
	}
	return code
}

// records returns every figure in table order, as published.
func (w *writer) records() []record {
	out := make([]record, 0, len(w.in.Table.Figures))
	for i := range w.in.Table.Figures {
		out = append(out, w.record(&w.in.Table.Figures[i]))
	}
	return out
}

func (w *writer) record(f *indicator.Figure) record {
	r := record{Year: f.Year, Level: f.UnitLevel, Code: f.UnitCode, Name: w.unitName(f.UnitCode),
		Group: f.Group, Indicator: f.Indicator, Measure: f.Measure, Flag: f.Flag}
	if f.Flag == indicator.FlagNone {
		r.ValueText = strings.ReplaceAll(f.Text("en"), ",", "")
		if r.ValueText != "" {
			v, err := strconv.ParseFloat(r.ValueText, 64)
			if err == nil {
				r.Value = &v
			}
		}
	}
	num, den, hasNum, hasDen := published(f)
	if hasNum {
		r.Num = &num
	}
	if hasDen {
		r.Den = &den
	}
	return r
}

func (r record) strings() []string {
	return []string{strconv.Itoa(r.Year), r.Level, r.Code, r.Name, r.Group, r.Indicator, r.ValueText,
		intCell(r.Num), intCell(r.Den), r.Measure, r.Flag}
}

// json types the record for JSON: numbers as numbers, missing values as null.
func (r record) json() map[string]any {
	return map[string]any{
		"year": r.Year, "unit_level": r.Level, "unit_code": r.Code, "unit_name": r.Name,
		"group": r.Group, "indicator": r.Indicator, "value": r.Value, "numerator": r.Num,
		"denominator": r.Den, "unit_of_measure": r.Measure, "flag": r.Flag,
	}
}

func intCell(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

// indicatorRows returns the tidy table of every figure, as strings.
func (w *writer) indicatorRows() [][]string {
	recs := w.records()
	rows := make([][]string, len(recs))
	for i, r := range recs {
		rows[i] = r.strings()
	}
	return rows
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
func (w *writer) indicatorsCSV() ([]byte, error) {
	return csvBytes(IndicatorColumns, w.indicatorRows())
}

// tableJSON is the JSON twin of a CSV: the columns, the release and the typed rows.
func tableJSON(cols []column, rel Release, rows []map[string]any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Columns []string         `json:"columns"`
		Release Release          `json:"release"`
		Rows    []map[string]any `json:"rows"`
	}{names(cols), rel, rows})
	return b.Bytes(), err
}

func (w *writer) download(name string, b []byte) error {
	return w.write(filepath.Join(w.l.Downloads(), name), b)
}

func (w *writer) downloads() error {
	recs := w.records()
	b, err := w.indicatorsCSV()
	if err != nil {
		return err
	}
	if err := w.download("indicators.csv", b); err != nil {
		return err
	}
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		rows[i] = r.json()
	}
	js, err := tableJSON(indicatorColumns, w.in.Release, rows)
	if err != nil {
		return err
	}
	if err := w.download("indicators.json", js); err != nil {
		return err
	}
	pq, err := parquetBytes(recs, w.in.Release)
	if err != nil {
		return err
	}
	if err := w.download("indicators.parquet", pq); err != nil {
		return err
	}
	xl, err := w.xlsxBytes(recs)
	if err != nil {
		return err
	}
	if err := w.download("indicators.xlsx", xl); err != nil {
		return err
	}
	return w.targetDownloads()
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
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			return err
		}
		sum := sha256Hex(b)
		sums.WriteString(sum + "  " + rel + "\n")
		if !strings.Contains(rel, "/") {
			list = append(list, Download{Path: "data/" + rel, Bytes: int64(len(b)), SHA256: sum, Format: strings.TrimPrefix(filepath.Ext(rel), "."), Title: downloadTitle(rel)})
		}
	}
	if err := w.write(filepath.Join(root, "SHA256SUMS"), sums.Bytes()); err != nil {
		return err
	}
	// The data page lists the main table first, then targets, changes and the package.
	rank := func(d Download) int {
		for i, prefix := range []string{"data/indicators.", "data/targets.", "data/support.", "data/changelog.", "data/datapackage."} {
			if strings.HasPrefix(d.Path, prefix) {
				return i
			}
		}
		return 9
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

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func downloadTitle(rel string) bilingual {
	if strings.HasPrefix(rel, "charts/") {
		name := strings.TrimSuffix(strings.TrimPrefix(rel, "charts/"), ".csv")
		return both("Số liệu của biểu đồ "+name, "Data of the chart "+name)
	}
	switch strings.TrimSuffix(rel, filepath.Ext(rel)) {
	case "indicators":
		return both("Tất cả chỉ số theo năm, đơn vị và nhóm", "Every indicator by year, unit and group")
	case "targets":
		return both("Mục tiêu và tiến độ", "Targets and progress")
	case "support":
		return both("Hỗ trợ đã thực hiện và kinh phí theo chương trình, loại hỗ trợ, nguồn vốn, thôn và năm", "Support delivered and money spent by programme, support type, funding source, village and year")
	case "changelog":
		return both("Những số liệu thay đổi giữa các bản phát hành", "Figures that changed between releases")
	case "datapackage":
		return both("Mô tả gói dữ liệu (Frictionless)", "Data package description (Frictionless)")
	}
	return both(rel, rel)
}
