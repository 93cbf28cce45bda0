package publish

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/minhtien/portal/pipeline/opendata"
)

// xlsxDataSheet is the data sheet of indicators.xlsx; every workbook also has
// opendata.ReadmeSheet.
const xlsxDataSheet = "indicators"

// xlsxSheet is what sets one table's workbook apart from another's (see
// opendata.Workbook, which it becomes with the portal's README head).
type xlsxSheet struct {
	name     string // the data sheet
	subject  string // document properties
	keywords string
	// widths are the data sheet's column widths; nil leaves Excel's default.
	widths []float64
	// numFmts are the number formats numFmt may give a data cell, in the order their
	// styles are made.
	numFmts []string
	// numFmt is the number format of row i's cell in column j ("" for none); nil for
	// no formats.
	numFmt func(i, j int) string
	// readme are the README rows after the column dictionary and an empty row.
	readme [][]any
	// boldRows are the first cells of the README rows set in bold from A to D: the
	// dictionaries' header rows.
	boldRows []string
	// readmeWidths are the README's column widths; nil leaves Excel's default.
	readmeWidths []float64
}

// workbook is the layout of a table's workbook: s, the document properties (created
// and modified are the release date) and the README's head: the release, licence,
// citation and disclosure rule.
func (w *writer) workbook(s *xlsxSheet) *opendata.Workbook {
	p := w.in.Portal
	stamp := w.in.Release.Date + "T00:00:00Z"
	return &opendata.Workbook{
		Sheet: s.name,
		Props: excelize.DocProperties{
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
		},
		Widths: s.widths, NumFmts: s.numFmts, NumFmt: s.numFmt,
		Head:   w.readmeHead(),
		Readme: s.readme, BoldRows: s.boldRows, ReadmeWidths: s.readmeWidths,
	}
}

// readmeHead are the README's first rows.
func (w *writer) readmeHead() [][]any {
	p := w.in.Portal
	k := p.Disclosure.K
	return [][]any{
		{p.Plan.TitleVI},
		{p.Plan.TitleEN},
		{"Đơn vị / Unit", p.Unit.NameVI + " (" + p.Unit.Code + "), " + p.Unit.DistrictVI + ", " + p.Unit.ProvinceVI},
		{"Bản phát hành / Release", w.in.Release.Version, w.in.Release.Date},
		{"Giấy phép / Licence", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"},
		{"Trích dẫn / Citation", w.citation("vi"), w.citation("en")},
		{"Nguồn / Source", p.Site.BaseURL + "data/"},
		{"Số nhỏ / Small counts", fmt.Sprintf("Số từ 1 đến %d bị ẩn; một số ô khác bị ẩn thêm để không suy ra được bằng phép trừ. Ô bị ẩn để trống, cột flag = suppressed; cột value_lower và value_upper cho khoảng giá trị mà người đọc có thể suy ra (trên trang: \"1–4\").", k-1),
			fmt.Sprintf("Counts from 1 to %d are withheld; some other cells are withheld too so they cannot be worked out by subtraction. Withheld cells are empty, with flag = suppressed; value_lower and value_upper give the range a reader can deduce (on the page: \"1–4\").", k-1)},
	}
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
