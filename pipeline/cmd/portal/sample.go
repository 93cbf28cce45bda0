package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/support"
)

type sampleCommand struct {
	stdout, stderr io.Writer
	// scaleOf finds a scale by name; nil means sample.ScaleByName (tests shrink it).
	scaleOf func(string) (sample.Scale, bool)
}

func (c *sampleCommand) Name() string { return "sample" }
func (c *sampleCommand) Synopsis() string {
	return "write deterministic synthetic review and support data (data/reviews/<year>.csv, data/support/<year>.csv)"
}

func (c *sampleCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	scale := fs.String("scale", "commune", "size of the dataset: commune (the committed sample), province (about 1.1 million households) or national (about 27 million)")
	seed := fs.Uint64("seed", 20221, "random seed; the same seed gives the same files")
	out := fs.String("out", "", "folder for the review files (default data/reviews); for a province or national scale, the data folder to write (portal.toml, units.toml, targets.toml, programmes.toml, standards.toml, reviews/)")
	supportOut := fs.String("support-out", "", "folder for the support files (default data/support)")
	dataDir := fs.String("data", "", "input folder whose portal.toml names the commune and villages (default data/)")
	households := fs.Int("households", 0, "for a province or national scale, households in the first review instead of the scale's (the same communes and villages, fewer households: a site of full shape that builds quickly)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// Only the settings come from a repository, when there is one: outside any, the
	// synthetic commune's own settings are used and the files go where --out says.
	src, inRepo, err := settingsSource(*dataDir)
	if err != nil {
		return err
	}
	if *scale != "commune" {
		return c.large(src, *scale, *out, *seed, *households)
	}
	p, stds, err := communeSettings(src)
	if err != nil {
		return err
	}
	dir, sdir, err := sampleFolders(src, inRepo, p, *out, *supportOut)
	if err != nil {
		return err
	}
	o := sample.Committed(p.Unit.Code, p.VillageCodes(), *seed)
	o.StandardFor = assemble.StandardFor(p, stds)
	years, err := sample.Generate(o)
	if err != nil {
		return err
	}
	if err := c.writeReviews(dir, years, o.StandardFor); err != nil {
		return err
	}
	// The support delivered is drawn from the same households, so needs match reviews.
	support, err := sample.Support(years, p.VillageCodes(), *seed, o.StandardFor)
	if err != nil {
		return err
	}
	return c.writeSupport(sdir, support)
}

// communeSettings reads the commune's portal.toml and standards.toml from src.
func communeSettings(src settings) (*config.Portal, *standard.Set, error) {
	b, err := src.read(paths.PortalFile)
	if err != nil {
		return nil, nil, err
	}
	p, err := config.ParsePortal(src.name(paths.PortalFile), b)
	if err != nil {
		return nil, nil, err
	}
	sb, err := src.read(paths.StandardsFile)
	if err != nil {
		return nil, nil, err
	}
	stds, err := standard.Parse(src.name(paths.StandardsFile), sb)
	if err != nil {
		return nil, nil, err
	}
	return p, stds, nil
}

// sampleFolders chooses where the review and support files go: --out and
// --support-out, else data/reviews and data/support, which a repository with real
// data (sample = false) never lets the sample overwrite.
func sampleFolders(src settings, inRepo bool, p *config.Portal, out, supportOut string) (dir, sdir string, err error) {
	dir, sdir = out, supportOut
	switch {
	case !inRepo && dir == "":
		return "", "", &usageError{msg: "outside a repository, name the folder to write with --out DIR"}
	case inRepo && dir == "" && !p.Data.Sample:
		return "", "", &usageError{msg: "real data is declared (sample = false): write the sample elsewhere with --out DIR, never over data/reviews"}
	case dir == "":
		dir = src.l.Reviews()
	}
	if sdir == "" {
		sdir = src.l.Support()
		if out != "" {
			sdir = paths.SupportIn(filepath.Dir(filepath.Clean(dir)))
		}
	}
	return dir, sdir, nil
}

// writeReviews writes each year's review file into dir.
func (c *sampleCommand) writeReviews(dir string, years [][]review.Record, standardFor func(int) (*standard.Standard, bool)) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, recs := range years {
		s, _ := standardFor(recs[0].Year)
		b, err := sample.CSV(recs, s)
		if err != nil {
			return err
		}
		path := paths.YearCSV(dir, recs[0].Year)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "wrote %s (%d households)\n", path, len(recs))
	}
	return nil
}

// writeSupport writes each year's support file into dir.
func (c *sampleCommand) writeSupport(dir string, years [][]support.Record) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, recs := range years {
		b, err := sample.SupportCSV(recs)
		if err != nil {
			return err
		}
		path := paths.YearCSV(dir, recs[0].Year)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "wrote %s (%d rows)\n", path, len(recs))
	}
	return nil
}

// large writes a complete data folder for a province- or country-sized dataset:
// portal.toml (the province or nation as the unit), units.toml (every commune and
// village), the commune's targets.toml, programmes.toml and standards.toml, and the reviews, streamed
// to DIR/reviews one file per year. It needs an --out folder: the committed commune
// sample must not be overwritten by accident.
func (c *sampleCommand) large(src settings, name, out string, seed uint64, households int) error {
	scaleOf := c.scaleOf
	if scaleOf == nil {
		scaleOf = sample.ScaleByName
	}
	s, ok := scaleOf(name)
	if !ok {
		return &usageError{msg: fmt.Sprintf("scale %q is unknown; use commune, province or national", name)}
	}
	if out == "" {
		return &usageError{msg: "a " + name + " dataset needs --out DIR (it is large and must not replace data/)"}
	}
	if households < 0 || (households > 0 && households < 200*s.Communes) {
		return &usageError{msg: fmt.Sprintf("--households %d is too few for %d communes: give at least %d (200 a commune)", households, s.Communes, 200*s.Communes)}
	}
	if households > 0 {
		s.Households = households
	}
	b, err := src.read(paths.PortalFile)
	if err != nil {
		return err
	}
	commune, err := config.ParsePortal(src.name(paths.PortalFile), b)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	var settings bytes.Buffer
	if err := sample.EncodePortal(&settings, sample.ScalePortal(*commune, s)); err != nil {
		return err
	}
	var units bytes.Buffer
	if err := sample.WriteUnits(&units, s, seed); err != nil {
		return err
	}
	files := map[string][]byte{paths.PortalFile: settings.Bytes(), paths.UnitsFile: units.Bytes()}
	for _, name := range []string{paths.TargetsFile, paths.ProgrammesFile, paths.StandardsFile} {
		b, err := src.read(name)
		if err != nil {
			return err
		}
		files[name] = b
	}
	for _, f := range []string{paths.PortalFile, paths.UnitsFile, paths.TargetsFile, paths.ProgrammesFile, paths.StandardsFile} {
		path := filepath.Join(out, f)
		if err := os.WriteFile(path, files[f], 0o644); err != nil {
			return fmt.Errorf("sample: %w", err)
		}
		fmt.Fprintf(c.stdout, "wrote %s\n", path)
	}
	sum, err := sample.WriteScale(paths.ReviewsIn(out), s, seed)
	if err != nil {
		return err
	}
	for i, f := range sum.Files {
		fmt.Fprintf(c.stdout, "wrote %s (%d households)\n", f, sum.Rows[i])
	}
	fmt.Fprintf(c.stdout, "%d bytes, %d distinct households\n", sum.Bytes, sum.Households)
	return nil
}

// settings are where the sample's settings come from: a repository's data folder, or
// the synthetic commune's own when there is no repository.
type settings struct {
	l      paths.Layout
	inRepo bool
}

// settingsSource finds the data folder (--data, or the repository's data/), or falls
// back on the synthetic commune's settings; it reports whether a repository is used.
func settingsSource(data string) (settings, bool, error) {
	if data != "" {
		return settings{l: paths.New("", data, "", "", ""), inRepo: true}, true, nil
	}
	var lf layoutFlags
	l, err := lf.layout()
	if err != nil {
		return settings{}, false, nil // no repository: the sample's own settings
	}
	return settings{l: l, inRepo: true}, true, nil
}

func (s settings) name(file string) string {
	if !s.inRepo {
		return "sample/" + file
	}
	return filepath.Join(s.l.Data, file)
}

func (s settings) read(file string) ([]byte, error) {
	if !s.inRepo {
		return sample.Settings(file)
	}
	b, err := os.ReadFile(s.name(file))
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	return b, nil
}
