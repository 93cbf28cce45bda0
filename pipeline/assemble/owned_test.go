package assemble

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
)

// TestCheckOwned: the rendered site must hold every download exactly as the pipeline
// wrote it; a page written over one, or a missing one, fails the build.
func TestCheckOwned(t *testing.T) {
	tests := []struct {
		name     string
		rendered map[string]string // file of the rendered site -> content; absent: missing
		wantErr  string
	}{
		{"same-files", map[string]string{"data/indicators.csv": "a,b\n", "api/v1/x.json": "{}"}, ""},
		{"page-over-download", map[string]string{"data/indicators.csv": "<html>", "api/v1/x.json": "{}"}, "data/indicators.csv"},
		{"download-missing", map[string]string{"api/v1/x.json": "{}"}, "data/indicators.csv"},
		{"same-size-other-bytes", map[string]string{"data/indicators.csv": "a,c\n", "api/v1/x.json": "{}"}, "data/indicators.csv"},
		{"folder-over-download", map[string]string{"data/indicators.csv/index.html": "<html>", "api/v1/x.json": "{}"}, "data/indicators.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			l := paths.New(root, "", "", "", "")
			write := func(p, s string) {
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write(filepath.Join(l.BuildStatic(), "data", "indicators.csv"), "a,b\n")
			write(filepath.Join(l.BuildStatic(), "api", "v1", "x.json"), "{}")
			site := filepath.Join(root, "rendered")
			for f, s := range tt.rendered {
				write(filepath.Join(site, filepath.FromSlash(f)), s)
			}
			err := checkOwned(l, site)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one naming %s", err, tt.wantErr)
			}
		})
	}
}
