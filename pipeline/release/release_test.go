package release

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/support"
)

const header = "year,unit_code,unit_name,group,indicator,value,numerator,denominator,flag\r\n"

func csvOf(rows ...string) []byte { return []byte(header + strings.Join(rows, "")) }

var (
	first     = csvOf("2025,1,x,all,poor_rate,3.5,35,1000,\r\n", "2025,1,x,all,poor_households,35,35,,\r\n")
	corrected = csvOf("2025,1,x,all,poor_rate,3.8,38,1000,\r\n", "2025,1,x,all,poor_households,38,38,,\r\n")
)

// record keeps one release in l, as `portal release` would.
func record(t *testing.T, l paths.Layout, years []int, date string, files Files) Release {
	t.Helper()
	rel, hist, err := Resolve(l, years, date, func() (Files, error) { return files, nil })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Record(l, rel, hist, files); err != nil {
		t.Fatal(err)
	}
	return rel
}

func TestResolveNumbersByContent(t *testing.T) {
	l := paths.New(t.TempDir(), "", "", "", "")
	record(t, l, []int{2025}, "2025-12-31", Files{Indicators: first, Targets: []byte("t1")})
	record(t, l, []int{2025}, "2025-12-31", Files{Indicators: corrected, Targets: []byte("t1")})
	tests := []struct {
		name     string
		years    []int
		files    Files
		want     string
		recorded bool
	}{
		{"same files as the first release", []int{2025}, Files{first, []byte("t1")}, "2025.1", true},
		{"same files as the correction", []int{2025}, Files{corrected, []byte("t1")}, "2025.2", true},
		{"a changed target is a new release", []int{2025}, Files{corrected, []byte("t2")}, "2025.3", false},
		{"a new review year starts at .1", []int{2025, 2026}, Files{csvOf("2026,1,x,all,poor_rate,3,30,1000,\r\n"), nil}, "2026.1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel, hist, err := Resolve(l, tt.years, "2026-12-31", func() (Files, error) { return tt.files, nil })
			if err != nil || rel.Version != tt.want || hist.Recorded != tt.recorded {
				t.Errorf("got %+v recorded=%v, %v; want %s recorded=%v", rel, hist.Recorded, err, tt.want, tt.recorded)
			}
		})
	}
}

func TestResolveWithoutHistoryNeedsNoFiles(t *testing.T) {
	l := paths.New(t.TempDir(), "", "", "", "")
	rel, hist, err := Resolve(l, []int{2024, 2025}, "2025-12-31", func() (Files, error) { return Files{}, ErrNation })
	if err != nil || rel.Version != "2025.1" || rel.Date != "2025-12-31" || hist.Recorded {
		t.Errorf("got %+v %+v %v", rel, hist, err)
	}
}

func TestHistoryRefusesBadFolders(t *testing.T) {
	tests := []struct {
		name   string
		folder string
		meta   string
	}{
		{"folder not a version", "latest", `{"version":"latest"}`},
		{"release.json names another version", "2025.1", `{"version":"2025.2","date":"2025-12-31"}`},
		{"release.json not JSON", "2025.1", `version = 2025.1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := paths.New(t.TempDir(), "", "", "", "")
			dir := l.Release(tt.folder)
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, paths.ReleaseMeta), []byte(tt.meta), 0o644)
			os.WriteFile(filepath.Join(dir, paths.IndicatorsCSV), first, 0o644)
			if _, _, err := Resolve(l, []int{2025}, "", func() (Files, error) { return Files{Indicators: first}, nil }); err == nil {
				t.Error("a bad release folder was accepted")
			}
		})
	}
}

func TestChangelogListsRevisionsNotNewYears(t *testing.T) {
	l := paths.New(t.TempDir(), "", "", "", "")
	record(t, l, []int{2025}, "2025-12-31", Files{Indicators: first})
	next := csvOf("2025,1,x,all,poor_rate,3.8,38,1000,\r\n", "2026,1,x,all,poor_rate,3,30,1000,\r\n")
	rel, hist, err := Resolve(l, []int{2025, 2026}, "2026-12-31", func() (Files, error) { return Files{Indicators: next}, nil })
	if err != nil {
		t.Fatal(err)
	}
	log, err := hist.Changelog(rel, next)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Version != "2026.1" || log[0].Previous != "2025.1" || !log[0].Current || log[0].Recorded {
		t.Fatalf("changelog %+v", log)
	}
	e := log[0]
	if e.Changed != 1 || e.Added != 1 || e.Removed != 1 || len(e.Years) != 1 || e.Years[0] != 2026 {
		t.Errorf("counts %+v", e)
	}
	// The revised rate and the removed count are listed; the new year's figure is not.
	if len(e.Changes) != 2 || e.Changes[0].Kind != "changed" || e.Changes[0].Before != "3.5" || e.Changes[0].After != "3.8" || e.Changes[1].Kind != "removed" {
		t.Errorf("changes %+v", e.Changes)
	}
}

func TestChangelogRefusesAnUnreadableRelease(t *testing.T) {
	h := History{}
	if _, err := h.Changelog(Release{Version: "2025.1"}, []byte("year,unit_code\r\n2025,1\r\n")); err == nil {
		t.Error("an indicators.csv without its columns was compared")
	}
}

func TestSnapshotDropsWithheldValues(t *testing.T) {
	l := paths.New(t.TempDir(), "", "", "", "")
	if _, err := LatestSnapshot(l); !errors.Is(err, ErrNoSnapshot) {
		t.Fatalf("no releases: %v, want ErrNoSnapshot", err)
	}
	rel := record(t, l, []int{2025}, "2025-12-31", Files{Indicators: first})
	table := &indicator.Table{Figures: []indicator.Figure{
		{Year: 2025, UnitCode: "1", Group: "all", Indicator: "poor_rate", Num: 35, Den: 1000},
		{Year: 2025, UnitCode: "2", Group: "all", Indicator: "poor_rate", Num: 2, Den: 40, Flag: indicator.FlagSuppressed, HideDen: true},
	}}
	st := &support.Table{Years: []int{2025}, Figures: []support.Figure{{Year: 2025, Num: 3, Den: 9, Flag: indicator.FlagSuppressed}}}
	s := NewSnapshot(rel.Version, []int{2025}, table, st, nil, []Source{{Path: "reviews/2025.csv.age", SHA256: "ab"}})
	if changed, err := RecordSnapshot(l, s); err != nil || !changed {
		t.Fatalf("record snapshot: %v %v", changed, err)
	}
	if changed, _ := RecordSnapshot(l, s); changed {
		t.Error("the same snapshot was written twice")
	}
	got, err := LatestSnapshot(l)
	if err != nil {
		t.Fatal(err)
	}
	figs, sup, _ := got.Tables()
	if f := figs.Figures[1]; f.Num != 0 || f.Den != 0 || f.Flag != indicator.FlagSuppressed {
		t.Errorf("withheld figure kept %+v", f)
	}
	if f := figs.Figures[0]; f.Num != 35 || f.Den != 1000 {
		t.Errorf("published figure changed %+v", f)
	}
	if f := sup.Figures[0]; f.Num != 0 || f.Den != 0 {
		t.Errorf("withheld support figure kept %+v", f)
	}
	if !got.Indicators()["poor_rate"] || got.Sources[0].Path != "reviews/2025.csv.age" {
		t.Errorf("snapshot %+v", got)
	}
}
