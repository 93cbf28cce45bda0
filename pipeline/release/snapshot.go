package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/support"
)

// SnapshotFile is the file of a recorded release that holds its protected figures, so
// a build without the key renders the same site and downloads: data/releases/<v>/
// figures.json.
const SnapshotFile = paths.ReleaseSnapshot

// Snapshot is what a recorded release keeps for builds without the key: every
// figure as published (a withheld figure keeps its flag and, when published, its
// denominator, never its value), the support and coverage figures, and the
// fingerprint of each input file it was computed from.
type Snapshot struct {
	Version string `json:"version"`
	// Years are the review years and SupportYears the support years.
	Years        []int              `json:"years"`
	SupportYears []int              `json:"support_years"`
	Sources      []Source           `json:"sources"`
	Figures      []indicator.Figure `json:"figures"`
	Support      []support.Figure   `json:"support"`
	Coverage     []indicator.Figure `json:"coverage"`
}

// Source is one input file of a release: its path under the data folder (slashes)
// and the SHA-256 of its bytes as committed (the ciphertext, for a sealed file).
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// NewSnapshot takes the protected figures of release version: the review's figures
// for years, the support table (nil: none) and the coverage figures. The values of
// withheld figures are dropped here, so the snapshot holds only what the downloads
// publish.
func NewSnapshot(version string, years []int, figures *indicator.Table, st *support.Table, coverage *indicator.Table, sources []Source) *Snapshot {
	s := &Snapshot{Version: version, Years: years, Sources: sources}
	s.Figures = publishedFigures(figures)
	s.Coverage = publishedFigures(coverage)
	if st != nil {
		s.SupportYears = st.Years
		for _, f := range st.Figures {
			if f.Flag != indicator.FlagNone {
				f.Num, f.Den = 0, 0
			}
			s.Support = append(s.Support, f)
		}
	}
	return s
}

func publishedFigures(t *indicator.Table) []indicator.Figure {
	if t == nil {
		return nil
	}
	out := make([]indicator.Figure, len(t.Figures))
	for i, f := range t.Figures {
		if f.Flag != indicator.FlagNone {
			f.Num = 0
			if f.HideDen {
				f.Den = 0
			}
		}
		out[i] = f
	}
	return out
}

// Tables returns the snapshot's figures as the tables Compute would have made.
func (s *Snapshot) Tables() (figures *indicator.Table, st *support.Table, coverage *indicator.Table) {
	figures = &indicator.Table{Figures: append([]indicator.Figure(nil), s.Figures...)}
	figures.Reindex()
	st = &support.Table{Figures: append([]support.Figure(nil), s.Support...), Years: s.SupportYears}
	coverage = &indicator.Table{Figures: append([]indicator.Figure(nil), s.Coverage...)}
	coverage.Reindex()
	return figures, st, coverage
}

// Indicators is the set of indicator codes the snapshot holds figures for.
func (s *Snapshot) Indicators() map[string]bool {
	out := map[string]bool{}
	for _, f := range s.Figures {
		out[f.Indicator] = true
	}
	for _, f := range s.Coverage {
		out[f.Indicator] = true
	}
	return out
}

// encode writes one figure a line, so a release's diff reads figure by figure.
func (s *Snapshot) encode() ([]byte, error) {
	var b bytes.Buffer
	head, err := json.Marshal(struct {
		Version      string   `json:"version"`
		Years        []int    `json:"years"`
		SupportYears []int    `json:"support_years"`
		Sources      []Source `json:"sources"`
	}{s.Version, s.Years, s.SupportYears, s.Sources})
	if err != nil {
		return nil, err
	}
	b.Write(head[:len(head)-1])
	list := func(name string, n int, at func(int) any) error {
		fmt.Fprintf(&b, ",\n%q: [", name)
		for i := range n {
			line, err := json.Marshal(at(i))
			if err != nil {
				return err
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n")
			b.Write(line)
		}
		b.WriteString("\n]")
		return nil
	}
	if err := list("figures", len(s.Figures), func(i int) any { return s.Figures[i] }); err != nil {
		return nil, err
	}
	if err := list("support", len(s.Support), func(i int) any { return s.Support[i] }); err != nil {
		return nil, err
	}
	if err := list("coverage", len(s.Coverage), func(i int) any { return s.Coverage[i] }); err != nil {
		return nil, err
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// RecordSnapshot writes the snapshot into its release's folder, which Record made;
// it reports whether the file changed (a release recorded before snapshots were
// kept, or inputs resealed since).
func RecordSnapshot(l paths.Layout, s *Snapshot) (bool, error) {
	b, err := s.encode()
	if err != nil {
		return false, fmt.Errorf("record snapshot: %w", err)
	}
	path := filepath.Join(l.Release(s.Version), SnapshotFile)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return false, nil
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return false, fmt.Errorf("record snapshot: %w", err)
	}
	return true, nil
}

// ErrNoSnapshot is returned by LatestSnapshot when no recorded release keeps the
// figures a build without the key renders.
var ErrNoSnapshot = errors.New("no recorded release keeps its figures (" + SnapshotFile + ")")

// LatestSnapshot reads the snapshot of the latest recorded release.
func LatestSnapshot(l paths.Layout) (*Snapshot, error) {
	hist, err := history(l.Releases())
	if err != nil {
		return nil, err
	}
	if len(hist) == 0 {
		return nil, ErrNoSnapshot
	}
	latest := hist[len(hist)-1]
	path := filepath.Join(l.Release(latest.Version), SnapshotFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("release %s: %w", latest.Version, ErrNoSnapshot)
	}
	if err != nil {
		return nil, fmt.Errorf("release %s: %w", latest.Version, err)
	}
	var s Snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if s.Version != latest.Version {
		return nil, fmt.Errorf("%s names release %q, its folder %q", path, s.Version, latest.Version)
	}
	return &s, nil
}
