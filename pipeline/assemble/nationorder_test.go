package assemble

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestNationDownloadsWhateverTheCores: a nation's downloads (the whole country's
// commune files are appended a province at a time while the next provinces are
// written) have the same bytes whether one province is written at a time or several:
// SHA256SUMS, which covers every download, and the commune files themselves.
func TestNationDownloadsWhateverTheCores(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a nation twice")
	}
	build := func(procs int) map[string][]byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		l := nationSandbox(t)
		if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: func(string) string { return "" }}); err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, name := range []string{"SHA256SUMS", "indicators-commune.csv", "indicators-commune.jsonl", "indicators-commune.parquet"} {
			b, err := os.ReadFile(filepath.Join(l.Out, "data", name))
			if err != nil {
				t.Fatal(err)
			}
			out[name] = b
		}
		return out
	}
	one, several := build(1), build(4)
	for name, b := range one {
		if string(several[name]) != string(b) {
			t.Errorf("%s differs between one province at a time and several", name)
		}
	}
}
