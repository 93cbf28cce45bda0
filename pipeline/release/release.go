// Package release numbers a data release against the releases kept in data/releases/,
// records a new one on purpose, compares each with the one before it for the
// changelog, and keeps the protected figures a build without the key renders.
//
// A release is numbered "<latest review year>.<n>": 2025.1 is the first release with
// the 2025 review, 2025.2 a correction of it, 2026.1 the first with the 2026 review.
// Each recorded release keeps what it published in data/releases/<version>/
// (indicators.csv, targets.csv and release.json with its date), committed with the
// data. The build never writes there: [Record] does, as an explicit step
// (`portal release`), when the published figures differ from every recorded release.
//
// [Resolve] names the release from that history before anything is published: if
// indicators.csv and targets.csv are byte-identical to a recorded release's, the build
// is that release; otherwise it is the next number, not yet recorded. So any change
// under data/ that changes a published figure or target makes a new release number, a
// change that does not (a typo in a story) does not, and the number depends on the
// files alone, never on the clock or the order of builds. The changelog compares each
// release's indicators.csv with the previous one's.
package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"

	"github.com/minhtien/portal/pipeline/paths"
)

// Release identifies a data release.
type Release struct {
	Version string `json:"version"`
	Date    string `json:"date"`
}

// Files are the published files that identify a release: indicators.csv and
// targets.csv, as the downloads write them.
type Files struct {
	Indicators, Targets []byte
}

// History is the recorded releases a release was resolved against, oldest first,
// and whether the release is one of them.
type History struct {
	// Recorded reports whether the resolved release is kept in data/releases/.
	Recorded bool
	releases []recorded
}

// recorded is one release kept under data/releases/.
type recorded struct {
	Release
	year, n    int
	indicators []byte
	targets    []byte
}

// ErrNation refuses to record or compare a nation's release: its table holds the
// nation and its provinces only (the rest is written province by province), so
// indicators.csv would not identify it.
var ErrNation = errors.New("record release: a nation's releases are not recorded yet: its figures below the provinces are never held at once, so they cannot be compared with a recorded release; remove data/releases/ for a nation's build, and record each province's releases with its own build")

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

// Resolve names the release of a build whose latest review year is the last of
// years, dated date, from the history kept in l's data/releases/. files gives the
// published files that identify it; it is called only when a release is recorded,
// so a province's first build need not hold its indicators.csv in memory.
func Resolve(l paths.Layout, years []int, date string, files func() (Files, error)) (Release, History, error) {
	hist, err := history(l.Releases())
	if err != nil {
		return Release{}, History{}, err
	}
	var f Files
	if len(hist) > 0 {
		if f, err = files(); err != nil {
			return Release{}, History{}, err
		}
	}
	latest := 0
	if n := len(years); n > 0 {
		latest = years[n-1]
	}
	rel, ok := resolve(hist, latest, date, f.Indicators, f.Targets)
	return rel, History{Recorded: ok, releases: hist}, nil
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
		r, err := readRecorded(dir, e.Name())
		if err != nil {
			return nil, err
		}
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

// readRecorded reads the release kept in dir/name.
func readRecorded(dir, name string) (recorded, error) {
	year, n, ok := parseVersion(name)
	if !ok {
		return recorded{}, fmt.Errorf("releases: %s: a release folder is named <year>.<number>, like 2025.1", filepath.Join(dir, name))
	}
	r := recorded{year: year, n: n}
	r.Version = name
	folder := filepath.Join(dir, name)
	meta, err := os.ReadFile(filepath.Join(folder, paths.ReleaseMeta))
	if err != nil {
		return r, fmt.Errorf("releases: %w", err)
	}
	var rf Release
	if err := json.Unmarshal(meta, &rf); err != nil {
		return r, fmt.Errorf("releases: %s: %w", filepath.Join(folder, paths.ReleaseMeta), err)
	}
	if rf.Version != r.Version {
		return r, fmt.Errorf("releases: %s names version %q, its folder %q", filepath.Join(folder, paths.ReleaseMeta), rf.Version, r.Version)
	}
	r.Date = rf.Date
	if r.indicators, err = os.ReadFile(filepath.Join(folder, paths.IndicatorsCSV)); err != nil {
		return r, fmt.Errorf("releases: %w", err)
	}
	// targets.csv is optional: a release kept before targets were published has none.
	r.targets, _ = os.ReadFile(filepath.Join(folder, paths.TargetsCSV))
	return r, nil
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

// Record keeps rel, which published files, in data/releases/<version>/ unless hist
// says it is there already; it reports whether it wrote it. It is the one step that
// writes under data/, run on purpose (`portal release`) and committed with the data
// that made the release.
func Record(l paths.Layout, rel Release, hist History, files Files) (bool, error) {
	if hist.Recorded {
		return false, nil
	}
	meta, err := json.MarshalIndent(rel, "", "  ")
	if err != nil {
		return false, err
	}
	folder := l.Release(rel.Version)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return false, fmt.Errorf("record release: %w", err)
	}
	for name, b := range map[string][]byte{paths.IndicatorsCSV: files.Indicators, paths.TargetsCSV: files.Targets, paths.ReleaseMeta: append(meta, '\n')} {
		if err := os.WriteFile(filepath.Join(folder, name), b, 0o644); err != nil {
			return false, fmt.Errorf("record release: %w", err)
		}
	}
	return true, nil
}
