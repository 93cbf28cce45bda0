package publish

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"
)

// The sheets of indicators.xlsx; every workbook has the README sheet.
const (
	xlsxDataSheet   = "indicators"
	xlsxReadmeSheet = "README"
)

// xlsxSheet is what sets one table's workbook apart from another's. Each field is
// there because a published workbook already has it that way, and a rebuild must
// give the same bytes.
type xlsxSheet struct {
	name     string // the data sheet
	subject  string // document properties
	keywords string
	// widths are the data sheet's column widths; nil leaves Excel's default.
	widths []float64
	// numFmts are the number formats numFmt may give a data cell. Their styles are
	// made before any data, in this order, so the style ids, and with them the
	// bytes, never depend on the rows.
	numFmts []string
	// numFmt is the number format of a cell ("" for none); nil for no formats.
	numFmt func(row map[string]any, col string) string
	// readme are the README rows after the column dictionary and an empty row.
	readme [][]any
	// boldRows are the first cells of the README rows set in bold from A to D: the
	// dictionaries' header rows.
	boldRows []string
	// readmeWidths are the README's column widths; nil leaves Excel's default.
	readmeWidths []float64
}

// tableXLSX writes a table as a workbook with excelize: the data sheet (bold, frozen
// header; numbers stored as numbers; missing values as empty cells, never "" or 0)
// and a README sheet with the release, licence, citation, disclosure rule, column
// dictionary and s.readme.
//
// Determinism: excelize stamps no clock into the file when the document properties
// are set (created and modified are the release date), writes the package parts in
// sorted order and leaves the ZIP entries' modification times at zero, so two builds
// of the same data give the same bytes (TestDeterministic checks it).
func (w *writer) tableXLSX(s xlsxSheet, cols []column, rows []map[string]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", s.name); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	if err := xlsxData(f, s, bold, cols, rows); err != nil {
		return nil, err
	}
	if err := w.xlsxReadme(f, s, bold, cols); err != nil {
		return nil, err
	}
	p := w.in.Portal
	stamp := w.in.Release.Date + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          p.Plan.TitleVI,
		Subject:        s.subject,
		Creator:        "UBND " + p.Unit.NameVI,
		LastModifiedBy: "UBND " + p.Unit.NameVI,
		Description:    "Release " + w.in.Release.Version + ". CC BY 4.0.",
		Keywords:       s.keywords,
		Language:       "vi-VN",
		Version:        w.in.Release.Version,
		Revision:       w.in.Release.Version,
		Created:        stamp,
		Modified:       stamp,
	}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func xlsxData(f *excelize.File, s xlsxSheet, bold int, cols []column, rows []map[string]any) error {
	numFmt := map[string]int{}
	for _, code := range s.numFmts {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		numFmt[code] = id
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for i, wd := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range rows {
		row := make([]any, len(cols))
		for j, c := range cols {
			v := r[c.Name]
			if str, ok := v.(string); ok && str == "" {
				v = nil // missing values are empty cells (untyped nil), never ""
			}
			if v != nil && s.numFmt != nil {
				if code := s.numFmt(r, c.Name); code != "" {
					id, ok := numFmt[code]
					if !ok {
						return fmt.Errorf("xlsx: column %s: number format %q not in numFmts", c.Name, code)
					}
					v = excelize.Cell{StyleID: id, Value: v}
				}
			}
			row[j] = v
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), row); err != nil {
			return err
		}
	}
	// No autofilter: excelize cannot add one to a streamed sheet (it would leave only
	// the defined name behind); Excel adds one in a click.
	return sw.Flush()
}

func (w *writer) xlsxReadme(f *excelize.File, s xlsxSheet, bold int, cols []column) error {
	if _, err := f.NewSheet(xlsxReadmeSheet); err != nil {
		return err
	}
	p := w.in.Portal
	k := p.Disclosure.K
	rows := [][]any{
		{p.Plan.TitleVI},
		{p.Plan.TitleEN},
		{"Đơn vị / Unit", p.Unit.NameVI + " (" + p.Unit.Code + "), " + p.Unit.DistrictVI + ", " + p.Unit.ProvinceVI},
		{"Bản phát hành / Release", w.in.Release.Version, w.in.Release.Date},
		{"Giấy phép / Licence", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"},
		{"Trích dẫn / Citation", w.citation("vi"), w.citation("en")},
		{"Nguồn / Source", p.Site.BaseURL + "data/"},
		{"Số nhỏ / Small counts", fmt.Sprintf("Số từ 1 đến %d bị ẩn; một số ô khác bị ẩn thêm để không suy ra được bằng phép trừ. Ô bị ẩn để trống, cột flag = suppressed; cột value_lower và value_upper cho khoảng giá trị mà người đọc có thể suy ra (trên trang: \"1–4\").", k-1),
			fmt.Sprintf("Counts from 1 to %d are withheld; some other cells are withheld too so they cannot be worked out by subtraction. Withheld cells are empty, with flag = suppressed; value_lower and value_upper give the range a reader can deduce (on the page: \"1–4\").", k-1)},
		{},
		{"Cột / Column", "Kiểu / Type", "Ý nghĩa", "Meaning"},
	}
	for _, c := range cols {
		rows = append(rows, []any{c.Name, c.Type, c.VI, c.EN})
	}
	if len(s.readme) > 0 {
		rows = append(rows, []any{})
		rows = append(rows, s.readme...)
	}
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetSheetRow(xlsxReadmeSheet, cell, &r); err != nil {
			return err
		}
		// Titles and labels in bold, and the header rows of s.boldRows.
		end := cell
		if h, ok := r[0].(string); ok && slices.Contains(s.boldRows, h) {
			end = fmt.Sprintf("D%d", i+1)
		}
		if i < 8 || end != cell {
			if err := f.SetCellStyle(xlsxReadmeSheet, cell, end, bold); err != nil {
				return err
			}
		}
	}
	for i, wd := range s.readmeWidths {
		col := string(rune('A' + i))
		if err := f.SetColWidth(xlsxReadmeSheet, col, col, wd); err != nil {
			return err
		}
	}
	return nil
}

// citation is the ready-made citation of the release in lang.
func (w *writer) citation(lang string) string {
	p := w.in.Portal
	url := p.Site.BaseURL + "data/"
	if lang == "en" {
		return fmt.Sprintf("People's Committee of %s (%s). %s: open data, release %s. %s", p.Unit.NameEN, w.in.Release.Date, p.Plan.TitleEN, w.in.Release.Version, url)
	}
	return fmt.Sprintf("UBND %s (%s). %s: dữ liệu mở, bản phát hành %s. %s", p.Unit.NameVI, w.in.Release.Date, p.Plan.TitleVI, w.in.Release.Version, url)
}
