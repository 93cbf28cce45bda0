package assemble

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/photo"
	"github.com/minhtien/portal/pipeline/photo/phototest"
)

// photoStory is a story showing photos of every type, written in its text and in
// its front matter.
const photoStory = `---
title: "Ảnh thử mọi loại tệp"
date: 2024-05-02
summary: "Một câu chuyện thử, có ảnh JPEG, PNG và WebP."
village: T01
programmes: ["2"]
indicators: ["poor_rate"]
author_role: "Công chức Văn hóa - Xã hội"
consent: true
photos:
%s---

Câu chuyện thử để kiểm tra ảnh được đăng.

![Ảnh trong bài](orientation-only.jpg)
`

// TestPublicHasOnlyReencodedPhotos builds the sample site with a story holding
// exiftool-made photos (EXIF, XMP, IPTC, PNG text chunks, WebP chunks): the build
// refuses the ones with a location; with those left out, every image in public/ is
// a re-encoded copy without any metadata (by the photo reader and by exiftool),
// though the originals still carry EXIF and PNG text, and none is an original.
func TestPublicHasOnlyReencodedPhotos(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	l := sandbox(t)
	bundle := filepath.Join(l.Stories(), "2024-anh-moi-loai")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Glob(filepath.Join("..", "photo", "testdata", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	originals := map[string][]byte{}
	located := map[string]bool{}
	for _, p := range fixtures {
		b := mustRead(t, p)
		if _, ok := photo.Sniff(b); !ok {
			continue // the scripts that made them
		}
		r, err := photo.Inspect(b)
		if err != nil {
			t.Fatal(err)
		}
		originals[filepath.Base(p)] = b
		located[filepath.Base(p)] = r.HasLocation()
	}
	// A name in capitals, as cameras write them: the content mount's patterns and
	// the copies' index must not depend on the case.
	originals["ANH-MAY-ANH.JPG"] = originals["orientation-only.jpg"]
	writeStory := func(withLocated bool) {
		var list strings.Builder
		for name, b := range originals {
			if located[name] && !withLocated {
				os.Remove(filepath.Join(bundle, name))
				continue
			}
			if err := os.WriteFile(filepath.Join(bundle, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
			list.WriteString("  - src: \"" + name + "\"\n    alt: \"Ảnh thử\"\n")
		}
		if err := os.WriteFile(filepath.Join(bundle, "index.vi.md"), []byte(strings.Replace(photoStory, "%s", list.String(), 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeStory(true)
	if _, err := build(t, l, ""); err == nil || !strings.Contains(err.Error(), "location metadata") {
		t.Fatalf("the build with located photos: %v, want a refusal", err)
	}
	// The photos without a location still carry metadata (EXIF, PNG text): their
	// copies must not.
	writeStory(false)
	if _, err := build(t, l, ""); err != nil {
		t.Fatal(err)
	}
	var images []string
	err = filepath.WalkDir(l.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b := mustRead(t, p)
		for name, orig := range originals {
			if bytes.Equal(b, orig) {
				t.Errorf("%s is the original %s", p, name)
			}
		}
		if _, ok := photo.Sniff(b); ok {
			images = append(images, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	published := 0
	for name := range originals {
		if !located[name] {
			published++
		}
	}
	if len(images) < published {
		t.Fatalf("%d images published for %d photos", len(images), published)
	}
	phototest.AssertClean(t, images...)
}

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
