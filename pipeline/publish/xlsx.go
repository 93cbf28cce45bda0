package publish

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/minhtien/portal/pipeline/indicator"
)

// The sheets of indicators.xlsx.
const (
	xlsxDataSheet   = "indicators"
	xlsxReadmeSheet = "README"
)

// xlsxBytes writes indicators.xlsx with excelize: the indicators sheet (bold, frozen
// header; numbers stored as numbers and displayed with the decimals the site uses;
// withheld cells empty) and a README sheet with the release, licence, citation,
// disclosure rule and column dictionary.
//
// Determinism: excelize stamps no clock into the file when the document properties
// are set (created and modified are the release date), writes the package parts in
// sorted order and leaves the ZIP entries' modification times at zero, so two builds
// of the same data give the same bytes (TestDeterministic checks it).
func (w *writer) xlsxBytes(recs []record) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", xlsxDataSheet); err != nil {
		return nil, err
	}
	if err := w.xlsxData(f, recs); err != nil {
		return nil, err
	}
	if err := w.xlsxReadme(f); err != nil {
		return nil, err
	}
	p := w.in.Portal
	stamp := w.in.Release.Date + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          p.Plan.TitleVI,
		Subject:        "Số liệu giảm nghèo bền vững / Sustainable poverty-reduction figures",
		Creator:        "UBND " + p.Unit.NameVI,
		LastModifiedBy: "UBND " + p.Unit.NameVI,
		Description:    "Release " + w.in.Release.Version + ". CC BY 4.0.",
		Keywords:       "giảm nghèo; poverty; " + p.Unit.Code,
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

func (w *writer) xlsxData(f *excelize.File, recs []record) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	// One display format per unit of measure, the decimals of indicator.Figure.Decimals.
	numFmt := map[int]int{}
	for _, d := range []int{0, 1, 3} {
		code := "0"
		if d > 0 {
			code = "0." + fmt.Sprintf("%0*d", d, 0)
		}
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		numFmt[d] = id
	}
	sw, err := f.NewStreamWriter(xlsxDataSheet)
	if err != nil {
		return err
	}
	widths := []float64{8, 10, 10, 18, 16, 30, 10, 11, 12, 15, 13}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(IndicatorColumns))
	for i, c := range IndicatorColumns {
		header[i] = excelize.Cell{StyleID: bold, Value: c}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range recs {
		decimals := (&indicator.Figure{Measure: r.Measure}).Decimals()
		var value, num, den, flag any
		if r.Value != nil {
			value = excelize.Cell{StyleID: numFmt[decimals], Value: *r.Value}
		}
		if r.Num != nil {
			num = *r.Num
		}
		if r.Den != nil {
			den = *r.Den
		}
		if r.Flag != "" {
			flag = r.Flag
		}
		// Missing values are empty cells (untyped nil), never "" or 0.
		row := []any{r.Year, r.Level, r.Code, r.Name, r.Group, r.Indicator, value, num, den, r.Measure, flag}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), row); err != nil {
			return err
		}
	}
	// No autofilter: excelize cannot add one to a streamed sheet (it would leave only
	// the defined name behind); Excel adds one in a click.
	return sw.Flush()
}

func (w *writer) xlsxReadme(f *excelize.File) error {
	if _, err := f.NewSheet(xlsxReadmeSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
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
		{"Số nhỏ / Small counts", fmt.Sprintf("Số từ 1 đến %d bị ẩn (trên trang: \"%s\"); một số ô khác bị ẩn thêm để không suy ra được bằng phép trừ (trên trang: \"%s\"). Ô bị ẩn để trống, cột flag = suppressed.", k-1, Marker(k), SecondaryMarker),
			fmt.Sprintf("Counts from 1 to %d are withheld (shown as \"%s\"); some other cells are withheld too so they cannot be worked out by subtraction (shown as \"%s\"). Withheld cells are empty, with flag = suppressed.", k-1, Marker(k), SecondaryMarker)},
		{},
		{"Cột / Column", "Kiểu / Type", "Ý nghĩa", "Meaning"},
	}
	for _, c := range indicatorColumns {
		rows = append(rows, []any{c.Name, c.Type, c.VI, c.EN})
	}
	rows = append(rows, []any{}, []any{"Chỉ số / Indicator", "Đơn vị đo / Unit of measure", "Ý nghĩa", "Meaning"})
	for _, d := range indicator.Definitions {
		rows = append(rows, []any{d.Code, d.Measure, d.VI, d.EN})
	}
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetSheetRow(xlsxReadmeSheet, cell, &r); err != nil {
			return err
		}
		// Titles, labels and the dictionaries' header rows in bold.
		end := cell
		if r[0] == "Cột / Column" || r[0] == "Chỉ số / Indicator" {
			end = fmt.Sprintf("D%d", i+1)
		}
		if i < 8 || end != cell {
			if err := f.SetCellStyle(xlsxReadmeSheet, cell, end, bold); err != nil {
				return err
			}
		}
	}
	for i, wd := range []float64{30, 40, 60, 60} {
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
