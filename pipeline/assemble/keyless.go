package assemble

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/publish"
	"github.com/minhtien/portal/pipeline/release"
	"github.com/minhtien/portal/pipeline/seal"
	"github.com/minhtien/portal/pipeline/story"
)

// Builds without the key (DESIGN section 6). Computing figures needs the key;
// rendering them does not. With sealed data and no identity, the load takes the
// protected figures of the latest release in data/releases/ (public already) and
// refuses only what needs new figures: an input file the release was not computed
// from (newer, changed or removed since), a story citing an indicator the release
// does not hold.

// loadKeyless fills in from the latest release's snapshot instead of the data.
func loadKeyless(l paths.Layout, lang string, in *Inputs) (*Inputs, error) {
	snap, err := release.LatestSnapshot(l)
	if errors.Is(err, release.ErrNoSnapshot) {
		return nil, invalid([]Finding{fileFinding(l.Releases(),
			"không có khoá và không có bản phát hành nào giữ số liệu để dựng trang ("+release.SnapshotFile+") (cách sửa: người có khoá chạy portal release rồi commit data/releases/)",
			"no key, and no recorded release keeps the figures to render ("+release.SnapshotFile+") (hint: someone with the key runs portal release, then commits data/releases/)")}, lang)
	}
	if err != nil {
		return nil, err
	}
	if err := checkSources(l, snap, lang); err != nil {
		return nil, err
	}
	in.Snapshot, in.Years = snap, snap.Years
	if err := storiesNeedingFigures(l, in, snap, lang); err != nil {
		return nil, err
	}
	return in.checkStories(l, vocabulary(in.Portal, in.Programmes), lang)
}

// storiesNeedingFigures refuses a story citing an indicator of the portal that the
// release holds no figure for: the story is checked once more with the release's
// indicators only, and what that alone refuses needs new figures.
func storiesNeedingFigures(l paths.Layout, in *Inputs, snap *release.Snapshot, lang string) error {
	full := vocabulary(in.Portal, in.Programmes)
	v := full
	v.Indicators = snap.Indicators()
	var fs []Finding
	for _, p := range story.Check(l.Content, v) {
		if p.Code != "unknown_indicator" || len(p.Args) == 0 {
			continue
		}
		code, _ := p.Args[0].(string)
		if !full.Indicators[code] {
			continue // not an indicator at all: the story check says so
		}
		at := fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
		fs = append(fs, Finding{File: p.File, Error: true, Message: func(lang string) string {
			if lang == "en" {
				return fmt.Sprintf("%s: the story cites indicator %q, which release %s holds no figure for: new figures need the key (hint: someone with the key runs portal release and commits data/releases/, or cite another indicator)", at, code, snap.Version)
			}
			return fmt.Sprintf("%s: câu chuyện nhắc tới chỉ số %q mà bản phát hành %s không có số liệu: số liệu mới cần khoá (cách sửa: người có khoá chạy portal release rồi commit data/releases/, hoặc nhắc tới chỉ số khác)", at, code, snap.Version)
		}})
	}
	return invalid(fs, lang)
}

// checkSources compares the household files with those the release was computed
// from, by the SHA-256 of their committed bytes.
func checkSources(l paths.Layout, snap *release.Snapshot, lang string) error {
	current, err := Sources(l)
	if err != nil {
		return err
	}
	recorded := map[string]string{}
	for _, s := range snap.Sources {
		recorded[s.Path] = s.SHA256
	}
	var changed []string
	for _, s := range current {
		if sum, ok := recorded[s.Path]; !ok || sum != s.SHA256 {
			changed = append(changed, s.Path)
		}
		delete(recorded, s.Path)
	}
	for p := range recorded {
		changed = append(changed, p) // gone since
	}
	if len(changed) == 0 {
		return nil
	}
	sort.Strings(changed)
	names := strings.Join(changed[:min(len(changed), 3)], ", ")
	if len(changed) > 3 {
		names += ", …"
	}
	v := snap.Version
	return invalid([]Finding{fileFinding(l.Data,
		fmt.Sprintf("%d tệp hộ gia đình khác với các tệp bản phát hành %s được tính từ (mới, đã sửa hoặc đã xoá: %s): số liệu mới cần khoá (cách sửa: người có khoá đặt %s rồi chạy portal release và commit data/releases/)", len(changed), v, names, seal.EnvIdentityFile),
		fmt.Sprintf("%d household files differ from those release %s was computed from (new, changed or removed: %s): new figures need the key (hint: someone with the key sets %s, runs portal release and commits data/releases/)", len(changed), v, names, seal.EnvIdentityFile))}, lang)
}

// Release records the release the current data makes (see release.Record) and the
// snapshot a build without the key renders; it needs the key when the data is
// sealed. It returns the release, whether it was new and whether its snapshot
// changed.
func Release(l paths.Layout, getenv func(string) string, lang string) (publish.Release, bool, bool, error) {
	in, err := Load(l, getenv, lang)
	if err != nil {
		return publish.Release{}, false, false, err
	}
	if in.Snapshot != nil {
		return publish.Release{}, false, false, errors.New(noKeyForRelease(lang))
	}
	pin, _, err := Compute(l, in)
	if err != nil {
		return publish.Release{}, false, false, err
	}
	if len(pin.Parts) > 0 {
		return publish.Release{}, false, false, release.ErrNation
	}
	files, err := publish.ReleaseFiles(l, pin)
	if err != nil {
		return publish.Release{}, false, false, err
	}
	rel, hist, err := release.Resolve(l, pin.Years, pin.Release.Date, func() (release.Files, error) { return files, nil })
	if err != nil {
		return rel, false, false, err
	}
	wrote, err := release.Record(l, rel, hist, files)
	if err != nil {
		return rel, false, false, err
	}
	sources, err := Sources(l)
	if err != nil {
		return rel, wrote, false, err
	}
	snap := release.NewSnapshot(rel.Version, pin.Years, pin.Table, pin.Support, pin.Coverage, sources)
	changed, err := release.RecordSnapshot(l, snap)
	return rel, wrote, changed, err
}

// resolveRelease names the release pin publishes from the history kept in
// data/releases/, before anything is written.
func resolveRelease(l paths.Layout, pin *publish.Input) error {
	rel, hist, err := release.Resolve(l, pin.Years, pin.Release.Date, func() (release.Files, error) { return publish.ReleaseFiles(l, pin) })
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	pin.Release, pin.History = rel, hist
	return nil
}

// noKeyForRelease says why a release is not recorded without the key.
func noKeyForRelease(lang string) string {
	if lang == "en" {
		return "new figures need the key, and recording a release computes them (hint: set " + seal.EnvIdentityFile + " to your key file; see docs/khoa-du-lieu.md)"
	}
	return "cần khoá để tính số liệu mới, và ghi bản phát hành là tính số liệu (cách sửa: đặt " + seal.EnvIdentityFile + " chỉ tới tệp khoá của bạn; xem docs/khoa-du-lieu.md)"
}

// Sources fingerprints the review and support files (clear or sealed) of l, for a
// release to record what it was computed from.
func Sources(l paths.Layout) ([]release.Source, error) {
	var out []release.Source
	for _, dir := range []string{l.Reviews(), l.Support()} {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || (filepath.Ext(name) != ".csv" && !seal.IsSealed(name)) {
				continue
			}
			path := filepath.Join(dir, name)
			sum, err := seal.Fingerprint(path)
			if err != nil {
				return nil, err
			}
			rel, err := filepath.Rel(l.Data, path)
			if err != nil {
				return nil, err
			}
			out = append(out, release.Source{Path: filepath.ToSlash(rel), SHA256: sum})
		}
	}
	return out, nil
}

// keylessLine is the one line a build without the key says.
func keylessLine(version, lang string) string {
	if lang == "en" {
		return "no key: rendering the protected figures of release " + version + " (data/releases/" + version + "); new figures need the key"
	}
	return "không có khoá: dựng trang từ số liệu đã bảo vệ của bản phát hành " + version + " (data/releases/" + version + "); số liệu mới cần khoá"
}

// sameRelease checks that a keyless build rendered the release its snapshot is of:
// the figures written must be byte for byte the recorded indicators.csv and
// targets.csv, else the snapshot is stale or was edited by hand.
func sameRelease(in *Inputs, pin *publish.Input, lang string) error {
	if in.Snapshot == nil || pin.Release.Version == in.Snapshot.Version {
		return nil
	}
	v := in.Snapshot.Version
	if lang == "en" {
		return fmt.Errorf("%s of release %s does not give back the release's indicators.csv and targets.csv (stale or edited by hand; or targets.toml changed since): nothing published (hint: someone with the key runs portal release and commits data/releases/)", release.SnapshotFile, v)
	}
	return fmt.Errorf("%s của bản phát hành %s không cho lại đúng indicators.csv và targets.csv của bản ấy (đã cũ, bị sửa tay, hoặc targets.toml đã đổi): không đăng gì (cách sửa: người có khoá chạy portal release rồi commit data/releases/)", release.SnapshotFile, v)
}
