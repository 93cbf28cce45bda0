package chart

import (
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	composed := "Tỷ lệ"                     // precomposed (NFC)
	decomposed := "Ty\u0309 le\u0323\u0302" // same text, decomposed (NFD)
	if a, b := textWidth(composed, 10), textWidth(decomposed, 10); a != b {
		t.Errorf("NFC width %v != NFD width %v", a, b)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, in string
		maxW     float64
		want     string
	}{
		{"fits", "Năm", 100, "Năm"},
		{"cut with ellipsis", "Trung du và miền núi", 60, "Trung du…"},
		{"nothing fits", "abc", 1, "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := truncate(tc.in, tc.maxW, 10); got != tc.want {
				t.Errorf("truncate = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWrap2(t *testing.T) {
	tests := []struct {
		name, in string
		maxW     float64
		want     []string
	}{
		{"one line", "2024", 100, []string{"2024"}},
		{"two lines", "Đồng bằng sông Hồng", 60, []string{"Đồng bằng", "sông Hồng"}},
		{"overflow truncated", "Trung du và miền núi phía Bắc", 60, []string{"Trung du", "và miền n…"}},
		{"one long word", "Supercalifragilistic", 60, []string{"Supercali…"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap2(tc.in, tc.maxW, 10)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap2 = %q, want %q", got, tc.want)
			}
		})
	}
}
