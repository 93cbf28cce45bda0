package publish

import (
	"math"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/progress"
)

// baselineDecimals is the most decimals a plan's baseline is printed with: a plan
// writes rates to at most two ("98,41%").
const baselineDecimals = 2

// baselineText is a target's baseline as the page and targets.csv print it, with the
// precision of its source (issue 17). The plan's baseline is printed as the plan
// writes it (98.41 with two decimals, 3.5 with one); a baseline read from the
// published figures is printed exactly as every table prints that figure (a rate to
// one decimal, from the figure's own rounding). Before, every baseline had two
// decimals: "3,50%" beside the target's "1,2%" and the latest "1,1%", a precision
// the published 2021 rate ("3,5%") does not have.
func (w *writer) baselineText(t config.Target, a progress.Assessment) bilingual {
	if a.Baseline == nil {
		return both(NotAvailable, NotAvailable)
	}
	if t.Baseline != nil && a.BaselineYear == t.BaselineYear && *t.Baseline == *a.Baseline {
		return number(a.Baseline, writtenDecimals(*t.Baseline))
	}
	if f, ok := w.get(indicator.Key{Year: a.BaselineYear, UnitCode: w.in.Portal.Unit.Code, Group: "all", Indicator: t.Indicator}); ok {
		if s, ok := f.Scaled(); ok {
			d := f.Decimals()
			return both(indicator.FormatScaled(s, d, "vi"), indicator.FormatScaled(s, d, "en"))
		}
	}
	return number(a.Baseline, 1)
}

// writtenDecimals is how many decimals v has as written in targets.toml (its shortest
// form), at most baselineDecimals.
func writtenDecimals(v float64) int {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return 0
	}
	return min(len(s)-i-1, baselineDecimals)
}
