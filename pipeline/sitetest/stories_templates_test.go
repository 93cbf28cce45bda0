package sitetest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/hugorun"
	"github.com/minhtien/portal/pipeline/paths"
)

// TestTemplatesRefuseWhatCheckRefuses runs Hugo directly on refused fixtures, as if
// portal check had been bypassed: the templates are a second line, so each either fails
// the build or publishes no unsafe address. Shortcodes are replaced by templates that
// fail, image and link hooks fail on anything but a photo of the bundle, and no address
// is marked safe, so html/template neutralises javascript: and data:.
func TestTemplatesRefuseWhatCheckRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo for each fixture")
	}
	repo, tmp := hugoSandbox(t)
	content := filepath.Join(tmp, "content")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	l := paths.New(tmp, "", "", "", "")
	if _, err := assemble.Build(context.Background(), assemble.Options{Layout: l, NoSite: true, Lang: "en", Getenv: func(string) string { return "" }, Log: io.Discard}); err != nil {
		t.Fatal(err)
	}
	unsafe := regexp.MustCompile(`(?i)(href|src)="\s*(javascript|data|vbscript):|<iframe|youtube`)
	tests := []struct {
		fixture  string
		mustFail bool // the build must fail, not only publish nothing unsafe
	}{
		{"shortcode-youtube", true},
		{"shortcode-percent", true},
		{"image-other-host", true},
		{"image-data-uri", true},
		{"attachment-pdf-linked", true},
		{"link-javascript", false},
		{"link-javascript-entity-tab", false},
		{"link-data", false},
		{"autolink-javascript", false},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			os.RemoveAll(content)
			if err := os.CopyFS(content, os.DirFS(filepath.Join(repo, "pipeline", "story", "testdata", "fixtures", "refused", tt.fixture, "content"))); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tmp, "public")
			logged, err := buildCapturing(l.Site, out)
			if err != nil {
				// Refused by the templates' own rule, not by some other failure.
				if !strings.Contains(logged, "run portal check") {
					t.Errorf("Hugo failed for another reason: %v\n%s", err, logged)
				}
				return
			}
			if tt.mustFail {
				t.Fatal("Hugo built the fixture")
			}
			page, err := os.ReadFile(filepath.Join(out, "stories", "2024-x", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if m := unsafe.Find(page); m != nil {
				t.Errorf("the page publishes %q", m)
			}
		})
	}
}

// buildCapturing runs Hugo and returns what it logged.
func buildCapturing(site, out string) (string, error) {
	f, err := os.CreateTemp("", "hugo-log-")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	// Hugo's summary goes to standard output: kept out of the test's output too.
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = f, f
	err = hugorun.Build(context.Background(), hugorun.Options{Site: site, Destination: out})
	os.Stdout, os.Stderr = stdout, stderr
	b, _ := os.ReadFile(f.Name())
	return string(b), err
}
