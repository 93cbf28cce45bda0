package disclosure

import (
	"math"

	"github.com/minhtien/portal/pipeline/indicator"
)

// publishBounds writes each withheld figure's interval from the audit's model:
// counts as they are, rates from the bounds of their numerator and denominator,
// rounded outward to the published decimal (a rate's bounds are not jointly
// attained, so they may be wider than the reader's, never narrower).
func (p *protector) publishBounds(m *model) {
	for i := range p.t.Figures {
		f := p.fig(i)
		f.Bounded, f.Lower, f.Upper = false, 0, 0
		if f.Flag != indicator.FlagSuppressed {
			continue
		}
		nq, dq, mult := shows(f.Indicator, p.total(f.Year))
		if nq == "" {
			continue
		}
		nlo, nhi := m.interval(p.key(i, nq))
		f.Bounded = true
		if dq == "" {
			f.Lower, f.Upper = int64(nlo), upper(nhi)
			continue
		}
		dlo, dhi := m.interval(p.key(i, dq))
		dlo, dhi = dlo*float64(mult), dhi*float64(mult)
		// Percentages in tenths and indices in thousandths both scale by 1000, and
		// every rate is at most its denominator.
		f.Lower, f.Upper = 0, 1000
		if !math.IsInf(dhi, 1) && dhi > 0 {
			f.Lower = int64(math.Floor(1000*nlo/dhi + eps))
		}
		switch {
		case nhi == 0:
			// A numerator known to be 0 makes the rate 0 whatever the denominator
			// (a 0 denominator would show "not available", not a range).
			f.Upper = 0
		case dlo > 0 && !math.IsInf(nhi, 1):
			f.Upper = min(1000, int64(math.Ceil(1000*nhi/dlo-eps)))
		}
	}
}

// interval is a quantity's bounds: its value when published.
func (m *model) interval(k qkey) (lo, hi float64) {
	if k == noKey {
		return 0, math.Inf(1)
	}
	if v := m.varOf[k]; v >= 0 {
		return m.lo[v], m.hi[v]
	}
	return float64(m.known[k]), float64(m.known[k])
}

func upper(h float64) int64 {
	if math.IsInf(h, 1) {
		return -1
	}
	return int64(h)
}
