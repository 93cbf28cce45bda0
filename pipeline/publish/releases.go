package publish

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/minhtien/portal/pipeline/indicator"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
)

// Release versions and the changelog.
//
// A release is numbered "<latest review year>.<n>": 2025.1 is the first release with
// the 2025 review, 2025.2 a correction of it, 2026.1 the first with the 2026 review.
// Each recorded release keeps what it published in data/releases/<version>/
// (indicators.csv, targets.csv and release.json with its date), committed with the
// data. The build never writes there: Record does, as an explicit step
// (`portal release`), when the published figures differ from every recorded release.
//
// Write resolves the version from that history: if indicators.csv and targets.csv
// are byte-identical to a recorded release's, the build is that release; otherwise it
// is the next number, not yet recorded. So any change under data/ that changes a
// published figure or target makes a new release number, a change that does not
// (a typo in a story) does not, and the number depends on the files alone, never on
// the clock or the order of builds. The changelog compares each release's
// indicators.csv with the previous one's.

// releaseFile is data/releases/<version>/release.json.
type releaseFile struct {
	Version string `json:"version"`
	Date    string `json:"date"`
}

// recorded is one release kept under data/releases/.
type recorded struct {
	Release
	year, n    int
	indicators []byte
	targets    []byte
}

var versionPattern = regexp.MustCompile(`^([0-9]{4})\.([1-9][0-9]*)$`)

func parseVersion(v string) (year, n int, ok bool) {
	m := versionPattern.FindStringSubmatch(v)
	if m == nil {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(m[1])
	n, _ = strconv.Atoi(m[2])
	return year, n, true
}

// history reads every recorded release, oldest first. A missing folder is an empty
// history.
func history(dir string) ([]recorded, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("releases: %w", err)
	}
	var out []recorded
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		year, n, ok := parseVersion(e.Name())
		if !ok {
			return nil, fmt.Errorf("releases: %s: a release folder is named <year>.<number>, like 2025.1", filepath.Join(dir, e.Name()))
		}
		r := recorded{year: year, n: n}
		r.Version = e.Name()
		folder := filepath.Join(dir, e.Name())
		meta, err := os.ReadFile(filepath.Join(folder, "release.json"))
		if err != nil {
			return nil, fmt.Errorf("releases: %w", err)
		}
		var rf releaseFile
		if err := json.Unmarshal(meta, &rf); err != nil {
			return nil, fmt.Errorf("releases: %s: %w", filepath.Join(folder, "release.json"), err)
		}
		if rf.Version != r.Version {
			return nil, fmt.Errorf("releases: %s names version %q, its folder %q", filepath.Join(folder, "release.json"), rf.Version, r.Version)
		}
		r.Date = rf.Date
		if r.indicators, err = os.ReadFile(filepath.Join(folder, "indicators.csv")); err != nil {
			return nil, fmt.Errorf("releases: %w", err)
		}
		// targets.csv is optional: a release kept before targets were published has none.
		r.targets, _ = os.ReadFile(filepath.Join(folder, "targets.csv"))
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].year != out[j].year {
			return out[i].year < out[j].year
		}
		return out[i].n < out[j].n
	})
	return out, nil
}

// resolve names the current release from the history: the newest recorded release
// that published exactly these files, else the next number for the latest year.
func resolve(hist []recorded, latestYear int, date string, indicators, targets []byte) (Release, bool) {
	for i := len(hist) - 1; i >= 0; i-- {
		h := hist[i]
		if bytes.Equal(h.indicators, indicators) && (h.targets == nil || bytes.Equal(h.targets, targets)) {
			return h.Release, true
		}
	}
	n := 1
	for _, h := range hist {
		if h.year == latestYear && h.n >= n {
			n = h.n + 1
		}
	}
	return Release{Version: fmt.Sprintf("%d.%d", latestYear, n), Date: date}, false
}

// Record keeps the release that in publishes in data/releases/<version>/, unless it is
// there already; it returns the release and whether it wrote it. It is the one step
// that writes under data/, run on purpose (`portal release`) and committed with the
// data that made the release.
func Record(l paths.Layout, in *Input) (Release, bool, error) {
	if len(in.Parts) > 0 {
		return Release{}, false, errNationRelease
	}
	w := &writer{l: l, in: in, lang: in.Portal.Site.Languages}
	rel, recordedAlready, _, err := w.resolveRelease()
	if err != nil || recordedAlready {
		return rel, false, err
	}
	ind, err := w.indicatorsCSV()
	if err != nil {
		return rel, false, err
	}
	tg, err := w.targetsCSV()
	if err != nil {
		return rel, false, err
	}
	meta, err := json.MarshalIndent(releaseFile{rel.Version, rel.Date}, "", "  ")
	if err != nil {
		return rel, false, err
	}
	folder := filepath.Join(l.Releases(), rel.Version)
	for name, b := range map[string][]byte{"indicators.csv": ind, "targets.csv": tg, "release.json": append(meta, '\n')} {
		if err := w.write(filepath.Join(folder, name), b); err != nil {
			return rel, false, fmt.Errorf("record release: %w", err)
		}
	}
	return rel, true, nil
}

// errNationRelease refuses to record or compare a nation's release: its table holds
// the nation and its provinces only (the rest is written province by province), so
// indicators.csv would not identify it.
var errNationRelease = errors.New("record release: a nation's releases are not recorded yet: its figures below the provinces are never held at once, so they cannot be compared with a recorded release; remove data/releases/ for a nation's build, and record each province's releases with its own build")

// resolveRelease reads the history and names the release of w.in.
func (w *writer) resolveRelease() (Release, bool, []recorded, error) {
	hist, err := history(w.l.Releases())
	if err != nil {
		return Release{}, false, nil, err
	}
	var ind, tg []byte
	// The files identify a release only against recorded ones; without any (a
	// province's first build) a province's indicators.csv need not be held in memory.
	if len(hist) > 0 && len(w.in.Parts) > 0 {
		return Release{}, false, nil, errNationRelease
	}
	if len(hist) > 0 {
		if ind, err = w.indicatorsCSV(); err != nil {
			return Release{}, false, nil, err
		}
		if tg, err = w.targetsCSV(); err != nil {
			return Release{}, false, nil, err
		}
	}
	latest := 0
	if n := len(w.in.Years); n > 0 {
		latest = w.in.Years[n-1]
	}
	rel, ok := resolve(hist, latest, w.in.Release.Date, ind, tg)
	return rel, ok, hist, nil
}

// published figure, as read back from a release's indicators.csv.
type pubFigure struct {
	key                 [4]string // year, unit_code, group, indicator
	name                string
	value, num, den, fl string
}

// readIndicators parses an indicators.csv of any release, by header name, so a release
// whose columns were ordered differently still compares.
func readIndicators(b []byte) ([]pubFigure, error) {
	b = bytes.TrimPrefix(b, utf8BOM)
	r := csv.NewReader(bytes.NewReader(b))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("empty indicators.csv")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, need := range []string{"year", "unit_code", "group", "indicator", "value", "numerator", "denominator", "flag"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("indicators.csv has no %s column", need)
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	out := make([]pubFigure, 0, len(rows)-1)
	for _, row := range rows[1:] {
		out = append(out, pubFigure{
			key:  [4]string{get(row, "year"), get(row, "unit_code"), get(row, "group"), get(row, "indicator")},
			name: get(row, "unit_name"), value: get(row, "value"), num: get(row, "numerator"),
			den: get(row, "denominator"), fl: get(row, "flag"),
		})
	}
	return out, nil
}

// change is one figure that differs between two releases.
type change struct {
	Kind      string `json:"change"` // changed, added, removed
	Year      int    `json:"year"`
	UnitCode  string `json:"unit_code"`
	UnitName  string `json:"unit_name"`
	Group     string `json:"group"`
	Indicator string `json:"indicator"`
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

// publishedText writes a value of indicators.csv ("3.5", "2400", "0.012") as the page
// shows it in each language, keeping its decimals.
func publishedText(s string) bilingual {
	v := optFloat(s)
	if v == nil {
		return both("", "")
	}
	return number(v, decimalsOf(s, ""))
}

// releaseChanges is one entry of the changelog.
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

// compare lists what changed from before to after: figures whose value, numerator,
// denominator or flag differ, in the order of after, then those removed, in the
// order of before. Figures added are counted, and listed too.
func compare(before, after []pubFigure) (changes []change, changed, added, removed int, years []int) {
	old := make(map[[4]string]pubFigure, len(before))
	for _, f := range before {
		old[f.key] = f
	}
	seen := make(map[[4]string]bool, len(after))
	newYears := map[int]bool{}
	oldYears := map[string]bool{}
	for _, f := range before {
		oldYears[f.key[0]] = true
	}
	mk := func(kind string, b, a *pubFigure) change {
		ref := a
		if ref == nil {
			ref = b
		}
		y, _ := strconv.Atoi(ref.key[0])
		c := change{Kind: kind, Year: y, UnitCode: ref.key[1], UnitName: ref.name, Group: ref.key[2], Indicator: ref.key[3]}
		if d, ok := indicator.Lookup(c.Indicator); ok {
			c.IndicatorName = &bilingual{d.VI, d.EN}
		}
		if b != nil {
			c.Before, c.NumBefore, c.DenBefore, c.FlagBefor = optFloat(b.value), optInt(b.num), optInt(b.den), b.fl
			c.BeforeText = publishedText(b.value)
		}
		if a != nil {
			c.After, c.NumAfter, c.DenAfter, c.FlagAfter = optFloat(a.value), optInt(a.num), optInt(a.den), a.fl
			c.AfterText = publishedText(a.value)
		}
		c.Text = both(NotAvailable, NotAvailable)
		if c.Before != nil && c.After != nil {
			// The difference of the published (rounded) values, itself rounded to their
			// decimals so no binary fraction shows.
			c.Text = signed(*c.After-*c.Before, decimalsOf(b.value, a.value))
			c.Diff = optFloat(strings.ReplaceAll(trimPlus(c.Text.EN), ",", ""))
		}
		return c
	}
	for i := range after {
		a := &after[i]
		seen[a.key] = true
		b, ok := old[a.key]
		switch {
		case !ok:
			added++
			if !oldYears[a.key[0]] {
				y, _ := strconv.Atoi(a.key[0])
				newYears[y] = true
			}
			changes = append(changes, mk("added", nil, a))
		case b.value != a.value || b.num != a.num || b.den != a.den || b.fl != a.fl:
			changed++
			changes = append(changes, mk("changed", &b, a))
		}
	}
	for i := range before {
		b := &before[i]
		if !seen[b.key] {
			removed++
			changes = append(changes, mk("removed", b, nil))
		}
	}
	for y := range newYears {
		years = append(years, y)
	}
	sort.Ints(years)
	return changes, changed, added, removed, years
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

// changelog compares each release with the one before it, newest first. The current
// build is the last entry when it is not recorded yet.
func changelog(hist []recorded, current Release, isRecorded bool, currentCSV []byte) ([]releaseChanges, error) {
	type step struct {
		rel      Release
		csv      []byte
		recorded bool
	}
	var steps []step
	for _, h := range hist {
		steps = append(steps, step{h.Release, h.indicators, true})
	}
	if !isRecorded {
		steps = append(steps, step{current, currentCSV, false})
	}
	var out []releaseChanges
	var prev []pubFigure
	prevVersion := ""
	for _, s := range steps {
		figs, err := readIndicators(s.csv)
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", s.rel.Version, err)
		}
		rc := releaseChanges{Version: s.rel.Version, Date: s.rel.Date, Previous: prevVersion,
			Recorded: s.recorded, Current: s.rel.Version == current.Version, Changes: []change{}, Years: []int{}}
		if prevVersion != "" {
			ch, c, a, r, ys := compare(prev, figs)
			rc.Changed, rc.Added, rc.Removed = c, a, r
			if ys != nil {
				rc.Years = ys
			}
			// Figures of a newly reviewed year are counted, not listed one by one:
			// the changelog is about revisions.
			for _, x := range ch {
				if x.Kind == "added" && containsInt(ys, x.Year) {
					continue
				}
				rc.Changes = append(rc.Changes, x)
			}
		}
		out = append(out, rc)
		prev, prevVersion = figs, s.rel.Version
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
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
			diff := ""
			if c.Diff != nil {
				diff = strconv.FormatFloat(*c.Diff, 'f', -1, 64)
			}
			rows = append(rows, []string{e.Version, e.Previous, c.Kind, strconv.Itoa(c.Year), c.UnitCode, c.Group, c.Indicator,
				fl(c.Before), fl(c.After), diff, intCell(c.NumBefore), intCell(c.NumAfter),
				intCell(c.DenBefore), intCell(c.DenAfter), c.FlagBefor, c.FlagAfter})
		}
	}
	return csvBytes(names(changelogColumns), rows)
}

func trimPlus(s string) string {
	if len(s) > 0 && s[0] == '+' {
		return s[1:]
	}
	return s
}

// changelog writes build/data/changelog.json for the data page and changelog.csv.
func (w *writer) changelog() error {
	cur, err := w.indicatorsCSV()
	if err != nil {
		return err
	}
	entries, err := changelog(w.history, w.in.Release, w.recorded, cur)
	if err != nil {
		return err
	}
	b, err := changelogCSV(entries)
	if err != nil {
		return err
	}
	if err := w.download("changelog.csv", b); err != nil {
		return err
	}
	return w.jsonFile("changelog.json", changelogView(entries))
}
