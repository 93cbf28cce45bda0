// Package hugorun runs the embedded Hugo on the portal's site; it is the only package
// that imports Hugo.
package hugorun

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/gohugoio/hugo/commands"
)

// Options say what Hugo builds and where.
type Options struct {
	Site        string // the Hugo project (site/)
	Destination string // the folder to write the site into
	BaseURL     string // overrides the configured base URL when set
	Quiet       bool
	// ConfigDir and Environment, when set, name configuration read after the site's
	// hugo.toml, whose settings override it (a province's build mounts no
	// hand-written content): Hugo's configuration folder and the environment of it
	// to apply, ConfigDir/Environment/hugo.toml. A second file in --config would do
	// for a build, but `hugo server` then ignores hugo.toml.
	ConfigDir, Environment string
}

// configArgs are the flags that read opts' extra configuration.
func configArgs(opts Options) []string {
	if opts.ConfigDir == "" {
		return nil
	}
	return []string{"--configDir", opts.ConfigDir, "--environment", opts.Environment}
}

// mu serialises Hugo runs: Hugo keeps process-wide state and changes the working
// directory, so two builds in one process must not overlap.
var mu sync.Mutex

// Build renders the site into opts.Destination. Warnings fail the build, so a missing
// translation or template problem cannot reach the public site unnoticed.
func Build(ctx context.Context, opts Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	args := []string{"build", "--source", opts.Site, "--destination", opts.Destination,
		"--panicOnWarning", "--cleanDestinationDir", "--noBuildLock"}
	if opts.BaseURL != "" {
		args = append(args, "--baseURL", opts.BaseURL)
	}
	args = append(args, configArgs(opts)...)
	if opts.Quiet {
		args = append(args, "--quiet")
	}
	return run(args)
}

// Serve runs Hugo's live-reloading server until ctx is cancelled or Hugo stops.
func Serve(ctx context.Context, opts Options, port int) error {
	// Rendered to memory: a preview must never write a site/public/ folder next to
	// the sources, nor touch the published public/.
	args := []string{"server", "--source", opts.Site, "--port", fmt.Sprint(port), "--noBuildLock", "--renderToMemory"}
	if opts.BaseURL != "" {
		args = append(args, "--baseURL", opts.BaseURL)
	}
	args = append(args, configArgs(opts)...)
	return run(args)
}

func run(args []string) error {
	mu.Lock()
	defer mu.Unlock()
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	defer os.Chdir(wd)
	if err := commands.Execute(args); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	return nil
}
