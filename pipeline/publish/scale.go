package publish

import (
	"fmt"
	"slices"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
)

// XLSXMaxRows is the most rows a worksheet holds (Excel's limit, header included).
const XLSXMaxRows = opendata.XLSXMaxRows

// scaleLevels are the unit levels of a province's or a nation's downloads, top first.
var scaleLevels = []string{config.LevelNation, config.LevelProvince, config.LevelCommune, config.LevelVillage}

// atScale reports whether the input is a province with its communes and villages.
func (in *Input) atScale() bool {
	return in.Registry != nil && in.Portal.Unit.Level != config.LevelCommune
}

// scaleDownloads writes the open data of a province, every format from the same
// columns, as many files at once as there are cores:
//
//   - indicators.csv and indicators.parquet, every figure (unit_level province,
//     commune or village);
//   - indicators-<level>.csv and .parquet, the same rows split by level, so that a
//     reader who wants the communes need not load the villages, with their JSON twin
//     (.json, or .jsonl past opendata.JSONMaxRows rows) and, for each level whose rows
//     fit in one worksheet, their .xlsx (the data package says which have none);
//   - targets.csv and targets.json, the province's targets.
func (w *writer) scaleDownloads() error {
	figs := w.in.Table.Figures
	for i := range figs {
		if !slices.Contains(scaleLevels[1:], figs[i].UnitLevel) {
			return fmt.Errorf("figure %v has the unknown level %q", figs[i].Key(), figs[i].UnitLevel)
		}
	}
	all := w.indicatorTable(figs)
	outs := []opendata.Output{{Name: paths.Indicators, Table: all, Nullable: indicatorNullable, Release: w.release()}}
	for _, level := range scaleLevels[1:] {
		t := all.Select(func(i int) bool { return figs[i].UnitLevel == level })
		outs = append(outs, w.indicatorOutput(paths.LevelTable(level), t))
		if !opendata.FitsXLSX(t.Len()) {
			w.notes = append(w.notes, fmt.Sprintf("indicators-%s.csv has %d rows, more than a worksheet holds (%d): it has no XLSX twin.", level, t.Len(), XLSXMaxRows))
		}
	}
	if err := w.files.WriteTables(outs...); err != nil {
		return err
	}
	if !opendata.FitsXLSX(all.Len()) {
		w.notes = append(w.notes, fmt.Sprintf("indicators.csv has %d rows, more than a worksheet holds (%d): there is no indicators.xlsx; use the per-level files.", all.Len(), XLSXMaxRows))
	}
	w.notes = append(w.notes, jsonNote)
	return w.targetDownloads()
}

// jsonNote says where a province's or a nation's figures are as JSON.
var jsonNote = fmt.Sprintf("At this scale indicators.csv has a Parquet twin but no JSON one: the same rows as JSON are in the per-level files, indicators-<level>.json, or indicators-<level>.jsonl (JSON Lines, one row a line) for a level of more than %d rows.", opendata.JSONMaxRows)

// indicatorOutput is every format of a table of figures: CSV, JSON (or JSON Lines),
// Parquet, and XLSX when it fits a worksheet.
func (w *writer) indicatorOutput(name string, t *opendata.Table) opendata.Output {
	return opendata.Output{Name: name, Table: t, JSON: true, Nullable: indicatorNullable,
		Workbook: w.workbook(w.indicatorSheet(t)), Release: w.release()}
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
	level, ok := strings.CutPrefix(base, paths.Indicators+"-")
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
	rest, ok := strings.CutPrefix(rel, paths.ByProvince+"/")
	if !ok {
		return "", false
	}
	if p, ok := strings.CutPrefix(rel, paths.ProvincePartitions+"/"+paths.PartitionKey); ok {
		code, _, found := strings.Cut(p, "/")
		return code, found
	}
	name, ok := strings.CutPrefix(rest, paths.Indicators+"-")
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(name, ".csv"), strings.HasSuffix(name, ".csv")
}
