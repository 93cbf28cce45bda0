package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/release"
)

// releaseCommand keeps the release the current data makes under data/releases/, so the
// next release's changelog can say what changed, and builds without the key can
// render it.
type releaseCommand struct {
	stdout, stderr io.Writer
}

func (c *releaseCommand) Name() string { return "release" }
func (c *releaseCommand) Synopsis() string {
	return "record the current figures as a numbered data release in data/releases/ (needs the key for sealed data)"
}

func (c *releaseCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	var lf layoutFlags
	lf.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	rel, wrote, changed, err := assemble.Release(l, os.Getenv, lf.lang)
	if err != nil {
		return err
	}
	switch {
	case wrote:
		fmt.Fprintf(c.stdout, "recorded release %s (%s) in %s\ncommit it with the data that made it: git add %s\n",
			rel.Version, rel.Date, l.Releases(), l.Releases())
	case changed:
		fmt.Fprintf(c.stdout, "release %s is already recorded; its %s (figures and input fingerprints for builds without the key) was brought up to date: git add %s\n",
			rel.Version, release.SnapshotFile, l.Releases())
	default:
		fmt.Fprintf(c.stdout, "release %s is already recorded; nothing to do\n", rel.Version)
	}
	return nil
}
