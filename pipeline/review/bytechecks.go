package review

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// This file holds allocation-free equivalents of the regular expressions and string
// functions the contract's checks use (row.go), for the streaming reader, which runs them on every cell.
// FuzzStreamMatchesParse and FuzzByteChecks prove them equal to the originals.

// HashID is the 64-bit hash the streaming reader and the indicator engine key
// households by (wyhash-style multiply-mix over 8-byte words; fixed seed, so the same
// id hashes the same in every run). Two different ids share a hash with probability
// about 2^-64 per pair: for the 27 million households of a national year that is
// about one chance in 50,000 of one colliding pair. The reader re-checks every
// collision against the ids themselves, so duplicate reports stay exact.
func HashID(b []byte) uint64 {
	const (
		p0 = 0xa0761d6478bd642f
		p1 = 0xe7037ed1a0b428db
		p2 = 0x8ebc6af09c88c6e3
	)
	h := uint64(0x5bd1e9955bd1e995) ^ uint64(len(b))*p0
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		hi, lo := bits.Mul64(w^p1, h^p2)
		h = hi ^ lo
		b = b[8:]
	}
	var tail uint64
	for i := len(b) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(b[i])
	}
	hi, lo := bits.Mul64(tail^p0, h^p1)
	h = hi ^ lo
	hi, lo = bits.Mul64(h^p2, uint64(0x589965cc75374cc3))
	return hi ^ lo
}

// HashIDString is HashID of a string.
func HashIDString(s string) uint64 { return HashID(unsafe.Slice(unsafe.StringData(s), len(s))) }

// bstr views bytes as a string without copying; the string must not outlive b.
func bstr(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// hasOuterSpace reports whether strings.TrimSpace would change v.
func hasOuterSpace(v []byte) bool {
	if len(v) == 0 {
		return false
	}
	if c := v[0]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return true
		}
	} else if r, _ := utf8.DecodeRune(v); unicode.IsSpace(r) {
		return true
	}
	if c := v[len(v)-1]; c < utf8.RuneSelf {
		return asciiSpace[c]
	}
	r, _ := utf8.DecodeLastRune(v)
	return unicode.IsSpace(r)
}

// isSpaceOnly reports whether strings.TrimSpace(v) == "".
func isSpaceOnly(v []byte) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isCodeChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '_' || c == '-'
}

// codeLike matches ^[A-Za-z0-9_-]{lo,hi}$.
func codeLike(v []byte, lo, hi int) bool {
	if len(v) < lo || len(v) > hi {
		return false
	}
	for _, c := range v {
		if !isCodeChar(c) {
			return false
		}
	}
	return true
}

// isCommuneCode matches ^[0-9]{5}$.
func isCommuneCode(v []byte) bool {
	if len(v) != 5 {
		return false
	}
	for _, c := range v {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// looksLikeIdentifierBytes is LooksLikeIdentifier without allocations: the phone
// rule on the digit runs of v, then on those of v with the separators removed, then
// the ID-number rules.
func looksLikeIdentifierBytes(v []byte) string {
	digits := 0
	for _, c := range v {
		if isDigit(c) {
			digits++
		}
	}
	if digits < 9 {
		return "" // no run of 9 or more digits, even with the separators removed
	}
	if !isHexWord(v) && (digitRunKind(v, false) != "" || digitRunKind(v, true) != "") {
		return "looks_like_phone"
	}
	if groupsHoldIDBytes(v) || (!isHexWord(v) && (structuredRun(v, false) || structuredRun(v, true))) {
		return "looks_like_id"
	}
	return ""
}

// digitRunKind walks the digit runs of v (skipping separators when compact) and
// returns "looks_like_phone" for the first run that is a mobile number.
func digitRunKind(v []byte, compact bool) string {
	if anyDigitRun(v, compact, isMobileRun) {
		return "looks_like_phone"
	}
	return ""
}

// isMobileRun reports whether a digit run of length n, whose first digits are d, is
// a Vietnamese mobile number: 0 and nine digits, or 84 and nine.
func isMobileRun(d []byte, n int) bool {
	switch {
	case n == 10 && d[0] == '0':
		return isMobilePrefix(d[1])
	case n == 11 && d[0] == '8' && d[1] == '4':
		return isMobilePrefix(d[2])
	}
	return false
}

// anyDigitRun walks the digit runs of v (skipping separators when compact) and
// reports whether match holds for one of them. match gets the run's first digits (at
// most 32) and its whole length; it is a plain function, so the walk allocates
// nothing on the review reader's path.
func anyDigitRun(v []byte, compact bool, match func(d []byte, n int) bool) bool {
	var run [32]byte
	n := 0 // length of the current run; only the first digits matter beyond its length
	flush := func() bool {
		found := n > 0 && match(run[:min(n, len(run))], n)
		n = 0
		return found
	}
	for i := 0; i < len(v); {
		if isDigit(v[i]) {
			if n < len(run) {
				run[n] = v[i]
			}
			n++
			i++
			continue
		}
		if compact {
			if w := separatorWidth(v[i:]); w > 0 {
				i += w
				continue
			}
		}
		if flush() {
			return true
		}
		i++
	}
	return flush()
}

func isMobilePrefix(c byte) bool { return c == '3' || c == '5' || c == '7' || c == '8' || c == '9' }

// separatorWidth returns the length of the separator at the start of v (see
// separators), or 0.
func separatorWidth(v []byte) int {
	switch v[0] {
	case ' ', '.', '-', '_', '/', '(', ')':
		return 1
	case 0xC2:
		if len(v) > 1 && v[1] == 0xA0 {
			return 2
		}
	}
	return 0
}
