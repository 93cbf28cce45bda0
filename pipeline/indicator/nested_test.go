package indicator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// provinceSample is three sample communes of a province "33", each with three
// villages coded "<commune>-T0x", merged into one dataset, and each commune's own
// dataset.
func provinceSample(t *testing.T) (all *review.Dataset, communes map[string]*review.Dataset, villages map[string][]string) {
	t.Helper()
	all = &review.Dataset{}
	communes, villages = map[string]*review.Dataset{}, map[string][]string{}
	for i, code := range []string{"01000", "01100", "01200"} {
		for v := range 3 {
			villages[code] = append(villages[code], fmt.Sprintf("%s-T%02d", code, v+1))
		}
		years, err := sample.Generate(sample.Commune(code, villages[code], uint64(20221+i)))
		if err != nil {
			t.Fatal(err)
		}
		ds := &review.Dataset{}
		for yi, recs := range years {
			ds.Files = append(ds.Files, &review.File{Path: "mem", Year: recs[0].Year, Records: recs, Lines: make([]int, len(recs))})
			if i == 0 {
				all.Files = append(all.Files, &review.File{Path: "mem", Year: recs[0].Year})
			}
			f := all.Files[yi]
			f.Records = append(f.Records, recs...)
			f.Lines = append(f.Lines, make([]int, len(recs))...)
		}
		communes[code] = ds
	}
	return all, communes, villages
}

// TestProvinceAggregatesCommunesExactly: a province's figures are recomputed from
// households, never averaged: every numerator and denominator of the province is
// the sum of its communes', each commune's is the sum of its villages', and each
// commune's figures equal those computed from that commune's data alone.
func TestProvinceAggregatesCommunesExactly(t *testing.T) {
	all, communes, villages := provinceSample(t)
	spec := indicator.Spec{StandardFor: sample.Standards, Level: "province", Top: "33"}
	for _, code := range []string{"01000", "01100", "01200"} {
		spec.Communes = append(spec.Communes, code)
		spec.Villages = append(spec.Villages, villages[code]...)
	}
	tab, err := indicator.Compute(all, spec)
	if err != nil {
		t.Fatal(err)
	}
	sum := func(k indicator.Key, units []string) (num, den int64) {
		for _, u := range units {
			k.UnitCode = u
			f, ok := tab.Get(k)
			if !ok {
				t.Fatalf("no figure %v", k)
			}
			num, den = num+f.Num, den+f.Den
		}
		return num, den
	}
	checked := 0
	for _, f := range tab.Figures {
		switch f.UnitLevel {
		case "province":
			num, den := sum(f.Key(), spec.Communes)
			if f.Num != num || f.Den != den {
				t.Errorf("%v: province %d/%d, communes add up to %d/%d", f.Key(), f.Num, f.Den, num, den)
			}
			checked++
		case "commune":
			num, den := sum(f.Key(), villages[f.UnitCode])
			if f.Num != num || f.Den != den {
				t.Errorf("%v: commune %d/%d, villages add up to %d/%d", f.Key(), f.Num, f.Den, num, den)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no province figure")
	}
	for code, ds := range communes {
		t.Run(code, func(t *testing.T) {
			alone, err := indicator.Compute(ds, indicator.Spec{StandardFor: sample.Standards, Top: code, Villages: villages[code]})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range alone.Figures {
				got, ok := tab.Get(want.Key())
				if !ok {
					t.Fatalf("no figure %v in the province table", want.Key())
				}
				if got.Num != want.Num || got.Den != want.Den || got.Flag != want.Flag {
					t.Errorf("%v: in the province %d/%d %q, alone %d/%d %q", want.Key(), got.Num, got.Den, got.Flag, want.Num, want.Den, want.Flag)
				}
			}
		})
	}
}

// TestVillageOfAnotherCommuneRefused: with CommuneOf, a row whose village belongs to
// another commune is refused rather than added to two families.
func TestVillageOfAnotherCommuneRefused(t *testing.T) {
	all, _, villages := provinceSample(t)
	spec := indicator.Spec{StandardFor: sample.Standards, Level: "province", Top: "33", CommuneOf: map[string]string{}}
	for _, code := range []string{"01000", "01100", "01200"} {
		spec.Communes = append(spec.Communes, code)
		spec.Villages = append(spec.Villages, villages[code]...)
		for _, v := range villages[code] {
			spec.CommuneOf[v] = code
		}
	}
	cases := []struct {
		name    string
		village string
		want    string
	}{
		{"own commune", "01000-T02", ""},
		{"another commune", "01100-T01", `village "01100-T01" is not a village of commune "01000"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := &review.Dataset{Files: []*review.File{{Path: "mem", Year: all.Files[0].Year}}}
			f := all.Files[0]
			ds.Files[0].Records = append([]review.Record(nil), f.Records...)
			ds.Files[0].Lines = f.Lines
			for i := range ds.Files[0].Records {
				if r := &ds.Files[0].Records[i]; r.CommuneCode == "01000" && r.VillageCode == "01000-T01" {
					r.VillageCode = c.village
					break
				}
			}
			_, err := indicator.Compute(ds, spec)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
}
