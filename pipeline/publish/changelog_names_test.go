package publish

import (
	"testing"

	"github.com/minhtien/portal/pipeline/release"
)

// TestChangelogNamesUnitsInEachLanguage checks the names the changelog table
// shows: a unit the settings name is named in each language (the release keeps
// only indicators.csv's Vietnamese name); one they no longer name keeps the
// release's name.
func TestChangelogNamesUnitsInEachLanguage(t *testing.T) {
	w := &writer{in: testInput(t)}
	cases := []struct {
		name   string
		change release.Change
		want   bilingual
	}{
		{"a village", release.Change{UnitCode: "T01", UnitName: "Thôn Đông"}, both("Thôn Đông", "Dong village")},
		{"the commune", release.Change{UnitCode: "12424", UnitName: "Xã Minh Tiến"}, both("xã Minh Tiến", "Minh Tien commune")},
		{"a village since removed", release.Change{UnitCode: "T99", UnitName: "Thôn Cũ"}, both("Thôn Cũ", "Thôn Cũ")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := w.unitShown(c.change); got != c.want {
				t.Errorf("unitShown(%s) = %v, want %v", c.change.UnitCode, got, c.want)
			}
		})
	}
}
