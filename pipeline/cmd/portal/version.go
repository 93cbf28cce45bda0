package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

type versionCommand struct {
	stdout io.Writer
}

func (c *versionCommand) Name() string     { return "version" }
func (c *versionCommand) Synopsis() string { return "print the portal's version and its Hugo version" }

func (c *versionCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	version, hugo := "(devel)", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				version += " " + s.Value[:12]
			}
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/gohugoio/hugo" {
				hugo = d.Version
			}
		}
	}
	fmt.Fprintf(c.stdout, "portal %s (hugo %s)\n", version, hugo)
	return nil
}
