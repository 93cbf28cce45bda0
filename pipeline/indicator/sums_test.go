package indicator_test

import (
	"reflect"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// aggregate feeds every year of ds to a new aggregator, one batch a year.
func aggregate(t testing.TB, ds *review.Dataset, spec indicator.Spec) *indicator.Aggregator {
	t.Helper()
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
	return a
}

// provinceSpec is the spec of provinceSample: a province of three communes.
func provinceSpec(villages map[string][]string) indicator.Spec {
	spec := indicator.Spec{StandardFor: sample.Standards, Level: "province", Top: "33"}
	for _, code := range []string{"01000", "01100", "01200"} {
		spec.Communes = append(spec.Communes, code)
		spec.Villages = append(spec.Villages, villages[code]...)
	}
	return spec
}

// TestRestoredSumsGiveTheSameFigures: an aggregator restored from MarshalSums gives
// every figure, every part's table, the standards and the reappearances of the one
// that read the reviews.
func TestRestoredSumsGiveTheSameFigures(t *testing.T) {
	all, _, villages := provinceSample(t)
	commune, communeSpec := randomDataset(7)
	cases := []struct {
		name string
		ds   *review.Dataset
		spec indicator.Spec
	}{
		{"province of three communes", all, provinceSpec(villages)},
		{"random commune", commune, communeSpec},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := aggregate(t, c.ds, c.spec)
			b, err := a.MarshalSums()
			if err != nil {
				t.Fatal(err)
			}
			r, err := indicator.RestoreAggregator(c.spec, len(c.ds.Files), b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Table().Figures, a.Table().Figures) {
				t.Error("restored figures differ")
			}
			part := a.Units()[len(a.Units())/2:]
			want, _ := a.TableOf(part)
			got, err := r.TableOf(part)
			if err != nil || !reflect.DeepEqual(got.Figures, want.Figures) || !reflect.DeepEqual(got.Definitions, want.Definitions) {
				t.Errorf("restored part differs (%v)", err)
			}
			if !reflect.DeepEqual(r.Reappeared(), a.Reappeared()) || !reflect.DeepEqual(r.Standards(), a.Standards()) {
				t.Error("restored reappearances or standards differ")
			}
			again, err := r.MarshalSums()
			if err != nil || string(again) != string(b) {
				t.Errorf("saving the restored sums gives other bytes (%v)", err)
			}
		})
	}
}

// TestRestoreRefusesSumsOfAnotherSpec: sums saved for one set of units or standards
// are refused for another, and damaged bytes are refused without a panic.
func TestRestoreRefusesSumsOfAnotherSpec(t *testing.T) {
	all, _, villages := provinceSample(t)
	spec := provinceSpec(villages)
	b, err := aggregate(t, all, spec).MarshalSums()
	if err != nil {
		t.Fatal(err)
	}
	fewer := spec
	fewer.Villages = spec.Villages[1:]
	noStandard := spec
	noStandard.StandardFor = nil
	cases := []struct {
		name string
		spec indicator.Spec
		data []byte
	}{
		{"a village fewer", fewer, b},
		{"no standard in force", noStandard, b},
		{"truncated", spec, b[:len(b)/2]},
		{"one byte more", spec, append(append([]byte(nil), b...), 0)},
		{"empty", spec, nil},
		{"another format", spec, append([]byte{99}, b[1:]...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := indicator.RestoreAggregator(c.spec, len(all.Files), c.data); err == nil {
				t.Error("restored")
			}
		})
	}
}

// FuzzRestoreSums: no bytes make RestoreAggregator panic or allocate beyond the
// spec's units; what it accepts saves to bytes that restore to the same sums.
func FuzzRestoreSums(f *testing.F) {
	ds, spec := randomDataset(3)
	a := indicator.NewAggregator(spec, len(ds.Files), 0)
	for _, fl := range ds.Files {
		if err := a.StartYear(fl.Year); err != nil {
			f.Fatal(err)
		}
		if err := a.Add(review.BatchOf(fl.Year, fl.Records, fl.Lines)); err != nil {
			f.Fatal(err)
		}
		a.EndYear()
	}
	b, err := a.MarshalSums()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)-3])
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := indicator.RestoreAggregator(spec, len(ds.Files), data)
		if err != nil {
			return
		}
		again, err := r.MarshalSums()
		if err != nil {
			t.Fatal(err)
		}
		r2, err := indicator.RestoreAggregator(spec, len(ds.Files), again)
		if err != nil {
			t.Fatalf("saved sums of accepted bytes are refused: %v", err)
		}
		if twice, _ := r2.MarshalSums(); string(twice) != string(again) {
			t.Fatal("restoring saved sums changes them")
		}
	})
}
