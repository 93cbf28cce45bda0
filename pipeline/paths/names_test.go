package paths

import "testing"

func TestOutputNames(t *testing.T) {
	l := New("/repo", "", "", "", "")
	tests := []struct{ name, got, want string }{
		{"api", l.API(), "/repo/build/static/api/v1"},
		{"chart svg", l.ChartSVG("en", "poverty-rate"), "/repo/build/assets/charts/en/poverty-rate.svg"},
		{"unit file", UnitFile("12424"), "units/12424.json"},
		{"target file", TargetFile("poverty-rate"), "targets/poverty-rate.json"},
		{"review of a year", YearCSV(l.Reviews(), 2025), "/repo/data/reviews/2025.csv"},
		{"support beside reviews", SupportIn("/out"), "/out/support"},
		{"stories", l.Stories(), StoriesIn("/repo/content")},
		{"release folder", l.Release("2025.1"), "/repo/data/releases/2025.1"},
		{"published api", PublishedFolders().API, "api/v1/"},
		{"published chart data", PublishedFolders().ChartData, "data/charts/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}

// TestHugoMounts: a commune's site mounts its hand-written content first, filtered; a
// province's or a nation's mounts none; the project's own folders stay relative.
func TestHugoMounts(t *testing.T) {
	l := New("/repo", "", "", "", "")
	for _, scale := range []bool{false, true} {
		ms := l.HugoMounts(scale)
		hand := 0
		for _, m := range ms {
			if m.HandWritten {
				hand++
				if m.Source != l.Content || m.Target != HugoContent {
					t.Errorf("hand-written mount %+v", m)
				}
			}
			if m.InProject != (m.Source == m.Target) {
				t.Errorf("mount %+v: only the project's folders are relative", m)
			}
		}
		if want := map[bool]int{false: 1, true: 0}[scale]; hand != want {
			t.Errorf("scale=%v: %d hand-written mounts, want %d", scale, hand, want)
		}
		if len(ms) != 8+map[bool]int{false: 1, true: 0}[scale] {
			t.Errorf("scale=%v: %d mounts", scale, len(ms))
		}
	}
}
