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

// BenchmarkProtectDistrict measures protection and its audit on a province-shaped
// table of 25 communes (257,275 figures), the size past which the audit used to be
// skipped: go test -bench ProtectDistrict -benchtime 2x -benchmem -run '^$'
// ./pipeline/disclosure.
func BenchmarkProtectDistrict(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		tab, tree := districtTable(b, 25)
		b.StartTimer()
		rep, err := disclosure.ProtectTree(tab, 5, tree)
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.AuditFailures) > 0 {
			b.Fatalf("audit failures: %v", rep.AuditFailures[:min(5, len(rep.AuditFailures))])
		}
		b.ReportMetric(float64(rep.Secondary), "secondary")
	}
}
