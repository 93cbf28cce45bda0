package opendata

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// column is the rows of v as the Arrow array of one row group's column chunk, made
// over Go slices filled in one pass: no builder, no value boxed in an interface.
//
// A text column becomes a dictionary array whose dictionary holds the texts of these
// rows in the order they first appear, which is the dictionary the Parquet encoder
// would build by hashing every value: its pages are the same, and the hashing (half
// the time of a string column) is skipped. The file's stored Arrow schema still says
// string, so every reader gets plain text columns back.
func (p *Parquet) column(v Vector, rows []int32, f arrow.Field) (arrow.Array, error) {
	valid, nulls := validity(v, rows)
	if nulls > 0 && !f.Nullable {
		// A null in a required column would make an invalid file.
		return nil, fmt.Errorf("missing value")
	}
	n := len(rows)
	switch f.Type.ID() {
	case arrow.STRING:
		if s, ok := v.(*Strings); ok {
			return p.dictionary(s, rows), nil
		}
	case arrow.INT32:
		if x, ok := v.(*Ints); ok {
			out := make([]int32, n)
			for k, i := range rows {
				out[k] = int32(x.V[i])
				if int64(out[k]) != x.V[i] && x.Valid[i] {
					return nil, fmt.Errorf("%d does not fit a 32-bit integer", x.V[i])
				}
			}
			return fixed(f.Type, n, valid, nulls, arrow.Int32Traits.CastToBytes(out)), nil
		}
	case arrow.INT64:
		if x, ok := v.(*Ints); ok {
			out := make([]int64, n)
			for k, i := range rows {
				out[k] = x.V[i]
			}
			return fixed(f.Type, n, valid, nulls, arrow.Int64Traits.CastToBytes(out)), nil
		}
	case arrow.FLOAT64:
		if out, ok := floats(v, rows); ok {
			return fixed(f.Type, n, valid, nulls, arrow.Float64Traits.CastToBytes(out)), nil
		}
	case arrow.BOOL:
		if x, ok := v.(*Bools); ok {
			bits := make([]byte, bitutil.BytesForBits(int64(n)))
			for k, i := range rows {
				if x.V[i] {
					bitutil.SetBit(bits, k)
				}
			}
			return fixed(f.Type, n, valid, nulls, bits), nil
		}
	}
	return nil, fmt.Errorf("a %T vector in a %s column", v, f.Type)
}

// validity is the rows' validity bitmap (nil when none is missing) and how many are.
func validity(v Vector, rows []int32) ([]byte, int) {
	nulls := 0
	for _, i := range rows {
		if v.Null(int(i)) {
			nulls++
		}
	}
	if nulls == 0 {
		return nil, 0
	}
	bits := make([]byte, bitutil.BytesForBits(int64(len(rows))))
	for k, i := range rows {
		if !v.Null(int(i)) {
			bitutil.SetBit(bits, k)
		}
	}
	return bits, nulls
}

// floats is a number column's values for the rows; a missing value reads 0 (its
// validity bit is off).
func floats(v Vector, rows []int32) ([]float64, bool) {
	out := make([]float64, len(rows))
	switch x := v.(type) {
	case *Decimals:
		for k, i := range rows {
			out[k] = x.Float(int(i))
		}
	case *Floats:
		for k, i := range rows {
			out[k] = x.V[i]
		}
	case *Ints:
		for k, i := range rows {
			out[k] = float64(x.V[i])
		}
	default:
		return nil, false
	}
	return out, true
}

// fixed is a fixed-width array over values, with its validity bitmap when nulls > 0.
func fixed(t arrow.DataType, n int, valid []byte, nulls int, values []byte) arrow.Array {
	var bitmap *memory.Buffer
	if nulls > 0 {
		bitmap = memory.NewBufferBytes(valid)
	}
	data := array.NewData(t, n, []*memory.Buffer{bitmap, memory.NewBufferBytes(values)}, nil, nulls, 0)
	defer data.Release()
	return array.MakeFromData(data)
}

// dictionaryType is a text column's chunk as written: int32 codes into a dictionary.
var dictionaryType = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}

// dictionary is the rows of s as a dictionary array local to the rows: each text of
// s.Dict that the rows use gets the next code when it first appears.
func (p *Parquet) dictionary(s *Strings, rows []int32) arrow.Array {
	if len(p.remap) < len(s.Dict) {
		p.remap = make([]int32, len(s.Dict))
	}
	remap := p.remap[:len(s.Dict)]
	for c := range remap {
		remap[c] = -1
	}
	codes := make([]int32, len(rows))
	var used []uint32
	size := 0
	for k, i := range rows {
		c := s.Codes[i]
		if remap[c] < 0 {
			remap[c] = int32(len(used))
			used = append(used, c)
			size += len(s.Dict[c])
		}
		codes[k] = remap[c]
	}
	offsets := make([]int32, len(used)+1)
	text := make([]byte, 0, size)
	for u, c := range used {
		text = append(text, s.Dict[c]...)
		offsets[u+1] = int32(len(text))
	}
	dict := array.NewData(arrow.BinaryTypes.String, len(used),
		[]*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(offsets)), memory.NewBufferBytes(text)}, nil, 0, 0)
	defer dict.Release()
	idx := array.NewData(dictionaryType, len(rows),
		[]*memory.Buffer{nil, memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(codes))}, nil, 0, 0)
	defer idx.Release()
	idx.SetDictionary(dict)
	return array.MakeFromData(idx)
}
