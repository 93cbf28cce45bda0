package opendata

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// readBack reads a Parquet file with arrow-go as a reader would: one table, its
// columns as the stored schema gives them.
func readBack(t *testing.T, b []byte) arrow.Table {
	t.Helper()
	r, err := file.NewParquetReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(r, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tbl.Release)
	return tbl
}

// cellText is row i of a read-back column as the CSV writes it ("" for a null).
func cellText(t *testing.T, col *arrow.Chunked, i int) string {
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
		case *array.String:
			return a.Value(i)
		case *array.Int32:
			return strconv.Itoa(int(a.Value(i)))
		case *array.Int64:
			return strconv.FormatInt(a.Value(i), 10)
		case *array.Float64:
			return strconv.FormatFloat(a.Value(i), 'f', -1, 64)
		case *array.Boolean:
			return strconv.FormatBool(a.Value(i))
		}
		t.Fatalf("column of type %s", ch.DataType())
	}
	t.Fatal("row out of range")
	return ""
}

// TestParquetReadsBackAsCSV: every cell of a Parquet file, read back with arrow-go,
// is the CSV's cell (numbers as the same double), text columns read back as plain
// strings (not the dictionaries they are written from), and this holds across row
// groups, for a view that selects and reorders rows, and for every kind of vector.
func TestParquetReadsBackAsCSV(t *testing.T) {
	big := benchTable(RowGroupRows + 5000)
	cases := []struct {
		name string
		t    *Table
	}{
		{"every kind of vector, with nulls", sample()},
		{"more rows than a row group", big},
		{"a view of every third row", big.Select(func(i int) bool { return i%3 == 1 })},
		{"a view in reverse", &Table{Columns: big.Columns, Vectors: big.Vectors, Rows: []int32{9, 7, 7, 3, 0}}},
		{"no rows", big.Select(func(int) bool { return false })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var pq, cs bytes.Buffer
			if err := WriteParquet(&pq, c.t, func(Column) bool { return true }, Release{"1", "2025-12-31"}); err != nil {
				t.Fatal(err)
			}
			w, err := NewCSV(&cs, Names(c.t.Columns))
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Table(c.t); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(cs.String(), string(BOM)))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			tbl := readBack(t, pq.Bytes())
			if int(tbl.NumRows()) != len(rows)-1 || int(tbl.NumCols()) != len(rows[0]) {
				t.Fatalf("parquet %dx%d, csv %dx%d", tbl.NumRows(), tbl.NumCols(), len(rows)-1, len(rows[0]))
			}
			for j := range int(tbl.NumCols()) {
				f := tbl.Schema().Field(j)
				if f.Name != rows[0][j] {
					t.Fatalf("column %d is %q, csv %q", j, f.Name, rows[0][j])
				}
				if f.Type.ID() == arrow.DICTIONARY {
					t.Errorf("column %s reads back as %s, not as text", f.Name, f.Type)
				}
				for r := 1; r < len(rows); r++ {
					got, want := cellText(t, tbl.Column(j).Data(), r-1), rows[r][j]
					if got != want && !sameFloat(got, want) {
						t.Fatalf("row %d column %s: parquet %q, csv %q", r, f.Name, got, want)
					}
				}
			}
		})
	}
}

// sameFloat reports whether two numbers' texts read as the same double.
func sameFloat(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && x == y
}

// TestParquetRefusesWhatItCannotHold: a missing value in a column the schema says is
// required, or a year past 32 bits, is an error, not an invalid file or a wrong value.
func TestParquetRefusesWhatItCannotHold(t *testing.T) {
	year := &Ints{}
	year.Add(2025, true)
	year.Add(0, false)
	year.Add(1<<40, true)
	cols := []Column{{"year", "integer", "", ""}}
	cases := []struct {
		name     string
		rows     []int32
		nullable func(Column) bool
		want     string
	}{
		{"a null in a required column", []int32{0, 1}, func(Column) bool { return false }, "missing value"},
		{"a year past 32 bits", []int32{0, 2}, func(Column) bool { return true }, "does not fit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			tb := &Table{Columns: cols, Vectors: []Vector{year}, Rows: c.rows}
			err := WriteParquet(&b, tb, c.nullable, Release{})
			if err == nil || !strings.Contains(err.Error(), "column year") || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error on column year saying %q", err, c.want)
			}
		})
	}
}
