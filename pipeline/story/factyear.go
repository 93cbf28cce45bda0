package story

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The year of a story's figures (issue 17). A review year Y closes in December of Y
// (the review contract says so, and a release is dated 31 December of its latest
// review), so a story dated 15 June 2024 was written when the latest results were
// those of the 2023 review: a fact box that printed "2024" beside it showed figures
// from a review that had not happened yet, and "escaped: 0" beside a story whose
// family escaped at the end of 2023. The fact box shows the figures of the latest
// review that had closed by the story's date.

// FactsYear returns the latest of reviews (review years, in any order) that had
// closed by date: a year before date's, or date's own when date is 31 December. ok
// is false when no review had closed by then.
func FactsYear(date time.Time, reviews []int) (year int, ok bool) {
	y, m, d := date.Date()
	closed := y - 1
	if m == time.December && d == 31 {
		closed = y
	}
	for _, r := range reviews {
		if r <= closed && (!ok || r > year) {
			year, ok = r, true
		}
	}
	return year, ok
}

// FactYears reads the date of every language version of every story in storiesDir
// and returns, by story folder and language, the year of the figures its fact box
// shows (FactsYear). A version whose date cannot be read, or that no review precedes,
// is left out: the box then shows the latest figures only. Stories are checked before
// a build, so a bad date never reaches here from a build that goes on.
func FactYears(storiesDir string, reviews []int) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	entries, err := os.ReadDir(storiesDir)
	if os.IsNotExist(err) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("story: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() || !folderName.MatchString(e.Name()) {
			continue
		}
		for _, lang := range Languages {
			src, err := os.ReadFile(filepath.Join(storiesDir, e.Name(), "index."+lang+".md"))
			if err != nil {
				continue
			}
			fm, _, _ := ParseFrontMatter(src)
			if fm == nil || !fm.DateOK {
				continue
			}
			if y, ok := FactsYear(fm.Date, reviews); ok {
				if out[e.Name()] == nil {
					out[e.Name()] = map[string]int{}
				}
				out[e.Name()][lang] = y
			}
		}
	}
	return out, nil
}
