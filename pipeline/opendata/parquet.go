package opendata

import (
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
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
	// remap is dictionary's scratch table from a column's codes to a chunk's.
	remap []int32
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
// at most RowGroupRows. Each row group is written column by column from arrays made
// straight from the vectors (see column), not through Arrow builders.
func (p *Parquet) Write(t *Table) error {
	for start := 0; start < t.Len(); start += RowGroupRows {
		rows := make([]int32, 0, min(RowGroupRows, t.Len()-start))
		for k := start; k < min(start+RowGroupRows, t.Len()); k++ {
			rows = append(rows, int32(t.row(k)))
		}
		if err := p.fw.NewRowGroupChecked(); err != nil {
			return fmt.Errorf("parquet: %w", err)
		}
		for j, v := range t.Vectors {
			arr, err := p.column(v, rows, p.schema.Field(j))
			if err != nil {
				return fmt.Errorf("parquet: column %s: %w", t.Columns[j].Name, err)
			}
			err = p.fw.WriteColumnData(arr)
			arr.Release()
			if err != nil {
				return fmt.Errorf("parquet: column %s: %w", t.Columns[j].Name, err)
			}
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
