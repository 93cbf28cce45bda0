package indicator_test

import (
	"os"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

// std2022 and std2026 are the standards of the sample: the fixtures' years are
// reviewed under the first.
var std2022, _ = sample.Standards(2025)
var std2026, _ = sample.Standards(2026)

func TestMain(m *testing.M) {
	indicator.UseStandards([]*standard.Standard{std2022, std2026})
	os.Exit(m.Run())
}
