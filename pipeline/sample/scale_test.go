package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/review"
)

func scaleRules(units []CommuneUnit) review.Rules {
	r := review.Rules{Communes: map[string]bool{}, Villages: map[string]bool{}, StandardFor: Standards}
	for _, c := range units {
		r.Communes[c.Code] = true
		for _, v := range c.Villages {
			r.Villages[v] = true
		}
	}
	return r
}

// TestWriteScaleSmall generates a small many-commune dataset: every file must pass
// the contract without a single problem, be the same for the same seed, and the
// communes must differ in poverty.
func TestWriteScaleSmall(t *testing.T) {
	s := Scale{Name: "test", Code: "99", Communes: 12, Households: 30_000, FirstYear: 2021, Years: 3, MinVillages: 8, MaxVillages: 12}
	dir := t.TempDir()
	sum, err := WriteScale(dir, s, 5)
	if err != nil {
		t.Fatal(err)
	}
	units := Units(s, 5)
	rules := scaleRules(units)
	for i, path := range sum.Files {
		poor := map[string]int{}
		all := map[string]int{}
		_, ps, err := review.StreamFile(path, rules, review.StreamOptions{}, func(b *review.Batch) {
			for j := 0; j < b.Len(); j++ {
				c := b.CommuneDict[b.Commune[j]]
				all[c]++
				if b.Status[j] == 0 {
					poor[c]++
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > 0 {
			t.Fatalf("%s: %d problems, first %s", path, len(ps), ps[0].Error())
		}
		if len(all) != s.Communes {
			t.Fatalf("%s holds %d communes", path, len(all))
		}
		lo, hi := 1.0, 0.0
		for c, n := range all {
			r := float64(poor[c]) / float64(n)
			lo, hi = min(lo, r), max(hi, r)
		}
		if hi-lo < 0.02 {
			t.Errorf("year %d: poor rates %.3f-%.3f hardly vary between communes", i, lo, hi)
		}
		if sum.Rows[i] < 29_000 || sum.Rows[i] > 31_000 {
			t.Errorf("year %d has %d rows", i, sum.Rows[i])
		}
	}
	again := t.TempDir()
	if _, err := WriteScale(again, s, 5); err != nil {
		t.Fatal(err)
	}
	for _, path := range sum.Files {
		a, _ := os.ReadFile(path)
		b, _ := os.ReadFile(filepath.Join(again, filepath.Base(path)))
		if !bytes.Equal(a, b) {
			t.Fatalf("%s differs between two runs with the same seed", path)
		}
	}
}

func TestScaleSizes(t *testing.T) {
	for _, s := range []Scale{Province, National} {
		units := Units(s, 1)
		total := 0
		seen := map[string]bool{}
		for _, c := range units {
			total += c.Households
			if seen[c.Code] || len(c.Code) != 5 {
				t.Fatalf("%s: bad or repeated commune code %q", s.Name, c.Code)
			}
			seen[c.Code] = true
		}
		if len(units) != s.Communes || total < s.Households*99/100 || total > s.Households*101/100 {
			t.Errorf("%s: %d communes, %d households", s.Name, len(units), total)
		}
	}
}

// TestWriteRows checks the benchmark file: exactly n rows, valid, no warnings.
func TestWriteRows(t *testing.T) {
	var b bytes.Buffer
	if _, err := WriteRows(&b, 20_001, 2025, 1); err != nil {
		t.Fatal(err)
	}
	f, ps := review.Parse("2025.csv", b.Bytes(), review.Rules{StandardFor: Standards})
	if len(ps) > 0 {
		t.Fatalf("%d problems, first %s", len(ps), ps[0].Error())
	}
	if len(f.Records) != 20_001 {
		t.Fatalf("%d rows", len(f.Records))
	}
}
