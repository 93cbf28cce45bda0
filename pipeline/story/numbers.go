package story

import (
	"bytes"
	"regexp"
	"strings"
)

// Personal numbers. The text is first normalised (see normalise: NFKC, entities decoded,
// zero-width characters dropped, Markdown emphasis removed), then digit groups joined by
// any of the separators people write inside a number (spaces and line breaks, any
// number of them, and up to three of . , / _ ( ) -) are judged on their digits:
//
//   - a Vietnamese mobile number: 0[35789] and 8 more digits, or 84/+84 and 9 digits;
//   - a landline: 02 and 9 more digits (11 digits), or 84 2x... in international form;
//   - a citizen-ID number: 9 digits (the old CMND) or 12 digits starting with 0 (CCCD,
//     whose first three digits are a province code);
//   - any other run of 10 or more digits: an account or document number.
//
// A run glued to letters is judged like any other ("SĐT0901234567" is a phone number).
// Inside a web address, a phone or ID number is refused like anywhere else, but a long
// page identifier is not. Groups that are all years ("2021, 2022, 2023") or all round
// amounts ("1.500.000 - 2.000.000") are dates and amounts: a phone or ID number cannot be
// written that way, since both begin with 0 or 84 and a year or an amount does not.
var (
	digitRun   = regexp.MustCompile(`\+?[0-9](?:[ \n]*[.,/_()\-]{0,3}[ \n]*[0-9])*`)
	element    = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`)
	thousands  = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:[.,][0-9]{3})*[.,]000$`)
	year       = regexp.MustCompile(`^(?:19|20)[0-9]{2}$`)
	webAddress = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>()\[\]"']+`)
)

// personalNumbers returns a problem for each personal number in src, located by line
// and column (in characters). The number itself is never repeated in the message. The
// lines are scanned as one text, since Markdown shows a number broken across two lines,
// or by many spaces, as one number.
func personalNumbers(src []byte) []Problem {
	var out []Problem
	var text strings.Builder
	var lines, cols []int
	for i, line := range bytes.Split(src, []byte("\n")) {
		if i > 0 {
			text.WriteByte('\n')
			lines, cols = append(lines, i), append(cols, 1)
		}
		t, c := normalise(string(line))
		text.WriteString(t)
		cols = append(cols, c...)
		for range len(t) {
			lines = append(lines, i+1)
		}
	}
	all := text.String()
	urls := webAddress.FindAllStringIndex(all, -1)
	for _, loc := range digitRun.FindAllStringIndex(all, -1) {
		code, n := classifyNumber(all[loc[0]:loc[1]])
		if code == "" || (code == "long_number" && inside(urls, loc)) {
			continue
		}
		p := Problem{Line: lines[loc[0]], Col: cols[loc[0]], Code: code}
		if code != "phone_number" {
			p.Args = []any{n}
		}
		out = append(out, p)
	}
	return out
}

func inside(spans [][]int, loc []int) bool {
	for _, s := range spans {
		if loc[0] >= s[0] && loc[1] <= s[1] {
			return true
		}
	}
	return false
}

// classifyNumber returns the problem code for a digit run and its digit count, or "".
func classifyNumber(run string) (string, int) {
	run = strings.TrimRight(run, " \n.,/_()-")
	if safeGroups(run) {
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
	case n == 9 || (n == 12 && digits[0] == '0'):
		// A CCCD starts with its province code, 001 to 096.
		return "citizen_id", n
	case n >= 10:
		return "long_number", n
	}
	return "", 0
}

// safeGroups reports whether every group of a run is a year or a round amount.
func safeGroups(run string) bool {
	if strings.HasPrefix(run, "+") {
		return false
	}
	for _, g := range element.FindAllString(run, -1) {
		if !year.MatchString(g) && !thousands.MatchString(g) {
			return false
		}
	}
	return true
}
