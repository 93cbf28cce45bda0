package disclosure_test

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// districtTable is a province-shaped table small enough to compute in a second or
// two: n sample communes of nine villages each under one province.
func districtTable(tb testing.TB, n int) (*indicator.Table, disclosure.Tree) {
	tb.Helper()
	byYear := map[int]*review.File{}
	var years []int
	tree := disclosure.Tree{Top: "33", Children: map[string][]string{}}
	spec := indicator.Spec{Top: "33", Level: "province", CommuneOf: map[string]string{}, StandardFor: sample.Standards}
	for c := range n {
		code := fmt.Sprintf("%05d", 10000+c)
		var villages []string
		for v := 1; v <= 9; v++ {
			villages = append(villages, fmt.Sprintf("%s-T%02d", code, v))
			spec.CommuneOf[villages[v-1]] = code
		}
		recs, err := sample.Generate(sample.Commune(code, villages, uint64(20221+c)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, r := range recs {
			y := r[0].Year
			if byYear[y] == nil {
				byYear[y] = &review.File{Path: "mem", Year: y}
				years = append(years, y)
			}
			byYear[y].Records = append(byYear[y].Records, r...)
		}
		spec.Communes = append(spec.Communes, code)
		spec.Villages = append(spec.Villages, villages...)
		tree.Children["33"] = append(tree.Children["33"], code)
		tree.Children[code] = villages
	}
	ds := &review.Dataset{}
	for _, y := range years {
		f := byYear[y]
		f.Lines = make([]int, len(f.Records))
		ds.Files = append(ds.Files, f)
	}
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		tb.Fatal(err)
	}
	return tab, tree
}

// BenchmarkModelDistrict builds and bounds the model of a table of 25 communes
// (257,275 figures) as a province's build does, once its withholding is done:
// go test -bench ModelDistrict -benchmem -run '^$' ./pipeline/disclosure.
func BenchmarkModelDistrict(b *testing.B) {
	tab, tree := districtTable(b, 25)
	build := disclosure.ModelAfterPrimaries(tab, 5, tree)
	for b.Loop() {
		if err := build(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tab.Figures)), "figures")
}
