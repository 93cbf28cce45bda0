package indicator

import (
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

// schema is the columnar layout of one review year. Codes are small integers so a
// year of a whole country fits in a few bytes per household.
var schema = arrow.NewSchema([]arrow.Field{
	{Name: "village", Type: arrow.PrimitiveTypes.Int32},
	{Name: "status", Type: arrow.PrimitiveTypes.Int8},
	{Name: "deprivations", Type: arrow.PrimitiveTypes.Uint16}, // one bit per indicator
	{Name: "groups", Type: arrow.PrimitiveTypes.Uint8},        // one bit per priority group
	{Name: "members", Type: arrow.PrimitiveTypes.Int16},
	{Name: "insured", Type: arrow.PrimitiveTypes.Int16},
	{Name: "children", Type: arrow.PrimitiveTypes.Int16},
	{Name: "in_school", Type: arrow.PrimitiveTypes.Int16},
	{Name: "movement", Type: arrow.PrimitiveTypes.Int8},
	{Name: "recently_escaped", Type: arrow.FixedWidthTypes.Boolean},
}, nil)

func statusCode(s string) int8 {
	switch s {
	case "poor":
		return statusPoor
	case "near_poor":
		return statusNearPoor
	case "average_agri":
		return statusAverage
	}
	return statusNonPoor
}

// toArrow builds the year's record batch. moves and recent come from the history.
func toArrow(mem memory.Allocator, recs []review.Record, village func(string) int32, moves []int8, recent []bool) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for _, f := range b.Fields() {
		f.Reserve(len(recs))
	}
	vil := b.Field(0).(*array.Int32Builder)
	st := b.Field(1).(*array.Int8Builder)
	dep := b.Field(2).(*array.Uint16Builder)
	grp := b.Field(3).(*array.Uint8Builder)
	mem16 := b.Field(4).(*array.Int16Builder)
	ins := b.Field(5).(*array.Int16Builder)
	chi := b.Field(6).(*array.Int16Builder)
	sch := b.Field(7).(*array.Int16Builder)
	mov := b.Field(8).(*array.Int8Builder)
	rec := b.Field(9).(*array.BooleanBuilder)
	for i := range recs {
		r := &recs[i]
		vil.UnsafeAppend(village(r.VillageCode))
		st.UnsafeAppend(statusCode(r.Status))
		dep.UnsafeAppend(depBits(r))
		grp.UnsafeAppend(groupBits(r))
		mem16.UnsafeAppend(int16(r.Members))
		ins.UnsafeAppend(int16(r.MembersInsured))
		chi.UnsafeAppend(int16(r.Children6to15))
		sch.UnsafeAppend(int16(r.Children6to15InSchool))
		mov.UnsafeAppend(moves[i])
		rec.UnsafeAppend(recent[i])
	}
	return b.NewRecordBatch()
}

func depBits(r *review.Record) uint16 {
	var bits uint16
	for i, d := range r.Deprivations() {
		if d == 1 {
			bits |= 1 << i
		}
	}
	return bits
}

func groupBits(r *review.Record) uint8 {
	var bits uint8
	for i, g := range review.Groups {
		if r.GroupFlag(g) == 1 {
			bits |= 1 << i
		}
	}
	return bits
}
