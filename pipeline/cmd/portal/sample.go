package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/sample"
)

type sampleCommand struct {
	stdout, stderr io.Writer
}

func (c *sampleCommand) Name() string { return "sample" }
func (c *sampleCommand) Synopsis() string {
	return "write deterministic synthetic review and support data (data/reviews/<year>.csv, data/support/<year>.csv)"
}

func (c *sampleCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	scale := fs.String("scale", "commune", "size of the dataset: commune (the committed sample), province (about 1.1 million households) or national (about 27 million)")
	seed := fs.Uint64("seed", 20221, "random seed; the same seed gives the same files")
	out := fs.String("out", "", "folder for the review files (default data/reviews)")
	supportOut := fs.String("support-out", "", "folder for the support files (default data/support)")
	dataDir := fs.String("data", "", "input folder whose portal.toml names the commune and villages (default data/)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *scale != "commune" {
		return c.large(*scale, *out, *seed)
	}
	var lf layoutFlags
	lf.data = *dataDir
	l, err := lf.layout()
	if err != nil {
		return err
	}
	p, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		return err
	}
	dir := l.Reviews()
	if *out != "" {
		dir = *out
	}
	years, err := sample.Generate(sample.Commune(p.Unit.Code, p.VillageCodes(), *seed))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, recs := range years {
		b, err := sample.CSV(recs)
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
	support, err := sample.Support(years, p.VillageCodes(), *seed)
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

// large streams a province- or country-sized dataset to disk, one file per review
// year, for benchmarks and for trying the pipeline at scale. It needs an --out folder:
// the committed commune sample must not be overwritten by accident.
func (c *sampleCommand) large(name, out string, seed uint64) error {
	s, ok := sample.ScaleByName(name)
	if !ok {
		return &usageError{msg: fmt.Sprintf("scale %q is unknown; use commune, province or national", name)}
	}
	if out == "" {
		return &usageError{msg: "a " + name + " dataset needs --out DIR (it is large and must not replace data/reviews)"}
	}
	sum, err := sample.WriteScale(out, s, seed)
	if err != nil {
		return err
	}
	for i, f := range sum.Files {
		fmt.Fprintf(c.stdout, "wrote %s (%d households)\n", f, sum.Rows[i])
	}
	fmt.Fprintf(c.stdout, "%d bytes, %d distinct households\n", sum.Bytes, sum.Households)
	return nil
}
