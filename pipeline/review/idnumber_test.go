package review

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// TestHashedHouseholdIDsPass feeds the ids an anonymising tool makes, the first 16
// hex characters of a SHA-256, through both checkers: none is an ID or phone number,
// though about 3% hold a run of 9 or more digits.
func TestHashedHouseholdIDsPass(t *testing.T) {
	const n = 50000
	long := 0
	for i := range n {
		sum := sha256.Sum256([]byte(fmt.Sprintf("12424-T%02d-%06d", i%9, i)))
		for _, id := range []string{hex.EncodeToString(sum[:])[:16], strings.ToUpper(hex.EncodeToString(sum[8:])[:16]), hex.EncodeToString(sum[:])} {
			if k := LooksLikeIdentifier(id); k != "" {
				t.Fatalf("hashed id %q refused as %s", id, k)
			}
			if k := looksLikeIdentifierBytes([]byte(id)); k != "" {
				t.Fatalf("hashed id %q refused as %s by the byte check", id, k)
			}
		}
		if digitRunAtLeast(hex.EncodeToString(sum[:])[:16], 9) {
			long++
		}
	}
	// The test means something only if hashes with long digit runs were among them.
	if long < n/100 {
		t.Fatalf("only %d of %d hashes hold a run of 9 digits; the test no longer covers them", long, n)
	}
}

func digitRunAtLeast(s string, k int) bool {
	run := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			run++
			if run >= k {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// TestIDNumbersStillRefused lists ids that are, or hold, an ID number.
func TestIDNumbersStillRefused(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"whole id 12 digits", "001089012345", "looks_like_id"},
		{"whole id 9 digits", "034187654", "looks_like_id"},
		{"12 digits not citizen-shaped, whole", "999999999999", "looks_like_id"},
		{"separated group of 9", "HH-034187654", "looks_like_id"},
		{"separated group of 12", "MT_999888777666", "looks_like_id"},
		{"grouped 12", "079 123 456 789", "looks_like_id"},
		{"grouped 9", "034.187.654", "looks_like_id"},
		{"grouped 12 after a prefix", "HH-001-089-012-345", "looks_like_id"},
		{"citizen id glued to letters", "hh001089012345", "looks_like_id"},
		{"citizen-shaped run in a hash", "dd4a077033145945", ""},
		{"citizen-shaped run, not a hash", "dd4a077033145945-4", "looks_like_id"},
		{"citizen id glued, 2000s", "xy033205012345zz", "looks_like_id"},
		{"citizen id glued, woman 1900s", "x079112345678", "looks_like_id"},
		{"phone glued to letters", "MT0912345678", "looks_like_phone"},
		{"phone in a hex word", "d9fcbf0748570206", ""},
		{"whole hex-free phone", "0912345678", "looks_like_phone"},
		{"phone grouped", "0912 345 678", "looks_like_phone"},
		{"9-digit run in a hash", "3f1234567891ab0c", ""},
		{"12-digit run, province not issued", "a003089012345b", ""},
		{"12-digit run, born after 2100", "a001489012345b", ""},
		{"12-digit run, born in the future", "a001290012345b", ""},
		{"13 digits glued", "a0010890123456b", ""},
		{"10-digit run, no mobile prefix", "ab1234567890cd", ""},
		{"sample id", "MT-T01-0001", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := LooksLikeIdentifier(c.in); got != c.want {
				t.Errorf("LooksLikeIdentifier(%q) = %q, want %q", c.in, got, c.want)
			}
			if got := looksLikeIdentifierBytes([]byte(c.in)); got != c.want {
				t.Errorf("looksLikeIdentifierBytes(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
