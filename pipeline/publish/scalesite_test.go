package publish

import (
	"github.com/minhtien/portal/pipeline/config"
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

// TestAZListsByNameWithoutLevelWord checks that communes are lettered and sorted by
// the name after "xã", "phường" or "thị trấn", not all under X (the defect: every
// commune of a province filed under the first letter of "xã").
func TestAZListsByNameWithoutLevelWord(t *testing.T) {
	for _, c := range []struct{ name, listed, letter string }{
		{"xã Minh Tiến", "Minh Tiến", "M"},
		{"Xã Đoàn Đào", "Đoàn Đào", "Đ"},
		{"phường An Tảo", "An Tảo", "A"},
		{"Thị trấn Trần Cao", "Trần Cao", "T"},
		{"thị xã Mỹ Hào", "Mỹ Hào", "M"},
		{"Phường 1", "Phường 1", "P"},
		{"Xuân Trúc", "Xuân Trúc", "X"},
		{"xã", "xã", "X"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := listedName(c.name); got != c.listed {
				t.Errorf("listedName(%q) = %q, want %q", c.name, got, c.listed)
			}
			if got := initial(listedName(c.name)); got != c.letter {
				t.Errorf("letter of %q = %q, want %q", c.name, got, c.letter)
			}
		})
	}
	units := []config.AdminUnit{{Code: "2", NameVI: "xã Xuân Trúc"}, {Code: "1", NameVI: "phường Bần Yên Nhân"}, {Code: "3", NameVI: "xã An Viên"}}
	var got []string
	for _, u := range alphabetical(units) {
		got = append(got, u.Code)
	}
	if strings.Join(got, ",") != "3,1,2" {
		t.Errorf("alphabetical order %v, want [3 1 2]", got)
	}
}
