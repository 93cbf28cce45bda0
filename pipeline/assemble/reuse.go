package assemble

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/publish"
)

// stamp is build/cache/build.json: which inputs build/ was written from, and what a
// build reports that only the full pipeline knows.
type stamp struct {
	Key      string          `json:"key"`
	Release  publish.Release `json:"release"`
	Warnings int             `json:"warnings"`
	Figures  int             `json:"figures"`
	// Tree is treeStamp of build/ once written: build/cache alone (restored by CI,
	// say) or a build/ touched since does not pass for the build it was.
	Tree string `json:"tree"`
}

// treeStamp hashes the name, size and modification time of every file of build/
// but build/cache and build/config (which every build rewrites): cheap enough for
// every build, and any file removed, added or rewritten since changes it.
func treeStamp(l paths.Layout) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(l.Build, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (p == l.Cache() || p == l.BuildConfig()) {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(l.Build, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s\n", rel, st.Size(), st.ModTime().UnixNano(), st.Mode())
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// buildKey is the key of build/ for a province or a nation: every file under data/
// (its site mounts no hand-written content, so a story changes nothing in build/)
// and the folders named in it.
func (c *buildCache) buildKey() (string, error) {
	files, err := dataFiles(c.l)
	if err != nil {
		return "", err
	}
	return c.key("build\x00"+c.l.Data+"\x00"+c.l.Build, files)
}

// readStamp returns build.json when it is there and whole.
func (c *buildCache) readStamp() (stamp, bool) {
	var s stamp
	b, err := os.ReadFile(c.l.BuildStamp())
	if err != nil || json.Unmarshal(b, &s) != nil || s.Key == "" {
		return stamp{}, false
	}
	return s, true
}

// writeStamp records that build/ is complete and was written from key's inputs.
func (c *buildCache) writeStamp(s stamp) {
	var err error
	if s.Tree, err = treeStamp(c.l); err != nil {
		return
	}
	b, err := json.Marshal(s)
	if err != nil {
		return
	}
	writeAtomically(c.l.BuildStamp(), b)
}

// unstamp forgets what build/ was written from, before build/ is rewritten: a build
// killed half-way must not leave build/ looking like the previous inputs'.
func (c *buildCache) unstamp() error {
	if err := os.Remove(c.l.BuildStamp()); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// setAside moves build/cache beside build/ while publish replaces build/, and
// returns the function that puts it back under the new build/.
func (c *buildCache) setAside() (restore func(), err error) {
	aside := c.l.CacheAside()
	if err := os.RemoveAll(aside); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := os.Rename(c.l.Cache(), aside); err != nil {
		if os.IsNotExist(err) {
			return func() {}, nil
		}
		return nil, fmt.Errorf("build: %w", err)
	}
	return func() {
		if os.MkdirAll(c.l.Build, 0o755) == nil && os.Rename(aside, c.l.Cache()) == nil {
			return
		}
		os.RemoveAll(aside)
	}, nil
}

// reuseBuild renders the site from build/ as it is when build/ was written, by this
// very portal, from the very files now in data/: a province or a nation whose data
// did not change (a story or template commit) goes straight to Hugo. ok is false
// when build/ must be written again; key is then, for a province or a nation, the
// key of data/ as it is now, to stamp build/ with once it is written ("" for none).
func reuseBuild(ctx context.Context, o Options, c *buildCache) (res *Result, ok bool, key string, err error) {
	start := time.Now()
	p, err := config.LoadPortal(o.Layout.PortalConfig())
	if err != nil || p.Unit.Level == config.LevelCommune {
		// A commune's build/ also holds its stories' photos, checked every build.
		return nil, false, "", nil
	}
	if key, err = c.buildKey(); err != nil {
		return nil, false, "", nil
	}
	s, found := c.readStamp()
	if !found || key != s.Key {
		return nil, false, key, nil
	}
	if tree, err := treeStamp(o.Layout); err != nil || tree != s.Tree {
		return nil, false, key, nil
	}
	fmt.Fprintf(o.Log, "data/ and the portal are those build/ was written from (%d figures): reading, computing and writing the downloads skipped\n", s.Figures)
	res = &Result{Input: &publish.Input{Portal: p, Release: s.Release}, Warnings: s.Warnings, BaseURL: o.BaseURL}
	if res.BaseURL == "" {
		res.BaseURL = p.Site.BaseURL
	}
	if res.HugoConfigDir, res.HugoEnvironment, err = writeHugoConfig(o.Layout, true); err != nil {
		return nil, true, "", err
	}
	checked := time.Now()
	defer func() {
		fmt.Fprintf(o.Log, "checked the inputs in %.1f s", checked.Sub(start).Seconds())
		if !o.NoSite {
			fmt.Fprintf(o.Log, ", built the site in %.1f s", time.Since(checked).Seconds())
		}
		fmt.Fprintln(o.Log)
	}()
	if o.NoSite {
		return res, true, "", copyDownloads(o.Layout)
	}
	if err := checkMounts(o.Layout); err != nil {
		return nil, true, "", err
	}
	return res, true, "", render(ctx, o.Layout, res.BaseURL, res.HugoConfigDir, res.HugoEnvironment)
}

// openCache returns the build cache when o asks for one, with the key to stamp
// build/ with; reused is the result of a build that found build/ as these inputs
// make it, and went straight to the site.
func openCache(ctx context.Context, o Options) (c *buildCache, stampKey string, reused *Result, err error) {
	if !o.Cache {
		return nil, "", nil, nil
	}
	c = newBuildCache(o.Layout, o.Log)
	res, ok, key, err := reuseBuild(ctx, o, c)
	if ok || err != nil {
		if err != nil {
			res = nil
		}
		return c, "", res, err
	}
	return c, key, nil, nil
}
