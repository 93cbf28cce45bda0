package indicator_test

import (
	"runtime"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// BenchmarkTableOf builds the figures of a province of 125 communes and 1,250
// villages from its sums (about 310,000 figures for one year), as a nation's build
// does twice for each of its 34 provinces (protected, then published).
func BenchmarkTableOf(b *testing.B) {
	batches, spec := provinceBatches(b)
	a := indicator.NewAggregator(spec, 1, 0)
	if err := a.StartYear(2025); err != nil {
		b.Fatal(err)
	}
	for _, bt := range batches {
		if err := a.Add(bt); err != nil {
			b.Fatal(err)
		}
	}
	a.EndYear()
	units := a.Units()[1:]
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	figures := 0
	for range b.N {
		t, err := a.TableOf(units)
		if err != nil {
			b.Fatal(err)
		}
		figures += len(t.Figures)
	}
	b.ReportMetric(float64(figures)/b.Elapsed().Seconds(), "figures/s")
}
