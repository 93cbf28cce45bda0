package assemble

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
)

// TestContentMountFilterMatchesHugoToml checks that the generated configuration,
// whose mounts replace site/hugo.toml's, keeps the content mount's filter: without
// it Hugo would see the officers' original photos and SVG files again.
func TestContentMountFilterMatchesHugoToml(t *testing.T) {
	site, err := os.ReadFile(filepath.Join("..", "..", "site", "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want := "files = [" + quoted(contentFiles) + "]"
	if !strings.Contains(string(site), want) {
		t.Errorf("site/hugo.toml's content mount does not read\n%s", want)
	}
	for _, scale := range []bool{false, true} {
		text, err := hugoConfig(paths.New(t.TempDir(), "", "", "", ""), scale)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(text, want); got == scale {
			t.Errorf("scale=%v: generated configuration has the filter: %v, want %v\n%s", scale, got, !scale, text)
		}
	}
}
