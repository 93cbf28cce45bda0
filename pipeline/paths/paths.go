// Package paths knows the folder layout of a portal repository; no other package
// builds a path from a folder name.
package paths

import (
	"fmt"
	"os"
	"path/filepath"
)

// Layout is where a portal's inputs, generated files and site live.
type Layout struct {
	Root    string // the repository root
	Data    string // data/: portal.toml, targets.toml, programmes.toml, reviews/, support/
	Content string // content/: hand-written pages and stories
	Site    string // site/: the Hugo project
	Build   string // build/: generated Markdown, JSON, charts and downloads
	Out     string // public/: the website
}

// New returns the default layout under root; empty overrides keep the defaults.
func New(root, data, content, site, out string) Layout {
	l := Layout{
		Root:    root,
		Data:    filepath.Join(root, DataDir),
		Content: filepath.Join(root, ContentDir),
		Site:    filepath.Join(root, SiteDir),
		Build:   filepath.Join(root, BuildDir),
		Out:     filepath.Join(root, OutDir),
	}
	if data != "" {
		l.Data = data
	}
	if content != "" {
		l.Content = content
	}
	if site != "" {
		l.Site = site
	}
	if out != "" {
		l.Out = out
	}
	return l
}

// FindRoot walks up from dir to the folder holding go.mod or data/portal.toml.
func FindRoot(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, marker := range []string{"go.mod", filepath.Join(DataDir, PortalFile)} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("find root: no go.mod or data/portal.toml above %s", dir)
		}
		d = parent
	}
}

// PortalConfig is data/portal.toml.
func (l Layout) PortalConfig() string { return filepath.Join(l.Data, PortalFile) }

// Standards is data/standards.toml, the poverty standards.
func (l Layout) Standards() string { return filepath.Join(l.Data, StandardsFile) }

// Targets is data/targets.toml.
func (l Layout) Targets() string { return filepath.Join(l.Data, TargetsFile) }

// Programmes is data/programmes.toml.
func (l Layout) Programmes() string { return filepath.Join(l.Data, ProgrammesFile) }

// Units is data/units.toml, the unit registry (optional for a single commune).
func (l Layout) Units() string { return filepath.Join(l.Data, UnitsFile) }

// Reviews is the folder of review CSVs.
func (l Layout) Reviews() string { return ReviewsIn(l.Data) }

// Support is the folder of support CSVs.
func (l Layout) Support() string { return SupportIn(l.Data) }

// Releases is the folder keeping each release's published indicators.csv.
func (l Layout) Releases() string { return filepath.Join(l.Data, ReleasesDir) }

// Stories is the folder of story bundles.
func (l Layout) Stories() string { return StoriesIn(l.Content) }

// HugoConfig is the Hugo project's configuration file.
func (l Layout) HugoConfig() string { return filepath.Join(l.Site, HugoConfigFile) }

// BuildConfig is build/config, the Hugo configuration folder of a province's or a
// nation's site (its environment's settings in build/config/<environment>/hugo.toml).
func (l Layout) BuildConfig() string { return filepath.Join(l.Build, ConfigDir) }

// BuildLock is the file a build holds while it writes build/ and the output, beside
// build/.
func (l Layout) BuildLock() string { return l.Build + ".lock" }

// Generated folders under build/, each mounted into Hugo by site/hugo.toml.
func (l Layout) BuildContent() string { return filepath.Join(l.Build, HugoContent) }

// BuildData is build/data, mounted as Hugo's data.
func (l Layout) BuildData() string { return filepath.Join(l.Build, HugoData) }

// BuildAssets is build/assets, mounted as Hugo's assets (charts).
func (l Layout) BuildAssets() string { return filepath.Join(l.Build, HugoAssets) }

// BuildPhotos is build/assets/photos, the metadata-free copies of the story photos:
// the only photos Hugo sees (the content mount leaves the originals out).
func (l Layout) BuildPhotos() string { return filepath.Join(l.BuildAssets(), PhotosDir) }

// PhotoIndex is build/data/photos.json, which maps each story photo to its copy.
func (l Layout) PhotoIndex() string { return filepath.Join(l.BuildData(), PhotoIndexFile) }

// BuildStatic is build/static, mounted as Hugo's static files (downloads).
func (l Layout) BuildStatic() string { return filepath.Join(l.Build, HugoStatic) }

// Downloads is where the open data files go inside build/static.
func (l Layout) Downloads() string { return filepath.Join(l.BuildStatic(), DownloadsDir) }

// Mounted lists the generated folders Hugo mounts; each must exist before Hugo runs,
// because Hugo skips a missing mount without a word.
func (l Layout) Mounted() []string {
	return []string{l.BuildContent(), l.BuildData(), l.BuildAssets(), l.BuildStatic(), l.Content}
}
