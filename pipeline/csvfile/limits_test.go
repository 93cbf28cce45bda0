package csvfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// TestYearsRefusesAFileTooLargeToRead: a sparse file over MaxWholeFileBytes is
// handed to tooBig from its size, never opened.
func TestYearsRefusesAFileTooLargeToRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "2024.csv")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 2<<30); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	opened := false
	var faults []problem.Problem
	_, err := Years([]string{p}, func(string) ([]byte, error) { opened = true; return nil, nil },
		func(string, []byte) (int, int, bool) { return 0, 2024, true }, nil,
		func(_ string, f problem.Problem) { faults = append(faults, f) })
	if err != nil || opened || len(faults) != 1 || faults[0].Code != "file_too_large" || faults[0].Args[0] != int64(2048) {
		t.Errorf("err %v, opened %v, faults %v", err, opened, faults)
	}
}

func TestLongLine(t *testing.T) {
	long := make([]byte, MaxLineBytes+1)
	for _, c := range []struct {
		name string
		b    []byte
		line int
	}{
		{"short-lines", []byte("a\nb\nc"), 0},
		{"exactly-the-bound", long[:MaxLineBytes], 0},
		{"over-on-line-3", append([]byte("a\nb\n"), long...), 3},
		{"over-then-more", append(append([]byte{}, long...), "\nx"...), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			line, ok := LongLine(c.b)
			if line != c.line || ok != (c.line > 0) {
				t.Errorf("LongLine = %d, %v; want %d", line, ok, c.line)
			}
		})
	}
}
