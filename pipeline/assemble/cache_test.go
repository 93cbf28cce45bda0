package assemble

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
)

// cachedBuild builds l with the cache, or without it, and returns the log.
func cachedBuild(t *testing.T, l paths.Layout, cache, noSite bool) string {
	t.Helper()
	var log bytes.Buffer
	_, err := Build(context.Background(), Options{Layout: l, Lang: "en", NoSite: noSite, Cache: cache, Log: &log, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	return log.String()
}

// generated fingerprints the site and build/ without build/cache, and without
// build/config, the Hugo configuration that names the sandbox's own folders: what
// Hugo reads and what it wrote.
// With noSite, only the downloads and the API of the site are compared: the rest
// is the previous site's.
func generated(t *testing.T, l paths.Layout, noSite bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for rel, h := range treeHash(t, l.Out) {
		if top, _, _ := strings.Cut(filepath.ToSlash(rel), "/"); !noSite || top == "data" || top == "api" {
			out["public/"+rel] = h
		}
	}
	for rel, h := range treeHash(t, l.Build) {
		if top, _, _ := strings.Cut(filepath.ToSlash(rel), "/"); top != "cache" && top != "config" {
			out["build/"+rel] = h
		}
	}
	return out
}

// uncached builds a copy of l's inputs from scratch, without the cache, in a
// sandbox of its own, and fingerprints it.
func uncached(t *testing.T, l paths.Layout, noSite bool) map[string]string {
	t.Helper()
	fresh := paths.New(t.TempDir(), "", "", "", "")
	for _, dir := range []string{"data", "content", "site"} {
		if err := os.CopyFS(filepath.Join(fresh.Root, dir), os.DirFS(filepath.Join(l.Root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	cachedBuild(t, fresh, false, noSite)
	return generated(t, fresh, noSite)
}

// TestCachedBuildsAreIdentical: a province built with the cache, when its inputs
// did not change (build/ reused), when only its targets changed (sums reused), when
// a review changed (recomputed) and when the cache was deleted, is byte for byte the
// build of the same inputs without any cache; the cache never reaches the site.
func TestCachedBuildsAreIdentical(t *testing.T) {
	l := provinceSandbox(t)
	log := cachedBuild(t, l, true, false)
	first := generated(t, l, false)
	if want := uncached(t, l, false); !maps.Equal(first, want) {
		t.Fatalf("a first build with the cache differs from one without in %v", differing(first, want))
	}
	for _, p := range []string{l.SumsCache(), l.BuildStamp()} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("no %s after a build with the cache: %v\n%s", p, err, log)
		}
	}
	const reusedBuild, reusedSums = "reading, computing and writing the downloads skipped", "their sums were read from build/cache"
	steps := []struct {
		name, change, says string
		noSite             bool
	}{
		{"nothing changed", "", reusedBuild, false},
		{"a story changed", "story", reusedBuild, false},
		{"only the targets changed", "targets", reusedSums, true},
		{"build/ was lost but for build/cache", "lose build", reusedSums, true},
		{"a review changed", "review", "", true},
		{"the cache was deleted", "delete", "", true},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			before := generated(t, l, s.noSite)
			changeInput(t, l, s.change)
			log := cachedBuild(t, l, true, s.noSite)
			for _, m := range []string{reusedBuild, reusedSums} {
				if strings.Contains(log, m) != (m == s.says) {
					t.Errorf("the log says %q %v:\n%s", m, m != s.says, log)
				}
			}
			got := generated(t, l, s.noSite)
			if want := uncached(t, l, s.noSite); !maps.Equal(got, want) {
				t.Errorf("the cached build differs from the uncached one in %v", differing(got, want))
			}
			if s.change == "review" && maps.Equal(got, before) {
				t.Error("a changed review changed nothing")
			}
		})
	}
	for rel := range treeHash(t, l.Out) {
		if strings.Contains(rel, "sums.bin") || strings.Contains(rel, "build.json") {
			t.Errorf("the cache reached the site: %s", rel)
		}
	}
}

// changeInput changes one kind of input of l.
func changeInput(t *testing.T, l paths.Layout, what string) {
	t.Helper()
	switch what {
	case "story":
		appendTo(t, filepath.Join(l.Stories(), "2024-nuoi-bo-sinh-san", "index.vi.md"), "\nMột câu mới.\n")
	case "targets":
		appendTo(t, l.Targets(), "\n# a comment changes the file, not the figures\n")
	case "review":
		changeFirstPoorHousehold(t, l)
	case "lose build":
		keep := filepath.Join(t.TempDir(), "cache")
		if err := os.Rename(l.Cache(), keep); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(l.Build); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(l.Build, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(keep, l.Cache()); err != nil {
			t.Fatal(err)
		}
	case "delete":
		if err := os.RemoveAll(l.Cache()); err != nil {
			t.Fatal(err)
		}
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// changeFirstPoorHousehold gives the latest review's first poor household of three
// members a fourth: a change of the figures, not of the file's shape.
func changeFirstPoorHousehold(t *testing.T, l paths.Layout) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(l.Reviews(), "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no review: %v", err)
	}
	path := files[len(files)-1]
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	header := strings.Split(lines[0], ",")
	col, status := -1, -1
	for i, h := range header {
		switch h {
		case "members":
			col = i
		case "status":
			status = i
		}
	}
	if col < 0 || status < 0 {
		t.Fatalf("no members or status column in %s", path)
	}
	for i := 1; i < len(lines); i++ {
		cells := strings.Split(lines[i], ",")
		if len(cells) != len(header) || cells[col] != "3" || cells[status] != "poor" {
			continue
		}
		cells[col] = "4"
		lines[i] = strings.Join(cells, ",")
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no household of 3 members in %s", path)
}

// differing names a few files that differ between two fingerprints.
func differing(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if b[k] != v && len(out) < 5 {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok && len(out) < 5 {
			out = append(out, k+" (missing)")
		}
	}
	return out
}

// TestSealedFilesAreNeverCached: no key is made from a sealed household file, so
// neither its sums nor a build/ written from it are ever kept or reused.
func TestSealedFilesAreNeverCached(t *testing.T) {
	dir := t.TempDir()
	l := paths.New(dir, "", "", "", "")
	clear := filepath.Join(dir, "2024.csv")
	sealed := filepath.Join(dir, "2025.csv.age")
	for _, p := range []string{clear, sealed} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newBuildCache(l, nil)
	if _, err := c.key("sums", []string{clear}); err != nil {
		t.Fatalf("no key for a clear file: %v", err)
	}
	for _, kind := range []string{"sums", "build"} {
		if k, err := c.key(kind, []string{clear, sealed}); err == nil {
			t.Errorf("%s: a key (%s) for a sealed file", kind, k)
		}
	}
}

// TestKeyFollowsEveryByte: a file's key changes with its content and with a file
// appearing, and not otherwise.
func TestKeyFollowsEveryByte(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
	os.WriteFile(a, []byte("x = 1\n"), 0o644)
	key := func() string {
		k, err := newBuildCache(paths.New(dir, "", "", "", ""), nil).key("sums", []string{a, b})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	first := key()
	if key() != first {
		t.Fatal("the same files give two keys")
	}
	os.WriteFile(a, []byte("x = 2\n"), 0o644)
	second := key()
	os.WriteFile(b, nil, 0o644)
	third := key()
	if second == first || third == second {
		t.Errorf("keys %s, %s, %s: a change was missed", first, second, third)
	}
}
