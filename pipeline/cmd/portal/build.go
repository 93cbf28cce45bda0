package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/minhtien/portal/pipeline/assemble"
)

type buildCommand struct {
	stdout, stderr io.Writer
}

func (c *buildCommand) Name() string { return "build" }
func (c *buildCommand) Synopsis() string {
	return "check the inputs, compute the figures and publish the site into public/"
}

func (c *buildCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	var lf layoutFlags
	lf.register(fs, true)
	baseURL := fs.String("baseURL", "", "base URL of the published site (default from data/portal.toml)")
	noSite := fs.Bool("no-site", false, "run the pipeline and write the downloads only, without Hugo")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	res, err := assemble.Build(ctx, assemble.Options{
		Layout: l, BaseURL: *baseURL, NoSite: *noSite, Lang: lf.lang, Getenv: os.Getenv, Log: c.stderr,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "built %s (release %s, %d data-quality warnings: run portal check for details)\n",
		l.Out, res.Input.Release.Version, res.Warnings)
	return nil
}
