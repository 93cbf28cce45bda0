package disclosure_test

import (
	"fmt"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// nationTable computes a small nation: two provinces of two small communes each and
// one of a single commune (whose figures are its commune's: withholding one must
// withhold the other), three villages per commune, and returns the aggregator, the
// nation's tree and the provinces' parts.
func nationTable(t *testing.T) (*indicator.Aggregator, disclosure.Tree, []disclosure.Part) {
	t.Helper()
	provinces := map[string][]string{"01": {"01000", "01100"}, "02": {"01200", "01300"}, "03": {"01400"}}
	spec := indicator.Spec{StandardFor: sample.Standards, Level: "nation", Top: "VN", Provinces: []string{"01", "02", "03"},
		ProvinceOf: map[string]string{}, CommuneOf: map[string]string{}}
	tree := disclosure.Tree{Top: "VN", Children: map[string][]string{"VN": {"01", "02", "03"}}}
	var parts []disclosure.Part
	ds := &review.Dataset{}
	seed := uint64(20221)
	for _, p := range spec.Provinces {
		part := disclosure.Part{Code: p, Tree: disclosure.Tree{Top: p, Children: map[string][]string{p: provinces[p]}}}
		for _, c := range provinces[p] {
			spec.Communes = append(spec.Communes, c)
			spec.ProvinceOf[c] = p
			var villages []string
			for v := range 3 {
				villages = append(villages, fmt.Sprintf("%s-T%02d", c, v+1))
			}
			for _, v := range villages {
				spec.CommuneOf[v] = c
			}
			spec.Villages = append(spec.Villages, villages...)
			part.Tree.Children[c] = villages
			cfg := sample.Commune(c, villages, seed)
			cfg.Households = 900 // small, so that provinces have small counts too
			seed++
			years, err := sample.Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			for yi, recs := range years {
				if len(ds.Files) <= yi {
					ds.Files = append(ds.Files, &review.File{Path: "mem", Year: recs[0].Year})
				}
				f := ds.Files[yi]
				f.Records = append(f.Records, recs...)
				f.Lines = append(f.Lines, make([]int, len(recs))...)
			}
		}
		parts = append(parts, part)
	}
	a := indicator.NewAggregator(spec, len(ds.Files), 0)
	for _, f := range ds.Files {
		if err := a.StartYear(f.Year); err != nil {
			t.Fatal(err)
		}
		if err := a.Add(review.BatchOf(f.Year, f.Records, f.Lines)); err != nil {
			t.Fatal(err)
		}
		a.EndYear()
	}
	return a, tree, parts
}

// TestProtectPartsProtectsTheWholeTree protects a nation in parts (the nation and
// its provinces, then each province with its communes and villages) and attacks every
// family of the whole: no small count shown below the nation's totals, no withheld
// number recoverable by one subtraction, and every province figure withheld in the
// same way in the nation's table and in its own.
func TestProtectPartsProtectsTheWholeTree(t *testing.T) {
	for _, k := range []int{3, 5, 10} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			a, tree, parts := nationTable(t)
			units := []indicator.Unit{{Level: "nation", Code: "VN"}}
			for _, p := range tree.Children["VN"] {
				units = append(units, indicator.Unit{Level: "province", Code: p})
			}
			top, err := a.TableOf(units)
			if err != nil {
				t.Fatal(err)
			}
			subtree := func(p disclosure.Part) []indicator.Unit {
				units := []indicator.Unit{{Level: "province", Code: p.Code}}
				for _, c := range p.Tree.Children[p.Code] {
					units = append(units, indicator.Unit{Level: "commune", Code: c})
				}
				for _, c := range p.Tree.Children[p.Code] {
					for _, v := range p.Tree.Children[c] {
						units = append(units, indicator.Unit{Level: "village", Code: v})
					}
				}
				return units
			}
			topAlone := &indicator.Table{Figures: append([]indicator.Figure(nil), top.Figures...)}
			topAlone.Reindex()
			alone, err := disclosure.ProtectTree(topAlone, k, tree)
			if err != nil {
				t.Fatal(err)
			}
			final := make([]*indicator.Table, len(parts))
			calls := 0
			rep, err := disclosure.ProtectParts(top, k, tree, parts,
				func(i int) (*indicator.Table, error) { return a.TableOf(subtree(parts[i])) },
				func(i int, t *indicator.Table) error { final[i] = t; calls++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("k=%d: %d primary, %d secondary, %d marked, %d banded, %d part protections", k, rep.Primary, rep.Secondary, rep.Marked, rep.Banded, calls)
			// The parts' villages and communes carry most of the marks and bands:
			// the report counts theirs, not only the top table's.
			if rep.Marked+rep.Banded <= alone.Marked+alone.Banded {
				t.Errorf("report counts %d marks and bands, the top table alone has %d", rep.Marked+rep.Banded, alone.Marked+alone.Banded)
			}
			whole := &indicator.Table{Figures: append([]indicator.Figure(nil), top.Figures...)}
			whole.Reindex()
			provinceWithheld := 0
			for i, pt := range final {
				for _, f := range pt.Figures {
					if f.UnitCode != parts[i].Code {
						whole.Figures = append(whole.Figures, f)
						continue
					}
					g, _ := top.Get(f.Key())
					if g.Flag != f.Flag || g.HideDen != f.HideDen {
						t.Errorf("%v: %q/%v in the nation's table, %q/%v in the province's", f.Key(), g.Flag, g.HideDen, f.Flag, f.HideDen)
					}
					if f.Flag == indicator.FlagSuppressed {
						provinceWithheld++
					}
				}
			}
			whole.Reindex()
			if provinceWithheld == 0 {
				t.Error("no province figure withheld: the test's provinces are too large to test the sharing")
			}
			children := map[string][]string{"VN": tree.Children["VN"]}
			for _, p := range parts {
				for parent, kids := range p.Tree.Children {
					children[parent] = kids
				}
			}
			for parent, kids := range children {
				family := asCommune(whole, append([]string{parent}, kids...))
				for i, s := range recoverable(family) {
					if i < 10 {
						t.Errorf("%s: leak: %s", parent, s)
					}
				}
				if parent != "VN" {
					for _, s := range exposedSmall(family, int64(k)) {
						t.Errorf("exposed: %s", s)
					}
				}
			}
			for _, s := range exposedSmall(asCommune(whole, append([]string{"VN"}, tree.Children["VN"]...)), int64(k)) {
				t.Errorf("exposed: %s", s)
			}
		})
	}
}
