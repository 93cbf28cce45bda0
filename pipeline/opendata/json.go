package opendata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSONMaxRows is the most rows a table's JSON file holds: about 85 MB at the 280
// bytes an indicator row takes (a province's 110,000 commune rows are 31 MB), past
// which a browser tab or json.load, which parse the whole file at once, are slow to
// open it. A larger table is written as JSON Lines instead (one row object a line,
// which DuckDB, pandas and jq read as they go).
const JSONMaxRows = 300_000

// Release identifies a data release; the JSON files carry it beside the rows.
type Release struct {
	Version string `json:"version"`
	Date    string `json:"date"`
}

// WriteJSON writes t as {"columns": [...], "release": {...}, "rows": [{...}, ...]}
// and a newline, byte for byte as encoding/json (without HTML escaping) encodes the
// same rows as maps: keys sorted, numbers in the shortest form that reads back.
func WriteJSON(w io.Writer, t *Table, rel Release) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	head, err := marshal(struct {
		Columns []string `json:"columns"`
		Release Release  `json:"release"`
	}{Names(t.Columns), rel})
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-2]) // without its closing brace and newline
	bw.WriteString(`,"rows":[`)
	if err := jsonRows(bw, t, ","); err != nil {
		return err
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// WriteJSONLines writes t as JSON Lines: each row's object (as in WriteJSON) on its
// own line.
func WriteJSONLines(w io.Writer, t *Table) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if t.Len() > 0 {
		if err := jsonRows(bw, t, "\n"); err != nil {
			return err
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// jsonRows writes every row's object, sep between them.
func jsonRows(bw *bufio.Writer, t *Table, sep string) error {
	order := make([]int, len(t.Columns))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return t.Columns[order[a]].Name < t.Columns[order[b]].Name })
	keys := make([][]byte, len(t.Columns))
	for j, c := range t.Columns {
		keys[j] = appendJSONString(nil, c.Name)
		keys[j] = append(keys[j], ':')
	}
	// A dictionary's texts are quoted once each, not once a row.
	quoted := quoteDicts(t, appendJSONString)
	var line []byte
	for k := range t.Len() {
		i := t.row(k)
		line = line[:0]
		if k > 0 {
			line = append(line, sep...)
		}
		line = append(line, '{')
		for n, j := range order {
			if n > 0 {
				line = append(line, ',')
			}
			line = append(line, keys[j]...)
			if q := quoted[j]; q != nil {
				line = append(line, q[t.Vectors[j].(*Strings).Codes[i]]...)
				continue
			}
			line = appendJSONValue(line, t.Vectors[j], i)
		}
		line = append(line, '}')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return nil
}

func appendJSONValue(dst []byte, v Vector, i int) []byte {
	if v.Null(i) {
		return append(dst, "null"...)
	}
	switch v := v.(type) {
	case *Strings:
		return appendJSONString(dst, v.At(i))
	case *Ints:
		return strconv.AppendInt(dst, v.V[i], 10)
	case *Decimals:
		return appendJSONDecimal(dst, v.Scaled[i], int(v.Places[i]))
	case *Floats:
		return appendJSONFloat(dst, v.V[i])
	case *Bools:
		return strconv.AppendBool(dst, v.V[i])
	}
	return append(dst, "null"...)
}

// appendJSONDecimal is appendJSONFloat of scaled/10^places without the float: the
// shortest text that reads back as a double is the decimal's own digits, trailing
// zeros dropped, whenever it has at most 15 significant digits (two such decimals
// never read as the same double), and encoding/json writes it without an exponent
// when it is at least 1e-6. Other values go through appendJSONFloat.
func appendJSONDecimal(dst []byte, scaled int64, places int) []byte {
	const limit = 1_000_000_000_000_000 // 10^15
	if places > 6 || scaled <= -limit || scaled >= limit {
		pow := 1.0
		for range places {
			pow *= 10
		}
		return appendJSONFloat(dst, float64(scaled)/pow)
	}
	start := len(dst)
	dst = AppendScaled(dst, scaled, places)
	if places == 0 || scaled == 0 {
		if scaled == 0 {
			return append(dst[:start], '0')
		}
		return dst
	}
	for dst[len(dst)-1] == '0' {
		dst = dst[:len(dst)-1]
	}
	if dst[len(dst)-1] == '.' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// appendJSONFloat is encoding/json's float64 encoding.
func appendJSONFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendJSONString quotes s as encoding/json does: text it would escape goes
// through it, the rest (nearly all) is copied.
func appendJSONString(dst []byte, s string) []byte {
	if hasEscape(s) || !utf8.ValidString(s) || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
		b, _ := marshal(s)
		return append(dst, b[:len(b)-1]...)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// hasEscape reports whether s has a byte below 0x20, a quote or a backslash.
func hasEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			return true
		}
	}
	return false
}

// marshal is encoding/json without HTML escaping, with its trailing newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}
