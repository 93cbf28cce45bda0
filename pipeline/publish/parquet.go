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
)

// arrowType maps a Table Schema type to the Parquet column's Arrow type. year is the
// one int32 column; other integers are int64.
func arrowType(c column) arrow.DataType {
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

// tableParquet writes a table as Parquet with arrow-go: typed columns, nullable where
// nullable says (it is part of the schema, so each table keeps its own), each field
// carrying its English description; one row group, Snappy compression, the Arrow
// schema stored and the release in the file's key-value metadata. The writer records
// no time, so the bytes depend on the data only.
func tableParquet(cols []column, nullable func(column) bool, rows []map[string]any, rel Release) ([]byte, error) {
	mem := memory.NewGoAllocator()
	schema := parquetSchema(cols, nullable)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for _, r := range rows {
		for i, c := range cols {
			ok, err := appendValue(b.Field(i), r[c.Name])
			if err != nil {
				return nil, fmt.Errorf("parquet: column %s: %w", c.Name, err)
			}
			if !ok {
				if !schema.Field(i).Nullable {
					// A null in a required column would make an invalid file.
					return nil, fmt.Errorf("parquet: column %s: missing value", c.Name)
				}
				b.Field(i).AppendNull()
			}
		}
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	return writeParquet(mem, schema, rec, rel)
}

// parquetSchema is the Arrow schema of a table's Parquet file.
func parquetSchema(cols []column, nullable func(column) bool) *arrow.Schema {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c.Name, Type: arrowType(c), Nullable: nullable(c),
			Metadata: arrow.NewMetadata([]string{"description"}, []string{c.EN})}
	}
	return arrow.NewSchema(fields, nil)
}

// writeParquet encodes one record batch as a Parquet file.
func writeParquet(mem memory.Allocator, schema *arrow.Schema, rec arrow.RecordBatch, rel Release) ([]byte, error) {
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

// appendValue appends v to the column's builder and reports whether it did; a value
// of another type than the column's (nil included) is missing, for the caller to
// append a null.
func appendValue(b array.Builder, v any) (bool, error) {
	switch fb := b.(type) {
	case *array.Int32Builder:
		if n, ok := asInt64(v); ok {
			fb.Append(int32(n))
			return true, nil
		}
	case *array.Int64Builder:
		if n, ok := asInt64(v); ok {
			fb.Append(n)
			return true, nil
		}
	case *array.Float64Builder:
		switch x := v.(type) {
		case float64:
			fb.Append(x)
			return true, nil
		case int64:
			fb.Append(float64(x))
			return true, nil
		}
	case *array.BooleanBuilder:
		if x, ok := v.(bool); ok {
			fb.Append(x)
			return true, nil
		}
	case *array.StringBuilder:
		if x, ok := v.(string); ok {
			fb.Append(x)
			return true, nil
		}
	default:
		return false, fmt.Errorf("unexpected builder %T", b)
	}
	return false, nil
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
