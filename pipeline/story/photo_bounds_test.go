package story

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/minhtien/portal/pipeline/photo/phototest"
	"github.com/minhtien/portal/pipeline/problem"
)

// TestCheckRefusesAHugePNGInLittleMemory: a PNG that declares 20000 x 20000 pixels
// (1.6 GB once decoded) but is small on disk is refused by the check from its
// header, allocating little; the build never decodes it.
func TestCheckRefusesAHugePNGInLittleMemory(t *testing.T) {
	content := t.TempDir()
	bundle := filepath.Join(content, "stories", "2024-anh-qua-lon")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	big := phototest.HugePNG(t, 20000, 20000)
	if err := os.WriteFile(filepath.Join(bundle, "ruong.png"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	var ps []problem.Problem
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ps = Check(content, Vocab{})
	runtime.ReadMemStats(&after)
	mem := after.TotalAlloc - before.TotalAlloc
	if !hasCode(ps, "photo_too_many_pixels") {
		t.Fatalf("no photo_too_many_pixels in %s", render(ps, "en"))
	}
	t.Logf("a %d-byte PNG of 20000 x 20000 pixels refused, allocating %d bytes", len(big), mem)
	if mem > 32<<20 {
		t.Errorf("the check allocated %d MB to refuse it, want under 32 MB", mem>>20)
	}
	if _, err := PublishPhotos(content, t.TempDir()); err == nil {
		t.Error("the build made a copy of a photo over the bounds")
	}
}
