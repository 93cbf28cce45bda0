package opendata

import (
	"io"
	"strconv"
	"testing"
)

// benchTable is an indicator-shaped table of n rows: 14 columns, a few hundred units,
// 45 indicators, a third of the values withheld.
func benchTable(n int) *Table {
	year := &Ints{}
	num, den := &Ints{}, &Ints{}
	var level, code, name, group, ind, measure, flag, std Strings
	value, lo, hi := &Decimals{}, &Decimals{}, &Decimals{}
	for i := range n {
		year.Add(int64(2021+i%5), true)
		level.Add([]string{"commune", "village"}[i%2])
		u := strconv.Itoa(10000 + i/2250)
		code.Add(u)
		name.Add("Thôn " + u)
		group.Add([]string{"all", "female_head", "ethnic_minority", "disabled_member", "merit_family"}[i%5])
		ind.Add("indicator_" + strconv.Itoa(i%45))
		withheld := i%3 == 0
		value.Add(int64(i%1000), 1, !withheld)
		num.Add(int64(i%97), !withheld)
		den.Add(int64(100+i%50), true)
		measure.Add("percent")
		flag.Add(map[bool]string{true: "suppressed", false: ""}[withheld])
		lo.Add(10, 1, withheld)
		hi.Add(40, 1, withheld)
		std.Add("2022-2025")
	}
	cols := []Column{{"year", "integer", "", ""}, {"unit_level", "string", "", ""}, {"unit_code", "string", "", ""},
		{"unit_name", "string", "", ""}, {"group", "string", "", ""}, {"indicator", "string", "", ""},
		{"value", "number", "", ""}, {"numerator", "integer", "", ""}, {"denominator", "integer", "", ""},
		{"unit_of_measure", "string", "", ""}, {"flag", "string", "", ""}, {"value_lower", "number", "", ""},
		{"value_upper", "number", "", ""}, {"standard", "string", "", ""}}
	return &Table{Columns: cols, Vectors: []Vector{year, &level, &code, &name, &group, &ind, value, num, den, &measure, &flag, lo, hi, &std}}
}

// counter counts the bytes written.
type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

// BenchmarkWriters writes a 200,000-row indicator table in each format and reports
// rows/s and bytes/row (the file's bytes, not the allocations: -benchmem gives those).
//
//	go test ./pipeline/opendata -run '^$' -bench BenchmarkWriters -benchtime 3x -benchmem
func BenchmarkWriters(b *testing.B) {
	const rows = 200_000
	t := benchTable(rows)
	nullable := func(Column) bool { return true }
	rel := Release{Version: "2025.1", Date: "2025-12-31"}
	writers := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"csv", func(w io.Writer) error {
			c, err := NewCSV(w, Names(t.Columns))
			if err != nil {
				return err
			}
			if err := c.Table(t); err != nil {
				return err
			}
			return c.Flush()
		}},
		{"json", func(w io.Writer) error { return WriteJSON(w, t, rel) }},
		{"jsonl", func(w io.Writer) error { return WriteJSONLines(w, t) }},
		{"parquet", func(w io.Writer) error { return WriteParquet(w, t, nullable, rel) }},
		{"xlsx", func(w io.Writer) error { return WriteXLSX(w, t, &Workbook{Sheet: "indicators"}) }},
	}
	for _, wr := range writers {
		b.Run(wr.name, func(b *testing.B) {
			var n counter
			for b.Loop() {
				n = 0
				if err := wr.write(&n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(n)/rows, "bytes/row")
		})
	}
}

// BenchmarkStringsAdd fills the text columns of a million figure-shaped rows: a unit's
// rows together, its groups and indicators cycling within them.
//
//	go test ./pipeline/opendata -run '^$' -bench BenchmarkStringsAdd -benchmem
func BenchmarkStringsAdd(b *testing.B) {
	const rows = 1_000_000
	units := make([]string, rows/225+1)
	for i := range units {
		units[i] = "unit" + strconv.Itoa(i)
	}
	groups := []string{"all", "female_head", "ethnic_minority", "disabled_member", "merit_family"}
	inds := make([]string, 45)
	for i := range inds {
		inds[i] = "indicator_" + strconv.Itoa(i)
	}
	for b.Loop() {
		var code, group, ind, level Strings
		for i := range rows {
			code.Add(units[i/225])
			level.Add("village")
			group.Add(groups[i/45%5])
			ind.Add(inds[i%45])
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
