package publish

// tableRow is one row of a published table, in the two forms its files are written
// from: the CSV's text and the typed values (column name -> int, int64, float64,
// string, bool or nil) of the JSON, Parquet and XLSX files. Both come from the same
// figure, so a value withheld in one format is withheld in all of them.
type tableRow struct {
	cells []string
	typed map[string]any
}

// table is a published table: name.csv and name.json, and name.parquet and
// name.xlsx when nullable and sheet are set.
type table struct {
	name string
	cols []column
	rows []tableRow
	// nullable says which Parquet columns may hold nulls; nil writes no Parquet.
	nullable func(column) bool
	// sheet lays out the workbook; nil writes no XLSX.
	sheet *xlsxSheet
}

// cells returns the rows as the CSV has them.
func cells(rows []tableRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.cells
	}
	return out
}

// writeTable writes every file of t, all from the same rows.
func (w *writer) writeTable(t table) error {
	b, err := csvBytes(names(t.cols), cells(t.rows))
	if err != nil {
		return err
	}
	if err := w.download(t.name+".csv", b); err != nil {
		return err
	}
	typed := make([]map[string]any, len(t.rows))
	for i, r := range t.rows {
		typed[i] = r.typed
	}
	js, err := tableJSON(t.cols, w.in.Release, typed)
	if err != nil {
		return err
	}
	if err := w.download(t.name+".json", js); err != nil {
		return err
	}
	if t.nullable != nil {
		pq, err := tableParquet(t.cols, t.nullable, typed, w.in.Release)
		if err != nil {
			return err
		}
		if err := w.download(t.name+".parquet", pq); err != nil {
			return err
		}
	}
	if t.sheet != nil {
		xl, err := w.tableXLSX(*t.sheet, t.cols, typed)
		if err != nil {
			return err
		}
		if err := w.download(t.name+".xlsx", xl); err != nil {
			return err
		}
	}
	return nil
}
