package release

import "testing"

// FuzzReadIndicators: a release's indicators.csv is read back from data/releases/,
// which anyone with commit access may edit. Reading never panics, and a release
// compared with itself shows no change.
func FuzzReadIndicators(f *testing.F) {
	f.Add(first)
	f.Add(corrected)
	f.Add([]byte("\xef\xbb\xbf" + header + "2025,1,x,all,poor_rate,,,,suppressed\r\n"))
	f.Add([]byte("flag,denominator,numerator,value,indicator,group,unit_code,year\n,1,2,3,i,g,u,2025\n"))
	f.Add([]byte("year,unit_code\n\"unclosed"))
	f.Fuzz(func(t *testing.T, b []byte) {
		figs, err := readIndicators(b)
		if err != nil {
			return
		}
		changes, changed, added, removed, years := compare(figs, figs)
		if len(changes) != 0 || changed != 0 || added != 0 || removed != 0 || len(years) != 0 {
			// A key repeated with two values compares as changed; anything else is a bug.
			seen := map[[4]string]bool{}
			for _, f := range figs {
				if seen[f.key] {
					return
				}
				seen[f.key] = true
			}
			t.Errorf("a release compared with itself: %d changed, %d added, %d removed, %v", changed, added, removed, changes)
		}
	})
}
