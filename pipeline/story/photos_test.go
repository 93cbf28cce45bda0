package story

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// TestFixturePhotos writes (with -update) and checks the committed fixture photos: one
// carrying GPS, one clean.
func TestFixturePhotos(t *testing.T) {
	files := map[string][]byte{
		"testdata/stories/photo-with-gps/content/stories/2024-x/cho.jpg":   gpsJPEG(t),
		"testdata/stories/missing-alt-text/content/stories/2024-x/anh.jpg": tinyJPEG(t, 24, 16),
	}
	for p, b := range files {
		if *update {
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	loc, err := PhotoLocation("testdata/stories/photo-with-gps/content/stories/2024-x/cho.jpg")
	if err != nil || !loc.GPS {
		t.Errorf("GPS fixture: location %+v, err %v; want GPS", loc, err)
	}
	loc, err = PhotoLocation("testdata/stories/missing-alt-text/content/stories/2024-x/anh.jpg")
	if err != nil || loc.Found() {
		t.Errorf("clean fixture: location %+v, err %v; want none", loc, err)
	}
}

// TestFixPhotos strips the metadata of a GPS photo and leaves no EXIF at all.
func TestFixPhotos(t *testing.T) {
	content := t.TempDir()
	bundle := filepath.Join(content, "stories", "2024-x")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	gps := filepath.Join(bundle, "cho.jpg")
	clean := filepath.Join(bundle, "clean.jpg")
	rotated := filepath.Join(bundle, "rotated.jpg")
	cleanBytes := tinyJPEG(t, 24, 16)
	os.WriteFile(gps, gpsJPEG(t), 0o644)
	os.WriteFile(clean, cleanBytes, 0o644)
	os.WriteFile(rotated, withAPP1(tinyJPEG(t, 24, 16), gpsExif(6)), 0o644)

	fixed, err := FixPhotos(content)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixed) != 2 || fixed[0] != "stories/2024-x/cho.jpg" || fixed[1] != "stories/2024-x/rotated.jpg" {
		t.Errorf("fixed = %v", fixed)
	}
	for _, p := range []string{gps, rotated} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("Exif\x00")) || bytes.Contains(b, []byte{0xFF, 0xE1}) {
			t.Errorf("%s still has an APP1/EXIF segment", p)
		}
		if loc, err := PhotoLocation(p); err != nil || loc.Found() {
			t.Errorf("%s: location %+v, err %v after fixing", p, loc, err)
		}
		if _, err := jpeg.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s is no longer a JPEG: %v", p, err)
		}
	}
	// Orientation 6 (rotate 90° clockwise) is applied to the pixels: 24x16 becomes 16x24.
	f, _ := os.Open(rotated)
	cfg, err := jpeg.DecodeConfig(f)
	f.Close()
	if err != nil || cfg.Width != 16 || cfg.Height != 24 {
		t.Errorf("rotated photo is %dx%d (err %v), want 16x24", cfg.Width, cfg.Height, err)
	}
	if b, _ := os.ReadFile(clean); !bytes.Equal(b, cleanBytes) {
		t.Error("a clean photo was rewritten")
	}
	if ps := Check(content, Vocab{}); hasCode(ps, "photo_gps") {
		t.Errorf("check still refuses after fixing: %s", render(ps, "en"))
	}
}

func hasCode(ps []problem.Problem, code string) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}
