package paths

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCacheIsNeverMounted: the build cache lies under build/ but outside every
// folder Hugo mounts and outside the output, so nothing of it can reach the site.
func TestCacheIsNeverMounted(t *testing.T) {
	l := New("/repo", "", "", "", "")
	inside := func(p, dir string) bool {
		rel, err := filepath.Rel(dir, p)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	for _, p := range []string{l.Cache(), l.SumsCache(), l.BuildStamp(), l.CacheAside()} {
		for _, dir := range append(l.Mounted(), l.Out, l.Downloads()) {
			if inside(p, dir) {
				t.Errorf("%s is inside %s", p, dir)
			}
		}
	}
	for _, p := range []string{l.SumsCache(), l.BuildStamp()} {
		if !inside(p, l.Cache()) || !inside(l.Cache(), l.Build) {
			t.Errorf("%s is not under build/cache", p)
		}
	}
}
