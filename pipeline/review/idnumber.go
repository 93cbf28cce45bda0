package review

import "strings"

// A household id is refused as an ID number only when it is one, so that the ids
// anonymising tools make (a hex hash, a random code) pass: a hash's letters break its
// digits into runs that are not numbers anyone wrote down.
//
// An id holds an ID number when
//   - a group of it between separators, or a sequence of such groups that are all
//     digits ("001 089 012 345", "HH-034187654"), has 9 digits (the old identity card)
//     or 12 (the citizen-ID card); or
//   - a run of exactly 12 digits anywhere in it, separators removed or not, has the
//     structure of a citizen-ID number: a province code as issued, a century/sex digit
//     for a person born 1900-2099, and a birth year that is not in the future.
//
// Phone numbers keep their own rule (isMobile). Inside a hexadecimal word
// (isHexWord), neither a mobile number nor a citizen-ID structure is looked for in a
// run glued to letters: there digits and letters are one alphabet, so a run of ten or
// twelve digits in a hash is chance (80 in a million 16-character hashes hold a
// citizen-shaped run, about 1 in 1,000 a mobile-shaped one), as one in
// "MT0912345678" is not.

// citizenProvinces are the three-digit province codes that open a citizen-ID number
// (Circular 07/2016/TT-BCA, the 63 provinces and cities as the cards were issued).
const citizenProvinces = "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 " +
	"033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 " +
	"070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096"

// isProvinceCode reports whether the three digits d are an issued province code.
func isProvinceCode(d []byte) bool {
	if len(d) != 3 {
		return false
	}
	for i := 0; i+3 <= len(citizenProvinces); i += 4 {
		if citizenProvinces[i] == d[0] && citizenProvinces[i+1] == d[1] && citizenProvinces[i+2] == d[2] {
			return true
		}
	}
	return false
}

// hasCitizenStructure reports whether the 12 digits d could be a citizen-ID number:
// province code, then the century/sex digit (0/1: born in the 1900s, man/woman; 2/3:
// in the 2000s), then the last two digits of the birth year. Cards are issued from
// birth, so a 2000s year runs to 29 at most; digits 4-9 (born from 2100) are not
// anyone alive.
func hasCitizenStructure(d []byte) bool {
	if len(d) != 12 || !isProvinceCode(d[:3]) {
		return false
	}
	switch d[3] {
	case '0', '1':
		return true
	case '2', '3':
		return d[4] <= '2'
	}
	return false
}

// isSeparatorRune is a separator of LooksLikeIdentifier's groups (see separators).
func isSeparatorRune(r rune) bool { return strings.ContainsRune(" \u00a0.-_/()", r) }

// groupsHoldID reports whether a group of v between separators, or a sequence of
// all-digit groups, has 9 or 12 digits.
func groupsHoldID(v string) bool {
	joined := 0
	for _, g := range strings.FieldsFunc(v, isSeparatorRune) {
		if strings.Trim(g, "0123456789") != "" {
			if joined == 9 || joined == 12 {
				return true
			}
			joined = 0
			continue
		}
		if len(g) == 9 || len(g) == 12 {
			return true
		}
		joined += len(g)
	}
	return joined == 9 || joined == 12
}

// groupsHoldIDBytes is groupsHoldID without allocations.
func groupsHoldIDBytes(v []byte) bool {
	joined, glen, digitsOnly := 0, 0, true
	end := func() bool { // the group that just ended
		defer func() { glen, digitsOnly = 0, true }()
		if glen == 0 {
			return false
		}
		if !digitsOnly {
			found := joined == 9 || joined == 12
			joined = 0
			return found
		}
		joined += glen
		return glen == 9 || glen == 12
	}
	for i := 0; i < len(v); {
		if w := separatorWidth(v[i:]); w > 0 {
			if end() {
				return true
			}
			i += w
			continue
		}
		if !isDigit(v[i]) {
			digitsOnly = false
		}
		glen++
		i++
	}
	return end() || joined == 9 || joined == 12
}

// structuredRun reports whether a run of exactly 12 digits of v (with the separators
// skipped when compact) has the structure of a citizen-ID number.
func structuredRun(v []byte, compact bool) bool {
	return anyDigitRun(v, compact, isCitizenRun)
}

// isCitizenRun reports whether a digit run is exactly 12 digits with the structure
// of a citizen-ID number.
func isCitizenRun(d []byte, n int) bool { return n == 12 && hasCitizenStructure(d) }

// isHexWord reports whether v is written in hexadecimal, as a hash is: digits and
// letters a-f only (or A-F only), with at least one letter.
func isHexWord(v []byte) bool {
	lower, upper := false, false
	for _, c := range v {
		switch {
		case isDigit(c):
		case 'a' <= c && c <= 'f':
			lower = true
		case 'A' <= c && c <= 'F':
			upper = true
		default:
			return false
		}
	}
	return lower != upper
}
