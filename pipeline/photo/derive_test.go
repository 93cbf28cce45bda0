package photo_test

import (
	"bytes"
	"errors"
	"github.com/minhtien/portal/pipeline/photo"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/photo/phototest"
)

// writeAll writes each output into dir, named after its fixture, and returns the paths.
func writeAll(t *testing.T, outs map[string][]byte) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, b := range outs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestDeriveLeavesNoMetadata(t *testing.T) {
	outs := map[string][]byte{}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			out, ext, err := photo.Derive(fixture(t, f.name))
			if err != nil {
				t.Fatal(err)
			}
			want := ".png"
			if strings.HasSuffix(f.name, ".jpg") {
				want = ".jpg"
			}
			if ext != want {
				t.Errorf("ext = %q, want %q", ext, want)
			}
			outs[f.name+ext] = out
		})
	}
	phototest.AssertClean(t, writeAll(t, outs)...)
}

func TestStripLeavesNoMetadata(t *testing.T) {
	outs := map[string][]byte{}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			in := fixture(t, f.name)
			out, err := photo.Strip(in)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := photo.Sniff(out); got != mustSniff(t, in) {
				t.Errorf("format changed to %s", got)
			}
			outs[f.name] = out
		})
	}
	phototest.AssertClean(t, writeAll(t, outs)...)
}

func mustSniff(t *testing.T, b []byte) photo.Format {
	f, ok := photo.Sniff(b)
	if !ok {
		t.Fatal("not a photo")
	}
	return f
}

// TestDeriveTurnsUpright: the orientation tag goes, so the pixels are turned.
func TestDeriveTurnsUpright(t *testing.T) {
	out, _, err := photo.Derive(fixture(t, "orientation-only.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 48 || cfg.Height != 64 {
		t.Errorf("derived size %dx%d, want 48x64 (turned 90 degrees)", cfg.Width, cfg.Height)
	}
}

func TestBoundsRefuseBeforeDecoding(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
	}{{"side-over-8000", 8001, 10}, {"pixels-over-40-million", 7000, 7000}} {
		t.Run(c.name, func(t *testing.T) {
			b := phototest.HugePNG(t, c.w, c.h)
			if _, _, err := photo.Derive(b); !errors.Is(err, photo.ErrTooLarge) {
				t.Errorf("Derive: %v, want photo.ErrTooLarge", err)
			}
			if _, err := photo.Strip(b); !errors.Is(err, photo.ErrTooLarge) {
				t.Errorf("Strip: %v, want photo.ErrTooLarge", err)
			}
		})
	}
	if _, _, err := photo.Derive(phototest.HugePNG(t, 600, 400)); err != nil {
		t.Errorf("a 600x400 PNG: %v", err)
	}
}
