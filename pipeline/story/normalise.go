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
// ASCII, composed accents), zero-width characters and Markdown emphasis dropped, every
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
			case zeroWidth(r) || strings.ContainsRune(markup, r):
				continue
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
			if !unicode.Is(unicode.Mn, r) {
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
