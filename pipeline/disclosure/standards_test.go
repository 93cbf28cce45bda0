package disclosure_test

import (
	"os"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

// TestMain sets the catalogue of the tables the tests write by hand to the
// 2022-2025 standard's indicators, which their fixtures use.
func TestMain(m *testing.M) {
	s, ok := sample.Standards(2025)
	if !ok {
		panic("no 2022-2025 standard in data/standards.toml")
	}
	indicator.UseStandards([]*standard.Standard{s})
	os.Exit(m.Run())
}
