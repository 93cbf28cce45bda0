package photo_test

import (
	"encoding/json"
	"github.com/minhtien/portal/pipeline/photo"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixtures are the files testdata/make.sh writes, each with the location it holds.
var fixtures = []struct {
	name     string
	location bool
}{
	{"clean.jpg", false},
	{"clean.png", false},
	{"clean.webp", false},
	{"orientation-only.jpg", false},
	{"software-text.png", false},
	{"gps-exif.jpg", true},
	{"gps-xmp.jpg", true},
	{"city-xmp.jpg", true},
	{"location-xmp.jpg", true},
	{"location-shown-xmp.jpg", true},
	{"city-iptc.jpg", true},
	{"gps-second-exif.jpg", true},
	{"gps-appended-jpeg.jpg", true},
	{"gps-exif.png", true},
	{"city-xmp-itxt.png", true},
	{"gps-xmp-compressed-itxt.png", true},
	{"coordinates-text.png", true},
	{"coordinates-ztxt.png", true},
	{"gps-exif.webp", true},
	{"city-xmp.webp", true},
	{"gps-exif-flag-cleared.webp", true},
	{"coordinates-comment.jpg", true},
	{"coordinates-comment-dms.jpg", true},
	{"coordinates-exif-description.jpg", true},
	{"coordinates-exif-usercomment.jpg", true},
	{"coordinates-exif-xpcomment.jpg", true},
	{"coverage-xmp.jpg", true},
	{"shot-location-xmp.jpg", true},
	{"description-no-place.jpg", false},
}

func TestInspectFindsLocationInEveryContainer(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			r, err := photo.Inspect(fixture(t, f.name))
			if err != nil {
				t.Fatal(err)
			}
			if r.HasLocation() != f.location {
				t.Errorf("location = %v (%v), want %v", r.HasLocation(), r.Location, f.location)
			}
			clean := strings.HasPrefix(f.name, "clean.")
			if clean != (len(r.Blocks) == 0) {
				t.Errorf("blocks = %v, clean = %v", r.Blocks, clean)
			}
		})
	}
}

// exiftoolView returns the tag names exiftool reads in a file, by group
// ("GPS:GPSLatitude", "XMP-photoshop:City"...), or skips the test without exiftool.
func exiftoolView(t *testing.T, path string) map[string]bool {
	t.Helper()
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skip("exiftool is not installed")
	}
	out, err := exec.Command("exiftool", "-j", "-a", "-G1", "-ee", "-n", path).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v", path, err)
	}
	var v []map[string]any
	if err := json.Unmarshal(out, &v); err != nil || len(v) != 1 {
		t.Fatalf("exiftool %s: %v", path, err)
	}
	tags := map[string]bool{}
	for k := range v[0] {
		tags[k] = true
	}
	return tags
}

// exiftoolLocation names the tags of exiftool's view that place the photo.
func exiftoolLocation(tags map[string]bool) []string {
	var out []string
	for k := range tags {
		group, name, _ := strings.Cut(k, ":")
		if group == "Composite" || group == "System" || group == "File" || group == "ExifTool" {
			continue
		}
		if photo.IsPlace(name) || strings.HasPrefix(name, "LocationShown") || strings.HasPrefix(name, "LocationCreated") {
			out = append(out, k)
		}
	}
	return out
}

// TestInspectAgreesWithExiftool: whenever exiftool sees a location tag, so does
// the reader (the reader may see more: exiftool does not read a JPEG appended to a
// JPEG, nor look for coordinates in a comment).
func TestInspectAgreesWithExiftool(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join("testdata", f.name)
			seen := exiftoolLocation(exiftoolView(t, path))
			r, err := photo.Inspect(fixture(t, f.name))
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) > 0 && !r.HasLocation() {
				t.Errorf("exiftool sees %v, the reader sees no location", seen)
			}
		})
	}
}
