package disclosure_test

import (
	"reflect"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
)

// TestSparseIndexesProtectAlike protects the sample commune's table with the
// quantities and figures found through dense grids (as every committed table is)
// and through maps (as a table too sparse for a grid is): withholding, intervals
// and the report must be the same.
func TestSparseIndexesProtectAlike(t *testing.T) {
	dense := sampleTable(t)
	want, err := disclosure.Protect(dense, 5)
	if err != nil {
		t.Fatal(err)
	}
	restore := disclosure.SparseIndexes()
	defer restore()
	sparse := sampleTable(t)
	got, err := disclosure.Protect(sparse, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("report with maps %+v, with grids %+v", got, want)
	}
	for i := range dense.Figures {
		if d, s := dense.Figures[i], sparse.Figures[i]; d != s {
			t.Errorf("figure %d: with maps %+v, with grids %+v", i, s, d)
		}
	}
}
