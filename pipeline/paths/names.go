package paths

import (
	"fmt"
	"path"
	"path/filepath"
)

// Names of the folders and files that other packages build a path from, relative to
// a folder a Layout method returns. Hugo's templates read the published ones from
// build/data/layout.json (see Published), so no template repeats a folder name either.
const (
	// ReviewsDir and SupportDir are the folders of review and support CSVs in the
	// data folder (and in a sample's output folder).
	ReviewsDir = "reviews"
	SupportDir = "support"
	// StoriesDir is the folder of story bundles in the content folder.
	StoriesDir = "stories"
	// DownloadsDir is the open data's folder at the site's root (build/static/data).
	DownloadsDir = "data"
	// APIDir is the JSON API's folder at the site's root, APIVersion its version.
	APIDir     = "api"
	APIVersion = "v1"
	// ChartsDir holds the charts: <lang>/<name>.svg in build/assets, <name>.csv among
	// the downloads.
	ChartsDir = "charts"
	// UnitsDir holds one JSON file per unit (<code>.json) in build/data and in the API.
	UnitsDir = "units"
	// TargetsDir holds one JSON file per target (<id>.json) in the API.
	TargetsDir = "targets"
	// PhotosDir is the folder of the re-encoded story photos in build/assets.
	PhotosDir = "photos"
	// PhotoIndexFile, in build/data, maps each story photo to its copy.
	PhotoIndexFile = "photos.json"
	// ReleasesDir is the folder of recorded releases in the data folder.
	ReleasesDir = "releases"
	// ConfigDir is the Hugo configuration folder in build/.
	ConfigDir = "config"
)

// The folders of a repository's root, New's defaults.
const (
	DataDir    = "data"
	ContentDir = "content"
	SiteDir    = "site"
	BuildDir   = "build"
	OutDir     = "public"
)

// Input files in the data folder.
const (
	PortalFile     = "portal.toml"
	StandardsFile  = "standards.toml"
	TargetsFile    = "targets.toml"
	ProgrammesFile = "programmes.toml"
	UnitsFile      = "units.toml"
)

// ReviewsIn is the folder of review CSVs in the data folder data.
func ReviewsIn(data string) string { return filepath.Join(data, ReviewsDir) }

// SupportIn is the folder of support CSVs in the data folder data.
func SupportIn(data string) string { return filepath.Join(data, SupportDir) }

// StoriesIn is the folder of story bundles in the content folder content.
func StoriesIn(content string) string { return filepath.Join(content, StoriesDir) }

// YearCSV is the review or support file of a year in its folder dir: <dir>/<year>.csv.
func YearCSV(dir string, year int) string { return filepath.Join(dir, fmt.Sprintf("%d.csv", year)) }

// API is build/static/api/v1, the JSON API's folder.
func (l Layout) API() string { return filepath.Join(l.BuildStatic(), APIDir, APIVersion) }

// ChartSVG is build/assets/charts/<lang>/<name>.svg, a chart Hugo fingerprints.
func (l Layout) ChartSVG(lang, name string) string {
	return filepath.Join(l.BuildAssets(), ChartsDir, lang, name+".svg")
}

// UnitFile is units/<code>.json, a unit's file relative to build/data or the API.
func UnitFile(code string) string { return path.Join(UnitsDir, code+".json") }

// TargetFile is targets/<id>.json, a target's file relative to the API's folder.
func TargetFile(id string) string { return path.Join(TargetsDir, id+".json") }

// Published are the folders of the published site that templates link to or read,
// relative to the site's root or to Hugo's assets, with a trailing slash: written to
// build/data/layout.json for the templates.
type Published struct {
	Downloads string `json:"downloads"`  // data/
	API       string `json:"api"`        // api/v1/
	Charts    string `json:"charts"`     // charts/ (assets: <lang>/<name>.svg)
	ChartData string `json:"chart_data"` // data/charts/ (<name>.csv)
	Photos    string `json:"photos"`     // photos/ (assets)
	Units     string `json:"units"`      // units/ (in the API)
	Targets   string `json:"targets"`    // targets/ (in the API)
}

// PublishedFolders returns the published folders.
func PublishedFolders() Published {
	return Published{
		Downloads: DownloadsDir + "/",
		API:       path.Join(APIDir, APIVersion) + "/",
		Charts:    ChartsDir + "/",
		ChartData: path.Join(DownloadsDir, ChartsDir) + "/",
		Photos:    PhotosDir + "/",
		Units:     UnitsDir + "/",
		Targets:   TargetsDir + "/",
	}
}
