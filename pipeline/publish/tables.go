package publish

import (
	"bytes"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/xuri/excelize/v2"
)

// Generic writers for a published table given by its column definitions and typed
// rows (column name -> int, int64, float64, string, bool or nil), written the way
// indicators.parquet and indicators.xlsx are: same compression, metadata, styles and
// determinism.

// tableParquet writes a table as Parquet: nullable typed columns, the release in the
// key-value metadata, no clock.
func tableParquet(cols []column, rows []map[string]any, rel Release) ([]byte, error) {
	mem := memory.NewGoAllocator()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c.Name, Type: arrowType(c), Nullable: c.Name != "year",
			Metadata: arrow.NewMetadata([]string{"description"}, []string{c.EN})}
	}
	schema := arrow.NewSchema(fields, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for _, r := range rows {
		for i, c := range cols {
			v := r[c.Name]
			switch fb := b.Field(i).(type) {
			case *array.Int32Builder:
				n, ok := asInt64(v)
				if !ok {
					fb.AppendNull()
				} else {
					fb.Append(int32(n))
				}
			case *array.Int64Builder:
				n, ok := asInt64(v)
				if !ok {
					fb.AppendNull()
				} else {
					fb.Append(n)
				}
			case *array.Float64Builder:
				switch x := v.(type) {
				case float64:
					fb.Append(x)
				case int64:
					fb.Append(float64(x))
				default:
					fb.AppendNull()
				}
			case *array.BooleanBuilder:
				if x, ok := v.(bool); ok {
					fb.Append(x)
				} else {
					fb.AppendNull()
				}
			case *array.StringBuilder:
				if x, ok := v.(string); ok {
					fb.Append(x)
				} else {
					fb.AppendNull()
				}
			default:
				return nil, fmt.Errorf("parquet: column %s: unexpected builder", c.Name)
			}
		}
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	var buf bytes.Buffer
	props := parquet.NewWriterProperties(
		parquet.WithAllocator(mem),
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(1<<20),
	)
	fw, err := pqarrow.NewFileWriter(schema, &buf, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(mem)))
	if err != nil {
		return nil, err
	}
	if err := fw.Write(rec); err != nil {
		fw.Close()
		return nil, err
	}
	for _, kv := range [][2]string{{"release_version", rel.Version}, {"release_date", rel.Date}, {"license", "CC-BY-4.0"}} {
		if err := fw.AppendKeyValueMetadata(kv[0], kv[1]); err != nil {
			fw.Close()
			return nil, err
		}
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func asInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case int32:
		return int64(x), true
	}
	return 0, false
}

// tableXLSX writes a table as a workbook: the data sheet (bold frozen header, numbers
// as numbers, missing values as empty cells) and a README sheet with the release,
// licence, citation, disclosure rule, column dictionary and extra rows.
func (w *writer) tableXLSX(sheet string, cols []column, rows []map[string]any, extra [][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, err
	}
	for i, r := range rows {
		row := make([]any, len(cols))
		for j, c := range cols {
			v := r[c.Name]
			if s, ok := v.(string); ok && s == "" {
				v = nil // missing values are empty cells, never ""
			}
			row[j] = v
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(xlsxReadmeSheet); err != nil {
		return nil, err
	}
	p := w.in.Portal
	k := p.Disclosure.K
	readme := [][]any{
		{p.Plan.TitleVI},
		{p.Plan.TitleEN},
		{"Đơn vị / Unit", p.Unit.NameVI + " (" + p.Unit.Code + "), " + p.Unit.DistrictVI + ", " + p.Unit.ProvinceVI},
		{"Bản phát hành / Release", w.in.Release.Version, w.in.Release.Date},
		{"Giấy phép / Licence", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"},
		{"Trích dẫn / Citation", w.citation("vi"), w.citation("en")},
		{"Nguồn / Source", p.Site.BaseURL + "data/"},
		{"Số nhỏ / Small counts", fmt.Sprintf("Số từ 1 đến %d bị ẩn (trên trang: \"%s\"); một số ô khác bị ẩn thêm để không suy ra được bằng phép trừ (trên trang: \"%s\"). Ô bị ẩn để trống, cột flag = suppressed.", k-1, Marker(k), SecondaryMarker),
			fmt.Sprintf("Counts from 1 to %d are withheld (shown as \"%s\"); some other cells are withheld too so they cannot be worked out by subtraction (shown as \"%s\"). Withheld cells are empty, with flag = suppressed.", k-1, Marker(k), SecondaryMarker)},
		{},
		{"Cột / Column", "Kiểu / Type", "Ý nghĩa", "Meaning"},
	}
	for _, c := range cols {
		readme = append(readme, []any{c.Name, c.Type, c.VI, c.EN})
	}
	if len(extra) > 0 {
		readme = append(readme, []any{})
		readme = append(readme, extra...)
	}
	for i, r := range readme {
		if len(r) == 0 {
			continue
		}
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetSheetRow(xlsxReadmeSheet, cell, &r); err != nil {
			return nil, err
		}
		if i < 8 {
			if err := f.SetCellStyle(xlsxReadmeSheet, cell, cell, bold); err != nil {
				return nil, err
			}
		}
	}
	stamp := w.in.Release.Date + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: p.Plan.TitleVI, Subject: "Hỗ trợ và kinh phí giảm nghèo / Poverty-reduction support and spending",
		Creator: "UBND " + p.Unit.NameVI, LastModifiedBy: "UBND " + p.Unit.NameVI,
		Description: "Release " + w.in.Release.Version + ". CC BY 4.0.", Language: "vi-VN",
		Version: w.in.Release.Version, Revision: w.in.Release.Version, Created: stamp, Modified: stamp,
	}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
