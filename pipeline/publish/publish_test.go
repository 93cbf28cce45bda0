package publish

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/xuri/excelize/v2"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/progress"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

const testPortal = `
[unit]
level = "commune"
code = "12424"
name_vi = "xã Minh Tiến"
name_en = "Minh Tien commune"
district_vi = "huyện Phù Cừ"
district_en = "Phu Cu district"
province_code = "33"
province_vi = "tỉnh Hưng Yên"
province_en = "Hung Yen province"

[plan]
implements = "Kế hoạch số 103/KH-UBND"
period = "2022-2025"
title_vi = "Kế hoạch giảm nghèo bền vững xã Minh Tiến giai đoạn 2022-2025"
title_en = "Plan for sustainable poverty reduction in Minh Tien commune, 2022-2025"

[[standards]]
id = "2022-2025"
from_year = 2021
to_year = 2026

[disclosure]
k = 5

[site]
base_url = "https://example.org/portal/"
languages = ["vi", "en"]

[data]
sample = true

[[villages]]
code = "T01"
name_vi = "Thôn Đông"
name_en = "Dong village"

[[villages]]
code = "T02"
name_vi = "Thôn Tây"
name_en = "Tay village"

[[villages]]
code = "T03"
name_vi = "Thôn Nam"
name_en = "Nam village"
`

const testTargets = `
[[targets]]
id = "poverty-rate"
title_vi = "Tỷ lệ hộ nghèo dưới 1,2%"
title_en = "Poor-household rate below 1.2%"
section = "II.2.a"
indicator = "poor_rate"
comparator = "<"
value = 1.2
year = 2025
baseline_year = 2021
method = "linear"

[[targets]]
id = "school-attendance"
title_vi = "Trẻ em đi học đúng độ tuổi đạt 99%"
title_en = "99% of children at school at the right age"
section = "II.2.b"
indicator = "school_attendance_rate"
comparator = ">="
value = 99.0
year = 2025
baseline_year = 2021
baseline = 98.41
method = "linear"
`

var (
	tableOnce sync.Once
	tableErr  error
	baseTable *indicator.Table
)

// protectedTable computes and protects the sample commune's figures once.
func protectedTable(t *testing.T) *indicator.Table {
	t.Helper()
	tableOnce.Do(func() {
		villages := []string{"T01", "T02", "T03"}
		years, err := sample.Generate(sample.Commune("12424", villages, 1))
		if err != nil {
			tableErr = err
			return
		}
		ds := &review.Dataset{}
		for _, recs := range years {
			ds.Files = append(ds.Files, &review.File{Year: recs[0].Year, Records: recs})
		}
		tbl, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: "12424", Villages: villages})
		if err != nil {
			tableErr = err
			return
		}
		if _, err := disclosure.Protect(tbl, 5); err != nil {
			tableErr = err
			return
		}
		baseTable = tbl
	})
	if tableErr != nil {
		t.Fatal(tableErr)
	}
	// A copy, so a test may change figures.
	cp := &indicator.Table{Figures: append([]indicator.Figure(nil), baseTable.Figures...)}
	cp.Reindex()
	return cp
}

func testInput(t *testing.T) *Input {
	t.Helper()
	p, err := config.ParsePortal("portal.toml", []byte(testPortal))
	if err != nil {
		t.Fatal(err)
	}
	targets, err := config.ParseTargets("targets.toml", []byte(testTargets), indicator.Known)
	if err != nil {
		t.Fatal(err)
	}
	tbl := protectedTable(t)
	years := []int{2021, 2022, 2023, 2024, 2025}
	std, _ := sample.Standards(2025)
	in := &Input{Portal: p, Targets: targets, Table: tbl, Years: years,
		Standards: []*standard.Standard{std}, StandardFor: sample.Standards,
		Release: Release{Version: "ignored", Date: "2025-12-31"}}
	for _, tg := range targets {
		a := progress.Assess(tg, progress.Observations(tbl, years, "12424", "all", tg.Indicator), true)
		in.Assessments = append(in.Assessments, a)
		in.Projections = append(in.Projections, progress.Project(tg, a))
	}
	return in
}

// build writes the input into a fresh repository layout and returns it.
func build(t *testing.T, in *Input) paths.Layout {
	t.Helper()
	l := paths.New(t.TempDir(), "", "", "", "")
	if err := resolveAndWrite(l, in); err != nil {
		t.Fatal(err)
	}
	return l
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, utf8BOM) {
		t.Fatalf("%s: no UTF-8 byte-order mark", path)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func readParquet(t *testing.T, path string) arrow.Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	tbl, err := pqarrow.ReadTable(context.Background(), f, nil, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tbl.Release)
	return tbl
}

// parquetCell returns row i of a column as the CSV writes it.
func parquetCell(t *testing.T, col *arrow.Chunked, i int) string {
	t.Helper()
	for _, ch := range col.Chunks() {
		if i >= ch.Len() {
			i -= ch.Len()
			continue
		}
		if ch.IsNull(i) {
			return ""
		}
		switch a := ch.(type) {
		case *array.Int32:
			return strconv.Itoa(int(a.Value(i)))
		case *array.Int64:
			return strconv.FormatInt(a.Value(i), 10)
		case *array.Float64:
			return strconv.FormatFloat(a.Value(i), 'f', -1, 64)
		case *array.String:
			return a.Value(i)
		}
		t.Fatalf("unexpected column type %T", ch)
	}
	t.Fatalf("row out of range")
	return ""
}

// sameNumber compares a CSV number with another written form of it.
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && x == y
}

func TestParquetMatchesCSV(t *testing.T) {
	l := build(t, testInput(t))
	rows := readCSV(t, filepath.Join(l.Downloads(), "indicators.csv"))
	tbl := readParquet(t, filepath.Join(l.Downloads(), "indicators.parquet"))

	want := map[string]arrow.DataType{
		"year": arrow.PrimitiveTypes.Int32, "value": arrow.PrimitiveTypes.Float64,
		"numerator": arrow.PrimitiveTypes.Int64, "denominator": arrow.PrimitiveTypes.Int64,
		"value_lower": arrow.PrimitiveTypes.Float64, "value_upper": arrow.PrimitiveTypes.Float64,
	}
	schema := tbl.Schema()
	if got := len(schema.Fields()); got != len(rows[0]) {
		t.Fatalf("parquet has %d columns, csv %d", got, len(rows[0]))
	}
	for i, f := range schema.Fields() {
		if f.Name != rows[0][i] {
			t.Errorf("column %d: parquet %q, csv %q", i, f.Name, rows[0][i])
		}
		typ, ok := want[f.Name]
		if !ok {
			typ = arrow.BinaryTypes.String
		}
		if !arrow.TypeEqual(f.Type, typ) {
			t.Errorf("column %s: type %s, want %s", f.Name, f.Type, typ)
		}
	}
	if int(tbl.NumRows()) != len(rows)-1 {
		t.Fatalf("parquet has %d rows, csv %d", tbl.NumRows(), len(rows)-1)
	}
	for r := 1; r < len(rows); r++ {
		for c := range rows[0] {
			got := parquetCell(t, tbl.Column(c).Data(), r-1)
			if !sameNumber(got, rows[r][c]) {
				t.Fatalf("row %d column %s: parquet %q, csv %q", r, rows[0][c], got, rows[r][c])
			}
		}
	}
}

func TestCSVDialect(t *testing.T) {
	l := build(t, testInput(t))
	for _, name := range []string{"indicators.csv", "targets.csv", "changelog.csv", "charts/movement.csv"} {
		b, err := os.ReadFile(filepath.Join(l.Downloads(), name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, utf8BOM) {
			t.Errorf("%s: no BOM", name)
		}
		lines := bytes.Split(b, []byte("\n"))
		for i, line := range lines[:len(lines)-1] {
			if !bytes.HasSuffix(line, []byte("\r")) {
				t.Fatalf("%s line %d does not end with CRLF", name, i+1)
			}
		}
	}
	b, _ := os.ReadFile(filepath.Join(l.Downloads(), "indicators.csv"))
	if !bytes.Contains(b, []byte("xã Minh Tiến")) || !bytes.Contains(b, []byte("Thôn Đông")) {
		t.Error("indicators.csv lost the Vietnamese names")
	}
}

type dataPackage struct {
	Profile   string `json:"profile"`
	Version   string `json:"version"`
	Created   string `json:"created"`
	Licenses  []struct{ Name, Path, Title string }
	Sources   []struct{ Title string }
	Resources []struct {
		Name, Path, Format, Mediatype, Encoding, Hash, Profile string
		Bytes                                                  int64
		Dialect                                                *struct{ Property, ItemType string }
		Schema                                                 *struct {
			Fields []struct{ Name, Type string }
		}
	}
}

func TestDatapackage(t *testing.T) {
	l := build(t, testInput(t))
	root := l.Downloads()
	b, err := os.ReadFile(filepath.Join(root, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dp dataPackage
	if err := json.Unmarshal(b, &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Version != "2025.1" || dp.Created != "2025-12-31T00:00:00Z" {
		t.Errorf("version %q created %q", dp.Version, dp.Created)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0].Name != "CC-BY-4.0" || dp.Licenses[0].Path == "" || dp.Licenses[0].Title == "" {
		t.Errorf("licenses %+v", dp.Licenses)
	}
	if len(dp.Sources) < 2 {
		t.Errorf("sources %+v", dp.Sources)
	}
	files, err := listFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	names := map[string]bool{}
	for _, r := range dp.Resources {
		if listed[r.Path] || names[r.Name] {
			t.Errorf("%s listed twice", r.Path)
		}
		listed[r.Path], names[r.Name] = true, true
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(r.Path)))
		if err != nil {
			t.Errorf("%s: %v", r.Path, err)
			continue
		}
		if r.Bytes != int64(len(data)) {
			t.Errorf("%s: bytes %d, file has %d", r.Path, r.Bytes, len(data))
		}
		if r.Hash != "sha256:"+sha256Hex(data) {
			t.Errorf("%s: wrong hash", r.Path)
		}
		if r.Format == "" || r.Mediatype == "" {
			t.Errorf("%s: format %q mediatype %q", r.Path, r.Format, r.Mediatype)
		}
		if (r.Format == "csv" || r.Format == "json") && r.Encoding != "utf-8" {
			t.Errorf("%s: encoding %q", r.Path, r.Encoding)
		}
		if r.Schema == nil {
			if r.Format != "json" {
				t.Errorf("%s: a table without a schema", r.Path)
			}
			continue
		}
		var header []string
		switch r.Format {
		case "csv":
			header = readCSV(t, filepath.Join(root, r.Path))[0]
		case "parquet":
			for _, f := range readParquet(t, filepath.Join(root, r.Path)).Schema().Fields() {
				header = append(header, f.Name)
			}
		case "xlsx":
			header = xlsxRows(t, filepath.Join(root, r.Path), xlsxDataSheet)[0]
		case "json":
			// The rows are under the dialect's property, the columns beside them.
			var doc struct{ Columns []string }
			json.Unmarshal(data, &doc)
			header = doc.Columns
			if r.Dialect == nil || r.Dialect.Property != "rows" || r.Dialect.ItemType != "object" {
				t.Errorf("%s: dialect %+v", r.Path, r.Dialect)
			}
		}
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
		}
		if strings.Join(fields, ",") != strings.Join(header, ",") {
			t.Errorf("%s: schema fields %v, file header %v", r.Path, fields, header)
		}
	}
	for _, f := range files {
		if f == "datapackage.json" || f == "SHA256SUMS" {
			continue
		}
		if !listed[f] {
			t.Errorf("%s is not in datapackage.json", f)
		}
	}
	// Schema types of indicators.csv follow the column definitions.
	for _, r := range dp.Resources {
		if r.Path == "indicators.csv" {
			for i, f := range r.Schema.Fields {
				if f.Type != indicatorColumns[i].Type {
					t.Errorf("field %s type %s", f.Name, f.Type)
				}
			}
		}
	}
}

func TestSHA256SUMS(t *testing.T) {
	l := build(t, testInput(t))
	root := l.Downloads()
	b, err := os.ReadFile(filepath.Join(root, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		sums[name] = sum
	}
	if _, ok := sums["datapackage.json"]; !ok {
		t.Error("SHA256SUMS does not cover datapackage.json")
	}
	files, _ := listFiles(root)
	for _, f := range files {
		if f == "SHA256SUMS" {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(root, f))
		if sums[f] != sha256Hex(data) {
			t.Errorf("%s: SHA256SUMS has %q", f, sums[f])
		}
		delete(sums, f)
	}
	if len(sums) != 0 {
		t.Errorf("SHA256SUMS lists files that do not exist: %v", sums)
	}
}

func xlsxRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestSuppressedEverywhere checks that every withheld figure is withheld the same way
// in the CSV, the JSON, the Parquet file and the XLSX, and shown with its marker.
func TestSuppressedEverywhere(t *testing.T) {
	in := testInput(t)
	l := build(t, in)
	root := l.Downloads()
	rows := readCSV(t, filepath.Join(root, "indicators.csv"))
	var js struct {
		Rows []map[string]any `json:"rows"`
	}
	b, _ := os.ReadFile(filepath.Join(root, "indicators.json"))
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	pq := readParquet(t, filepath.Join(root, "indicators.parquet"))
	xf, err := excelize.OpenFile(filepath.Join(root, "indicators.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	xrows, err := xf.GetRows(xlsxDataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	xcell := func(r, c int) string {
		if r < len(xrows) && c < len(xrows[r]) {
			return xrows[r][c]
		}
		return ""
	}
	if len(rows) != len(in.Table.Figures)+1 || len(js.Rows) != len(in.Table.Figures) || len(xrows) != len(rows) {
		t.Fatalf("rows: csv %d, json %d, xlsx %d, figures %d", len(rows)-1, len(js.Rows), len(xrows)-1, len(in.Table.Figures))
	}
	var primary, secondary, hiddenDen int
	for i := range in.Table.Figures {
		f := &in.Table.Figures[i]
		csvRow, jsRow := rows[i+1], js.Rows[i]
		for c, name := range IndicatorColumns {
			p := parquetCell(t, pq.Column(c).Data(), i)
			x := xcell(i+1, c)
			if !sameNumber(p, csvRow[c]) || !sameNumber(x, csvRow[c]) {
				t.Fatalf("figure %v column %s: csv %q parquet %q xlsx %q", f.Key(), name, csvRow[c], p, x)
			}
			var j string
			switch v := jsRow[name].(type) {
			case nil:
			case float64:
				j = strconv.FormatFloat(v, 'f', -1, 64)
			case string:
				j = v
			}
			if !sameNumber(j, csvRow[c]) {
				t.Fatalf("figure %v column %s: csv %q json %q", f.Key(), name, csvRow[c], j)
			}
		}
		if f.Flag != indicator.FlagSuppressed {
			continue
		}
		if f.Secondary {
			secondary++
		} else {
			primary++
		}
		if csvRow[6] != "" || csvRow[7] != "" || csvRow[10] != "suppressed" {
			t.Fatalf("suppressed figure %v published as %v", f.Key(), csvRow)
		}
		if f.HideDen || f.IsCount() {
			hiddenDen++
			if csvRow[8] != "" {
				t.Fatalf("figure %v: denominator %q should be withheld", f.Key(), csvRow[8])
			}
		} else if csvRow[8] != strconv.FormatInt(f.Den, 10) {
			t.Fatalf("figure %v: denominator %q, want %d", f.Key(), csvRow[8], f.Den)
		}
	}
	if primary == 0 || secondary == 0 {
		t.Fatalf("the sample should have both kinds of withheld figures: %d primary, %d secondary", primary, secondary)
	}
	t.Logf("%d figures, %d withheld (%d secondary), %d with the denominator withheld too", len(in.Table.Figures), primary+secondary, secondary, hiddenDen)

	// The site's figures.json and the API show the same figure with its marker.
	var figs map[string]map[string]map[string][]figureJSON
	fb, _ := os.ReadFile(filepath.Join(l.BuildData(), "figures.json"))
	if err := json.Unmarshal(fb, &figs); err != nil {
		t.Fatal(err)
	}
	var unit struct {
		Figures map[string]map[string][]figureJSON `json:"figures"`
	}
	ub, err := os.ReadFile(filepath.Join(l.BuildStatic(), "api", "v1", "units", "T01.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(ub, &unit); err != nil {
		t.Fatal(err)
	}
	for i := range in.Table.Figures {
		f := &in.Table.Figures[i]
		if f.Flag != indicator.FlagSuppressed {
			continue
		}
		var series []figureJSON
		if f.UnitCode == "T01" {
			series = unit.Figures[f.Group][f.Indicator]
		} else {
			series = figs[f.UnitCode][f.Group][f.Indicator]
		}
		found := false
		for _, s := range series {
			if s.Year != f.Year {
				continue
			}
			found = true
			// Every withheld figure shows its audit interval, not a marker.
			if s.Value != nil || s.Numerator != nil || s.Lower == nil || s.Text.VI != f.RangeText("vi") || s.Text.EN != f.RangeText("en") || !f.Bounded {
				t.Fatalf("figure %v shown as %+v", f.Key(), s)
			}
		}
		if !found {
			t.Fatalf("figure %v missing from figures.json or the API", f.Key())
		}
	}
}

func TestXLSX(t *testing.T) {
	l := build(t, testInput(t))
	f, err := excelize.OpenFile(filepath.Join(l.Downloads(), "indicators.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != xlsxDataSheet || got[1] != opendata.ReadmeSheet {
		t.Fatalf("sheets %v", got)
	}
	panes, err := f.GetPanes(xlsxDataSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v %v", panes, err)
	}
	style, err := f.GetCellStyle(xlsxDataSheet, "A1")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v %v", st, err)
	}
	for _, cell := range []string{"A2", "H2"} {
		typ, err := f.GetCellType(xlsxDataSheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is stored as %v, not a number", cell, typ)
		}
	}
	name, _ := f.GetCellValue(xlsxDataSheet, "D2")
	if name != "xã Minh Tiến" {
		t.Errorf("D2 = %q", name)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2025-12-31T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document properties %+v %v", props, err)
	}
	readme := xlsxRows(t, filepath.Join(l.Downloads(), "indicators.xlsx"), opendata.ReadmeSheet)
	text := ""
	for _, r := range readme {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"CC BY 4.0", "2025.1", "xã Minh Tiến", "poor_rate", "value_lower", "1–4"} {
		if !strings.Contains(text, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	for _, c := range indicatorColumns {
		if !strings.Contains(text, c.Name+"|"+c.Type+"|"+c.VI) {
			t.Errorf("README lacks the dictionary entry of %s", c.Name)
		}
	}
}

// TestDeterministic builds twice in different folders: every generated file must be
// byte-identical.
func TestDeterministic(t *testing.T) {
	a := build(t, testInput(t))
	b := build(t, testInput(t))
	fa, err := listFiles(a.Build)
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := listFiles(b.Build)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("different files:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a.Build, f))
		y, _ := os.ReadFile(filepath.Join(b.Build, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

func TestDictionary(t *testing.T) {
	l := build(t, testInput(t))
	var d dictionary
	b, _ := os.ReadFile(filepath.Join(l.BuildData(), "dictionary.json"))
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	std, _ := sample.Standards(2025)
	columns := review.ContractFor(std).Columns
	if len(d.Indicators) != len(protectedTable(t).Catalogue()) || len(d.Review) != len(columns) {
		t.Fatalf("%d indicators, %d review columns", len(d.Indicators), len(d.Review))
	}
	for i, c := range columns {
		if d.Review[i].Name != c.Name {
			t.Errorf("review column %d: %+v", i, d.Review[i])
		}
		if _, _, dep := std.Indicator(c.Name); dep != (len(d.Review[i].Standards) == 1) {
			t.Errorf("review column %d names standards %v", i, d.Review[i].Standards)
		}
	}
	if strings.Join(names(d.Files[0].Columns), ",") != strings.Join(IndicatorColumns, ",") {
		t.Error("indicators columns differ")
	}
	if len(d.Groups) != len(indicator.Groups) {
		t.Errorf("groups %+v", d.Groups)
	}
}

func TestAPI(t *testing.T) {
	l := build(t, testInput(t))
	root := filepath.Join(l.BuildStatic(), "api", "v1")
	var idx struct {
		Release Release `json:"release"`
		Units   []struct{ Code, Path string }
		Targets []struct{ ID, Path string }
	}
	b, err := os.ReadFile(filepath.Join(root, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	if idx.Release.Version != "2025.1" || len(idx.Units) != 4 || len(idx.Targets) != 2 {
		t.Fatalf("index %+v", idx)
	}
	for _, p := range []string{idx.Units[0].Path, idx.Units[3].Path, idx.Targets[0].Path, idx.Targets[1].Path} {
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Error(err)
		}
	}
	var unit struct {
		Figures map[string]map[string][]figureJSON `json:"figures"`
	}
	b, _ = os.ReadFile(filepath.Join(root, "units", "12424.json"))
	if err := json.Unmarshal(b, &unit); err != nil {
		t.Fatal(err)
	}
	if len(unit.Figures) != len(indicator.Groups) || len(unit.Figures["all"]["poor_rate"]) != 5 {
		t.Errorf("unit figures: %d groups", len(unit.Figures))
	}
}

func TestTargetsDownload(t *testing.T) {
	in := testInput(t)
	l := build(t, in)
	rows := readCSV(t, filepath.Join(l.Downloads(), "targets.csv"))
	if strings.Join(rows[0], ",") != strings.Join(names(targetColumns), ",") || len(rows) != 3 {
		t.Fatalf("targets.csv %v", rows)
	}
	var page []targetJSON
	b, _ := os.ReadFile(filepath.Join(l.BuildData(), "targets.json"))
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	// Every number is the one the target page shows.
	for i, tg := range page {
		for _, name := range []string{"target", "baseline", "latest", "required_pace", "observed_pace", "ratio", "projection", "gap"} {
			shown := strings.ReplaceAll(tg.Text[name].EN, ",", "")
			if shown == NotAvailable {
				shown = ""
			}
			if got := rows[i+1][col[name]]; got != shown {
				t.Errorf("%s %s: csv %q, page %q", tg.ID, name, got, shown)
			}
		}
	}
	var js struct {
		Rows []map[string]any `json:"rows"`
	}
	b, _ = os.ReadFile(filepath.Join(l.Downloads(), "targets.json"))
	if err := json.Unmarshal(b, &js); err != nil || len(js.Rows) != 2 {
		t.Fatalf("targets.json: %v", err)
	}
	if _, ok := js.Rows[0]["final"].(bool); !ok {
		t.Error("final is not a boolean")
	}
}

// TestPageTextMatchesCSV: the text a page prints for a figure (figures.json) is the
// CSV's value, with the page's decimal comma in Vietnamese.
func TestPageTextMatchesCSV(t *testing.T) {
	in := testInput(t)
	l := build(t, in)
	rows := readCSV(t, filepath.Join(l.Downloads(), "indicators.csv"))
	var figs map[string]map[string]map[string][]figureJSON
	b, _ := os.ReadFile(filepath.Join(l.BuildData(), "figures.json"))
	if err := json.Unmarshal(b, &figs); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range rows[1:] {
		key := r[2] + "/" + r[4] + "/" + r[5]
		s := figs[r[2]][r[4]][r[5]][seen[key]]
		seen[key]++
		if strconv.Itoa(s.Year) != r[0] {
			t.Fatalf("%s: year %d, csv %s", key, s.Year, r[0])
		}
		if r[10] != "" {
			continue
		}
		en := strings.ReplaceAll(s.Text.EN, ",", "")
		vi := strings.ReplaceAll(strings.ReplaceAll(s.Text.VI, ".", ""), ",", ".")
		if en != r[6] || vi != r[6] {
			t.Fatalf("%s %s: page %q / %q, csv %q", key, r[0], s.Text.VI, s.Text.EN, r[6])
		}
	}
}
