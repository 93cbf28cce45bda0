package assemble

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/seal"
)

// declareReal turns the sandbox's portal.toml into a real-data declaration with one
// recipient.
func declareReal(t *testing.T, l paths.Layout, recipient string) {
	t.Helper()
	b, err := os.ReadFile(l.PortalConfig())
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "sample = true\nrecipients = []", "sample = false\nrecipients = [\""+recipient+"\"]", 1)
	if s == string(b) {
		t.Fatal("portal.toml no longer has the [data] lines this test rewrites")
	}
	if err := os.WriteFile(l.PortalConfig(), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// clearCSVs lists files under dir that hold clear review rows.
func clearCSVs(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte("commune_code,village_code,household_id")) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

func TestSealedDataBuildsTheSameDownloads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample data twice")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	l := sandbox(t)
	noKey := func(string) string { return "" }
	if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: noKey}); err != nil {
		t.Fatalf("clear build: %v", err)
	}
	clear := treeHash(t, filepath.Join(l.Out, "data"))

	identity, recipient, err := seal.Keygen()
	if err != nil {
		t.Fatal(err)
	}
	declareReal(t, l, recipient)
	if _, err := Load(l, noKey, "en"); err == nil || !strings.Contains(err.Error(), "portal seal") {
		t.Fatalf("check of clear real data: got %v, want a refusal that says to run portal seal", err)
	}
	recipients, err := seal.ParseRecipients([]string{recipient})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(l.Reviews(), "*.csv"))
	// The support records are data files too: real ones are committed sealed.
	support, _ := filepath.Glob(filepath.Join(l.Support(), "*.csv"))
	files = append(files, support...)
	for _, f := range files {
		if _, err := seal.SealFile(f, recipients, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Load(l, noKey, "en"); err == nil || !strings.Contains(err.Error(), seal.EnvIdentity) {
		t.Fatalf("build of sealed data without a key: got %v, want a message naming %s", err, seal.EnvIdentity)
	}
	withKey := func(k string) string {
		if k == seal.EnvIdentity {
			return identity
		}
		return ""
	}
	os.RemoveAll(l.Out)
	if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: withKey}); err != nil {
		t.Fatalf("sealed build: %v", err)
	}
	sealed := treeHash(t, filepath.Join(l.Out, "data"))
	if len(sealed) != len(clear) {
		t.Fatalf("sealed build wrote %d downloads, clear build %d", len(sealed), len(clear))
	}
	for p, h := range clear {
		if sealed[p] != h {
			t.Errorf("%s differs between the clear and the sealed build", p)
		}
	}
	for _, dir := range []string{l.Root, tmp} {
		if found := clearCSVs(t, dir); len(found) > 0 {
			t.Errorf("clear household rows left on disk after a sealed build: %v", found)
		}
	}
}
