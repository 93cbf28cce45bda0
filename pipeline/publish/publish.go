// Package publish writes the protected figures, target assessments and downloads into
// build/ as the JSON, Markdown, SVG and open-data files that Hugo turns into the site;
// it decides which tables the open data holds, and opendata writes their files.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/progress"
	"github.com/minhtien/portal/pipeline/release"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/support"
)

// Input is everything the pipeline computed, already protected.
type Input struct {
	Portal *config.Portal
	// Plans are targets.toml's [[plans]]; each target names one (Target.Plan). Empty:
	// the targets are portal.toml's [plan]'s.
	Plans []config.Plan
	// Standards are the poverty standards the years are reviewed under, in order;
	// StandardFor gives each year's.
	Standards   []*standard.Standard
	StandardFor func(year int) (*standard.Standard, bool)
	Targets     []config.Target
	Assessments []progress.Assessment
	Projections [][]progress.Observation
	Programmes  []config.Programme
	Table       *indicator.Table
	Years       []int
	// Release is the release being published and History the recorded releases it
	// was resolved against (release.Resolve, before Write), for the changelog.
	Release Release
	History release.History
	// Support is the protected support and spending table (nil: no support data);
	// Coverage is the commune's coverage of each support type, the figures of the
	// support_coverage_* targets (nil: none).
	Support  *support.Table
	Coverage *indicator.Table
	// Registry is the unit registry (nil: none). When the unit is a province, the
	// table holds the province, its communes and their villages, and the downloads
	// and site of a province are written (see scaleDownloads and scaleSite).
	Registry *config.Registry
	// Parts, for a nation, are its provinces: Table then holds the nation and its
	// provinces only, and each part gives its province's protected table (the
	// province, its communes and villages) on demand, so that the whole country's
	// figures never exist at once.
	Parts []Part
	// UnitAssessments, at scale, are progress's assessments of the targets for each
	// commune (and, for a nation, each province) from its own published figures, in
	// the order of Targets (progress.Units); nil for a commune's build, whose own
	// assessments are Assessments. Publishing assesses nothing.
	UnitAssessments map[string][]progress.Assessment
}

// Part is one province of a nation's build: its code, how many figures its table
// holds below the province's own (which are in Input.Table too), and the table,
// built on demand.
type Part struct {
	Code  string
	Below int
	Table func() (*indicator.Table, error)
}

// FigureCount is how many figures the input holds, its parts' included.
func (in *Input) FigureCount() int {
	n := len(in.Table.Figures)
	for _, p := range in.Parts {
		n += p.Below
	}
	return n
}

// Release identifies a data release (see package release).
type Release = release.Release

// Write replaces build/ with the generated files. It writes into a fresh folder and
// swaps it in, so a failure never leaves a half-written build/ for Hugo to publish.
// in.Release is already resolved (release.Resolve); Write never writes under data/.
func Write(l paths.Layout, in *Input) error {
	tmp := l.Build + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	tl := l
	tl.Build = tmp
	w := &writer{l: tl, in: in, lang: in.Portal.Site.Languages, files: opendata.NewFiles(tl.Downloads())}
	// Order matters: datapackage.json describes every download written before it, and
	// SHA256SUMS covers every file, datapackage.json included.
	steps := []func() error{w.layout, w.downloads, w.periodFiles, w.money, w.changelog, w.data, w.storyYears, w.netChanges, w.dictionary, w.pages, w.charts, w.api, w.datapackage, w.checksums}
	switch {
	case len(in.Parts) > 0:
		// A nation: province by province (see nationDownloads), then its site.
		steps = []func() error{w.layout, w.nationDownloads, w.nationSite, w.unitTargetsCSV, w.dictionary, w.datapackage, w.checksums}
	case in.atScale():
		// A province: its open data, then its site (see scaleSite).
		steps = []func() error{w.layout, w.scaleDownloads, w.scaleSite, w.unitTargetsCSV, w.dictionary, w.datapackage, w.checksums}
	}
	for _, step := range steps {
		if err := step(); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("publish: %w", err)
		}
	}
	if err := os.RemoveAll(l.Build); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.Rename(tmp, l.Build); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

type writer struct {
	l    paths.Layout
	in   *Input
	lang []string
	// files are the open data written so far, each with the checksum taken as it was
	// written (datapackage.json and SHA256SUMS list them).
	files *opendata.Files
	// notes are sentences added to the data package's description (what a province's
	// downloads leave out).
	notes []string
	// mu guards unitTargetRows, the rows of targets-units.csv by unit, which the
	// provinces of a nation write concurrently.
	mu             sync.Mutex
	unitTargetRows map[string][][]string
}

func (w *writer) write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
