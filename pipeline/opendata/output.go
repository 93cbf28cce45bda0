package opendata

import (
	"io"
	"runtime"
	"sort"
	"sync"
)

// Output is one table to publish and the formats to publish it in: Name.csv always,
// Name.json (or Name.jsonl past JSONMaxRows) when JSON, Name.parquet when Nullable is
// set and Name.xlsx when Workbook is set and the rows fit a worksheet.
type Output struct {
	Name  string // "/"-separated, without extension
	Table *Table
	// CSVRows, when set, are the CSV's rows as text instead of the table's own: the
	// small tables whose cells are written by hand.
	CSVRows [][]string
	JSON    bool
	// Nullable says which Parquet columns may hold nulls; nil writes no Parquet.
	Nullable func(Column) bool
	// Workbook lays out the XLSX; nil writes none.
	Workbook *Workbook
	Release  Release
}

// JSONName is the table's JSON file: .json, or .jsonl when it has more rows than
// JSONMaxRows.
func (o Output) JSONName() string {
	if o.Table.Len() > JSONMaxRows {
		return o.Name + ".jsonl"
	}
	return o.Name + ".json"
}

// FitsXLSX reports whether a table of n rows fits a worksheet with its header.
func FitsXLSX(n int) bool { return n+1 <= XLSXMaxRows }

// job is one file to write and about how long it takes (see cost).
type job struct {
	rel   string
	write func(io.Writer) error
	cost  int
}

// What a row costs in each format, in units of a CSV row, from BenchmarkWriters (CSV
// about 0.13 µs a row, JSON 0.5, Parquet 1, XLSX 15): only their order matters, to
// start the longest files first.
const (
	csvCost     = 1
	jsonCost    = 4
	parquetCost = 8
	xlsxCost    = 120
)

func (o Output) jobs() []job {
	t := o.Table
	jobs := []job{{o.Name + ".csv", func(w io.Writer) error {
		c, err := NewCSV(w, Names(t.Columns))
		if err != nil {
			return err
		}
		if o.CSVRows != nil {
			for _, r := range o.CSVRows {
				if err := c.Row(r); err != nil {
					return err
				}
			}
		} else if err := c.Table(t); err != nil {
			return err
		}
		return c.Flush()
	}, csvCost * max(t.Len(), len(o.CSVRows))}}
	if o.JSON {
		name := o.JSONName()
		jobs = append(jobs, job{name, func(w io.Writer) error {
			if Format(name) == "jsonl" {
				return WriteJSONLines(w, t)
			}
			return WriteJSON(w, t, o.Release)
		}, jsonCost * t.Len()})
	}
	if o.Nullable != nil {
		jobs = append(jobs, job{o.Name + ".parquet", func(w io.Writer) error {
			return WriteParquet(w, t, o.Nullable, o.Release)
		}, parquetCost * t.Len()})
	}
	if o.Workbook != nil && FitsXLSX(t.Len()) {
		jobs = append(jobs, job{o.Name + ".xlsx", func(w io.Writer) error {
			return WriteXLSX(w, t, o.Workbook)
		}, xlsxCost * t.Len()})
	}
	return jobs
}

// WriteTables writes every file of the outputs, as many at once as there are cores:
// each file is written by one goroutine from the shared, read-only columns, so the
// bytes do not depend on which finishes first. The longest files start first, so
// that a large one started last does not leave the other cores idle at the end. It
// returns the first error in the order of the files.
func (fs *Files) WriteTables(outs ...Output) error {
	var jobs []job
	for _, o := range outs {
		jobs = append(jobs, o.jobs()...)
	}
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return jobs[order[a]].cost > jobs[order[b]].cost })
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, i := range order {
		j := jobs[i]
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = fs.Write(j.rel, j.write)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
