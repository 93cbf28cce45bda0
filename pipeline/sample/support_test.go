package sample

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/support"
)

// shipsSample skips a test that compares with data/ once data/ holds a commune's
// real (sealed) data instead of the sample.
func shipsSample(t *testing.T) {
	t.Helper()
	p, err := config.LoadPortal(filepath.Join("..", "..", "data", "portal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Data.Sample {
		t.Skip("data/ holds real data (sample = false); the sample is checked by TestWriteCommuneIsTheShippedSample")
	}
}

func supportSample(t *testing.T, seed uint64) [][]support.Record {
	t.Helper()
	s, err := Support(generate(t, seed), villages, seed, Standards)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSupportCommitted: data/support holds exactly what `portal sample` writes with
// the default seed, and it passes the support contract.
func TestSupportCommitted(t *testing.T) {
	shipsSample(t)
	years := supportSample(t, 20221)
	if len(years) != 4 || years[0][0].Year != 2022 || years[3][0].Year != 2025 {
		t.Fatalf("years: %d", len(years))
	}
	rules := support.Rules{Villages: map[string]bool{}}
	for _, v := range villages {
		rules.Villages[v] = true
	}
	for _, recs := range years {
		b, err := SupportCSV(recs)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%d.csv", recs[0].Year)
		committed, err := os.ReadFile(filepath.Join("..", "..", "data", "support", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, committed) {
			t.Errorf("data/support/%s differs from the generator's output: run portal sample", name)
		}
		if _, ps := support.Parse(name, b, rules); len(ps) > 0 {
			t.Errorf("%s: %v", name, ps[0].Message("en"))
		}
	}
}

func TestSupportDeterministic(t *testing.T) {
	a, b := supportSample(t, 7), supportSample(t, 7)
	for y := range a {
		ca, _ := SupportCSV(a[y])
		cb, _ := SupportCSV(b[y])
		if !bytes.Equal(ca, cb) {
			t.Fatalf("year %d differs between two runs with the same seed", y)
		}
	}
}

// TestSupportFollowsReviews: the people needing support come from the poor, near-poor
// and recently escaped households of the village that year, and coverage of the
// targeted supports climbs to (nearly) 100% by 2025.
func TestSupportFollowsReviews(t *testing.T) {
	reviews := generate(t, 20221)
	years, err := Support(reviews, villages, 20221, Standards)
	if err != nil {
		t.Fatal(err)
	}
	for i, recs := range years {
		std, _ := Standards(reviews[i+1][0].Year)
		bases := villageBases(reviews, i+1, villages, std)
		reached, needing := map[string]int64{}, map[string]int64{}
		seen := map[string]bool{}
		for _, r := range recs {
			b := bases[r.VillageCode]
			if r.SupportType == "preferential_credit" && r.HouseholdsReached > b.pnrHouseholds {
				t.Errorf("%d %s: %d loans for %d poor, near-poor and recently escaped households", r.Year, r.VillageCode, r.HouseholdsReached, b.pnrHouseholds)
			}
			if r.SupportType == "health_insurance_card" && r.PeopleReached > b.pnPeople {
				t.Errorf("%d %s: %d cards for %d people in poor and near-poor households", r.Year, r.VillageCode, r.PeopleReached, b.pnPeople)
			}
			if r.PeopleNeeding == nil {
				continue
			}
			reached[r.SupportType] += r.PeopleReached
			k := r.VillageCode + r.SupportType
			if !seen[k] {
				seen[k] = true
				needing[r.SupportType] += *r.PeopleNeeding
			}
		}
		for st, n := range needing {
			cov := float64(reached[st]) / float64(n)
			switch {
			case i == 0 && cov >= 0.95:
				t.Errorf("2022 %s coverage %.3f: the sample should start below 100%%", st, cov)
			case i == 3 && cov < 0.95:
				t.Errorf("2025 %s coverage %.3f: the sample should approach 100%%", st, cov)
			}
		}
	}
}

// TestWriteCommuneIsTheShippedSample: the synthetic commune's data folder is the one
// the repository ships while data/ holds the sample; once a commune's real data
// replaces data/, only the data folder written here is checked.
func TestWriteCommuneIsTheShippedSample(t *testing.T) {
	dir := t.TempDir()
	if err := WriteCommune(dir); err != nil {
		t.Fatal(err)
	}
	shipsSample(t)
	for _, f := range append(SettingsFiles, "reviews/2021.csv", "reviews/2025.csv", "support/2022.csv") {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "data", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from data/%s: copy the shipped settings into pipeline/sample/commune/ (or run portal sample)", f, f)
		}
	}
}
