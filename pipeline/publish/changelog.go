package publish

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/release"
)

// ReleaseFiles are the files that identify the release of in, indicators.csv and
// targets.csv as the downloads write them, for release.Resolve and release.Record.
// A nation's are refused (release.ErrNation): its table holds the nation and its
// provinces only.
func ReleaseFiles(l paths.Layout, in *Input) (release.Files, error) {
	if len(in.Parts) > 0 {
		return release.Files{}, release.ErrNation
	}
	w := &writer{l: l, in: in, lang: in.Portal.Site.Languages}
	ind, err := w.indicatorsCSV()
	if err != nil {
		return release.Files{}, err
	}
	tg, err := w.targetsCSV()
	if err != nil {
		return release.Files{}, err
	}
	return release.Files{Indicators: ind, Targets: tg}, nil
}

// change is one change of the changelog as the data page and changelog.json show it.
type change struct {
	Kind     string `json:"change"` // changed, added, removed
	Year     int    `json:"year"`
	UnitCode string `json:"unit_code"`
	UnitName string `json:"unit_name"`
	// UnitShown is the unit's name in each language, for the page; a unit the
	// settings no longer name keeps the release's name in both.
	UnitShown bilingual `json:"unit_shown"`
	Group     string    `json:"group"`
	Indicator string    `json:"indicator"`
	// IndicatorName is the indicator's name from the dictionary, for the page: a
	// reader of the changelog should not have to look codes up.
	IndicatorName *bilingual `json:"indicator_name,omitempty"`
	Before        *float64   `json:"value_before"`
	After         *float64   `json:"value_after"`
	Diff          *float64   `json:"difference"`
	NumBefore     *int64     `json:"numerator_before"`
	NumAfter      *int64     `json:"numerator_after"`
	DenBefore     *int64     `json:"denominator_before"`
	DenAfter      *int64     `json:"denominator_after"`
	FlagBefor     string     `json:"flag_before"`
	FlagAfter     string     `json:"flag_after"`
	// Text is the difference as the page shows it, in both languages; BeforeText and
	// AfterText the values ("" when withheld or not available).
	Text       bilingual `json:"text"`
	BeforeText bilingual `json:"before_text"`
	AfterText  bilingual `json:"after_text"`
}

// releaseChanges is one entry of the changelog as changelog.json shows it.
type releaseChanges struct {
	Version  string   `json:"version"`
	Date     string   `json:"date"`
	Previous string   `json:"previous"`
	Recorded bool     `json:"recorded"`
	Current  bool     `json:"current"`
	Changed  int      `json:"changed"`
	Added    int      `json:"added"`
	Removed  int      `json:"removed"`
	Years    []int    `json:"years_added"`
	Changes  []change `json:"changes"`
}

// changeJSON is a release's change with its values as numbers and as the page
// writes them.
func changeJSON(c release.Change) change {
	out := change{Kind: c.Kind, Year: c.Year, UnitCode: c.UnitCode, UnitName: c.UnitName, Group: c.Group, Indicator: c.Indicator}
	if d, ok := indicator.Lookup(c.Indicator); ok {
		out.IndicatorName = &bilingual{d.VI, d.EN}
	}
	if c.Kind != "added" {
		out.Before, out.NumBefore, out.DenBefore, out.FlagBefor = optFloat(c.Before), optInt(c.NumBefore), optInt(c.DenBefore), c.FlagBefore
		out.BeforeText = publishedText(c.Before)
	}
	if c.Kind != "removed" {
		out.After, out.NumAfter, out.DenAfter, out.FlagAfter = optFloat(c.After), optInt(c.NumAfter), optInt(c.DenAfter), c.FlagAfter
		out.AfterText = publishedText(c.After)
	}
	out.Text = both(NotAvailable, NotAvailable)
	if out.Before != nil && out.After != nil {
		// The difference of the published (rounded) values, itself rounded to their
		// decimals so no binary fraction shows.
		out.Text = signed(*out.After-*out.Before, decimalsOf(c.Before, c.After))
		out.Diff = optFloat(strings.ReplaceAll(trimPlus(out.Text.EN), ",", ""))
	}
	return out
}

// publishedText writes a value of indicators.csv ("3.5", "2400", "0.012") as the page
// shows it in each language, keeping its decimals.
func publishedText(s string) bilingual {
	v := optFloat(s)
	if v == nil {
		return both("", "")
	}
	return number(v, decimalsOf(s, ""))
}

func optFloat(s string) *float64 {
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

func optInt(s string) *int64 {
	if s == "" {
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil
	}
	return &v
}

// decimalsOf is the larger number of decimals of two published values.
func decimalsOf(a, b string) int {
	d := 0
	for _, s := range []string{a, b} {
		if i := bytes.IndexByte([]byte(s), '.'); i >= 0 && len(s)-i-1 > d {
			d = len(s) - i - 1
		}
	}
	return d
}

// signed formats a difference with its sign, "+0,4" / "+0.4".
func signed(d float64, decimals int) bilingual {
	t := number(&d, decimals)
	if d > 0 {
		t.VI, t.EN = "+"+t.VI, "+"+t.EN
	}
	return t
}

func trimPlus(s string) string {
	if len(s) > 0 && s[0] == '+' {
		return s[1:]
	}
	return s
}

// changelogCSV is changelog.csv: every listed change of every release, newest first.
func changelogCSV(entries []releaseChanges) ([]byte, error) {
	fl := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	var rows [][]string
	for _, e := range entries {
		for _, c := range e.Changes {
			rows = append(rows, []string{e.Version, e.Previous, c.Kind, strconv.Itoa(c.Year), c.UnitCode, c.Group, c.Indicator,
				fl(c.Before), fl(c.After), fl(c.Diff), intCell(c.NumBefore), intCell(c.NumAfter),
				intCell(c.DenBefore), intCell(c.DenAfter), c.FlagBefor, c.FlagAfter})
		}
	}
	return csvBytes(names(changelogColumns), rows)
}

// changelog writes build/data/changelog.json for the data page and changelog.csv,
// from the release history the release was resolved against.
func (w *writer) changelog() error {
	cur, err := w.indicatorsCSV()
	if err != nil {
		return err
	}
	entries, err := w.in.History.Changelog(w.in.Release, cur)
	if err != nil {
		return err
	}
	out := make([]releaseChanges, len(entries))
	for i, e := range entries {
		out[i] = releaseChanges{Version: e.Version, Date: e.Date, Previous: e.Previous, Recorded: e.Recorded, Current: e.Current,
			Changed: e.Changed, Added: e.Added, Removed: e.Removed, Years: e.Years, Changes: make([]change, len(e.Changes))}
		for j, c := range e.Changes {
			out[i].Changes[j] = changeJSON(c)
			out[i].Changes[j].UnitShown = w.unitShown(c)
		}
	}
	b, err := changelogCSV(out)
	if err != nil {
		return err
	}
	if err := w.download("changelog.csv", b); err != nil {
		return err
	}
	return w.jsonFile("changelog.json", changelogView(out))
}

// unitShown is a change's unit named in each language, as the settings name it;
// a unit they no longer name keeps the release's name in both.
func (w *writer) unitShown(c release.Change) bilingual {
	if vi, en := w.unitNames(c.UnitCode); vi != c.UnitCode || en != c.UnitCode {
		return both(vi, en)
	}
	return both(c.UnitName, c.UnitName)
}
