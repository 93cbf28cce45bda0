package sitetest

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/hugorun"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/story"
)

// TestSiteNeverPublishesGPS adds a story whose photo carries GPS coordinates to the
// real site (templates, sample data): portal build refuses it, and even Hugo run on
// it directly, as if the check were bypassed, publishes no file with location
// metadata and never the original photo, because it only ever sees the pipeline's
// re-encoded copy.
func TestSiteNeverPublishesGPS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	repo, tmp := hugoSandbox(t)
	stories := filepath.Join(tmp, "content", "stories")
	if err := os.CopyFS(stories, os.DirFS(filepath.Join(repo, "content", "stories"))); err != nil {
		t.Fatal(err)
	}
	l := paths.New(tmp, "", "", "", "")
	build := func() error {
		_, err := assemble.Build(context.Background(), assemble.Options{Layout: l, NoSite: true, Lang: "en", Getenv: func(string) string { return "" }, Log: io.Discard})
		return err
	}
	if err := build(); err != nil {
		t.Fatal(err)
	}
	gpsStory := filepath.Join(stories, "2024-x")
	if err := os.CopyFS(gpsStory, os.DirFS(filepath.Join(repo, "pipeline", "story", "testdata", "stories", "photo-with-gps", "content", "stories", "2024-x"))); err != nil {
		t.Fatal(err)
	}
	if err := build(); err == nil || !strings.Contains(err.Error(), "location metadata") {
		t.Fatalf("portal build with a GPS photo: got %v, want a refusal naming the location metadata", err)
	}
	original, err := os.ReadFile(filepath.Join(gpsStory, "cho.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if loc, err := story.PhotoLocation(filepath.Join(gpsStory, "cho.jpg")); err != nil || !loc.GPS {
		t.Fatalf("the fixture photo should carry GPS: %+v %v", loc, err)
	}

	// Hugo never reads the original (site/hugo.toml does not mount images): the
	// pipeline's re-encoded copy is all it gets, even of a photo the check refused.
	index, err := story.PublishPhotos(l.Content, l.BuildPhotos())
	if err != nil {
		t.Fatal(err)
	}
	if err := story.WritePhotoIndex(l.PhotoIndex(), index); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	if err := hugorun.Build(context.Background(), hugorun.Options{Site: l.Site, Destination: out, Quiet: true}); err != nil {
		t.Fatal(err)
	}

	page, err := os.ReadFile(filepath.Join(out, "stories", "2024-x", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`alt="Con bò trong chuồng mới"`)) || !bytes.Contains(page, []byte(`loading="lazy"`)) || !bytes.Contains(page, []byte(`srcset=`)) {
		t.Errorf("the story page does not show the photo with alt text, srcset and lazy loading")
	}
	renditions := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if bytes.Equal(b, original) {
			t.Errorf("%s is the original photo, published as it is", rel)
		}
		if bytes.Contains(b, []byte("Exif\x00\x00")) {
			t.Errorf("%s contains an EXIF block", rel)
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jpg", ".jpeg", ".png", ".webp":
			if strings.HasPrefix(filepath.Base(p), "cho_") {
				renditions++
			}
			if loc, err := story.PhotoLocation(p); err != nil || loc.Found() {
				t.Errorf("%s: location %+v, err %v", rel, loc, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if renditions == 0 {
		t.Error("no resized copy of the photo was published")
	}
}

// hugoSandbox makes a temporary repository for running Hugo on the real templates:
// a copy of site/ without cached renditions and the synthetic commune's data (never
// data/, which may hold a commune's sealed real data). It returns the repository the
// test runs in and the sandbox.
func hugoSandbox(t *testing.T) (repo, tmp string) {
	t.Helper()
	repo, err := paths.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	tmp = t.TempDir()
	if err := os.CopyFS(filepath.Join(tmp, "site"), os.DirFS(filepath.Join(repo, "site"))); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(tmp, "site", "resources")) // no cached renditions
	if err := sample.WriteCommune(filepath.Join(tmp, "data")); err != nil {
		t.Fatal(err)
	}
	return repo, tmp
}
