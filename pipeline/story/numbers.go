package story

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Personal numbers. A digit run may be broken by single spaces, dots or dashes
// ("090 123 4567", "0901.234.567", "+84-90-123-4567"), and is judged on its digits:
//
//   - a Vietnamese mobile number: 0[35789] and 8 more digits, or 84/+84 and 9 digits;
//   - a landline: 02 and 9 more digits (11 digits), or 84 2x... in international form;
//   - a citizen-ID number: 9 digits (the old CMND) or 12 digits (CCCD);
//   - any other run of 10 or more digits: an account or document number.
//
// Round amounts grouped in thousands with dots or commas ("150.000.000", "2,500,000")
// are amounts, not identifiers; "123.456.789" is not round and is refused, since an
// identity number written with dots looks the same. Web addresses are skipped: their digits are page identifiers.
var (
	digitRun   = regexp.MustCompile(`\+?[0-9](?:[ .\-]?[0-9])*`)
	thousands  = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:[.,][0-9]{3})*[.,]000$`)
	webAddress = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()\[\]"']+`)
)

// personalNumbers returns a problem for each personal number in src, located by line
// and column (in characters). The number itself is never repeated in the message.
func personalNumbers(src []byte) []Problem {
	var out []Problem
	for i, line := range bytes.Split(src, []byte("\n")) {
		masked := webAddress.ReplaceAllFunc(line, func(b []byte) []byte { return bytes.Repeat([]byte{' '}, len(b)) })
		for _, loc := range digitRun.FindAllIndex(masked, -1) {
			code, n := classifyNumber(string(masked[loc[0]:loc[1]]))
			if code == "" {
				continue
			}
			// A run glued to letters ("T01", "abc123456789") is a code, not a number.
			if loc[0] > 0 {
				if r, _ := utf8.DecodeLastRune(masked[:loc[0]]); isLetter(r) {
					continue
				}
			}
			if loc[1] < len(masked) {
				if r, _ := utf8.DecodeRune(masked[loc[1]:]); isLetter(r) {
					continue
				}
			}
			p := Problem{Line: i + 1, Col: utf8.RuneCount(line[:loc[0]]) + 1, Code: code}
			if code != "phone_number" {
				p.Args = []any{n}
			}
			out = append(out, p)
		}
	}
	return out
}

func isLetter(r rune) bool { return r == '_' || unicode.IsLetter(r) }

// classifyNumber returns the problem code for a digit run and its digit count, or "".
func classifyNumber(run string) (string, int) {
	run = strings.TrimRight(run, " .-")
	if thousands.MatchString(run) {
		return "", 0
	}
	var d strings.Builder
	for _, r := range run {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	n := len(digits)
	plus := strings.HasPrefix(run, "+")
	switch {
	case n == 10 && digits[0] == '0' && strings.ContainsRune("35789", rune(digits[1])):
		return "phone_number", n
	case n == 11 && strings.HasPrefix(digits, "02"):
		return "phone_number", n
	case strings.HasPrefix(digits, "84") && (n == 11 || n == 12) && strings.ContainsRune("235789", rune(digits[2])):
		return "phone_number", n
	case plus && n >= 9:
		return "phone_number", n
	case n == 9 || n == 12:
		return "citizen_id", n
	case n >= 10:
		return "long_number", n
	}
	return "", 0
}
