package assemble

import (
	"fmt"
	"os"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/seal"
)

// streamThreshold is the size of review data above which the build streams the files
// through the parallel reader instead of holding every record in memory.
const streamThreshold = 64 << 20

// reviewBytes is the total size of the review files.
func reviewBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

// streamReviews checks and aggregates every review file without keeping the rows:
// memory grows with the number of units and households' compact history, not with
// the files. The sums are discarded when any file has an error. rulesFor gives the
// rules of each review year (the communes that exist change with the years). With
// a cache (nil for none), sums derived from these very files are read back instead.
func streamReviews(paths []string, rulesFor func(year int) review.Rules, spec indicator.Spec, open review.Opener, cache *buildCache) (*indicator.Aggregator, []int, int, []problem.Problem, error) {
	if cache != nil {
		if agg, m, ok := cache.loadSums(paths, spec); ok {
			return agg, m.Years, m.Rows, m.Problems, nil
		}
	}
	agg, years, rows, problems, err := readReviews(paths, rulesFor, spec, open)
	if err == nil && cache != nil {
		cache.saveSums(paths, agg, sumsMeta{Years: years, Rows: rows, Problems: problems})
	}
	return agg, years, rows, problems, err
}

// readReviews is streamReviews without the cache.
func readReviews(paths []string, rulesFor func(year int) review.Rules, spec indicator.Spec, open review.Opener) (*indicator.Aggregator, []int, int, []problem.Problem, error) {
	type yearFile struct {
		year int
		path string
	}
	var files []yearFile
	seen := map[int]string{}
	var problems []problem.Problem
	for _, p := range paths {
		y, ok := review.YearFromName(p)
		if !ok {
			problems = append(problems, problem.Problem{Catalogue: review.Messages, File: p, Code: "bad_file_name"})
			continue
		}
		if other, dup := seen[y]; dup {
			problems = append(problems, problem.Problem{Catalogue: review.Messages, File: p, Code: "duplicate_year", Args: []any{y, other}})
			continue
		}
		seen[y] = p
		files = append(files, yearFile{y, p})
	}
	// Years in order: movement follows households from one review to the next.
	for i := 1; i < len(files); i++ {
		for j := i; j > 0 && files[j].year < files[j-1].year; j-- {
			files[j], files[j-1] = files[j-1], files[j]
		}
	}
	// Size the households' history for the first review up front (a review row is
	// about 100 bytes), so that a country's 27 million are not rehashed as they come.
	hint := 0
	if len(files) > 1 {
		if st, err := os.Stat(files[0].path); err == nil {
			hint = int(st.Size() / 100)
		}
	}
	agg := indicator.NewAggregator(spec, len(files), hint)
	var years []int
	rows := 0
	var addErr error
	warned := 0
	for _, f := range files {
		if err := agg.StartYear(f.year); err != nil {
			return nil, nil, 0, nil, err
		}
		emit := func(b *review.Batch) {
			if addErr == nil {
				addErr = agg.Add(b)
			}
		}
		var res review.StreamResult
		var ps []problem.Problem
		var err error
		if seal.IsSealed(f.path) {
			b, oerr := open(f.path)
			if oerr != nil {
				return nil, nil, 0, nil, oerr
			}
			res, ps, err = review.StreamBytes(f.path, b, rulesFor(f.year), review.StreamOptions{}, emit)
		} else {
			res, ps, err = review.StreamFile(f.path, rulesFor(f.year), review.StreamOptions{}, emit)
		}
		if err != nil {
			return nil, nil, 0, nil, err
		}
		if addErr != nil {
			return nil, nil, 0, nil, fmt.Errorf("aggregate %s: %w", f.path, addErr)
		}
		agg.EndYear()
		problems = append(problems, ps...)
		// This review's reappearances are the ones added since the last.
		for _, r := range agg.Reappeared()[warned:] {
			problems = append(problems, problem.Problem{Catalogue: review.Messages, File: f.path, Line: r.Line, Village: r.Village, Code: "reappeared", Args: []any{r.Missing}, Severity: problem.SeverityWarning})
		}
		warned = len(agg.Reappeared())
		years = append(years, f.year)
		rows += res.Rows
	}
	return agg, years, rows, problems, nil
}
