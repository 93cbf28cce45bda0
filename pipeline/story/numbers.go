package story

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhtien/portal/pipeline/problem"
)

// Personal numbers. The text is first normalised (see normalise: NFKC, entities decoded,
// marks, variation selectors and zero-width characters dropped, digits of every script
// made ASCII, Markdown emphasis removed), then digit groups joined by any separators
// people put inside a number (spaces and line breaks, and up to eight dashes, dots,
// colons, plus signs or any other punctuation or symbol but = ≈ ≠ ≤ ≥) are judged on their digits:
//
//   - a Vietnamese mobile number: 0[35789] and 8 more digits, or 84/+84/0084 and 9
//     digits (also with the national 0 kept: 840912...);
//   - a landline: 02 and 9 more digits (11 digits), or 84 2x... in international form;
//   - a citizen-ID number: 9 digits (the old CMND) or 12 digits starting with 0 (CCCD,
//     whose first three digits are a province code);
//   - any other run of 10 or more digits written as one number (spaces, . , / _ ( ) -
//     between its groups): an account or document number.
//
// A run glued to letters is judged like any other ("SĐT0901234567" is a phone number),
// and so is one inside a web address; only a long page identifier is allowed there.
// Years ("2021, 2022"), dates ("15/06/2024") and round amounts ("1.500.000") are not
// digits of a personal number: a run made only of them is skipped, and a run holding
// them is also judged piece by piece between them, so that a date glued to a phone
// number hides neither.
var (
	tableRow = regexp.MustCompile(`(?m)^[ \t]*\|`)
	// stops end a run: no one writes a number across an equals sign, and a
	// calculation such as "(1.2 − 3.5) / 4 = −0.575" is not a number.
	stops      = regexp.MustCompile(`[=≈≠≤≥]`)
	narrowRun  = regexp.MustCompile(`[0-9](?:[ \n]*[.,/_()\-]{0,3}[ \n]*[0-9])*`)
	groupRe    = regexp.MustCompile(`[0-9]+(?:[./\-][0-9]+)*`)
	element    = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`)
	thousands  = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:[.,][0-9]{3})*[.,]000$`)
	year       = regexp.MustCompile(`^(?:19|20)[0-9]{2}$`)
	dateRe     = regexp.MustCompile(`^(?:[0-9]{1,2}[./\-])?[0-9]{1,2}[./\-](?:19|20)[0-9]{2}$|^(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}$`)
	webAddress = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>()\[\]"']+`)
)

// personalNumbers returns a problem for each personal number in src, located by line
// and column (in characters). The number itself is never repeated in the message. The
// text is read several ways, since a reader sees what Markdown and YAML make of it:
// as written, with link destinations taken out, percent-escapes decoded, the decoded
// front-matter values, and digits written as Vietnamese words.
func personalNumbers(src []byte) []problem.Problem {
	out := scanNumbers(src, true)
	seen := map[string]bool{}
	for _, p := range out {
		seen[numberKey(p)] = true
	}
	addNew := func(ps []problem.Problem) {
		for _, p := range ps {
			k := numberKey(p)
			if !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	// Each other reading is made only when it differs from the text as written.
	if v := withoutLinkDestinations(src); !bytes.Equal(v, src) {
		addNew(scanNumbers(v, true))
	}
	if v := percentDecoded(src); !bytes.Equal(v, src) {
		addNew(scanNumbers(v, true))
	}
	addNew(numberWords(src))
	if tableRow.Match(src) {
		// Across the cells of a table row, a phone number is still read as one.
		for _, p := range scanNumbers(src, false) {
			if p.Code == "phone_number" {
				addNew([]problem.Problem{p})
			}
		}
	}
	addNew(frontMatterNumbers(src, func(code string, from, to int) bool {
		for _, p := range out {
			if p.Code == code && p.Line >= from && p.Line <= to {
				return true
			}
		}
		return false
	}))
	return out
}

// numberKey identifies a finding for the readings of personalNumbers, so that one
// number found by two of them is reported once.
func numberKey(p problem.Problem) string { return fmt.Sprint(p.Line, p.Code) }

// scanNumbers is one reading of personalNumbers: the lines of src, normalised, scanned
// as one text, since Markdown shows a number broken across two lines as one number.
// With cells, the cells of a table row are read as separate values.
func scanNumbers(src []byte, cells bool) []problem.Problem {
	var out []problem.Problem
	var text strings.Builder
	var lines, cols []int
	for i, line := range bytes.Split(src, []byte("\n")) {
		if i > 0 {
			text.WriteByte('\n')
			lines, cols = append(lines, i), append(cols, 1)
		}
		t, c := normalise(string(line))
		t = stops.ReplaceAllStringFunc(lookAlikeDigits(t), func(m string) string { return strings.Repeat("\x00", len(m)) })
		if cells && strings.HasPrefix(strings.TrimSpace(t), "|") {
			// A table row: each cell is a value of its own.
			t = strings.ReplaceAll(t, "|", "\x00")
		}
		text.WriteString(t)
		cols = append(cols, c...)
		for range len(t) {
			lines = append(lines, i+1)
		}
	}
	all := text.String()
	urls := webAddress.FindAllStringIndex(all, -1)
	for _, loc := range digitRuns(all) {
		code, n := judgeRun(all[loc[0]:loc[1]])
		if code == "" || (code == "long_number" && inside(urls, loc)) {
			continue
		}
		p := problem.Problem{Catalogue: messages, Line: lines[loc[0]], Col: cols[loc[0]], Code: code}
		if code != "phone_number" {
			p.Args = []any{n}
		}
		out = append(out, p)
	}
	return out
}

// digitRuns returns where the runs of digit groups of s are: a digit (with a + before
// it, if any) and every digit after it that is reached across spaces and line breaks
// and at most eight punctuation or symbol characters. It is written out rather than as
// a regular expression, which is several times slower on a long run.
func digitRuns(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		start := i
		if i > 0 && s[i-1] == '+' {
			start = i - 1
		}
		end := i + 1
		for j, marks := end, 0; j < len(s); {
			r, w := utf8.DecodeRuneInString(s[j:])
			switch {
			case r >= '0' && r <= '9':
				end, marks = j+w, 0
			case unicode.IsSpace(r):
			case unicode.IsPunct(r) || unicode.IsSymbol(r):
				marks++
			default:
				marks = 9
			}
			if marks > 8 {
				break
			}
			j += w
		}
		out = append(out, []int{start, end})
		i = end - 1
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

// judgeRun classifies a run of digit groups: first as a whole (unless it holds a date),
// then each stretch between its years, dates and round amounts. A long number must be
// written as one number (narrow separators); a phone or ID number may be spread out.
func judgeRun(run string) (string, int) {
	groups := groupRe.FindAllStringIndex(run, -1)
	hasDate := false
	for _, g := range groups {
		hasDate = hasDate || dateRe.MatchString(run[g[0]:g[1]])
	}
	if !hasDate {
		if code, n := classifyNumber(run); code == "phone_number" || code == "citizen_id" {
			return code, n
		}
	}
	start := 0
	for i, g := range append(groups, []int{len(run), len(run)}) {
		if i < len(groups) && !safeGroup(run[g[0]:g[1]]) {
			continue
		}
		if piece := run[start:g[0]]; strings.ContainsAny(piece, "0123456789") {
			if code, n := classifyNumber(piece); code == "phone_number" || code == "citizen_id" {
				return code, n
			}
		}
		start = g[1]
	}
	for _, s := range narrowRun.FindAllString(run, -1) {
		if code, n := classifyNumber(s); code == "long_number" {
			return code, n
		}
	}
	return "", 0
}

// safeGroup reports whether one group of digits is a year, a date or a round amount.
func safeGroup(g string) bool {
	return year.MatchString(g) || dateRe.MatchString(g) || thousands.MatchString(g)
}

// classifyNumber returns the problem code for a digit run and its digit count, or "".
func classifyNumber(run string) (string, int) {
	run = strings.TrimLeft(strings.TrimRight(run, " \n.,/_()-"), " \n.,/_()-")
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
	// 0084 is +84 dialled from abroad; 84 0912... keeps the national 0 by mistake.
	intl := digits
	if strings.HasPrefix(intl, "0084") {
		intl = intl[2:]
	}
	if strings.HasPrefix(intl, "840") && len(intl) == 12 {
		intl = "84" + intl[3:]
	}
	switch {
	case n == 10 && digits[0] == '0' && strings.ContainsRune("35789", rune(digits[1])):
		return "phone_number", n
	case n == 11 && strings.HasPrefix(digits, "02"):
		return "phone_number", n
	case strings.HasPrefix(intl, "84") && (len(intl) == 11 || len(intl) == 12) && strings.ContainsRune("235789", rune(intl[2])):
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
