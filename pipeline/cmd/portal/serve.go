package main

import (
	"context"
	"io"
	"os"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/hugorun"
)

type serveCommand struct {
	stdout, stderr io.Writer
}

func (c *serveCommand) Name() string { return "serve" }
func (c *serveCommand) Synopsis() string {
	return "build, then preview the site with live reload on http://localhost:1313/"
}

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	var lf layoutFlags
	lf.register(fs, true)
	port := fs.Int("port", 1313, "port to listen on (localhost only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	// The preview regenerates build/ only; the pipeline's copy of the downloads goes to
	// a scratch folder so that the published public/ is left as it is.
	scratch, err := os.MkdirTemp("", "portal-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	l.Out = scratch
	// The lock is held for the whole preview: a build started meanwhile would rewrite
	// build/ under the running server.
	unlock, err := assemble.Lock(l)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := assemble.Build(ctx, assemble.Options{Layout: l, NoSite: true, Lang: lf.lang, Getenv: os.Getenv, Log: c.stderr, Locked: true})
	if err != nil {
		return err
	}
	// Hugo watches content/ and build/ through its mounts, so an edited story shows
	// up as soon as it is saved.
	// The preview mounts the folders the build read, as the build does.
	opts := hugorun.Options{Site: l.Site, BaseURL: "http://localhost/", ConfigDir: res.HugoConfigDir, Environment: res.HugoEnvironment}
	return hugorun.Serve(ctx, opts, *port)
}
