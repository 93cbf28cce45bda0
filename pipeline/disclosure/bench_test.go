package disclosure_test

import (
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
)

// BenchmarkProtectSample measures protection and its audit on the sample commune's
// table (9 villages, 5 reviews, every group): go test -bench ProtectSample -run '^$'
// ./pipeline/disclosure.
func BenchmarkProtectSample(b *testing.B) {
	base := sampleTable(b)
	for b.Loop() {
		b.StopTimer()
		tab := sampleTable(b)
		b.StartTimer()
		rep, err := disclosure.Protect(tab, 5)
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.AuditFailures) > 0 {
			b.Fatalf("audit failures: %v", rep.AuditFailures)
		}
		b.ReportMetric(float64(rep.Relaxed), "relaxed")
	}
	b.ReportMetric(float64(len(base.Figures)), "figures")
}
