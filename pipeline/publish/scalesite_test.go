package publish

import (
	"sort"
	"strings"
	"testing"
)

// TestAZOrder checks the A-Z list's order and letters on Vietnamese names: the
// alphabet's order (a ă â, d đ, o ô ơ), tone marks and case ignored; the list's
// letters drop vowel marks but keep Đ.
func TestAZOrder(t *testing.T) {
	names := []string{"Đức Hợp", "Xuân Trúc", "Ấp Bắc", "Dị Sử", "Bãi Sậy", "An Viên", "đông Kết", "Ân Thi", "Ơn Đền", "Ông Đình", "Ô Diên"}
	sort.SliceStable(names, func(i, j int) bool { return collationKey(names[i]) < collationKey(names[j]) })
	want := "An Viên|Ân Thi|Ấp Bắc|Bãi Sậy|Dị Sử|đông Kết|Đức Hợp|Ô Diên|Ông Đình|Ơn Đền|Xuân Trúc"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	for name, letter := range map[string]string{"Ấp Bắc": "A", "Đức Hợp": "Đ", "đông Kết": "Đ", "Dị Sử": "D", "  Ô Diên": "O", "": "#"} {
		if got := initial(name); got != letter {
			t.Errorf("initial(%q) = %q, want %q", name, got, letter)
		}
	}
}
