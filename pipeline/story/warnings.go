package story

import (
	"bytes"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Things a careless officer may leave in a story that a rule cannot judge for certain,
// so they are warnings: a person's name after an honorific ("chị Lan", "Ông Nguyễn Văn
// A"), a street address ("số 12 đường ...", "ngõ 5"), and the placeholder text of
// `portal new story` left unedited.
var (
	honorific = regexp.MustCompile(`(?:^|[^\p{L}])((?i:anh|chị|ông|bà|cô|chú|bác|em|cụ|dì|thím|mợ|dượng))\s+\p{Lu}`)
	address   = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(số(?:\s+nhà)?\s*[0-9]+[^\n]{0,40}?(?:đường|ngõ|ngách|phố|hẻm|kiệt|tổ|xóm))|((?:ngõ|ngách|hẻm|kiệt)\s+[0-9]+))(?:$|[^\p{L}])`)
)

// placeholders are the lines of text `portal new story` writes for the officer to
// replace: the body of its scaffold, taken from Scaffold itself so they cannot drift.
var placeholders = func() []string {
	var out []string
	for _, lang := range Languages {
		_, src := Scaffold("x", "T01", lang, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		_, body, _, _, _ := SplitFrontMatter(src)
		for _, l := range strings.Split(string(body), "\n") {
			l = strings.TrimSpace(l)
			if l != "" && !strings.HasPrefix(l, "#") && utf8.RuneCountInString(l) >= 20 {
				out = append(out, l)
			}
		}
	}
	return out
}()

// personalWarnings returns the warnings of one story file: names and addresses
// anywhere in it, placeholder text in its body (from bodyLine on).
func personalWarnings(src []byte, bodyLine int) []Problem {
	var out []Problem
	warn := func(line, col int, code string) {
		out = append(out, Problem{Line: line, Col: col, Code: code, Severity: SeverityWarning})
	}
	for i, raw := range bytes.Split(src, []byte("\n")) {
		text, cols := normalise(string(raw))
		at := func(off int) int { return cols[off] }
		for _, m := range honorific.FindAllStringSubmatchIndex(text, -1) {
			warn(i+1, at(m[2]), "person_name")
		}
		for _, m := range address.FindAllStringSubmatchIndex(text, -1) {
			start := m[2]
			if start < 0 {
				start = m[4]
			}
			warn(i+1, at(start), "street_address")
		}
		if bodyLine > 0 && i+1 >= bodyLine {
			t := strings.TrimSpace(text)
			for _, p := range placeholders {
				if t != "" && strings.Contains(t, p) {
					warn(i+1, 1, "template_text")
					break
				}
			}
		}
	}
	return out
}
