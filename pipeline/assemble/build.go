package assemble

import (
	"context"
	"fmt"
	"github.com/minhtien/portal/pipeline/disclosure"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/minhtien/portal/pipeline/hugorun"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/publish"
)

// Options control a build.
type Options struct {
	Layout  paths.Layout
	BaseURL string
	NoSite  bool // the pipeline and downloads only, no Hugo
	Lang    string
	Getenv  func(string) string
	Log     io.Writer // progress and warnings; io.Discard for none
	// Locked says the caller holds the build lock (see Lock) for longer than the
	// build, as `portal serve` does while Hugo watches build/.
	Locked bool
}

// Result summarises a build.
type Result struct {
	Inputs   *Inputs
	Input    *publish.Input
	Warnings int
	// HugoConfigDir is the Hugo configuration folder whose ScaleEnvironment a
	// province's or a nation's site is built with ("" for a commune's), for `portal
	// serve` to use too.
	HugoConfigDir string
}

// Build runs every stage. The site is rendered into a temporary folder beside the
// output and swapped in only when Hugo succeeded, so a failed build leaves the
// previous site untouched.
func Build(ctx context.Context, o Options) (*Result, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if !o.Locked {
		unlock, err := Lock(o.Layout)
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	start := time.Now()
	in, err := Load(o.Layout, o.Getenv, o.Lang)
	if err != nil {
		return nil, err
	}
	loaded := time.Now()
	res := &Result{Inputs: in}
	for _, f := range in.Findings() {
		if !f.Error {
			res.Warnings++
		}
	}
	pin, report, err := Compute(o.Layout, in)
	if err != nil {
		return nil, err
	}
	res.Input = pin
	fmt.Fprintf(o.Log, "computed %d figures for %d years; %d withheld to protect small counts, %d more to stop subtraction\n",
		pin.FigureCount(), len(pin.Years), report.Primary, report.Secondary)
	if n := len(report.Unresolved); n > 0 {
		// A parent with a single child (a commune of one village): the child's figures
		// are the parent's, which are published. Say so; the officer decides.
		fmt.Fprintf(o.Log, "warning: %d sums have a single withheld figure that the published total gives away (a unit with one child?), e.g. %s\n",
			n, strings.Join(report.Unresolved[:min(n, 3)], "; "))
	}
	if n := len(report.AuditFailures); n > 0 {
		return nil, fmt.Errorf("build: the disclosure audit fails for %d withheld figures, e.g. %s: nothing is published", n, strings.Join(report.AuditFailures[:min(n, 3)], "; "))
	}
	if report.AuditSkipped {
		fmt.Fprintf(o.Log, "warning: a table has more than %d figures: the disclosure audit did not run on it (sums only)\n", disclosure.MaxAuditFigures)
	}
	if report.Relaxed > 0 {
		fmt.Fprintf(o.Log, "note: %d withheld figures sit in blocks too large for the LP; their intervals come from single relations\n", report.Relaxed)
	}
	computed := time.Now()
	if err := publish.Write(o.Layout, pin); err != nil {
		return nil, err
	}
	written := time.Now()
	// Where the time went, for an officer wondering why a build is slow; never in
	// the site, which must not depend on the clock.
	defer func() {
		fmt.Fprintf(o.Log, "read %d rows in %.1f s, computed and protected in %.1f s, wrote the downloads in %.1f s", in.Rows,
			loaded.Sub(start).Seconds(), computed.Sub(loaded).Seconds(), written.Sub(computed).Seconds())
		if !o.NoSite {
			fmt.Fprintf(o.Log, ", built the site in %.1f s", time.Since(written).Seconds())
		}
		fmt.Fprintln(o.Log)
	}()
	if in.atScale() {
		if res.HugoConfigDir, err = writeScaleConfig(o.Layout); err != nil {
			return nil, err
		}
	}
	if o.NoSite {
		return res, copyDownloads(o.Layout)
	}
	if err := checkMounts(o.Layout); err != nil {
		return nil, err
	}
	return res, render(ctx, o, res.HugoConfigDir)
}

// scaleConfig overrides the site's mounts for a province: the same generated folders
// and templates, without the hand-written content/ folder, whose stories, about and
// methodology pages are the commune's and link to sections (villages, groups,
// programmes, money, data) that a province's site does not have.
const scaleConfig = `# Written by portal build for a province or a nation; read after hugo.toml.
[module]
  [[module.mounts]]
    source = "../build/content"
    target = "content"
  [[module.mounts]]
    source = "../build/data"
    target = "data"
  [[module.mounts]]
    source = "../build/assets"
    target = "assets"
  [[module.mounts]]
    source = "../build/static"
    target = "static"
  [[module.mounts]]
    source = "layouts"
    target = "layouts"
  [[module.mounts]]
    source = "assets"
    target = "assets"
  [[module.mounts]]
    source = "i18n"
    target = "i18n"
  [[module.mounts]]
    source = "static"
    target = "static"
`

// ScaleEnvironment is the Hugo environment of a province's or a nation's site: its
// configuration is build/config/scale/hugo.toml.
const ScaleEnvironment = "scale"

// writeScaleConfig writes scaleConfig into build/config/scale/ and returns the
// absolute path of build/config, Hugo's configuration folder for it.
func writeScaleConfig(l paths.Layout) (string, error) {
	dir, err := filepath.Abs(l.BuildConfig())
	if err != nil {
		return "", err
	}
	env := filepath.Join(dir, ScaleEnvironment)
	if err := os.MkdirAll(env, 0o755); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	if err := os.WriteFile(filepath.Join(env, "hugo.toml"), []byte(scaleConfig), 0o644); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return dir, nil
}

// checkMounts fails when a generated folder is missing: Hugo would skip its mount
// without a word and publish a site without its figures.
func checkMounts(l paths.Layout) error {
	for _, dir := range l.Mounted() {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			return fmt.Errorf("build: %s is missing; Hugo would silently publish without it", dir)
		}
	}
	return nil
}

// render runs Hugo; configDir is the folder of the scale configuration ("" for none).
func render(ctx context.Context, o Options, configDir string) error {
	out, err := filepath.Abs(o.Layout.Out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+"-new-")
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	site, err := filepath.Abs(o.Layout.Site)
	if err != nil {
		return err
	}
	err = hugorun.Build(ctx, hugorun.Options{Site: site, Destination: tmp, BaseURL: o.BaseURL, Quiet: true, ConfigDir: configDir, Environment: envOf(configDir)})
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

// envOf is the Hugo environment that goes with a configuration folder.
func envOf(configDir string) string {
	if configDir == "" {
		return ""
	}
	return ScaleEnvironment
}

// swap puts the new site in place of the old one.
func swap(tmp, out string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	old := out + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("build: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("build: %w", err)
	}
	return os.RemoveAll(old)
}

// copyDownloads publishes only the open data and the API when the site is not built.
func copyDownloads(l paths.Layout) error {
	for _, dir := range []string{"data", "api"} {
		src := filepath.Join(l.BuildStatic(), dir)
		if _, err := os.Stat(src); err != nil {
			continue
		}
		dst := filepath.Join(l.Out, dir)
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
		if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
			return err
		}
	}
	return nil
}
