package csvfile

import (
	"errors"
	"slices"
	"testing"
)

// TestYears: files come back in year order, a second file for a year is left out and
// named with the first, a name without a year is skipped, and an opening error stops.
func TestYears(t *testing.T) {
	parse := func(path string, b []byte) (string, int, bool) {
		y, ok := YearFromName(path)
		return path, y, ok
	}
	var dups []string
	open := func(string) ([]byte, error) { return nil, nil }
	got, err := Years([]string{"d/2024.csv", "d/2022.csv.age", "d/notes.csv", "d/2024.csv.age"}, open, parse,
		func(path string, year int, first string) { dups = append(dups, path+">"+first) }, nil)
	if err != nil || !slices.Equal(got, []string{"d/2022.csv.age", "d/2024.csv"}) || !slices.Equal(dups, []string{"d/2024.csv.age>d/2024.csv"}) {
		t.Errorf("got %v %v %v", got, dups, err)
	}
	fail := func(string) ([]byte, error) { return nil, errors.New("no key") }
	if _, err := Years([]string{"d/2024.csv"}, fail, parse, nil, nil); err == nil {
		t.Error("an opening error was not returned")
	}
}
