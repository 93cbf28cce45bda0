package review_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

// benchFile writes the 1,000,000-row review file of the read benchmarks in a
// temporary folder removed at the end of the benchmark.
func benchFile(b *testing.B) (string, int64) {
	path := filepath.Join(b.TempDir(), "2025.csv")
	var buf bytes.Buffer
	size, err := sample.WriteRows(&buf, 1_000_000, 2025, 1)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, size
}

// in2022 puts every year under the 2022-2025 standard of data/standards.toml, as
// the build does for the benchmark's year.
func in2022(b *testing.B) func(int) (*standard.Standard, bool) {
	set, err := standard.Repository()
	if err != nil {
		b.Fatal(err)
	}
	s, err := set.Lookup("2022-2025")
	if err != nil {
		b.Fatal(err)
	}
	return func(int) (*standard.Standard, bool) { return s, true }
}

// BenchmarkRead reads and checks a 1,000,000-row review file (about 100 MB): the
// streaming reader on every core, and Parse (the contract, in memory) for
// comparison. Reports rows/s, MB/s and bytes allocated per row.
func BenchmarkRead(b *testing.B) {
	path, size := benchFile(b)
	rules := review.Rules{StandardFor: in2022(b)}
	const rows = 1_000_000
	report := func(b *testing.B, before runtime.MemStats) {
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		total := float64(rows) * float64(b.N)
		b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
		b.ReportMetric(float64(size)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/row")
	}
	b.Run("stream", func(b *testing.B) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		for range b.N {
			n := 0
			_, ps, err := review.StreamFile(path, rules, review.StreamOptions{}, func(bt *review.Batch) { n += bt.Len() })
			if err != nil || len(ps) > 0 || n != rows {
				b.Fatalf("%v %v %d", err, ps, n)
			}
		}
		report(b, before)
	})
	b.Run("parse", func(b *testing.B) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		for range b.N {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			f, ps := review.Parse(filepath.Base(path), data, rules)
			if len(ps) > 0 || len(f.Records) != rows {
				b.Fatalf("%v", ps)
			}
		}
		report(b, before)
	})
}
