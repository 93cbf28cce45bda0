package indicator

// Compute: the whole-dataset entry point over the Aggregator.

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/review"
)

// Compute computes every indicator for every year of the dataset, for the commune,
// each village and each group: each year's records go through the Aggregator as one
// batch, as the streaming reader's batches do.
func Compute(ds *review.Dataset, spec Spec) (*Table, error) {
	if err := checkYears(ds.Years()); err != nil {
		return nil, err
	}
	hint := 0
	if len(ds.Files) > 1 {
		hint = len(ds.Files[0].Records) + len(ds.Files[0].Records)/8
	}
	a := NewAggregator(spec, len(ds.Files), hint)
	for _, f := range ds.Files {
		if err := a.StartYear(f.Year); err != nil {
			return nil, err
		}
		if err := a.Add(review.BatchOf(f.Year, f.Records, f.Lines)); err != nil {
			return nil, err
		}
		a.EndYear()
	}
	t := a.Table()
	t.Reindex()
	return t, nil
}

// checkYears refuses more reviews than the history follows and years out of order.
func checkYears(years []int) error {
	if len(years) > maxReviews {
		return fmt.Errorf("compute: %d reviews, at most %d can be followed", len(years), maxReviews)
	}
	for i := 1; i < len(years); i++ {
		if years[i] <= years[i-1] {
			return fmt.Errorf("compute: review %d follows %d; reviews must be in increasing year order", years[i], years[i-1])
		}
	}
	return nil
}
