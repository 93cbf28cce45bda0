package paths

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNewAndOverrides(t *testing.T) {
	l := New("/repo", "", "", "", "")
	tests := []struct{ name, got, want string }{
		{"data", l.Data, "/repo/data"},
		{"reviews", l.Reviews(), "/repo/data/reviews"},
		{"portal.toml", l.PortalConfig(), "/repo/data/portal.toml"},
		{"downloads", l.Downloads(), "/repo/build/static/data"},
		{"stories", l.Stories(), "/repo/content/stories"},
		{"hugo config", l.HugoConfig(), "/repo/site/hugo.toml"},
		{"out", l.Out, "/repo/public"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
	o := New("/repo", "/elsewhere/data", "", "", "/tmp/out")
	if o.Reviews() != "/elsewhere/data/reviews" || o.Out != "/tmp/out" || o.Build != "/repo/build" {
		t.Errorf("overrides not applied: %+v", o)
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := FindRoot(deep); err == nil {
		t.Error("found a root where there is none")
	}
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644)
	got, err := FindRoot(deep)
	if err != nil || got != root {
		t.Errorf("FindRoot = %q, %v; want %q", got, err, root)
	}
}
