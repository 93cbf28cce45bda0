package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/release"
)

// resolveAndWrite names the release from l's history, then writes it, as a build
// does.
func resolveAndWrite(l paths.Layout, in *Input) error {
	rel, hist, err := release.Resolve(l, in.Years, in.Release.Date, func() (release.Files, error) { return ReleaseFiles(l, in) })
	if err != nil {
		return err
	}
	in.Release, in.History = rel, hist
	return Write(l, in)
}

// record keeps the release of in under data/releases/, as `portal release` does.
func record(l paths.Layout, in *Input) (Release, bool, error) {
	files, err := ReleaseFiles(l, in)
	if err != nil {
		return Release{}, false, err
	}
	rel, hist, err := release.Resolve(l, in.Years, in.Release.Date, func() (release.Files, error) { return files, nil })
	if err != nil {
		return rel, false, err
	}
	wrote, err := release.Record(l, rel, hist, files)
	return rel, wrote, err
}

func TestReleases(t *testing.T) {
	in := testInput(t)
	root := t.TempDir()
	l := paths.New(root, "", "", "", "")
	if err := resolveAndWrite(l, in); err != nil {
		t.Fatal(err)
	}
	if in.Release.Version != "2025.1" || in.Release.Date != "2025-12-31" {
		t.Fatalf("first release %+v", in.Release)
	}
	if _, err := os.Stat(l.Releases()); !os.IsNotExist(err) {
		t.Fatal("Write wrote under data/")
	}
	rel, wrote, err := record(l, in)
	if err != nil || !wrote || rel.Version != "2025.1" {
		t.Fatalf("record: %+v %v %v", rel, wrote, err)
	}
	kept, _ := os.ReadFile(filepath.Join(l.Releases(), "2025.1", "indicators.csv"))
	published, _ := os.ReadFile(filepath.Join(l.Downloads(), "indicators.csv"))
	if !bytes.Equal(kept, published) {
		t.Fatal("the kept indicators.csv is not the published one")
	}
	if _, wrote, _ := record(l, in); wrote {
		t.Fatal("recorded the same release twice")
	}

	// A corrected figure makes release 2025.2, and the changelog says by how much.
	in2 := testInput(t)
	k := indicator.Key{Year: 2023, UnitCode: "12424", Group: "all", Indicator: "poor_households"}
	f, ok := in2.Table.Get(k)
	if !ok || f.Flag != "" {
		t.Fatalf("no published %v", k)
	}
	f.Num += 3
	rk := indicator.Key{Year: 2023, UnitCode: "12424", Group: "all", Indicator: "poor_rate"}
	r, _ := in2.Table.Get(rk)
	before, _ := r.Value()
	r.Num += 3
	after, _ := r.Value()
	if err := resolveAndWrite(l, in2); err != nil {
		t.Fatal(err)
	}
	if in2.Release.Version != "2025.2" {
		t.Fatalf("corrected release %+v", in2.Release)
	}
	var log []releaseChanges
	b, _ := os.ReadFile(filepath.Join(l.BuildData(), "changelog.json"))
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Version != "2025.2" || log[0].Previous != "2025.1" || !log[0].Current || log[0].Recorded {
		t.Fatalf("changelog %+v", log)
	}
	var rate *change
	for i, c := range log[0].Changes {
		if c.Indicator == "poor_rate" && c.UnitCode == "12424" && c.Group == "all" && c.Year == 2023 {
			rate = &log[0].Changes[i]
		}
	}
	if rate == nil || rate.Diff == nil || math.Abs(*rate.Diff-(after-before)) > 1e-9 {
		t.Fatalf("poor_rate change %+v, want %v -> %v", rate, before, after)
	}
	if log[0].Added != 0 || log[0].Removed != 0 || log[0].Changed < 2 {
		t.Errorf("counts %+v", log[0])
	}
	rows := readCSV(t, filepath.Join(l.Downloads(), "changelog.csv"))
	if len(rows) != len(log[0].Changes)+1 || rows[1][0] != "2025.2" {
		t.Errorf("changelog.csv has %d rows", len(rows)-1)
	}

	// Recording it and building again gives the same number, now recorded.
	if rel, wrote, err := record(l, in2); err != nil || !wrote || rel.Version != "2025.2" {
		t.Fatalf("record 2025.2: %+v %v %v", rel, wrote, err)
	}
	in3 := testInput(t)
	f3, _ := in3.Table.Get(k)
	f3.Num += 3
	r3, _ := in3.Table.Get(rk)
	r3.Num += 3
	if err := resolveAndWrite(l, in3); err != nil {
		t.Fatal(err)
	}
	if in3.Release.Version != "2025.2" {
		t.Fatalf("rebuild %+v", in3.Release)
	}
	// A new review year starts a new series of numbers; its figures are counted,
	// not listed.
	cur, _ := (&writer{l: l, in: in3}).indicatorsCSV()
	more := append([]byte{}, cur...)
	more = append(more, []byte("2026,commune,12424,xã Minh Tiến,all,households,2500,2500,,households,,,,2026-2030\r\n")...)
	rel3, hist3, err := release.Resolve(l, []int{2025, 2026}, "2026-12-31", func() (release.Files, error) { return release.Files{Indicators: more}, nil })
	if err != nil || hist3.Recorded || rel3.Version != "2026.1" {
		t.Fatalf("new year %+v %v", rel3, err)
	}
	entries, err := hist3.Changelog(rel3, more)
	if err != nil || entries[0].Added != 1 || len(entries[0].Years) != 1 || len(entries[0].Changes) != 0 {
		t.Fatalf("new year changelog %+v %v", entries[0], err)
	}
}

// TestNationReleaseRefused: a nation's release is neither recorded nor compared with
// recorded ones, since its table holds the nation and provinces only.
func TestNationReleaseRefused(t *testing.T) {
	in := testInput(t)
	in.Parts = []Part{{Code: "01"}}
	l := paths.New(t.TempDir(), "", "", "", "")
	if _, _, err := record(l, in); !errors.Is(err, release.ErrNation) {
		t.Errorf("record: %v, want release.ErrNation", err)
	}
}
