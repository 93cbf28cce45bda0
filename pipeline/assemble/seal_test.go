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

// TestSealedDataBuildsTheSameDownloads seals a copy of the sample with generated
// keys and checks and builds it with and without the key: the keyed build gives the
// clear build's downloads, and, once the release is recorded, so does the keyless one.
func TestSealedDataBuildsTheSameDownloads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample data four times")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	l := sandbox(t)
	noKey := func(string) string { return "" }
	downloads := func(getenv func(string) string) map[string]string {
		t.Helper()
		os.RemoveAll(l.Out)
		if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: getenv}); err != nil {
			t.Fatalf("build: %v", err)
		}
		return treeHash(t, filepath.Join(l.Out, "data"))
	}
	clear := downloads(noKey)

	identity, recipient, err := seal.Keygen()
	if err != nil {
		t.Fatal(err)
	}
	declareReal(t, l, recipient)
	if _, err := Load(l, noKey, "en"); err == nil || !strings.Contains(err.Error(), "portal seal") {
		t.Fatalf("check of clear real data: got %v, want a refusal that says to run portal seal", err)
	}
	sealAll(t, l, recipient)
	withKey := func(k string) string {
		if k == seal.EnvIdentity {
			return identity
		}
		return ""
	}
	if _, err := Load(l, noKey, "en"); err == nil || !strings.Contains(err.Error(), "portal release") {
		t.Fatalf("keyless check before any release: got %v, want a refusal that says to run portal release", err)
	}
	same(t, "keyed", clear, downloads(withKey))
	if _, _, _, err := Release(l, noKey, "en"); err == nil {
		t.Fatal("a release was recorded without the key")
	}
	if _, wrote, _, err := Release(l, withKey, "en"); err != nil || !wrote {
		t.Fatalf("record the release with the key: wrote %v, %v", wrote, err)
	}
	in, err := Load(l, noKey, "en")
	if err != nil || in.Snapshot == nil {
		t.Fatalf("keyless check: %v (snapshot %v)", err, in != nil && in.Snapshot != nil)
	}
	same(t, "keyless", clear, downloads(noKey))
	for _, dir := range []string{l.Root, tmp} {
		if found := clearCSVs(t, dir); len(found) > 0 {
			t.Errorf("clear household rows left on disk after a sealed build: %v", found)
		}
	}
}

// sealAll seals every review and support file of l for recipient.
func sealAll(t *testing.T, l paths.Layout, recipient string) {
	t.Helper()
	recipients, err := seal.ParseRecipients([]string{recipient})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(l.Reviews(), "*.csv"))
	support, _ := filepath.Glob(filepath.Join(l.Support(), "*.csv"))
	for _, f := range append(files, support...) {
		if _, err := seal.SealFile(f, recipients, nil); err != nil {
			t.Fatal(err)
		}
	}
}

func same(t *testing.T, name string, want, got map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s build wrote %d downloads, the clear build %d", name, len(got), len(want))
	}
	for p, h := range want {
		if got[p] != h {
			t.Errorf("%s differs between the clear and the %s build", p, name)
		}
	}
}
