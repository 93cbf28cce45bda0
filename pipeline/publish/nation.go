package publish

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
)

// nationLevels are the levels of a nation's whole-country downloads; villages are
// in the per-province files only (all of them would be 37 million rows).
var nationLevels = []string{config.LevelNation, config.LevelProvince, config.LevelCommune}

// byProvince is the folder of a nation's per-province downloads, under data/.
const byProvince = "by-province"

// csvOut is a CSV download written row by row.
type csvOut struct {
	f    *os.File
	bw   *bufio.Writer
	cw   *csv.Writer
	rows int
}

func createCSV(path string, header []string) (*csvOut, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	o := &csvOut{f: f, bw: bufio.NewWriterSize(f, 1<<20)}
	o.bw.Write(utf8BOM)
	o.cw = csv.NewWriter(o.bw)
	o.cw.UseCRLF = true
	return o, o.cw.Write(header)
}

func (o *csvOut) close() error {
	o.cw.Flush()
	if err := o.cw.Error(); err != nil {
		o.f.Close()
		return err
	}
	if err := o.bw.Flush(); err != nil {
		o.f.Close()
		return err
	}
	return o.f.Close()
}

// writeFigure writes one figure's row.
func (w *writer) writeFigure(o *csvOut, f *indicator.Figure) error {
	name, valueText, _, num, den := w.indicatorFields(f)
	o.rows++
	return o.cw.Write(indicatorCells(f, name, valueText, num, den, w.standardID(f.Year)))
}

// nationDownloads writes the open data and the site data of a nation, one province
// at a time, so that only the nation's and one province's figures are in memory:
//
//   - indicators-nation.csv, indicators-province.csv and indicators-commune.csv, the
//     whole country by level (XLSX twins where they fit a worksheet);
//   - by-province/indicators-<province>.csv, each province with its communes and
//     villages (the only files with the villages' figures);
//   - by-province/parquet/province=<province>/indicators.parquet, the same rows
//     typed, in the folder layout ("hive partitioning") that DuckDB, pandas, Spark
//     and arrow read as one dataset;
//   - targets.csv and targets.json, the nation's targets;
//   - for the site, data/units/<code>.json for every province and every commune.
func (w *writer) nationDownloads() error {
	root := w.l.Downloads()
	level := map[string]*csvOut{}
	for _, l := range nationLevels {
		o, err := createCSV(filepath.Join(root, "indicators-"+l+".csv"), IndicatorColumns)
		if err != nil {
			return err
		}
		level[l] = o
	}
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		if err := w.writeFigure(level[f.UnitLevel], f); err != nil {
			return err
		}
	}
	if err := w.provinces(level[config.LevelCommune]); err != nil {
		return err
	}
	for _, l := range nationLevels {
		if err := level[l].close(); err != nil {
			return err
		}
	}
	for _, l := range nationLevels[:2] {
		if err := w.levelXLSX(l); err != nil {
			return err
		}
	}
	c := level[config.LevelCommune].rows
	if c+1 > XLSXMaxRows {
		w.notes = append(w.notes, fmt.Sprintf("indicators-commune.csv has %d rows, more than a worksheet holds (%d): it has no XLSX twin; each province's file in by-province/ does.", c, XLSXMaxRows))
	}
	w.notes = append(w.notes, "The villages' figures are in the per-province files only: by-province/indicators-<province>.csv, and the same rows typed in by-province/parquet/province=<province>/indicators.parquet (a partitioned dataset).")
	return w.targetDownloads()
}

// provinces writes every province's files, as many at once as protection handles
// them (disclosure.PartsAtOnce, fewer on fewer cores), and
// appends their communes' rows to the whole country's commune file in province
// order, so the output does not depend on which finished first.
func (w *writer) provinces(communes *csvOut) error {
	parts := w.in.Parts
	batch := min(runtime.GOMAXPROCS(0), disclosure.PartsAtOnce)
	for start := 0; start < len(parts); start += batch {
		group := parts[start:min(start+batch, len(parts))]
		rows := make([]bytes.Buffer, len(group))
		counts := make([]int, len(group))
		errs := make([]error, len(group))
		var wg sync.WaitGroup
		for j, part := range group {
			wg.Go(func() {
				t, err := part.Table()
				if err == nil {
					counts[j], err = w.provinceFiles(part.Code, t, &rows[j])
				}
				if err != nil {
					errs[j] = fmt.Errorf("province %s: %w", part.Code, err)
				}
			})
		}
		wg.Wait()
		for j := range group {
			if errs[j] != nil {
				return errs[j]
			}
			if _, err := communes.bw.Write(rows[j].Bytes()); err != nil {
				return err
			}
			communes.rows += counts[j]
		}
	}
	return nil
}

// provinceFiles writes one province's downloads and site data, and its communes'
// rows (CSV, without header) into communes; it returns how many rows those are.
func (w *writer) provinceFiles(code string, t *indicator.Table, communes *bytes.Buffer) (int, error) {
	dir := filepath.Join(w.l.Downloads(), byProvince)
	o, err := createCSV(filepath.Join(dir, "indicators-"+code+".csv"), IndicatorColumns)
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(communes)
	cw.UseCRLF = true
	// The Parquet partition is built from the same fields as the CSV rows, in the
	// same pass: a figure's fields are worked out once.
	pq := newFigureColumns()
	n := 0
	for i := range t.Figures {
		f := &t.Figures[i]
		name, valueText, value, num, den := w.indicatorFields(f)
		pq.add(f, name, value, num, den, w.standardID(f.Year))
		cells := indicatorCells(f, name, valueText, num, den, w.standardID(f.Year))
		o.rows++
		if err := o.cw.Write(cells); err != nil {
			o.close()
			return 0, err
		}
		if f.UnitLevel == config.LevelCommune {
			n++
			if err := cw.Write(cells); err != nil {
				o.close()
				return 0, err
			}
		}
	}
	cw.Flush()
	if err := o.close(); err != nil {
		return 0, err
	}
	if err := cw.Error(); err != nil {
		return 0, err
	}
	b, err := pq.parquet(w.in.Release)
	if err != nil {
		return 0, err
	}
	if err := w.download(filepath.Join(byProvince, "parquet", "province="+code, "indicators.parquet"), b); err != nil {
		return 0, err
	}
	return n, w.provinceExtras(code, t)
}

// provinceExtras writes a province's site data files.
func (w *writer) provinceExtras(code string, t *indicator.Table) error {
	if err := w.unitFilesOf(t, code); err != nil {
		return err
	}
	return w.provinceFile(t, code)
}

// figureColumns builds the Parquet twin of indicator rows column by column from the
// figures: the same schema and values as indicators.parquet, without a map per row,
// which a province's million rows could not afford.
type figureColumns struct {
	mem    memory.Allocator
	schema *arrow.Schema
	b      *array.RecordBuilder
}

func newFigureColumns() *figureColumns {
	mem := memory.NewGoAllocator()
	schema := parquetSchema(indicatorColumns, indicatorNullable)
	return &figureColumns{mem: mem, schema: schema, b: array.NewRecordBuilder(mem, schema)}
}

// add appends one figure's row, with the fields its CSV row was written from.
func (c *figureColumns) add(f *indicator.Figure, name string, value any, num, den *int64, std string) {
	b := c.b
	str := func(i int, v string) { b.Field(i).(*array.StringBuilder).Append(v) }
	b.Field(0).(*array.Int32Builder).Append(int32(f.Year))
	str(1, f.UnitLevel)
	str(2, f.UnitCode)
	str(3, name)
	str(4, f.Group)
	str(5, f.Indicator)
	if x, ok := value.(float64); ok {
		b.Field(6).(*array.Float64Builder).Append(x)
	} else {
		b.Field(6).(*array.Float64Builder).AppendNull()
	}
	for j, p := range [...]*int64{num, den} {
		if p == nil {
			b.Field(7 + j).(*array.Int64Builder).AppendNull()
		} else {
			b.Field(7 + j).(*array.Int64Builder).Append(*p)
		}
	}
	str(9, f.Measure)
	str(10, f.Flag)
	_, lo, _, hi := boundFields(f)
	for j, v := range [...]any{lo, hi} {
		if x, ok := v.(float64); ok {
			b.Field(11 + j).(*array.Float64Builder).Append(x)
		} else {
			b.Field(11 + j).(*array.Float64Builder).AppendNull()
		}
	}
	str(13, std)
}

// parquet encodes the rows added and releases the builder.
func (c *figureColumns) parquet(rel Release) ([]byte, error) {
	defer c.b.Release()
	rec := c.b.NewRecordBatch()
	defer rec.Release()
	return writeParquet(c.mem, c.schema, rec, rel)
}

// figuresParquet is the Parquet twin of the rows of figs.
func (w *writer) figuresParquet(figs []indicator.Figure) ([]byte, error) {
	c := newFigureColumns()
	for i := range figs {
		name, _, v, num, den := w.indicatorFields(&figs[i])
		c.add(&figs[i], name, v, num, den, w.standardID(figs[i].Year))
	}
	return c.parquet(w.in.Release)
}

// indicatorNullable says which columns of the indicator tables may be empty: the
// value and the published numerator and denominator (flag is "", not null).
func indicatorNullable(c column) bool {
	return c.Name == "value" || c.Name == "numerator" || c.Name == "denominator" || c.Name == "value_lower" || c.Name == "value_upper"
}

// provinceFile is data/units/<province>.json: the province's communes in registry
// order, the site indicators of the province and its communes, and the province's
// progress towards each target.
type provinceFile struct {
	Communes []unitName   `json:"communes"`
	Figures  unitFigures  `json:"figures"`
	Targets  []unitTarget `json:"targets,omitempty"`
}

func (w *writer) provinceFile(t *indicator.Table, code string) error {
	file := provinceFile{Communes: []unitName{}, Figures: unitFigures{}}
	units := []string{code}
	for _, c := range w.in.Registry.Communes(code) {
		units = append(units, c.Code)
		file.Communes = append(file.Communes, unitName{c.Code, both(c.NameVI, c.NameEN)})
	}
	for i, u := range units {
		file.Figures[u] = map[string]map[string][]figureJSON{groupAll: w.siteSeries(t, u, i > 0)}
	}
	file.Targets = w.unitTargets(t, code)
	return w.jsonFile(filepath.Join("units", code+".json"), file)
}

// siteSeries are the series of the site indicators of a unit, group all. A child
// unit (a village on its commune's page, a commune on its province's) is shown in
// the latest year only: latest keeps that year alone, which makes the many small
// files Hugo loads for a nation's site a few times smaller.
func (w *writer) siteSeries(t *indicator.Table, unit string, latest bool) map[string][]figureJSON {
	years := w.in.Years
	if latest {
		years = years[len(years)-1:]
	}
	g := map[string][]figureJSON{}
	for _, ind := range siteIndicators {
		if s := w.seriesIn(t, years, unit, groupAll, ind); s != nil {
			g[ind] = s
		}
	}
	return g
}

// seriesIn is an indicator's series for a unit and group in t, in year order.
func (w *writer) seriesIn(t *indicator.Table, years []int, unit, group, ind string) []figureJSON {
	var out []figureJSON
	for _, y := range years {
		if f, ok := t.Get(indicator.Key{Year: y, UnitCode: unit, Group: group, Indicator: ind}); ok {
			out = append(out, w.figureJSON(f))
		}
	}
	return out
}

// unitTarget is a unit's progress towards one target, as its page shows it.
type unitTarget struct {
	ID         string    `json:"id"`
	Status     string    `json:"status"`
	Latest     bilingual `json:"latest"`
	LatestYear int       `json:"latest_year"`
}

// unitTargets assesses the targets for one unit of t (nil when the build assesses
// only its own unit) and keeps the rows of targets-units.csv.
func (w *writer) unitTargets(t *indicator.Table, unit string) []unitTarget {
	if w.in.AssessUnit == nil {
		return nil
	}
	var out []unitTarget
	var rows [][]string
	level := ""
	if u, ok := w.in.Registry.Unit(unit); ok {
		level = u.Level
	}
	for i, a := range w.in.AssessUnit(t, unit) {
		out = append(out, unitTarget{ID: a.TargetID, Status: a.Status, Latest: number(a.Latest, 1), LatestYear: a.LatestYear})
		latest, year := "", ""
		if a.Latest != nil {
			latest, _ = csvNumber(number(a.Latest, 1).EN)
			year = fmt.Sprint(a.LatestYear)
		}
		rows = append(rows, []string{level, unit, w.unitName(unit), a.TargetID, w.in.Targets[i].Indicator, a.Status, latest, year})
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.unitTargetRows == nil {
		w.unitTargetRows = map[string][][]string{}
	}
	w.unitTargetRows[unit] = rows
	return out
}

// unitTargetsCSV writes targets-units.csv: the provinces' rows (a nation's) then the
// communes', in registry order.
func (w *writer) unitTargetsCSV() error {
	if w.in.AssessUnit == nil {
		return nil
	}
	o, err := createCSV(filepath.Join(w.l.Downloads(), "targets-units.csv"), names(unitTargetColumns))
	if err != nil {
		return err
	}
	top := w.in.Portal.Unit.Code
	var units []string
	for _, u := range w.in.Registry.Children(top) {
		if u.Level == config.LevelProvince && top != u.Code {
			units = append(units, u.Code)
		}
	}
	for _, c := range w.in.Registry.Communes(top) {
		units = append(units, c.Code)
	}
	for _, u := range units {
		for _, r := range w.unitTargetRows[u] {
			if err := o.cw.Write(r); err != nil {
				o.close()
				return err
			}
			o.rows++
		}
	}
	return o.close()
}
