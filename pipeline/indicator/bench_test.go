package indicator_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// fastDataset generates rows households spread evenly over years reviews and the
// given number of villages, quickly (the sample generator is built for realism, not
// for a million rows). About 4% are poor and 5% near-poor each year, statuses drift
// so households escape, fall in and relapse, and 0.5% leave each year.
func fastDataset(rows, years, villages int) (*review.Dataset, indicator.Spec) {
	rng := rand.New(rand.NewPCG(1, 2))
	spec := indicator.Spec{Top: "99999", StandardFor: sample.Standards}
	for v := range villages {
		spec.Villages = append(spec.Villages, fmt.Sprintf("V%03d", v+1))
	}
	per := rows / years
	ids := make([]string, per)
	vil := make([]int, per)
	status := make([]string, per)
	for i := range ids {
		ids[i] = fmt.Sprintf("HH-%010d", i)
		vil[i] = rng.IntN(villages)
	}
	ds := &review.Dataset{}
	next := per
	for y := range years {
		f := &review.File{Path: "bench", Year: 2021 + y, Records: make([]review.Record, per), Lines: make([]int, per)}
		for i := range per {
			if y > 0 && rng.IntN(200) == 0 { // left; a new household takes the slot
				ids[i] = fmt.Sprintf("HH-%010d", next)
				next++
			}
			switch u := rng.IntN(100); {
			case status[i] == "poor" && u < 70, status[i] != "poor" && u < 3:
				status[i] = "poor"
			case u < 9:
				status[i] = "near_poor"
			case u < 15:
				status[i] = "average_agri"
			default:
				status[i] = "non_poor"
			}
			m := 1 + rng.IntN(6)
			c := rng.IntN(m)
			d := rng.Uint32()
			r := review.Record{Year: f.Year, CommuneCode: spec.Top, VillageCode: spec.Villages[vil[i]], HouseholdID: ids[i],
				Area: "rural", Members: m, IncomePerCapita: 1_000_000, Status: status[i],
				MeritFamily: int(d >> 12 & 1), DisabledMember: int(d >> 13 & 1), FemaleHead: int(d >> 14 & 1), EthnicMinority: int(d >> 15 & 1),
				Children6to15: c, Children6to15InSchool: c, MembersInsured: m}
			r.Dep = make([]uint8, len(std2022.Indicators))
			for j := range r.Dep {
				r.Dep[j] = uint8(d >> j & 1)
			}
			f.Records[i] = r
			f.Lines[i] = i + 2
		}
		ds.Files = append(ds.Files, f)
	}
	return ds, spec
}

// BenchmarkCompute runs the engine on 1,000,000 household rows: all in one review
// year ("1y"), and as 5 reviews of 200,000 households followed across years ("5y").
// 100 villages. Reports rows/s and bytes allocated per row.
func BenchmarkCompute(b *testing.B) {
	const rows = 1_000_000
	for _, years := range []int{1, 5} {
		b.Run(fmt.Sprintf("%dy", years), func(b *testing.B) {
			ds, spec := fastDataset(rows, years, 100)
			runtime.GC()
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for range b.N {
				if _, err := indicator.Compute(ds, spec); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			total := float64(rows) * float64(b.N)
			b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/row")
		})
	}
}

// BenchmarkProtect protects the sample commune's table (9 villages, 5 years) and the
// 100-village, 5-year table of BenchmarkCompute.
func BenchmarkProtect(b *testing.B) {
	sampleDS, sampleSpec := sampleDataset(b)
	bigDS, bigSpec := fastDataset(1_000_000, 5, 100)
	for _, c := range []struct {
		name string
		ds   *review.Dataset
		spec indicator.Spec
	}{{"sample", sampleDS, sampleSpec}, {"100villages", bigDS, bigSpec}} {
		b.Run(c.name, func(b *testing.B) {
			tab, err := indicator.Compute(c.ds, c.spec)
			if err != nil {
				b.Fatal(err)
			}
			orig := append([]indicator.Figure(nil), tab.Figures...)
			b.ReportAllocs()
			b.ResetTimer()
			var rep disclosure.Report
			for range b.N {
				b.StopTimer()
				copy(tab.Figures, orig)
				b.StartTimer()
				if rep, err = disclosure.Protect(tab, 5); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tab.Figures)), "figures")
			b.ReportMetric(float64(rep.Primary+rep.Secondary), "withheld")
		})
	}
}
