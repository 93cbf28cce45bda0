package indicator_test

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// streamTable computes a dataset the way a large build does: each year written as
// CSV, streamed back in small chunks on several goroutines, and aggregated batch by
// batch.
func streamTable(t testing.TB, ds *review.Dataset, spec indicator.Spec) *indicator.Table {
	t.Helper()
	a := indicator.NewAggregator(spec, len(ds.Files), 0)
	for _, f := range ds.Files {
		recs := append([]review.Record(nil), f.Records...)
		for i := range recs {
			recs[i].CommuneCode = "12424" // the contract's shape; the top unit is spec's
		}
		std, _ := spec.StandardFor(f.Year)
		b, err := sample.CSV(recs, std)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.StartYear(f.Year); err != nil {
			t.Fatal(err)
		}
		var aggErr error
		_, ps, err := review.StreamBytes(strconv.Itoa(f.Year)+".csv", b, review.Rules{StandardFor: spec.StandardFor}, review.StreamOptions{Workers: 3, ChunkSize: 8 << 10}, func(bt *review.Batch) {
			if err := a.Add(bt); err != nil && aggErr == nil {
				aggErr = err
			}
		})
		if err != nil || aggErr != nil || hasErrors(ps) {
			t.Fatalf("%v %v %v", err, aggErr, ps)
		}
		a.EndYear()
	}
	return a.Table()
}

// TestStreamedAgreesWithReference: no figure differs between the streamed, parallel
// path and the reference (and hence Compute).
func TestStreamedAgreesWithReference(t *testing.T) {
	for _, seed := range []uint64{0, 1, 2} {
		ds, spec := sampleDataset(t)
		if seed > 0 {
			ds, spec = randomDataset(seed)
		}
		want := agree(t, ds, spec)
		got := streamTable(t, ds, spec)
		if !reflect.DeepEqual(got.Figures, want.Figures) {
			t.Fatalf("seed %d: streamed figures differ from Compute", seed)
		}
	}
}

// TestCommuneUnits: with communes as units, each commune's figures are those of the
// commune computed alone, and the top unit's those of all households together.
func TestCommuneUnits(t *testing.T) {
	var buf bytes.Buffer
	if _, err := sample.WriteRows(&buf, 20_000, 2025, 3); err != nil {
		t.Fatal(err)
	}
	f, ps := review.Parse("2025.csv", buf.Bytes(), review.Rules{StandardFor: sample.Standards})
	if hasErrors(ps) {
		t.Fatal(ps)
	}
	ds := &review.Dataset{Files: []*review.File{f}}
	spec := indicator.Spec{StandardFor: sample.Standards, Top: "33", Level: "province"}
	byCommune := map[string]*review.File{}
	for i, r := range f.Records {
		c := byCommune[r.CommuneCode]
		if c == nil {
			c = &review.File{Year: 2025}
			byCommune[r.CommuneCode] = c
			spec.Communes = append(spec.Communes, r.CommuneCode)
			for v := 1; v <= 10; v++ {
				spec.Villages = append(spec.Villages, fmt.Sprintf("%s-T%02d", r.CommuneCode, v))
			}
		}
		c.Records = append(c.Records, r)
		c.Lines = append(c.Lines, f.Lines[i])
	}
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		t.Fatal(err)
	}
	all, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: "33", Villages: spec.Villages})
	if err != nil {
		t.Fatal(err)
	}
	for _, fig := range all.Figures {
		got, ok := tab.Get(fig.Key())
		if !ok || got.Num != fig.Num || got.Den != fig.Den {
			t.Fatalf("%v differs with communes as units", fig.Key())
		}
	}
	for code, cf := range byCommune {
		one, err := indicator.Compute(&review.Dataset{Files: []*review.File{cf}}, indicator.Spec{StandardFor: sample.Standards, Top: code, Villages: spec.Villages})
		if err != nil {
			t.Fatal(err)
		}
		for _, fig := range one.Figures {
			if fig.UnitCode != code {
				continue
			}
			got, ok := tab.Get(fig.Key())
			if !ok || got.Num != fig.Num || got.Den != fig.Den || got.UnitLevel != "commune" {
				t.Fatalf("%v: %+v, alone %+v", fig.Key(), got, fig)
			}
		}
	}
}

// provinceBatches streams a 1,000,000-row file of 125 communes and 1,250 villages into
// batches kept in memory, for the aggregate and publish benchmarks.
func provinceBatches(b *testing.B) ([]*review.Batch, indicator.Spec) {
	var buf bytes.Buffer
	if _, err := sample.WriteRows(&buf, 1_000_000, 2025, 1); err != nil {
		b.Fatal(err)
	}
	spec := indicator.Spec{StandardFor: sample.Standards, Top: "33", Level: "province"}
	for i := 0; i < 125; i++ {
		c := sample.CommuneCode(i)
		spec.Communes = append(spec.Communes, c)
		for v := 1; v <= 10; v++ {
			spec.Villages = append(spec.Villages, fmt.Sprintf("%s-T%02d", c, v))
		}
	}
	var batches []*review.Batch
	_, ps, err := review.StreamBytes("2025.csv", buf.Bytes(), review.Rules{StandardFor: sample.Standards}, review.StreamOptions{}, func(bt *review.Batch) {
		// The reader reuses its batches: keep a copy.
		batches = append(batches, review.BatchOf(bt.Year, recordsOf(bt), nil))
	})
	if err != nil || hasErrors(ps) {
		b.Fatal(err, ps)
	}
	return batches, spec
}

func recordsOf(bt *review.Batch) []review.Record {
	out := make([]review.Record, bt.Len())
	for i := range out {
		out[i] = bt.Record(i)
	}
	return out
}

// BenchmarkAggregate aggregates 1,000,000 streamed rows (one year, a top unit, 125
// communes, 1,250 villages, 5 groups) from batches.
func BenchmarkAggregate(b *testing.B) {
	batches, spec := provinceBatches(b)
	runtime.GC()
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
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
		a.Table()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	total := 1e6 * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/row")
}

// BenchmarkPublishFigures writes the tidy CSV of the figures of 1,000,000 rows (the
// 1,376 units of BenchmarkAggregate: about 310,000 figures), the shape of the
// published figures file, to a buffer.
func BenchmarkPublishFigures(b *testing.B) {
	batches, spec := provinceBatches(b)
	a := indicator.NewAggregator(spec, 1, 0)
	a.StartYear(2025)
	for _, bt := range batches {
		a.Add(bt)
	}
	a.EndYear()
	tab := a.Table()
	var out bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		out.Reset()
		out.WriteString("year,unit_level,unit_code,group,indicator,value,numerator,denominator,measure,flag\n")
		var line []byte
		for i := range tab.Figures {
			f := &tab.Figures[i]
			line = strconv.AppendInt(line[:0], int64(f.Year), 10)
			line = append(line, ',')
			line = append(line, f.UnitLevel...)
			line = append(line, ',')
			line = append(line, f.UnitCode...)
			line = append(line, ',')
			line = append(line, f.Group...)
			line = append(line, ',')
			line = append(line, f.Indicator...)
			line = append(line, ',')
			line = append(line, f.Text("en")...)
			line = append(line, ',')
			line = strconv.AppendInt(line, f.Num, 10)
			line = append(line, ',')
			line = strconv.AppendInt(line, f.Den, 10)
			line = append(line, ',')
			line = append(line, f.Measure...)
			line = append(line, ',')
			line = append(line, f.Flag...)
			line = append(line, '\n')
			out.Write(line)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(tab.Figures)), "figures")
	b.ReportMetric(1e6*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(out.Len())/1e6, "MB")
}

// hasErrors reports whether a problem is an error: status warnings are expected from
// random statuses.
func hasErrors(ps []problem.Problem) bool {
	for _, p := range ps {
		if p.Severity == problem.SeverityError {
			return true
		}
	}
	return false
}

// TestAggregatorRefusesAReviewPastItsCount: an aggregator made for n reviews drops the
// households' history after the n-th (nothing follows it to compare with), so an
// n+1-th review is an error, not a review followed without its history.
func TestAggregatorRefusesAReviewPastItsCount(t *testing.T) {
	ds, spec := sampleDataset(t)
	years := []int{ds.Files[0].Year, ds.Files[1].Year}
	a := indicator.NewAggregator(spec, 1, 0)
	if err := a.StartYear(years[0]); err != nil {
		t.Fatal(err)
	}
	a.EndYear()
	if err := a.StartYear(years[1]); err == nil {
		t.Fatal("a second review in an aggregator made for one was accepted")
	}
}
