package review

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
)

// Opener returns the clear bytes of an input file; sealed files are decrypted in memory.
type Opener func(path string) ([]byte, error)

// Dataset is every review year that was read, in year order.
type Dataset struct {
	Files []*File
}

// Years returns the review years in order.
func (d *Dataset) Years() []int {
	out := make([]int, len(d.Files))
	for i, f := range d.Files {
		out[i] = f.Year
	}
	return out
}

// Files lists the review files in dir (*.csv and *.csv.age), sorted by name.
func Files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list reviews: %w", err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".csv.age")) {
			continue
		}
		out = append(out, filepath.Join(dir, n))
	}
	sort.Strings(out)
	return out, nil
}

// Read parses every review file in dir. It returns the problems of all files together
// (errors and warnings); the dataset may be used only when none is an error. A failure
// to open a file (missing key, damaged ciphertext) is returned as err.
func Read(dir string, rules Rules, open Opener) (*Dataset, []problem.Problem, error) {
	paths, err := Files(dir)
	if err != nil {
		return nil, nil, err
	}
	var problems []problem.Problem
	withErrors := map[*File]bool{}
	files, err := csvfile.Years(paths, open, func(path string, b []byte) (*File, int, bool) {
		f, ps := Parse(path, b, rules)
		problems = append(problems, ps...)
		if f == nil {
			return nil, 0, false
		}
		withErrors[f] = problem.HasErrors(ps)
		return f, f.Year, true
	}, func(path string, year int, first string) {
		problems = append(problems, problem.Problem{Catalogue: Messages, File: path, Code: "duplicate_year", Args: []any{year, first}})
	}, func(path string, f problem.Problem) {
		problems = append(problems, problem.Problem{Catalogue: Messages, File: path, Code: f.Code, Args: f.Args})
	})
	if err != nil {
		return nil, nil, err
	}
	d := &Dataset{Files: files}
	var clean []*File // files without errors: the only ones whose households are known
	for _, f := range files {
		if !withErrors[f] {
			clean = append(clean, f)
		}
	}
	if len(paths) == 0 {
		problems = append(problems, problem.Problem{Catalogue: Messages, File: dir, Code: "no_files"})
	}
	// A year with errors has no records: leaving it in would make every household
	// seem to disappear that year, so it is left out of the comparison.
	problems = append(problems, reappearances(clean)...)
	return d, problems, nil
}

// reappearances warns about households that are missing from a review and come back
// later. files are in year order.
func reappearances(files []*File) []problem.Problem {
	var out []problem.Problem
	present := make([]map[string]bool, len(files))
	for i, f := range files {
		present[i] = make(map[string]bool, len(f.Records))
		for _, r := range f.Records {
			present[i][r.HouseholdID] = true
		}
	}
	for i := 2; i < len(files); i++ {
		f := files[i]
		for j, r := range f.Records {
			if present[i-1][r.HouseholdID] {
				continue
			}
			for k := i - 2; k >= 0; k-- {
				if present[k][r.HouseholdID] {
					out = append(out, problem.Problem{Catalogue: Messages, File: f.Path, Line: f.Lines[j], Village: r.VillageCode, Code: "reappeared", Args: []any{files[i-1].Year}, Severity: problem.SeverityWarning})
					break
				}
			}
		}
	}
	return out
}
