package opendata

import (
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// arrowType maps a Table Schema type to the Parquet column's Arrow type. year is the
// one int32 column; other integers are int64.
func arrowType(c Column) arrow.DataType {
	switch {
	case c.Name == "year":
		return arrow.PrimitiveTypes.Int32
	case c.Type == "integer":
		return arrow.PrimitiveTypes.Int64
	case c.Type == "number":
		return arrow.PrimitiveTypes.Float64
	case c.Type == "boolean":
		return arrow.FixedWidthTypes.Boolean
	}
	return arrow.BinaryTypes.String
}

// Schema is the Arrow schema of a table's Parquet file: typed columns, nullable where
// nullable says (it is part of the schema, so each table keeps its own), each field
// carrying its English description.
func Schema(cols []Column, nullable func(Column) bool) *arrow.Schema {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c.Name, Type: arrowType(c), Nullable: nullable(c),
			Metadata: arrow.NewMetadata([]string{"description"}, []string{c.EN})}
	}
	return arrow.NewSchema(fields, nil)
}

// Parquet writes tables as one Parquet file, one row group per Write (at most 2^20
// rows each), Snappy compression, the Arrow schema stored and the release in the
// file's key-value metadata. The writer records no time, so the bytes depend on the
// data only. A nation's commune file is written a province at a time.
type Parquet struct {
	mem    memory.Allocator
	schema *arrow.Schema
	fw     *pqarrow.FileWriter
}

// NewParquet starts a Parquet file on w.
func NewParquet(w io.Writer, cols []Column, nullable func(Column) bool) (*Parquet, error) {
	mem := memory.NewGoAllocator()
	schema := Schema(cols, nullable)
	props := parquet.NewWriterProperties(
		parquet.WithAllocator(mem),
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(1<<20),
	)
	fw, err := pqarrow.NewFileWriter(schema, w, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema(), pqarrow.WithAllocator(mem)))
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	return &Parquet{mem: mem, schema: schema, fw: fw}, nil
}

// RowGroupRows is the most rows of one row group. Each is built as one Arrow record
// and encoded before the next: a million-row table in one record would hold every
// value twice more (the builders and the encoder's pages), over a gigabyte at a
// province's scale. A commune's tables fit in one row group, as before.
const RowGroupRows = 1 << 17

// Write appends the rows of t, whose columns must be the file's, in row groups of
// at most RowGroupRows.
func (p *Parquet) Write(t *Table) error {
	for start := 0; start < t.Len(); start += RowGroupRows {
		rows := make([]int32, 0, min(RowGroupRows, t.Len()-start))
		for k := start; k < min(start+RowGroupRows, t.Len()); k++ {
			rows = append(rows, int32(t.row(k)))
		}
		rec, err := p.record(&Table{Columns: t.Columns, Vectors: t.Vectors, Rows: rows})
		if err != nil {
			return err
		}
		err = p.fw.Write(rec)
		rec.Release()
		if err != nil {
			return fmt.Errorf("parquet: %w", err)
		}
	}
	return nil
}

// Close writes the release into the metadata and ends the file.
func (p *Parquet) Close(rel Release) error {
	for _, kv := range [][2]string{{"release_version", rel.Version}, {"release_date", rel.Date}, {"license", "CC-BY-4.0"}} {
		if err := p.fw.AppendKeyValueMetadata(kv[0], kv[1]); err != nil {
			p.fw.Close()
			return fmt.Errorf("parquet: %w", err)
		}
	}
	return p.fw.Close()
}

// WriteParquet writes t as a whole Parquet file.
func WriteParquet(w io.Writer, t *Table, nullable func(Column) bool, rel Release) error {
	p, err := NewParquet(w, t.Columns, nullable)
	if err != nil {
		return err
	}
	if err := p.Write(t); err != nil {
		p.fw.Close()
		return err
	}
	return p.Close(rel)
}

// record builds one Arrow record batch from the table's vectors, column by column.
func (p *Parquet) record(t *Table) (arrow.RecordBatch, error) {
	b := array.NewRecordBuilder(p.mem, p.schema)
	defer b.Release()
	n := t.Len()
	for j, v := range t.Vectors {
		name := t.Columns[j].Name
		fb := b.Field(j)
		fb.Reserve(n)
		for k := range n {
			i := t.row(k)
			if v.Null(i) {
				if !p.schema.Field(j).Nullable {
					// A null in a required column would make an invalid file.
					return nil, fmt.Errorf("parquet: column %s: missing value", name)
				}
				fb.AppendNull()
				continue
			}
			if err := appendArrow(fb, v, i); err != nil {
				return nil, fmt.Errorf("parquet: column %s: %w", name, err)
			}
		}
	}
	return b.NewRecordBatch(), nil
}

// appendArrow appends row i of v, present, to the column's builder.
func appendArrow(b array.Builder, v Vector, i int) error {
	switch fb := b.(type) {
	case *array.StringBuilder:
		if s, ok := v.(*Strings); ok {
			fb.Append(s.At(i))
			return nil
		}
	case *array.Int32Builder:
		if x, ok := v.(*Ints); ok {
			fb.Append(int32(x.V[i]))
			return nil
		}
	case *array.Int64Builder:
		if x, ok := v.(*Ints); ok {
			fb.Append(x.V[i])
			return nil
		}
	case *array.Float64Builder:
		switch x := v.(type) {
		case *Decimals:
			fb.Append(x.Float(i))
			return nil
		case *Floats:
			fb.Append(x.V[i])
			return nil
		case *Ints:
			fb.Append(float64(x.V[i]))
			return nil
		}
	case *array.BooleanBuilder:
		if x, ok := v.(*Bools); ok {
			fb.Append(x.V[i])
			return nil
		}
	}
	return fmt.Errorf("a %T vector in a %T column", v, b)
}
