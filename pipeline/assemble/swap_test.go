package assemble

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
)

// killed is what the step hook panics with: the process "dies" at that step.
type killed string

// siteFiles writes a site of n files, each saying which site it is.
func siteFiles(t *testing.T, dir, which string, n int) {
	t.Helper()
	for i := range n {
		p := filepath.Join(dir, "d", string(rune('a'+i))+".html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(which), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// whichSite says whether dir is the whole old site or the whole new one, and fails
// the test otherwise (missing, mixed, incomplete).
func whichSite(t *testing.T, dir string, files map[string]int) string {
	t.Helper()
	seen := map[string]int{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		seen[string(b)]++
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if len(seen) == 1 {
		for k, n := range seen {
			if n == files[k] {
				return k
			}
		}
	}
	t.Fatalf("%s is neither the old site nor the new one: %v", dir, seen)
	return ""
}

// runKilledAt runs f with the process killed at the named step ("" for none) and
// reports whether the kill happened.
func runKilledAt(t *testing.T, at string, f func() error) (wasKilled bool) {
	t.Helper()
	stepHook = func(s string) {
		if s == at {
			panic(killed(s))
		}
	}
	defer func() {
		stepHook = nil
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
			wasKilled = true
		}
	}()
	if err := f(); err != nil {
		t.Fatal(err)
	}
	return false
}

func leftovers(t *testing.T, out string) []string {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*"))
	sort.Strings(all)
	return all
}

// TestSwapIsAtomicAtEveryStep kills a full build's swap at each of its steps: the
// output is always the old site or the new one, and the next build removes what the
// killed one left.
func TestSwapIsAtomicAtEveryStep(t *testing.T) {
	for _, at := range []string{"built", "swapped", "cleaned", ""} {
		t.Run("killed-at-"+at, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			siteFiles(t, out, "old", 5)
			tmp, err := newSiteDir(out)
			if err != nil {
				t.Fatal(err)
			}
			siteFiles(t, tmp, "new", 7)
			runKilledAt(t, at, func() error { return swap(tmp, out) })
			got := whichSite(t, out, map[string]int{"old": 5, "new": 7})
			if want := map[string]string{"built": "old", "swapped": "new", "cleaned": "new", "": "new"}[at]; got != want {
				t.Errorf("after a kill at %q the site is the %s one, want the %s one", at, got, want)
			}
			next, err := newSiteDir(out) // the next build
			if err != nil {
				t.Fatal(err)
			}
			if left := leftovers(t, out); len(left) != 1 || left[0] != next {
				t.Errorf("the next build left %v", left)
			}
		})
	}
}

// TestNoSiteIsAtomicAtEveryStep: `portal build --no-site` swaps a whole new output
// in, its downloads new and the rest of the old site kept.
func TestNoSiteIsAtomicAtEveryStep(t *testing.T) {
	for _, at := range []string{"downloads copied", "built", "swapped", "cleaned", ""} {
		t.Run("killed-at-"+strings.ReplaceAll(at, " ", "-"), func(t *testing.T) {
			root := t.TempDir()
			l := paths.New(root, "", "", "", "")
			siteFiles(t, filepath.Join(l.Out, "data"), "old", 14)
			for _, dir := range []string{"data", "api"} {
				siteFiles(t, filepath.Join(l.BuildStatic(), dir), "new", 14)
			}
			if err := os.WriteFile(filepath.Join(l.Out, "index.html"), []byte("page"), 0o644); err != nil {
				t.Fatal(err)
			}
			wasKilled := runKilledAt(t, at, func() error { return copyDownloads(l) })
			got := whichSite(t, filepath.Join(l.Out, "data"), map[string]int{"old": 14, "new": 14})
			if b, err := os.ReadFile(filepath.Join(l.Out, "index.html")); err != nil || string(b) != "page" {
				t.Errorf("the site's pages were lost: %v", err)
			}
			if at == "" && (wasKilled || got != "new") {
				t.Errorf("without a kill data/ is the %s one", got)
			}
			if got == "new" {
				whichSite(t, filepath.Join(l.Out, "api"), map[string]int{"new": 14})
			}
		})
	}
}
