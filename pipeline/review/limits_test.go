package review

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
)

// sparse makes a file of size bytes that takes no room on disk: zeros, one line.
func sparse(t testing.TB, name string, size int64) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(p, size); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	return p
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestStreamRefusesHugeFilesInBoundedMemory: a 2 GB file of zeros (one endless line)
// is refused at its first line after reading a chunk, and a file over
// MaxStreamedFileBytes from its size alone.
func TestStreamRefusesHugeFilesInBoundedMemory(t *testing.T) {
	for _, c := range []struct {
		name string
		size int64
		code string
		line int
	}{
		{"sparse-2gb-one-line", 2 << 30, "line_too_long", 1},
		{"sparse-over-the-file-bound", csvfile.MaxStreamedFileBytes + 1, "file_too_large", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := sparse(t, "2024.csv", c.size)
			var ps []problem.Problem
			var err error
			var res StreamResult
			mem := allocated(func() { res, ps, err = StreamFile(p, Rules{}, StreamOptions{}, func(*Batch) {}) })
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].Code != c.code || ps[0].Line != c.line {
				t.Fatalf("problems %v, want one %s at line %d", ps, c.code, c.line)
			}
			t.Logf("%s: refused after reading %d bytes, allocating %d bytes: %s", c.name, res.Bytes, mem, ps[0].Message("en"))
			if mem > 64<<20 {
				t.Errorf("allocated %d MB to refuse it, want under 64 MB", mem>>20)
			}
		})
	}
}

// TestParseRefusesALongLine: the whole-file reader says the same as the stream.
func TestParseRefusesALongLine(t *testing.T) {
	b := make([]byte, csvfile.MaxLineBytes+10)
	for i := range b {
		b[i] = 'a'
	}
	_, ps := Parse("2024.csv", append([]byte("household_id\n"), b...), testRules())
	if len(ps) != 1 || ps[0].Code != "line_too_long" || ps[0].Line != 2 {
		t.Fatalf("problems %v, want line_too_long at line 2", ps)
	}
	_, sps, err := StreamBytes("2024.csv", append([]byte("household_id\n"), b...), testRules(), StreamOptions{ChunkSize: 1 << 16}, func(*Batch) {})
	if err != nil || len(sps) != 1 || sps[0].Code != "line_too_long" || sps[0].Line != 2 {
		t.Fatalf("stream: problems %v %v, want line_too_long at line 2", sps, err)
	}
}
