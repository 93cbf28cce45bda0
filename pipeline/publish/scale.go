package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
)

// XLSXMaxRows is the most rows a worksheet holds (Excel's limit, header included).
const XLSXMaxRows = 1_048_576

// scaleLevels are the unit levels of a province's or a nation's downloads, top first.
var scaleLevels = []string{config.LevelNation, config.LevelProvince, config.LevelCommune, config.LevelVillage}

// atScale reports whether the input is a province with its communes and villages.
func (in *Input) atScale() bool {
	return in.Registry != nil && in.Portal.Unit.Level != config.LevelCommune
}

// scaleDownloads writes the open data of a province, streaming the rows to disk so
// that a million figures never exist twice in memory:
//
//   - indicators.csv, every figure (unit_level province, commune or village);
//   - indicators-<level>.csv, the same rows split by level, so that a reader who
//     wants the communes need not load the villages;
//   - indicators-<level>.xlsx for each level whose rows fit in one worksheet; the
//     whole table and the larger levels have no workbook (the data package says so);
//   - targets.csv and targets.json, the province's targets.
//
// The JSON and Parquet twins of indicators.csv are not written at this scale.
func (w *writer) scaleDownloads() error {
	root := w.l.Downloads()
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	open := func(name string) (*csvOut, error) {
		return createCSV(filepath.Join(root, name), IndicatorColumns)
	}
	files := map[string]*csvOut{}
	all, err := open("indicators.csv")
	if err != nil {
		return err
	}
	files[""] = all
	for _, level := range scaleLevels[1:] {
		if files[level], err = open("indicators-" + level + ".csv"); err != nil {
			return err
		}
	}
	for i := range w.in.Table.Figures {
		f := &w.in.Table.Figures[i]
		// The cells only: the typed row (a map) is not needed for a CSV.
		name, valueText, _, num, den := w.indicatorFields(f)
		cells := indicatorCells(f, name, valueText, num, den, w.standardID(f.Year))
		for _, o := range []*csvOut{all, files[f.UnitLevel]} {
			if o == nil {
				return fmt.Errorf("figure %v has the unknown level %q", f.Key(), f.UnitLevel)
			}
			if err := o.cw.Write(cells); err != nil {
				return err
			}
			o.rows++
		}
	}
	for _, o := range files {
		if err := o.close(); err != nil {
			return err
		}
	}
	for _, level := range scaleLevels[1:] {
		if files[level].rows+1 > XLSXMaxRows {
			w.notes = append(w.notes, fmt.Sprintf("indicators-%s.csv has %d rows, more than a worksheet holds (%d): it has no XLSX twin.", level, files[level].rows, XLSXMaxRows))
			continue
		}
		if err := w.levelXLSX(level); err != nil {
			return err
		}
	}
	if all.rows+1 > XLSXMaxRows {
		w.notes = append(w.notes, fmt.Sprintf("indicators.csv has %d rows, more than a worksheet holds (%d): there is no indicators.xlsx; use the per-level files.", all.rows, XLSXMaxRows))
	}
	w.notes = append(w.notes, "At this scale indicators.csv has no JSON or Parquet twin.")
	return w.targetDownloads()
}

// levelXLSX writes indicators-<level>.xlsx from the figures of one level.
func (w *writer) levelXLSX(level string) error {
	var typed []map[string]any
	for i := range w.in.Table.Figures {
		if f := &w.in.Table.Figures[i]; f.UnitLevel == level {
			typed = append(typed, w.indicatorRow(f).typed)
		}
	}
	xl, err := w.tableXLSX(*w.indicatorSheet(), indicatorColumns, typed)
	if err != nil {
		return err
	}
	return w.download("indicators-"+level+".xlsx", xl)
}

// scaleUnitName is a unit's Vietnamese name from the registry.
func (w *writer) scaleUnitName(code string) (string, bool) {
	u, ok := w.in.Registry.Unit(code)
	return u.NameVI, ok
}

// levelTitle names a per-level download.
func levelTitle(level string) bilingual {
	vi := map[string]string{config.LevelNation: "toàn quốc", config.LevelProvince: "tỉnh", config.LevelCommune: "xã", config.LevelVillage: "thôn"}[level]
	return both("Tất cả chỉ số theo năm, đơn vị và nhóm, cấp "+vi, "Every indicator by year, unit and group, "+level+" level")
}

// scaleLevelOf returns the level of a per-level download's base name, "" if none.
func scaleLevelOf(base string) string {
	level, ok := strings.CutPrefix(base, "indicators-")
	if !ok {
		return ""
	}
	for _, l := range scaleLevels {
		if l == level {
			return l
		}
	}
	return ""
}

// partitionOf returns the province of a per-province download of a nation
// (by-province/indicators-<code>.csv or by-province/parquet/province=<code>/...).
func partitionOf(rel string) (string, bool) {
	rest, ok := strings.CutPrefix(rel, paths.ByProvinceDir+"/")
	if !ok {
		return "", false
	}
	if p, ok := strings.CutPrefix(rest, paths.PartitionsDir+"/"+paths.PartitionKey); ok {
		code, _, found := strings.Cut(p, "/")
		return code, found
	}
	name, ok := strings.CutPrefix(rest, "indicators-")
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(name, ".csv"), strings.HasSuffix(name, ".csv")
}
