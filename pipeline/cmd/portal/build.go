package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/minhtien/portal/pipeline/assemble"
)

type buildCommand struct {
	stdout, stderr io.Writer
}

func (c *buildCommand) Name() string { return "build" }
func (c *buildCommand) Synopsis() string {
	return "check the inputs, compute the figures and publish the site into public/"
}

func (c *buildCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	var lf layoutFlags
	lf.register(fs, true)
	baseURL := fs.String("baseURL", "", "base URL of the published site (default from data/portal.toml)")
	noSite := fs.Bool("no-site", false, "run the pipeline and write the downloads only, without Hugo")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof reads it)")
	memProfile := fs.String("memprofile", "", "write a heap profile taken near the build's peak live heap to this file")
	noCache := fs.Bool("no-cache", false, "neither read nor keep build/cache: read every review again and write all of build/")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *memProfile != "" {
		stop := startPeakHeapProfile(*memProfile)
		defer func() {
			if e := stop(); err == nil {
				err = e
			}
		}()
	}
	res, err := assemble.Build(ctx, assemble.Options{
		Layout: l, BaseURL: *baseURL, NoSite: *noSite, Lang: lf.lang, Getenv: os.Getenv, Log: c.stderr,
		Cache: !*noCache,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "built %s (release %s, %d data-quality warnings: run portal check for details)\n",
		l.Out, res.Input.Release.Version, res.Warnings)
	return nil
}

// startCPUProfile profiles the process into path until stop is called: where a
// build's time goes, for whoever makes it faster.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("build: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
