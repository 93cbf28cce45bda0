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
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
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
	var lf layoutFlags
	lf.data = *dataDir
	l, err := lf.layout()
	if err != nil {
		return err
	}
	if *scale != "commune" {
		return c.large(l, *scale, *out, *seed, *households)
	}
	p, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return err
	}
	dir := l.Reviews()
	if *out != "" {
		dir = *out
	}
	stds, err := standard.Load(l.Standards())
	if err != nil {
		return err
	}
	o := sample.Committed(p.Unit.Code, p.VillageCodes(), *seed)
	o.StandardFor = assemble.StandardFor(p, stds)
	years, err := sample.Generate(o)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, recs := range years {
		s, _ := o.StandardFor(recs[0].Year)
		b, err := sample.CSV(recs, s)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, fmt.Sprintf("%d.csv", recs[0].Year))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "wrote %s (%d households)\n", path, len(recs))
	}
	// The support delivered is drawn from the same households, so needs match reviews.
	sdir := l.Support()
	if *supportOut != "" {
		sdir = *supportOut
	}
	support, err := sample.Support(years, p.VillageCodes(), *seed, o.StandardFor)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return err
	}
	for _, recs := range support {
		b, err := sample.SupportCSV(recs)
		if err != nil {
			return err
		}
		path := filepath.Join(sdir, fmt.Sprintf("%d.csv", recs[0].Year))
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
func (c *sampleCommand) large(l paths.Layout, name, out string, seed uint64, households int) error {
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
	commune, err := config.LoadPortal(l.PortalConfig())
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
	files := map[string][]byte{"portal.toml": settings.Bytes(), "units.toml": units.Bytes()}
	for _, src := range []string{l.Targets(), l.Programmes(), l.Standards()} {
		b, err := os.ReadFile(src)
		if err != nil {
			return fmt.Errorf("sample: %w", err)
		}
		files[filepath.Base(src)] = b
	}
	for _, f := range []string{"portal.toml", "units.toml", "targets.toml", "programmes.toml", "standards.toml"} {
		path := filepath.Join(out, f)
		if err := os.WriteFile(path, files[f], 0o644); err != nil {
			return fmt.Errorf("sample: %w", err)
		}
		fmt.Fprintf(c.stdout, "wrote %s\n", path)
	}
	sum, err := sample.WriteScale(filepath.Join(out, "reviews"), s, seed)
	if err != nil {
		return err
	}
	for i, f := range sum.Files {
		fmt.Fprintf(c.stdout, "wrote %s (%d households)\n", f, sum.Rows[i])
	}
	fmt.Fprintf(c.stdout, "%d bytes, %d distinct households\n", sum.Bytes, sum.Households)
	return nil
}
