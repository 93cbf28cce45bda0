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

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/hugorun"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/publish"
	"github.com/minhtien/portal/pipeline/story"
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
	// Cache reuses build/cache: the review sums when the reviews and settings did not
	// change, and for a province or a nation the whole of build/ when data/ did not
	// (see cache.go). Off, build/cache is neither read nor kept.
	Cache bool
}

// Result summarises a build.
type Result struct {
	Inputs   *Inputs
	Input    *publish.Input
	Warnings int
	// HugoConfigDir is the Hugo configuration folder, and HugoEnvironment the
	// environment in it, that the site is built with (its mounts: see hugoConfig), for
	// `portal serve` to use too.
	HugoConfigDir, HugoEnvironment string
	// BaseURL is the address the site was built for: --baseURL, or else portal.toml's
	// base_url, so og:url, og:image, RSS and the sitemaps are absolute in every build
	// that has one (issue 17). Empty when neither is set (the site's own "/").
	BaseURL string
}

// Build runs every stage. The site is rendered into a temporary folder beside the
// output and swapped in only when Hugo succeeded, so a failed build leaves the
// previous site untouched.
func Build(ctx context.Context, o Options) (*Result, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	// --baseURL is checked as portal.toml's base_url is: http(s) or a path only.
	if err := config.CheckBaseURL(o.BaseURL); err != nil {
		return nil, fmt.Errorf("build: --baseURL: %w", err)
	}
	if !o.Locked {
		unlock, err := Lock(o.Layout)
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	cache, stampKey, reused, err := openCache(ctx, o)
	if reused != nil || err != nil {
		return reused, err
	}
	start := time.Now()
	in, err := loadCached(o.Layout, o.Getenv, o.Lang, false, cache)
	if err != nil {
		return nil, err
	}
	loaded := time.Now()
	res := newResult(in, o.BaseURL)
	pin, report, err := Compute(o.Layout, in)
	if err != nil {
		return nil, err
	}
	res.Input = pin
	if err := tellProtection(o, in, pin, report); err != nil {
		return nil, err
	}
	computed := time.Now()
	if err := resolveRelease(o.Layout, pin); err != nil {
		return nil, err
	}
	if err := writeBuild(o.Layout, pin, cache); err != nil {
		return nil, err
	}
	if err := sameRelease(in, pin, o.Lang); err != nil {
		return nil, err // before Hugo: public/ keeps the previous site
	}
	if !in.atScale() {
		if err := publishPhotos(o.Layout); err != nil {
			return nil, err
		}
	}
	if stampKey != "" && in.atScale() {
		cache.writeStamp(stamp{Key: stampKey, Release: pin.Release, Warnings: res.Warnings, Figures: pin.FigureCount()})
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
	if res.HugoConfigDir, res.HugoEnvironment, err = writeHugoConfig(o.Layout, in.atScale()); err != nil {
		return nil, err
	}
	if o.NoSite {
		return res, copyDownloads(o.Layout)
	}
	if err := checkMounts(o.Layout); err != nil {
		return nil, err
	}
	return res, render(ctx, o.Layout, res.BaseURL, res.HugoConfigDir, res.HugoEnvironment)
}

// newResult starts a build's result: the base URL is --baseURL, else portal.toml's,
// and the warnings are counted from the inputs' findings.
func newResult(in *Inputs, base string) *Result {
	res := &Result{Inputs: in, BaseURL: base}
	if res.BaseURL == "" {
		res.BaseURL = in.Portal.Site.BaseURL
	}
	for _, f := range in.Findings() {
		if !f.Error {
			res.Warnings++
		}
	}
	return res
}

// tellProtection says what protection withheld and what the officer should know of
// it, and fails the build when the disclosure audit does not pass: nothing is then
// published.
func tellProtection(o Options, in *Inputs, pin *publish.Input, report disclosure.Report) error {
	if in.Snapshot != nil {
		fmt.Fprintln(o.Log, keylessLine(in.Snapshot.Version, o.Lang))
	} else {
		fmt.Fprintf(o.Log, "computed %d figures for %d years; %d withheld to protect small counts, %d more to stop subtraction\n",
			pin.FigureCount(), len(pin.Years), report.Primary, report.Secondary)
	}
	if n := len(report.Unresolved); n > 0 {
		// A parent with a single child (a commune of one village): the child's figures
		// are the parent's, which are published. Say so; the officer decides.
		fmt.Fprintf(o.Log, "warning: %d sums have a single withheld figure that the published total gives away (a unit with one child?), e.g. %s\n",
			n, strings.Join(report.Unresolved[:min(n, 3)], "; "))
	}
	if n := len(report.AuditFailures); n > 0 {
		return fmt.Errorf("build: the disclosure audit fails for %d withheld figures, e.g. %s: nothing is published", n, strings.Join(report.AuditFailures[:min(n, 3)], "; "))
	}
	if report.Exact > 0 {
		fmt.Fprintf(o.Log, "note: the audit bounded %d withheld figures of blocks too large for its own LP with GLPK (disclosure.exact_lp; %d LP pairs over all rounds); %d others there, which the criterion asks nothing of or an earlier exact round passed, keep the intervals of single relations\n", report.Exact, report.ExactSolves, report.Relaxed)
	} else if report.Relaxed > 0 {
		fmt.Fprintf(o.Log, "note: %d withheld figures sit in blocks too large for the LP: their intervals come from single relations (never narrower than a reader's, maybe wider), and the audit there checks those intervals, not the LP's; disclosure.exact_lp = true in portal.toml has GLPK solve them exactly\n", report.Relaxed)
	}
	return nil
}

// writeBuild replaces build/ with pin's files, keeping build/cache (nil: build/cache
// goes with the old build/).
func writeBuild(l paths.Layout, pin *publish.Input, cache *buildCache) error {
	if cache == nil {
		return publish.Write(l, pin)
	}
	if err := cache.unstamp(); err != nil {
		return err
	}
	restore, err := cache.setAside()
	if err != nil {
		return err
	}
	defer restore()
	return publish.Write(l, pin)
}

// publishPhotos writes the metadata-free copies of the story photos into build/, for
// Hugo, which never reads an original.
func publishPhotos(l paths.Layout) error {
	index, err := story.PublishPhotos(l.Content, l.BuildPhotos())
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := story.WritePhotoIndex(l.PhotoIndex(), index); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
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

// render runs Hugo for the address base with the configuration of configDir's
// environment env.
func render(ctx context.Context, l paths.Layout, base, configDir, env string) error {
	out, err := filepath.Abs(l.Out)
	if err != nil {
		return err
	}
	tmp, err := newSiteDir(out)
	if err != nil {
		return err
	}
	site, err := filepath.Abs(l.Site)
	if err != nil {
		return err
	}
	err = hugorun.Build(ctx, hugorun.Options{Site: site, Destination: tmp, BaseURL: base, Quiet: true, ConfigDir: configDir, Environment: env})
	if err == nil {
		err = checkOwned(l, tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

// copyDownloads publishes only the open data and the API when the site is not built:
// a new output folder is made of the old one's other files (hard links, so nothing
// is copied twice) and the new data/ and api/, then swapped in whole, so a kill
// never leaves a half-copied data/.
func copyDownloads(l paths.Layout) error {
	out, err := filepath.Abs(l.Out)
	if err != nil {
		return err
	}
	tmp, err := newSiteDir(out)
	if err != nil {
		return err
	}
	fresh := map[string]bool{}
	for _, dir := range []string{paths.DownloadsDir, paths.APIDir} {
		src := filepath.Join(l.BuildStatic(), dir)
		if _, err := os.Stat(src); err != nil {
			continue
		}
		fresh[dir] = true
		if err := os.CopyFS(filepath.Join(tmp, dir), os.DirFS(src)); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("build: %w", err)
		}
	}
	step("downloads copied")
	if err := linkTree(out, tmp, fresh); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("build: %w", err)
	}
	return swap(tmp, out)
}
