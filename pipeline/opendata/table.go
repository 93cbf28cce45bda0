// Package opendata writes the open-data files of a portal, one writer per format
// (CSV, JSON and JSON Lines, Parquet, XLSX), the data package that describes them and
// the checksums, from tables held as typed columns.
package opendata

// Column describes one column of a published table. The same definitions give the CSV
// header, the Parquet schema, the XLSX header and README sheet, the table schema of
// datapackage.json and the data dictionary on the data page, so none of them can
// drift from the files.
type Column struct {
	Name string `json:"name"`
	// Type is the Frictionless Table Schema type: integer, number, string or boolean.
	Type string `json:"type"`
	VI   string `json:"vi"`
	EN   string `json:"en"`
}

// Names returns the columns' names, in order: a CSV header.
func Names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// Table is a published table held as columns: Vectors[j] holds the values of
// Columns[j], one per row. Rows, when not nil, selects and orders the rows a writer
// writes (a view: the vectors are shared, not copied).
type Table struct {
	Columns []Column
	Vectors []Vector
	Rows    []int32
}

// Len is the number of rows the table's writers write.
func (t *Table) Len() int {
	if t.Rows != nil {
		return len(t.Rows)
	}
	if len(t.Vectors) == 0 {
		return 0
	}
	return t.Vectors[0].Len()
}

// row is the index in the vectors of the k-th row written.
func (t *Table) row(k int) int {
	if t.Rows != nil {
		return int(t.Rows[k])
	}
	return k
}

// Select is a view of the rows of t whose index keep reports true, in order.
func (t *Table) Select(keep func(i int) bool) *Table {
	rows := []int32{}
	for k := range t.Len() {
		if i := t.row(k); keep(i) {
			rows = append(rows, int32(i))
		}
	}
	return &Table{Columns: t.Columns, Vectors: t.Vectors, Rows: rows}
}

// Vector is one column's values. Each kind knows how every format writes a value:
// the CSV's text, the JSON value, the Arrow builder's and the worksheet cell's.
type Vector interface {
	Len() int
	// Null reports whether row i has no value (an empty CSV cell, a JSON null).
	Null(i int) bool
}

// Strings is a text column, dictionary-encoded: a million rows name a few thousand
// units, so each row holds a 4-byte code. Use Add to fill it.
type Strings struct {
	Dict  []string
	Codes []uint32
	index map[string]uint32
}

// Add appends s.
func (v *Strings) Add(s string) {
	if n := len(v.Codes); n > 0 && v.Dict[v.Codes[n-1]] == s {
		// Rows come grouped (a unit's figures, an indicator's groups): the text of the
		// row before is the commonest, and comparing with it is cheaper than hashing.
		v.Codes = append(v.Codes, v.Codes[n-1])
		return
	}
	c, ok := v.index[s]
	if !ok {
		if v.index == nil {
			v.index = map[string]uint32{}
		}
		c = uint32(len(v.Dict))
		v.Dict = append(v.Dict, s)
		v.index[s] = c
	}
	v.Codes = append(v.Codes, c)
}

// At is row i's text.
func (v *Strings) At(i int) string { return v.Dict[v.Codes[i]] }

// Len implements Vector.
func (v *Strings) Len() int { return len(v.Codes) }

// Null implements Vector: text is never null, an empty text is "".
func (v *Strings) Null(int) bool { return false }

// Ints is an integer column; Valid[i] false is a missing value.
type Ints struct {
	V     []int64
	Valid []bool
}

// Add appends n, or a missing value when ok is false.
func (v *Ints) Add(n int64, ok bool) {
	v.V = append(v.V, n)
	v.Valid = append(v.Valid, ok)
}

// Len implements Vector.
func (v *Ints) Len() int { return len(v.V) }

// Null implements Vector.
func (v *Ints) Null(i int) bool { return !v.Valid[i] }

// Decimals is a number column held as integers of 10^-Places[i] units, as the
// indicator engine rounds them: the CSV's text is written from the integer, digit
// by digit, and the typed value is the integer divided by 10^places, which is the
// double nearest that text (one correctly rounded division of exact operands).
type Decimals struct {
	Scaled []int64
	Places []uint8
	Valid  []bool
}

// Add appends scaled with places decimals, or a missing value when ok is false.
func (v *Decimals) Add(scaled int64, places int, ok bool) {
	v.Scaled = append(v.Scaled, scaled)
	v.Places = append(v.Places, uint8(places))
	v.Valid = append(v.Valid, ok)
}

// Float is row i's value.
func (v *Decimals) Float(i int) float64 {
	pow := 1.0
	for range v.Places[i] {
		pow *= 10
	}
	return float64(v.Scaled[i]) / pow
}

// Len implements Vector.
func (v *Decimals) Len() int { return len(v.Scaled) }

// Null implements Vector.
func (v *Decimals) Null(i int) bool { return !v.Valid[i] }

// Floats is a number column given as the CSV's text and the value that text reads
// as (the small tables: targets, support).
type Floats struct {
	Text  []string
	V     []float64
	Valid []bool
}

// Add appends a number's text and value, or a missing value when ok is false.
func (v *Floats) Add(text string, f float64, ok bool) {
	v.Text = append(v.Text, text)
	v.V = append(v.V, f)
	v.Valid = append(v.Valid, ok)
}

// Len implements Vector.
func (v *Floats) Len() int { return len(v.V) }

// Null implements Vector.
func (v *Floats) Null(i int) bool { return !v.Valid[i] }

// Bools is a boolean column.
type Bools struct {
	V     []bool
	Valid []bool
}

// Add appends b, or a missing value when ok is false.
func (v *Bools) Add(b, ok bool) {
	v.V = append(v.V, b)
	v.Valid = append(v.Valid, ok)
}

// Len implements Vector.
func (v *Bools) Len() int { return len(v.V) }

// Null implements Vector.
func (v *Bools) Null(i int) bool { return !v.Valid[i] }
