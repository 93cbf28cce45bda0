package disclosure_test

import (
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
)

// TestPublishedRanges checks the intervals published for withheld figures: a
// village's small count reads "1–4" where the audit allows, its complement the
// total less that, and a rate over a numerator known to be 0 is 0.
func TestPublishedRanges(t *testing.T) {
	cases := []struct {
		name  string
		lines []fx
		want  map[string][2]int64 // figure => published [Lower, Upper] in its last decimal
	}{
		{"a small village reads 1-4, its complement the rest", []fx{
			"2023 C all poor_households 20 0",
			"2023 V1 all poor_households 3 0",
			"2023 V2 all poor_households 8 0",
			"2023 V3 all poor_households 9 0",
		}, map[string][2]int64{"2023 V1 all poor_households": {1, 4}, "2023 V2 all poor_households": {7, 10}}},
		{"a rate over a zero numerator is 0 whatever its hidden denominator", []fx{
			"2023 C all households 100 0", "2023 C all poor_households 0 0", "2023 C all poor_rate 0 100",
			"2023 V1 all households 2 0", "2023 V1 all poor_households 0 0", "2023 V1 all poor_rate 0 2",
			"2023 V2 all households 40 0", "2023 V2 all poor_households 0 0", "2023 V2 all poor_rate 0 40",
			"2023 V3 all households 58 0", "2023 V3 all poor_households 0 0", "2023 V3 all poor_rate 0 58",
		}, map[string][2]int64{"2023 V1 all poor_rate": {0, 0}, "2023 V1 all households": {1, 4}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab := table(t, tc.lines...)
			rep := protect(t, tab, 5)
			if len(rep.AuditFailures) > 0 {
				t.Fatalf("audit failures: %v", rep.AuditFailures)
			}
			for s, want := range tc.want {
				f := get(t, tab, s)
				if f.Flag != indicator.FlagSuppressed || !f.Bounded {
					t.Errorf("%s: %s, bounded %v; want withheld with a range", s, state(f), f.Bounded)
					continue
				}
				if got := [2]int64{f.Lower, f.Upper}; got != want {
					t.Errorf("%s: range %v, want %v", s, got, want)
				}
			}
			noLeaks(t, tab, 5)
		})
	}
}
