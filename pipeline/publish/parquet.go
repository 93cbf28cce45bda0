package publish

import (
	"bytes"

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

// indicatorSchema is the Arrow schema of indicators.parquet: typed columns, nullable
// where the CSV may be empty (value, numerator, denominator). Each field carries its
// English description.
func indicatorSchema() *arrow.Schema {
	fields := make([]arrow.Field, len(indicatorColumns))
	for i, c := range indicatorColumns {
		nullable := c.Name == "value" || c.Name == "numerator" || c.Name == "denominator"
		fields[i] = arrow.Field{Name: c.Name, Type: arrowType(c), Nullable: nullable,
			Metadata: arrow.NewMetadata([]string{"description"}, []string{c.EN})}
	}
	return arrow.NewSchema(fields, nil)
}

// parquetBytes writes indicators.parquet with arrow-go: one row group, Snappy
// compression, the Arrow schema stored, and the release in the file's key-value
// metadata. The writer records no time, so the bytes depend on the data only.
func parquetBytes(recs []record, rel Release) ([]byte, error) {
	mem := memory.NewGoAllocator()
	schema := indicatorSchema()
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	str := func(i int) *array.StringBuilder { return b.Field(i).(*array.StringBuilder) }
	i64 := func(i int, v *int64) {
		fb := b.Field(i).(*array.Int64Builder)
		if v == nil {
			fb.AppendNull()
		} else {
			fb.Append(*v)
		}
	}
	for _, r := range recs {
		b.Field(0).(*array.Int32Builder).Append(int32(r.Year))
		str(1).Append(r.Level)
		str(2).Append(r.Code)
		str(3).Append(r.Name)
		str(4).Append(r.Group)
		str(5).Append(r.Indicator)
		if r.Value == nil {
			b.Field(6).(*array.Float64Builder).AppendNull()
		} else {
			b.Field(6).(*array.Float64Builder).Append(*r.Value)
		}
		i64(7, r.Num)
		i64(8, r.Den)
		str(9).Append(r.Measure)
		str(10).Append(r.Flag)
	}
	rec := b.NewRecordBatch()
	defer rec.Release()

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
