package story

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// entity matches an HTML character reference at the start of a string.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});`)

// markup are the Markdown characters that can sit inside a number without changing
// what a reader sees: emphasis, code, escapes and link brackets ("090**123**4567").
const markup = "*~`\\[]"

// normalise returns line as a reader sees it, for the personal-data scans: HTML
// entities decoded, each character in Unicode NFKC form (full-width digits become
// ASCII, composed accents), the decimal digits of every script (Arabic-Indic,
// Devanagari...) made ASCII, zero-width characters, Unicode marks (variation
// selectors, keycaps, combining underlines) and Markdown emphasis dropped, every
// kind of space (no-break, thin, ideographic...) a plain space. cols[i] is the 1-based
// column, in the original line, of the character holding byte i of the result.
func normalise(line string) (string, []int) {
	var b strings.Builder
	var cols []int
	emit := func(s string, col int) {
		if len(s) != 1 || s[0] >= utf8.RuneSelf {
			s = norm.NFKC.String(s) // ASCII is its own NFKC form
		}
		for _, r := range s {
			switch {
			case zeroWidth(r) || unicode.Is(unicode.M, r) || strings.ContainsRune(markup, r):
				// Marks (accents left uncomposed, U+0332 underlines, variation
				// selectors, the keycap U+20E3) do not change the digit they sit on.
				continue
			case r > '9' && unicode.Is(unicode.Nd, r):
				r = asciiDigit(r)
			case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
				r = ' '
			}
			n, _ := b.WriteRune(r)
			for range n {
				cols = append(cols, col)
			}
		}
	}
	col := 1
	for i := 0; i < len(line); {
		if line[i] == '&' {
			if m := entity.FindString(line[i:]); m != "" {
				emit(html.UnescapeString(m), col)
				i += len(m)
				col += utf8.RuneCountInString(m)
				continue
			}
		}
		// A character and the combining marks after it are normalised together.
		_, w := utf8.DecodeRuneInString(line[i:])
		j, n := i+w, 1
		for j < len(line) {
			r, w := utf8.DecodeRuneInString(line[j:])
			if !unicode.Is(unicode.M, r) {
				break
			}
			j += w
			n++
		}
		emit(line[i:j], col)
		col += n
		i = j
	}
	return b.String(), cols
}

// zeroWidth reports characters that take no space on screen: a number broken by one
// still reads as a number.
func zeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f':
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// asciiDigit returns the ASCII digit of a decimal digit of any script. Unicode keeps
// every script's digits zero to nine in consecutive code points, and the ranges of
// unicode.Nd start at a zero, so the value is the offset in its range modulo ten.
func asciiDigit(r rune) rune {
	for _, g := range unicode.Nd.R16 {
		if rune(g.Lo) <= r && r <= rune(g.Hi) && g.Stride == 1 {
			return '0' + (r-rune(g.Lo))%10
		}
	}
	for _, g := range unicode.Nd.R32 {
		if rune(g.Lo) <= r && r <= rune(g.Hi) && g.Stride == 1 {
			return '0' + (r-rune(g.Lo))%10
		}
	}
	return r
}

// lookAlikeDigits replaces the letters O, o, l and I by 0 and 1 inside a word made
// only of digits and such letters ("O9l2" is read 0912); a word with any other
// letter ("Lô", "Ioa") is left as written. The text keeps its length.
func lookAlikeDigits(s string) string {
	b := []byte(s)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !word(r) {
			i += w
			continue
		}
		j, digits, others := i, 0, 0
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !word(r) {
				break
			}
			switch {
			case r >= '0' && r <= '9':
				digits++
			case !strings.ContainsRune("OolI", r):
				others++
			}
			j += w
		}
		if digits >= 2 && others == 0 {
			for k := i; k < j; k++ {
				switch b[k] {
				case 'O', 'o':
					b[k] = '0'
				case 'l', 'I':
					b[k] = '1'
				}
			}
		}
		i = j
	}
	return string(b)
}
