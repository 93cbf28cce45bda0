package indicator

import (
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/minhtien/portal/pipeline/review"
)

// Status codes in the Arrow status column.
const (
	statusPoor int8 = iota
	statusNearPoor
	statusAverage
	statusNonPoor
)

// Movement codes in the Arrow movement column.
const (
	moveNone int8 = iota
	moveEscaped
	moveNewlyPoor
	moveRelapsed
)

// schema is the columnar layout of one batch of a review year under a standard of k
// indicators, as the engine aggregates it. Codes are small integers so a year of a
// whole country fits in a few bytes per household; the village column holds village
// indexes, and the deprivations are a fixed-size list of one 0/1 byte per indicator
// of the standard, in its order.
func schema(k int) *arrow.Schema {
	return arrow.NewSchema([]arrow.Field{
		{Name: "village", Type: arrow.PrimitiveTypes.Int32},
		{Name: "status", Type: arrow.PrimitiveTypes.Int8},
		{Name: "deprivations", Type: arrow.FixedSizeListOf(int32(k), arrow.PrimitiveTypes.Uint8)},
		{Name: "groups", Type: arrow.PrimitiveTypes.Uint8}, // one bit per priority group
		{Name: "members", Type: arrow.PrimitiveTypes.Int16},
		{Name: "insured", Type: arrow.PrimitiveTypes.Int16},
		{Name: "children", Type: arrow.PrimitiveTypes.Int16},
		{Name: "in_school", Type: arrow.PrimitiveTypes.Int16},
		{Name: "movement", Type: arrow.PrimitiveTypes.Int8},
		{Name: "recently_escaped", Type: arrow.PrimitiveTypes.Uint8},
	}, nil)
}

// column wraps a Go slice as an Arrow array without copying it; the slice must
// outlive the array.
func column[T int8 | uint8 | int16 | uint16 | int32](typ arrow.DataType, vals []T) arrow.Array {
	var zero T
	size := int(unsafe.Sizeof(zero))
	raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(vals))), len(vals)*size)
	data := array.NewData(typ, len(vals), []*memory.Buffer{nil, memory.NewBufferBytes(raw)}, nil, 0, 0)
	defer data.Release()
	return array.MakeFromData(data)
}

// deprivations views n rows of k flags as a fixed-size list column, without copying.
func deprivations(flags []uint8, n, k int) arrow.Array {
	child := column(arrow.PrimitiveTypes.Uint8, flags)
	defer child.Release()
	data := array.NewData(arrow.FixedSizeListOf(int32(k), arrow.PrimitiveTypes.Uint8), n, []*memory.Buffer{nil}, []arrow.ArrayData{child.Data()}, 0, 0)
	defer data.Release()
	return array.MakeFromData(data)
}

// toArrow views a batch's columns (and the village and movement columns the engine
// derived from it) as one Arrow record batch, without copying.
func toArrow(b *review.Batch, village []int32, moves []int8, recent []uint8) arrow.RecordBatch {
	cols := []arrow.Array{
		column(arrow.PrimitiveTypes.Int32, village),
		column(arrow.PrimitiveTypes.Int8, b.Status),
		deprivations(b.Deps, b.Len(), b.NDep),
		column(arrow.PrimitiveTypes.Uint8, b.Groups),
		column(arrow.PrimitiveTypes.Int16, b.Members),
		column(arrow.PrimitiveTypes.Int16, b.Insured),
		column(arrow.PrimitiveTypes.Int16, b.Children),
		column(arrow.PrimitiveTypes.Int16, b.InSchool),
		column(arrow.PrimitiveTypes.Int8, moves),
		column(arrow.PrimitiveTypes.Uint8, recent),
	}
	rec := array.NewRecordBatch(schema(b.NDep), cols, int64(b.Len()))
	for _, c := range cols {
		c.Release()
	}
	return rec
}
