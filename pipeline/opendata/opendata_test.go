package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCSVFieldMatchesEncodingCSV: the one CSV writer quotes every field exactly as
// encoding/csv (comma, CRLF) did, so files written before it keep their bytes.
func TestCSVFieldMatchesEncodingCSV(t *testing.T) {
	fields := []string{"", "a", "xã Minh Tiến", "a,b", `say "hi"`, "line\nbreak", "cr\rlf\r\n", " lead", "\tlead", `\.`, "trail ", "\u00a0nbsp", "=1+1"}
	for _, f := range fields {
		t.Run(strconv.Quote(f), func(t *testing.T) {
			var want bytes.Buffer
			cw := csv.NewWriter(&want)
			cw.UseCRLF = true
			cw.Write([]string{f, "x"})
			cw.Flush()
			got, err := CSVBytes(nil, [][]string{{f, "x"}})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("wrote %q, encoding/csv %q", got, want.Bytes())
			}
		})
	}
}

func FuzzCSVField(f *testing.F) {
	for _, s := range []string{"", "a,b", "\"", "\r\n", " x", `\.`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		cw := csv.NewWriter(&want)
		cw.UseCRLF = true
		cw.Write([]string{s, s})
		cw.Flush()
		got, _ := CSVBytes(nil, [][]string{{s, s}})
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("wrote %q, encoding/csv %q", got, want.Bytes())
		}
	})
}

// sample is a table with every kind of vector and a missing value in each.
func sample() *Table {
	s := &Strings{}
	for _, x := range []string{"xã Minh Tiến", "", `q"<&>` + "\n", "xã Minh Tiến"} {
		s.Add(x)
	}
	ints := &Ints{}
	ints.Add(2025, true)
	ints.Add(0, false)
	ints.Add(-3, true)
	ints.Add(1<<40, true)
	dec := &Decimals{}
	dec.Add(123, 1, true)
	dec.Add(-5, 3, true)
	dec.Add(0, 1, false)
	dec.Add(7, 0, true)
	fl := &Floats{}
	fl.Add("0.25", 0.25, true)
	fl.Add("", 0, false)
	fl.Add("1e-07", 1e-7, true)
	fl.Add("3", 3, true)
	b := &Bools{}
	b.Add(true, true)
	b.Add(false, true)
	b.Add(false, false)
	b.Add(true, true)
	return &Table{
		Columns: []Column{{"name", "string", "", ""}, {"count", "integer", "", ""}, {"value", "number", "", ""}, {"rate", "number", "", ""}, {"final", "boolean", "", ""}},
		Vectors: []Vector{s, ints, dec, fl, b},
	}
}

// TestJSONMatchesEncodingJSON: the JSON writer gives encoding/json's bytes for the
// same rows as maps (sorted keys, shortest numbers, no HTML escaping).
func TestJSONMatchesEncodingJSON(t *testing.T) {
	tb := sample()
	var rows []map[string]any
	for i := range tb.Len() {
		r := map[string]any{}
		for j, c := range tb.Columns {
			r[c.Name] = nil
			if !tb.Vectors[j].Null(i) {
				switch v := tb.Vectors[j].(type) {
				case *Strings:
					r[c.Name] = v.At(i)
				case *Ints:
					r[c.Name] = v.V[i]
				case *Decimals:
					r[c.Name] = v.Float(i)
				case *Floats:
					r[c.Name] = v.V[i]
				case *Bools:
					r[c.Name] = v.V[i]
				}
			}
		}
		rows = append(rows, r)
	}
	rel := Release{Version: "2025.1", Date: "2025-12-31"}
	want, _ := marshal(struct {
		Columns []string         `json:"columns"`
		Release Release          `json:"release"`
		Rows    []map[string]any `json:"rows"`
	}{Names(tb.Columns), rel, rows})
	var got bytes.Buffer
	if err := WriteJSON(&got, tb, rel); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Fatalf("got  %s\nwant %s", got.Bytes(), want)
	}
	var lines bytes.Buffer
	if err := WriteJSONLines(&lines, tb); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(lines.String(), "\n"), "\n") {
		one, _ := marshal(rows[i])
		if line+"\n" != string(one) {
			t.Errorf("line %d: %s, want %s", i, line, one)
		}
	}
}

// TestDecimalsAreTheirText: a Decimals value is the double its CSV text reads as.
func TestDecimalsAreTheirText(t *testing.T) {
	v := &Decimals{}
	for _, s := range []int64{0, 1, -1, 999, 123456789, -1005, 4503599627370495} {
		for p := range 4 {
			v.Add(s, p, true)
		}
	}
	for i := range v.Len() {
		text := string(AppendScaled(nil, v.Scaled[i], int(v.Places[i])))
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || f != v.Float(i) || math.Signbit(f) != math.Signbit(v.Float(i)) && f != 0 {
			t.Errorf("%d/10^%d: text %q reads %v, value %v", v.Scaled[i], v.Places[i], text, f, v.Float(i))
		}
	}
}

// TestChecksumsTakenWhileWriting: the sums Files records are those of the bytes on
// disk, and a file written another way is refused rather than read back.
func TestChecksumsTakenWhileWriting(t *testing.T) {
	dir := t.TempDir()
	fs := NewFiles(dir)
	tb := sample()
	if err := fs.WriteTables(Output{Name: "t", Table: tb, JSON: true, Nullable: func(Column) bool { return true },
		Workbook: &Workbook{Sheet: "t"}, Release: Release{"1", "2025-12-31"}}); err != nil {
		t.Fatal(err)
	}
	if err := fs.WriteFile("sub/x.csv", []byte("a\r\n")); err != nil {
		t.Fatal(err)
	}
	files, err := fs.WriteSums()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 {
		t.Fatalf("listed %v, want t.csv, t.json, t.parquet, t.xlsx and sub/x.csv", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		if f.SHA256 != hex.EncodeToString(h[:]) || f.Bytes != int64(len(b)) {
			t.Errorf("%s: recorded %d bytes %s, on disk %d bytes", f.Path, f.Bytes, f.SHA256, len(b))
		}
	}
	os.WriteFile(filepath.Join(dir, "stray.csv"), []byte("x"), 0o644)
	if _, err := fs.List(); err == nil || !strings.Contains(err.Error(), "stray.csv") {
		t.Errorf("a file written behind Files' back: %v", err)
	}
}

// TestJSONLinesPastTheLimit: a table of more than JSONMaxRows rows is written as
// JSON Lines, one valid object a line.
func TestJSONLinesPastTheLimit(t *testing.T) {
	v := &Ints{}
	for i := range JSONMaxRows + 1 {
		v.Add(int64(i), true)
	}
	tb := &Table{Columns: []Column{{"n", "integer", "", ""}}, Vectors: []Vector{v}}
	o := Output{Name: "big", Table: tb, JSON: true}
	if o.JSONName() != "big.jsonl" {
		t.Fatalf("JSON name %s", o.JSONName())
	}
	small := Output{Name: "small", Table: tb.Select(func(i int) bool { return i < 10 }), JSON: true}
	if small.JSONName() != "small.json" {
		t.Fatalf("JSON name %s", small.JSONName())
	}
	var b bytes.Buffer
	if err := WriteJSONLines(&b, small.Table); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i, l := range lines {
		var r struct{ N int }
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.N != i {
			t.Errorf("line %d: %q (%v)", i, l, err)
		}
	}
	if len(lines) != 10 {
		t.Errorf("%d lines", len(lines))
	}
}

// TestJSONDecimalIsTheFloatsText: a Decimals value's JSON text, written from its
// digits, is the text encoding/json gives its double, at every number of places and
// on both sides of the 15-digit limit.
func TestJSONDecimalIsTheFloatsText(t *testing.T) {
	scaled := []int64{0, 1, -1, 5, 10, 100, 999, 1000, -1005, 123456789, 100000000000000, 999999999999999,
		-999999999999999, 1000000000000000, 4503599627370495, 9007199254740993, math.MaxInt64, math.MinInt64 + 1}
	for x := int64(7); x < 1<<62; x = x*13 + 1 {
		scaled = append(scaled, x, -x, x/10*10)
	}
	v := &Decimals{}
	for _, s := range scaled {
		for p := range 9 {
			v.Add(s, p, true)
		}
	}
	for i := range v.Len() {
		want, _ := json.Marshal(v.Float(i))
		if got := appendJSONDecimal(nil, v.Scaled[i], int(v.Places[i])); string(got) != string(want) {
			t.Errorf("%d/10^%d: %s, encoding/json %s", v.Scaled[i], v.Places[i], got, want)
		}
	}
}

func FuzzJSONDecimal(f *testing.F) {
	f.Add(int64(12345), uint8(2))
	f.Add(int64(-5), uint8(3))
	f.Fuzz(func(t *testing.T, s int64, places uint8) {
		p := int(places % 10)
		v := &Decimals{}
		v.Add(s, p, true)
		want, _ := json.Marshal(v.Float(0))
		if got := appendJSONDecimal(nil, s, p); string(got) != string(want) {
			t.Fatalf("%d/10^%d: %s, encoding/json %s", s, p, got, want)
		}
	})
}

// TestCSVTableMatchesEncodingCSV: a table written from its columns (text cells quoted
// once per dictionary entry) is encoding/csv's file of the same cells.
func TestCSVTableMatchesEncodingCSV(t *testing.T) {
	tb := sample()
	var want bytes.Buffer
	want.Write(BOM)
	cw := csv.NewWriter(&want)
	cw.UseCRLF = true
	cw.Write(Names(tb.Columns))
	for i := range tb.Len() {
		var cells []string
		for _, v := range tb.Vectors {
			cells = append(cells, string(appendCSVValue(nil, v, i)))
		}
		cells[0] = tb.Vectors[0].(*Strings).At(i)
		cw.Write(cells)
	}
	cw.Flush()
	var got bytes.Buffer
	c, err := NewCSV(&got, Names(tb.Columns))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Table(tb); err != nil {
		t.Fatal(err)
	}
	c.Flush()
	if got.String() != want.String() {
		t.Fatalf("got  %q\nwant %q", got.Bytes(), want.Bytes())
	}
}

// TestWritersAreDeterministic: every format written twice from the same table gives
// the same bytes (a rebuild must not change a download's checksum).
func TestWritersAreDeterministic(t *testing.T) {
	tb := benchTable(3000)
	rel := Release{Version: "2025.1", Date: "2025-12-31"}
	writers := map[string]func(*bytes.Buffer) error{
		"csv": func(b *bytes.Buffer) error {
			c, err := NewCSV(b, Names(tb.Columns))
			if err == nil {
				err = c.Table(tb)
			}
			if err == nil {
				err = c.Flush()
			}
			return err
		},
		"json":    func(b *bytes.Buffer) error { return WriteJSON(b, tb, rel) },
		"jsonl":   func(b *bytes.Buffer) error { return WriteJSONLines(b, tb) },
		"parquet": func(b *bytes.Buffer) error { return WriteParquet(b, tb, func(Column) bool { return true }, rel) },
		"xlsx":    func(b *bytes.Buffer) error { return WriteXLSX(b, tb, &Workbook{Sheet: "t"}) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := write(&a); err != nil {
				t.Fatal(err)
			}
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("two writes differ (%d and %d bytes)", a.Len(), b.Len())
			}
		})
	}
}

// TestStringsDictionary: Add gives each distinct text one code, in the order the
// texts first appear, whether a text repeats the row before or comes back later.
func TestStringsDictionary(t *testing.T) {
	var v Strings
	in := []string{"b", "b", "a", "b", "", "", "a", "c", "c", "b"}
	for _, s := range in {
		v.Add(s)
	}
	if want := []string{"b", "a", "", "c"}; strings.Join(v.Dict, "|") != strings.Join(want, "|") {
		t.Fatalf("dictionary %q, want %q", v.Dict, want)
	}
	for i, s := range in {
		if v.At(i) != s {
			t.Errorf("row %d reads %q, want %q", i, v.At(i), s)
		}
	}
}
