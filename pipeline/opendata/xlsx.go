package opendata

import (
	"fmt"
	"io"
	"slices"

	"github.com/xuri/excelize/v2"
)

// XLSXMaxRows is the most rows a worksheet holds (Excel's limit, header included).
const XLSXMaxRows = 1_048_576

// ReadmeSheet is the name of every workbook's second sheet.
const ReadmeSheet = "README"

// Workbook is what sets one table's workbook apart from another's. Each field is
// there because a published workbook already has it that way, and a rebuild must
// give the same bytes.
type Workbook struct {
	Sheet string // the data sheet
	// Props are the document properties; Created and Modified are the release date,
	// never the clock.
	Props excelize.DocProperties
	// Widths are the data sheet's column widths; nil leaves Excel's default.
	Widths []float64
	// NumFmts are the number formats NumFmt may give a data cell. Their styles are
	// made before any data, in this order, so the style ids, and with them the
	// bytes, never depend on the rows.
	NumFmts []string
	// NumFmt is the number format of row i's cell in column j ("" for none); nil for
	// no formats.
	NumFmt func(i, j int) string
	// Head are the README's first rows (title, release, licence, citation...), set
	// in bold; the column dictionary follows them after an empty row.
	Head [][]any
	// Readme are the README rows after the column dictionary and an empty row.
	Readme [][]any
	// BoldRows are the first cells of the README rows set in bold from A to D: the
	// dictionaries' header rows.
	BoldRows []string
	// ReadmeWidths are the README's column widths; nil leaves Excel's default.
	ReadmeWidths []float64
}

// WriteXLSX writes t as a workbook with excelize: the data sheet, streamed (bold,
// frozen header; numbers stored as numbers; missing values as empty cells, never ""
// or 0), and the README sheet with wb.Head, the column dictionary and wb.Readme.
//
// Determinism: excelize stamps no clock into the file when the document properties
// are set, writes the package parts in sorted order and leaves the ZIP entries'
// modification times at zero, so two builds of the same data give the same bytes.
func WriteXLSX(w io.Writer, t *Table, wb *Workbook) error {
	if t.Len()+1 > XLSXMaxRows {
		return fmt.Errorf("xlsx: %d rows do not fit a worksheet (%d)", t.Len(), XLSXMaxRows)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(newZip)
	if err := f.SetSheetName("Sheet1", wb.Sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := xlsxData(f, t, wb, bold); err != nil {
		return err
	}
	if err := xlsxReadme(f, t.Columns, wb, bold); err != nil {
		return err
	}
	props := wb.Props
	if err := f.SetDocProps(&props); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func xlsxData(f *excelize.File, t *Table, wb *Workbook, bold int) error {
	numFmt := map[string]int{}
	for _, code := range wb.NumFmts {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		numFmt[code] = id
	}
	sw, err := f.NewStreamWriter(wb.Sheet)
	if err != nil {
		return err
	}
	for i, wd := range wb.Widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	// A dictionary's texts are boxed as cell values once each, not once a row.
	boxed := dictCells(t, func(d string) any {
		if d == "" {
			return nil // an empty cell
		}
		return d
	})
	row := make([]any, len(t.Columns))
	for k := range t.Len() {
		i := t.row(k)
		for j, v := range t.Vectors {
			var c any
			if b := boxed[j]; b != nil {
				c = b[v.(*Strings).Codes[i]]
			} else {
				c = xlsxValue(v, i)
			}
			if c != nil && wb.NumFmt != nil {
				if code := wb.NumFmt(i, j); code != "" {
					id, ok := numFmt[code]
					if !ok {
						return fmt.Errorf("xlsx: column %s: number format %q not in NumFmts", t.Columns[j].Name, code)
					}
					c = excelize.Cell{StyleID: id, Value: c}
				}
			}
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, k+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	// No autofilter: excelize cannot add one to a streamed sheet (it would leave only
	// the defined name behind); Excel adds one in a click.
	return sw.Flush()
}

// xlsxValue is row i of v as a cell value: untyped nil for a missing value or "".
func xlsxValue(v Vector, i int) any {
	if v.Null(i) {
		return nil
	}
	switch v := v.(type) {
	case *Strings:
		if s := v.At(i); s != "" {
			return s
		}
	case *Ints:
		return v.V[i]
	case *Decimals:
		return v.Float(i)
	case *Floats:
		return v.V[i]
	case *Bools:
		return v.V[i]
	}
	return nil
}

func xlsxReadme(f *excelize.File, cols []Column, wb *Workbook, bold int) error {
	if _, err := f.NewSheet(ReadmeSheet); err != nil {
		return err
	}
	rows := append(slices.Clone(wb.Head), []any{}, []any{"Cột / Column", "Kiểu / Type", "Ý nghĩa", "Meaning"})
	for _, c := range cols {
		rows = append(rows, []any{c.Name, c.Type, c.VI, c.EN})
	}
	if len(wb.Readme) > 0 {
		rows = append(rows, []any{})
		rows = append(rows, wb.Readme...)
	}
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetSheetRow(ReadmeSheet, cell, &r); err != nil {
			return err
		}
		// The head in bold, and the header rows of wb.BoldRows.
		end := cell
		if h, ok := r[0].(string); ok && slices.Contains(wb.BoldRows, h) {
			end = fmt.Sprintf("D%d", i+1)
		}
		if i < len(wb.Head) || end != cell {
			if err := f.SetCellStyle(ReadmeSheet, cell, end, bold); err != nil {
				return err
			}
		}
	}
	for i, wd := range wb.ReadmeWidths {
		col := string(rune('A' + i))
		if err := f.SetColWidth(ReadmeSheet, col, col, wd); err != nil {
			return err
		}
	}
	return nil
}
