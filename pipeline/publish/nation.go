package publish

import (
	"fmt"
	"io"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
)

// nationLevels are the levels of a nation's whole-country downloads; villages are
// in the per-province files only (all of them would be 37 million rows).
var nationLevels = []string{config.LevelNation, config.LevelProvince, config.LevelCommune}

// provinceExtras writes a province's site data files.
func (w *writer) provinceExtras(code string, t *indicator.Table) error {
	if err := w.unitFilesOf(t, code); err != nil {
		return err
	}
	return w.provinceFile(t, code)
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
	file.Targets = w.unitTargets(code)
	return w.jsonFile(paths.UnitFile(code), file)
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

// unitTargets is the assessment of the targets for one unit (nil when the build
// assesses only its own unit) and keeps the rows of targets-units.csv.
func (w *writer) unitTargets(unit string) []unitTarget {
	if w.in.UnitAssessments == nil {
		return nil
	}
	var out []unitTarget
	var rows [][]string
	level := ""
	if u, ok := w.in.Registry.Unit(unit); ok {
		level = u.Level
	}
	for i, a := range w.in.UnitAssessments[unit] {
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
	if w.in.UnitAssessments == nil {
		return nil
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
	return w.files.Write(paths.TargetsUnits+".csv", func(f io.Writer) error {
		c, err := opendata.NewCSV(f, names(unitTargetColumns))
		if err != nil {
			return err
		}
		for _, u := range units {
			for _, r := range w.unitTargetRows[u] {
				if err := c.Row(r); err != nil {
					return err
				}
			}
		}
		return c.Flush()
	})
}
