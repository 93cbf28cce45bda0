package story

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFactsYearIsTheLastClosedReview: a story's figures are those of the latest
// review that had closed (31 December of its year) by the story's date, never of a
// review still to come (issue 17: the June 2024 story showed the 2024 review).
func TestFactsYearIsTheLastClosedReview(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	all := []int{2021, 2022, 2023, 2024, 2025, 2026}
	tests := []struct {
		name    string
		date    time.Time
		reviews []int
		want    int
		ok      bool
	}{
		{"mid-year story reads last year's review", day(2024, time.June, 15), all, 2023, true},
		{"new year's day", day(2024, time.January, 1), all, 2023, true},
		{"the review is still open in mid-December", day(2024, time.December, 15), all, 2023, true},
		{"the day the review closes", day(2024, time.December, 31), all, 2024, true},
		{"a gap in the reviews", day(2024, time.June, 15), []int{2021, 2022, 2025}, 2022, true},
		{"reviews in any order", day(2025, time.February, 18), []int{2026, 2021, 2024, 2022}, 2024, true},
		{"no review closed yet", day(2021, time.March, 20), all, 0, false},
		{"no reviews at all", day(2024, time.June, 15), nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FactsYear(tt.date, tt.reviews)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FactsYear(%s) = %d, %v; want %d, %v", tt.date.Format("2006-01-02"), got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestFactYearsReadsEveryVersion: every language version of every story folder gets
// its year; a folder that is not a story, a version without a readable date and a
// story before any review are left out.
func TestFactYearsReadsEveryVersion(t *testing.T) {
	dir := t.TempDir()
	write := func(folder, lang, date string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, folder), 0o755); err != nil {
			t.Fatal(err)
		}
		src := "---\ntitle: \"T\"\ndate: " + date + "\n---\n\nText.\n"
		if err := os.WriteFile(filepath.Join(dir, folder, "index."+lang+".md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("2024-nuoi-bo", "vi", "2024-06-15")
	write("2024-nuoi-bo", "en", "2024-06-15")
	write("2025-viec-lam", "vi", "2025-12-31")
	write("2025-khong-ngay", "vi", "mười lăm tháng sáu")
	write("2021-som", "vi", "2021-03-20")
	write("not-a-story", "vi", "2024-06-15")
	got, err := FactYears(dir, []int{2021, 2022, 2023, 2024, 2025})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{"2024-nuoi-bo": {"vi": 2023, "en": 2023}, "2025-viec-lam": {"vi": 2025}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for folder, langs := range want {
		for lang, y := range langs {
			if got[folder][lang] != y {
				t.Errorf("%s %s: got %d, want %d (all: %v)", folder, lang, got[folder][lang], y, got)
			}
		}
	}
	if missing, err := FactYears(filepath.Join(dir, "none"), []int{2024}); err != nil || len(missing) != 0 {
		t.Errorf("a missing stories folder: %v, %v; want nothing and no error", missing, err)
	}
}
