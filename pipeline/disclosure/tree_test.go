package disclosure_test

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// provinceTable computes a province "33" of three sample communes of three villages.
func provinceTable(t *testing.T) (*indicator.Table, disclosure.Tree) {
	t.Helper()
	ds := &review.Dataset{}
	spec := indicator.Spec{StandardFor: sample.Standards, Level: "province", Top: "33"}
	tree := disclosure.Tree{Top: "33", Children: map[string][]string{}}
	for i, code := range []string{"01000", "01100", "01200"} {
		var villages []string
		for v := range 3 {
			villages = append(villages, fmt.Sprintf("%s-T%02d", code, v+1))
		}
		spec.Communes = append(spec.Communes, code)
		spec.Villages = append(spec.Villages, villages...)
		tree.Children["33"] = append(tree.Children["33"], code)
		tree.Children[code] = villages
		years, err := sample.Generate(sample.Commune(code, villages, uint64(20221+i)))
		if err != nil {
			t.Fatal(err)
		}
		for yi, recs := range years {
			if i == 0 {
				ds.Files = append(ds.Files, &review.File{Path: "mem", Year: recs[0].Year})
			}
			f := ds.Files[yi]
			f.Records = append(f.Records, recs...)
			f.Lines = append(f.Lines, make([]int, len(recs))...)
		}
	}
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		t.Fatal(err)
	}
	return tab, tree
}

// asCommune returns the figures of the units given, relabelled so that the first is
// the "commune" and the others "villages": the attacks written for a commune then
// apply to any parent and its children.
func asCommune(tab *indicator.Table, units []string) *indicator.Table {
	in := map[string]bool{}
	for _, u := range units {
		in[u] = true
	}
	out := &indicator.Table{}
	for _, f := range tab.Figures {
		if !in[f.UnitCode] {
			continue
		}
		f.UnitLevel = "village"
		if f.UnitCode == units[0] {
			f.UnitLevel = "commune"
		}
		out.Figures = append(out.Figures, f)
	}
	out.Reindex()
	return out
}

// TestProvinceProtected protects a province, its communes and their villages, then
// attacks every family (the province and its communes, each commune and its
// villages): no small count is shown below the province's all-households figures,
// and no withheld number can be recovered by a single subtraction.
func TestProvinceProtected(t *testing.T) {
	for _, k := range []int{3, 5, 10} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			tab, tree := provinceTable(t)
			before := map[indicator.Key]string{}
			for _, f := range tab.Figures {
				before[f.Key()] = f.Flag
			}
			rep, err := disclosure.ProtectTree(tab, k, tree)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range rep.Unresolved {
				t.Errorf("unresolved: %s", u)
			}
			communeWithheld := 0
			for _, f := range tab.Figures {
				if f.UnitCode == "33" && f.Group == "all" && communeStocks[f.Indicator] && f.Flag != before[f.Key()] {
					t.Errorf("%v: province total withheld", f.Key())
				}
				if f.UnitLevel == "commune" && f.Flag == indicator.FlagSuppressed {
					communeWithheld++
				}
			}
			if communeWithheld == 0 {
				t.Error("no commune figure withheld: communes must be protected as villages are")
			}
			for _, s := range exposedSmall(asCommune(tab, append([]string{"33"}, tree.Children["33"]...)), int64(k)) {
				t.Errorf("exposed: %s", s)
			}
			for _, parent := range append([]string{"33"}, tree.Children["33"]...) {
				family := asCommune(tab, append([]string{parent}, tree.Children[parent]...))
				for i, s := range recoverable(family) {
					if i < 10 {
						t.Errorf("%s: leak: %s", parent, s)
					}
				}
				if parent != "33" {
					for _, s := range exposedSmall(family, int64(k)) {
						t.Errorf("exposed: %s", s)
					}
				}
			}
		})
	}
}
