package paths

import "path/filepath"

// Files of a recorded release, in data/releases/<version>/, and the downloads they
// keep a copy of.
const (
	// IndicatorsCSV is the indicators download, which a release keeps as published.
	IndicatorsCSV = "indicators.csv"
	// TargetsCSV is the targets download, which a release keeps as published.
	TargetsCSV = "targets.csv"
	// ReleaseMeta is a recorded release's version and date.
	ReleaseMeta = "release.json"
	// ReleaseSnapshot is a recorded release's protected figures, which a build
	// without the key renders.
	ReleaseSnapshot = "figures.json"
)

// Release is data/releases/<version>, the folder of one recorded release.
func (l Layout) Release(version string) string { return filepath.Join(l.Releases(), version) }
