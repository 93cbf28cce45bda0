package photo_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/photo"
)

// FuzzInspect: the reader never panics, and what Derive publishes has no metadata
// by the reader's own account.
func FuzzInspect(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 8000 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := photo.Inspect(b)
		if err != nil {
			return
		}
		for _, s := range r.Sizes {
			if s[0]*s[1] > 1<<18 { // decoding big pictures is slow, not interesting here
				return
			}
		}
		out, _, err := photo.Derive(b)
		if err != nil {
			return
		}
		r, err = photo.Inspect(out)
		if err != nil || len(r.Blocks) > 0 || r.HasLocation() {
			t.Fatalf("derived copy: %v %v %v", err, r.Blocks, r.Location)
		}
	})
}
