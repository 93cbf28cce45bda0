package opendata

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// CSV choices, for Excel, LibreOffice, pandas, R and DuckDB to open the files with
// nothing to fix:
//
//   - UTF-8 with a byte-order mark. Excel (Windows and Mac) opens a double-clicked
//     .csv in the legacy code page unless it starts with the UTF-8 BOM, which turns
//     "xã Minh Tiến" into mojibake; with the BOM it reads UTF-8. Readers that skip the
//     BOM: pandas.read_csv (checked with pandas 1.5, C and python engines: the first
//     column is "year"), DuckDB's CSV reader (since duckdb/duckdb#1573 and #3014),
//     R's readr, LibreOffice (it preselects UTF-8) and Frictionless. Python's own csv
//     module does not: with encoding="utf-8" the first header reads "\ufeffyear", with
//     "utf-8-sig" it reads "year" (checked); the data page says so. The JSON files
//     carry no BOM: JSON forbids one and DuckDB's JSON reader rejects it.
//   - CRLF line endings, as RFC 4180 and the default Frictionless dialect specify, so
//     datapackage.json needs no dialect; every CSV reader above accepts them.
//   - Comma separator and "." decimal point whatever the language, numbers without
//     thousands separators, empty cells for missing values.
//
// Fields are quoted exactly as encoding/csv quotes them (TestCSVFieldMatchesEncodingCSV),
// so files written before this writer existed keep their bytes.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// CSV writes one published CSV: the BOM and the header first (see BOM), then rows.
// It is the only CSV writer of the open data; a header of nil writes rows only (the
// rows a nation's commune file gathers from each province).
type CSV struct {
	w    *bufio.Writer
	line []byte
	rows int
}

// NewCSV starts a CSV on w.
func NewCSV(w io.Writer, header []string) (*CSV, error) {
	c := &CSV{w: bufio.NewWriterSize(w, 1<<16)}
	if header == nil {
		return c, nil
	}
	c.w.Write(BOM)
	err := c.Row(header)
	c.rows = 0
	return c, err
}

// Row writes one row of cells.
func (c *CSV) Row(cells []string) error {
	c.line = c.line[:0]
	for j, s := range cells {
		if j > 0 {
			c.line = append(c.line, ',')
		}
		c.line = appendField(c.line, s)
	}
	return c.end()
}

func (c *CSV) end() error {
	c.line = append(c.line, '\r', '\n')
	c.rows++
	_, err := c.w.Write(c.line)
	return err
}

// Rows is the number of rows written, the header not included.
func (c *CSV) Rows() int { return c.rows }

// Flush writes what is buffered to the underlying writer.
func (c *CSV) Flush() error { return c.w.Flush() }

// Table writes every row of t, column by column from its vectors. A text column's
// dictionary is quoted once, not once a row.
func (c *CSV) Table(t *Table) error {
	quoted := quoteDicts(t, appendField)
	for k := range t.Len() {
		i := t.row(k)
		c.line = c.line[:0]
		for j, v := range t.Vectors {
			if j > 0 {
				c.line = append(c.line, ',')
			}
			if q := quoted[j]; q != nil {
				c.line = append(c.line, q[v.(*Strings).Codes[i]]...)
				continue
			}
			c.line = appendCSVValue(c.line, v, i)
		}
		if err := c.end(); err != nil {
			return err
		}
	}
	return nil
}

// quoteDicts is, for each text column of t, its dictionary's texts as quote writes
// them; nil for the other columns.
func quoteDicts(t *Table, quote func([]byte, string) []byte) [][][]byte {
	return dictCells(t, func(d string) []byte { return quote(nil, d) })
}

// dictCells is, for each text column of t, cell of each text of its dictionary;
// nil for the other columns. Each writer turns a dictionary's texts into cells
// once, not once a row.
func dictCells[T any](t *Table, cell func(string) T) [][]T {
	out := make([][]T, len(t.Vectors))
	for j, v := range t.Vectors {
		if sv, ok := v.(*Strings); ok {
			out[j] = make([]T, len(sv.Dict))
			for c, d := range sv.Dict {
				out[j][c] = cell(d)
			}
		}
	}
	return out
}

// CSVBytes is a whole CSV in memory, for the small tables.
func CSVBytes(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	c, err := NewCSV(&b, header)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if err := c.Row(r); err != nil {
			return nil, err
		}
	}
	if err := c.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// appendCSVValue appends row i of v as a CSV cell: missing values are empty.
func appendCSVValue(dst []byte, v Vector, i int) []byte {
	if v.Null(i) {
		if f, ok := v.(*Floats); ok {
			return appendField(dst, f.Text[i])
		}
		return dst
	}
	switch v := v.(type) {
	case *Strings:
		return appendField(dst, v.At(i))
	case *Ints:
		return strconv.AppendInt(dst, v.V[i], 10)
	case *Decimals:
		return AppendScaled(dst, v.Scaled[i], int(v.Places[i]))
	case *Floats:
		return appendField(dst, v.Text[i])
	case *Bools:
		return strconv.AppendBool(dst, v.V[i])
	}
	return dst
}

// AppendScaled appends an integer count of 10^-places units as a decimal number with
// "." and no grouping, as indicator.FormatScaled writes it in English without its
// thousands commas.
func AppendScaled(dst []byte, s int64, places int) []byte {
	if s < 0 {
		dst = append(dst, '-')
		s = -s
	}
	pow := int64(1)
	for range places {
		pow *= 10
	}
	dst = strconv.AppendInt(dst, s/pow, 10)
	if places == 0 {
		return dst
	}
	dst = append(dst, '.')
	frac := s % pow
	for p := pow / 10; p > 0; p /= 10 {
		dst = append(dst, byte('0'+frac/p))
		frac %= p
	}
	return dst
}

// appendField appends one field as encoding/csv (comma, UseCRLF) writes it.
func appendField(dst []byte, s string) []byte {
	if !fieldNeedsQuotes(s) {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			dst = append(dst, '"', '"')
		case '\r':
			// encoding/csv drops a quoted CR under UseCRLF and writes each LF as CRLF.
		case '\n':
			dst = append(dst, '\r', '\n')
		default:
			dst = append(dst, s[i])
		}
	}
	return append(dst, '"')
}

// fieldNeedsQuotes is encoding/csv's rule for a comma-separated file.
func fieldNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
