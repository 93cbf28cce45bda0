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

// IndicatorColumns are the columns of indicators.csv, in order.
var IndicatorColumns = []string{"year", "unit_level", "unit_code", "unit_name", "group", "indicator", "value", "numerator", "denominator", "unit_of_measure", "flag"}

// utf8BOM starts every published CSV: Excel needs it to read Vietnamese text as UTF-8,
// and pandas, R's readr and DuckDB skip it.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

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

// indicatorRows returns the tidy table of every figure, as strings.
func (w *writer) indicatorRows() [][]string {
	rows := make([][]string, 0, len(w.in.Table.Figures))
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		rows = append(rows, w.indicatorRow(f))
	}
	return rows
}

func (w *writer) indicatorRow(f *indicator.Figure) []string {
	value := ""
	if f.Flag == indicator.FlagNone {
		value = f.Text("en")
		value = strings.ReplaceAll(value, ",", "")
	}
	num, den, hasNum, hasDen := published(f)
	n, d := "", ""
	if hasNum {
		n = strconv.FormatInt(num, 10)
	}
	if hasDen {
		d = strconv.FormatInt(den, 10)
	}
	return []string{strconv.Itoa(f.Year), f.UnitLevel, f.UnitCode, w.unitName(f.UnitCode), f.Group, f.Indicator, value, n, d, f.Measure, f.Flag}
}

func csvBytes(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.Write(utf8BOM)
	cw := csv.NewWriter(&b)
	if err := cw.Write(header); err != nil {
		return nil, err
	}
	if err := cw.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (w *writer) downloads() error {
	rows := w.indicatorRows()
	b, err := csvBytes(IndicatorColumns, rows)
	if err != nil {
		return err
	}
	if err := w.write(filepath.Join(w.l.Downloads(), "indicators.csv"), b); err != nil {
		return err
	}
	records := make([]map[string]any, len(rows))
	for i, r := range rows {
		rec := make(map[string]any, len(r))
		for j, col := range IndicatorColumns {
			rec[col] = jsonCell(col, r[j])
		}
		records[i] = rec
	}
	js, err := json.Marshal(map[string]any{"columns": IndicatorColumns, "release": w.in.Release, "rows": records})
	if err != nil {
		return err
	}
	return w.write(filepath.Join(w.l.Downloads(), "indicators.json"), append(js, '\n'))
}

// jsonCell types a CSV cell for JSON: numbers as numbers, empty cells as null.
func jsonCell(col, s string) any {
	if s == "" {
		if col == "flag" {
			return ""
		}
		return nil
	}
	switch col {
	case "year", "numerator", "denominator":
		n, _ := strconv.ParseInt(s, 10, 64)
		return n
	case "value":
		v, _ := strconv.ParseFloat(s, 64)
		return v
	}
	return s
}

// checksums lists every download with its size and SHA-256, in SHA256SUMS (which
// `sha256sum -c` reads in public/data/) and in downloads.json for the data page.
func (w *writer) checksums() error {
	root := w.l.Downloads()
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	var sums bytes.Buffer
	var list []Download
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		sum := hex.EncodeToString(h[:])
		sums.WriteString(sum + "  " + rel + "\n")
		if !strings.Contains(rel, "/") {
			list = append(list, Download{Path: "data/" + rel, Bytes: int64(len(b)), SHA256: sum, Format: strings.TrimPrefix(filepath.Ext(rel), "."), Title: downloadTitle(rel)})
		}
	}
	if err := w.write(filepath.Join(root, "SHA256SUMS"), sums.Bytes()); err != nil {
		return err
	}
	return w.jsonFile("downloads.json", list)
}

func downloadTitle(rel string) bilingual {
	switch strings.TrimSuffix(rel, filepath.Ext(rel)) {
	case "indicators":
		return both("Tất cả chỉ số theo năm, đơn vị và nhóm", "Every indicator by year, unit and group")
	case "targets":
		return both("Mục tiêu và tiến độ", "Targets and progress")
	case "datapackage":
		return both("Mô tả gói dữ liệu (Frictionless)", "Data package description (Frictionless)")
	}
	return both(rel, rel)
}
