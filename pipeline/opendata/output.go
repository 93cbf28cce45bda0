package opendata

import (
	"io"
	"runtime"
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

// job is one file to write.
type job struct {
	rel   string
	write func(io.Writer) error
}

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
	}}}
	if o.JSON {
		name := o.JSONName()
		jobs = append(jobs, job{name, func(w io.Writer) error {
			if Format(name) == "jsonl" {
				return WriteJSONLines(w, t)
			}
			return WriteJSON(w, t, o.Release)
		}})
	}
	if o.Nullable != nil {
		jobs = append(jobs, job{o.Name + ".parquet", func(w io.Writer) error {
			return WriteParquet(w, t, o.Nullable, o.Release)
		}})
	}
	if o.Workbook != nil && FitsXLSX(t.Len()) {
		jobs = append(jobs, job{o.Name + ".xlsx", func(w io.Writer) error {
			return WriteXLSX(w, t, o.Workbook)
		}})
	}
	return jobs
}

// WriteTables writes every file of the outputs, as many at once as there are cores:
// each file is written by one goroutine from the shared, read-only columns, so the
// bytes do not depend on which finishes first. It returns the first error in the
// order of the files.
func (fs *Files) WriteTables(outs ...Output) error {
	var jobs []job
	for _, o := range outs {
		jobs = append(jobs, o.jobs()...)
	}
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
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
