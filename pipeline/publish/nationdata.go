package publish

import (
	"fmt"
	"io"
	"runtime"
	"sync/atomic"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
)

// nationDownloads writes the open data and the site data of a nation, one province
// at a time, so that only the nation's and one province's figures are in memory:
//
//   - indicators-nation.* and indicators-province.* (CSV, JSON, Parquet, XLSX), the
//     whole country's top levels;
//   - indicators-commune.csv, .parquet and .jsonl, every commune, written a province
//     at a time in province order (one Parquet row group a province, JSON Lines since
//     the rows are streamed; no XLSX: 3,321 communes are 3.4 million rows);
//   - by-province/indicators-<province>.csv, each province with its communes and
//     villages (the only files with the villages' figures);
//   - by-province/parquet/province=<province>/indicators.parquet, the same rows
//     typed, in the folder layout ("hive partitioning") that DuckDB, pandas, Spark
//     and arrow read as one dataset;
//   - targets.csv and targets.json, the nation's targets;
//   - for the site, data/units/<code>.json for every province and every commune.
func (w *writer) nationDownloads() error {
	figs := w.in.Table.Figures
	top := w.indicatorTable(figs)
	var outs []opendata.Output
	for _, level := range nationLevels[:2] {
		t := top.Select(func(i int) bool { return figs[i].UnitLevel == level })
		outs = append(outs, w.indicatorOutput(paths.LevelTable(level), t))
	}
	if err := w.files.WriteTables(outs...); err != nil {
		return err
	}
	communes, err := w.newCommuneFiles()
	if err != nil {
		return err
	}
	if err := w.provinces(communes); err != nil {
		communes.abort()
		return err
	}
	if err := communes.close(w.release()); err != nil {
		return err
	}
	if n := communes.csv.Rows(); !opendata.FitsXLSX(n) {
		w.notes = append(w.notes, fmt.Sprintf("indicators-commune.csv has %d rows, more than a worksheet holds (%d): it has no XLSX twin; each province's file in by-province/ does.", n, XLSXMaxRows))
	}
	w.notes = append(w.notes, "The villages' figures are in the per-province files only: by-province/indicators-<province>.csv, and the same rows typed in by-province/parquet/province=<province>/indicators.parquet (a partitioned dataset).")
	w.notes = append(w.notes, jsonNote)
	return w.targetDownloads()
}

// communeFiles are the whole country's commune files, written a province at a time.
type communeFiles struct {
	csvFile, pqFile, jsonFile *opendata.File
	csv                       *opendata.CSV
	pq                        *opendata.Parquet
}

func (w *writer) newCommuneFiles() (*communeFiles, error) {
	name := paths.LevelTable(config.LevelCommune)
	c := &communeFiles{}
	var err error
	if c.csvFile, err = w.files.Create(name + ".csv"); err != nil {
		return nil, err
	}
	if c.pqFile, err = w.files.Create(name + ".parquet"); err != nil {
		c.abort()
		return nil, err
	}
	if c.jsonFile, err = w.files.Create(name + ".jsonl"); err != nil {
		c.abort()
		return nil, err
	}
	if c.csv, err = opendata.NewCSV(c.csvFile, IndicatorColumns); err != nil {
		c.abort()
		return nil, err
	}
	if c.pq, err = opendata.NewParquet(c.pqFile, openIndicatorColumns, indicatorNullable); err != nil {
		c.abort()
		return nil, err
	}
	return c, nil
}

// add appends one province's communes to each file.
func (c *communeFiles) add(t *opendata.Table) error {
	if err := c.csv.Table(t); err != nil {
		return err
	}
	if t.Len() > 0 {
		if err := c.pq.Write(t); err != nil {
			return err
		}
	}
	return opendata.WriteJSONLines(c.jsonFile, t)
}

func (c *communeFiles) close(rel opendata.Release) error {
	if err := c.csv.Flush(); err != nil {
		c.abort()
		return err
	}
	if err := c.pq.Close(rel); err != nil {
		c.abort()
		return err
	}
	for _, f := range []*opendata.File{c.csvFile, c.pqFile, c.jsonFile} {
		if err := f.Close(); err != nil {
			c.abort()
			return err
		}
	}
	return nil
}

func (c *communeFiles) abort() {
	for _, f := range []*opendata.File{c.csvFile, c.pqFile, c.jsonFile} {
		if f != nil {
			f.Abort()
		}
	}
}

// provinces writes every province's files, as many at once as protection handles
// them (disclosure.PartsAtOnce, fewer on fewer cores), and appends their communes'
// rows to the whole country's commune files in province order, so the output does
// not depend on which finished first. The appending runs while the next provinces are
// written (it used to wait for a whole batch, with no province being written
// meanwhile); at most one province more than are written at once is held in memory,
// written and waiting for its turn.
func (w *writer) provinces(communes *communeFiles) error {
	parts := w.in.Parts
	atOnce := min(runtime.GOMAXPROCS(0), disclosure.PartsAtOnce)
	written := make([]chan provinceRows, len(parts))
	for i := range written {
		written[i] = make(chan provinceRows, 1)
	}
	held := make(chan struct{}, atOnce+1) // provinces started and not yet appended
	running := make(chan struct{}, atOnce)
	var stop atomic.Bool
	go func() {
		for i, part := range parts {
			if stop.Load() {
				written[i] <- provinceRows{skipped: true}
				continue
			}
			held <- struct{}{}
			running <- struct{}{}
			go func() {
				defer func() { <-running }()
				t, err := part.Table()
				var rows *opendata.Table
				if err == nil {
					rows, err = w.provinceFiles(part.Code, t)
				}
				if err != nil {
					err = fmt.Errorf("province %s: %w", part.Code, err)
				}
				written[i] <- provinceRows{rows: rows, err: err}
			}()
		}
	}()
	// Every result is received, even after an error, so that no province is still
	// being written when this returns.
	var first error
	for i := range parts {
		r := <-written[i]
		if !r.skipped {
			<-held
		}
		if first == nil && r.err == nil && !r.skipped {
			r.err = communes.add(r.rows)
		}
		if first == nil && r.err != nil {
			first = r.err
			stop.Store(true)
		}
	}
	return first
}

// provinceRows is one province's communes' rows, once its files are written.
type provinceRows struct {
	rows    *opendata.Table
	err     error
	skipped bool // not written: an earlier province failed
}

// provinceFiles writes one province's downloads and site data, and returns its
// communes' rows for the whole country's commune files.
func (w *writer) provinceFiles(code string, t *indicator.Table) (*opendata.Table, error) {
	cols := w.indicatorTable(t.Figures)
	if err := w.files.WriteTables(opendata.Output{Name: paths.ProvinceTable(code), Table: cols}); err != nil {
		return nil, err
	}
	if err := w.files.Write(paths.ProvincePartition(code), func(f io.Writer) error {
		return opendata.WriteParquet(f, cols, indicatorNullable, w.release())
	}); err != nil {
		return nil, err
	}
	communes := cols.Select(func(i int) bool { return t.Figures[i].UnitLevel == config.LevelCommune })
	return communes, w.provinceExtras(code, t)
}
