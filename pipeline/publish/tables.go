package publish

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/opendata"
)

// tableRow is one row of a small published table (targets, support), in the two
// forms its files are written from: the CSV's text and the typed values (column name
// -> int, int64, float64, string, bool or nil) of the JSON, Parquet and XLSX files.
// Both come from the same figure, so a value withheld in one format is withheld in
// all of them. The large tables (indicators) are built as columns directly.
type tableRow struct {
	cells []string
	typed map[string]any
}

// table is a small published table: name.csv and name.json, and name.parquet and
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
	cols, err := columnsOf(t.cols, t.rows)
	if err != nil {
		return fmt.Errorf("%s: %w", t.name, err)
	}
	o := opendata.Output{Name: t.name, Table: cols, CSVRows: cells(t.rows), JSON: true, Release: w.release()}
	if t.nullable != nil {
		o.Nullable = func(c opendata.Column) bool { return t.nullable(column(c)) }
	}
	if t.sheet != nil {
		o.Workbook = w.workbook(t.sheet)
	}
	return w.files.WriteTables(o)
}

// columnsOf turns typed rows into the columns the writers take, one vector per
// column of the type its schema says; a value of another type is an error.
func columnsOf(cols []column, rows []tableRow) (*opendata.Table, error) {
	t := &opendata.Table{Columns: openColumns(cols)}
	for _, c := range cols {
		var v opendata.Vector
		var err error
		switch c.Type {
		case "integer":
			v, err = intsOf(c.Name, rows)
		case "number":
			v, err = floatsOf(c.Name, rows)
		case "boolean":
			b := &opendata.Bools{}
			for _, r := range rows {
				x, ok := r.typed[c.Name].(bool)
				if !ok && r.typed[c.Name] != nil {
					err = fmt.Errorf("column %s: %T is not a boolean", c.Name, r.typed[c.Name])
				}
				b.Add(x, ok)
			}
			v = b
		default:
			s := &opendata.Strings{}
			for _, r := range rows {
				x, ok := r.typed[c.Name].(string)
				if !ok && r.typed[c.Name] != nil {
					err = fmt.Errorf("column %s: %T is not a string", c.Name, r.typed[c.Name])
				}
				s.Add(x)
			}
			v = s
		}
		if err != nil {
			return nil, err
		}
		t.Vectors = append(t.Vectors, v)
	}
	return t, nil
}

func intsOf(name string, rows []tableRow) (*opendata.Ints, error) {
	v := &opendata.Ints{}
	for _, r := range rows {
		switch x := r.typed[name].(type) {
		case nil:
			v.Add(0, false)
		case int:
			v.Add(int64(x), true)
		case int64:
			v.Add(x, true)
		default:
			return nil, fmt.Errorf("column %s: %T is not an integer", name, x)
		}
	}
	return v, nil
}

// floatsOf is a number column; its text is the CSV's (for the JSON and XLSX, the
// value is what matters).
func floatsOf(name string, rows []tableRow) (*opendata.Floats, error) {
	v := &opendata.Floats{}
	for _, r := range rows {
		switch x := r.typed[name].(type) {
		case nil:
			v.Add("", 0, false)
		case float64:
			v.Add("", x, true)
		case int64:
			v.Add("", float64(x), true)
		case int:
			v.Add("", float64(x), true)
		default:
			return nil, fmt.Errorf("column %s: %T is not a number", name, x)
		}
	}
	return v, nil
}
