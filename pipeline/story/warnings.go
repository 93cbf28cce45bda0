package story

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/minhtien/portal/pipeline/problem"
)

// Things a careless officer may leave in a story that a rule cannot judge for certain,
// so they are warnings: a person's name after an honorific ("chị Lan", "Ông Nguyễn Văn
// A"), a street address ("số 12 đường ...", "ngõ 5"), and the placeholder text of
// `portal new story` left unedited.
var (
	// honorific is a form of address or a kinship word ("chị", "vợ chồng", "cháu")
	// followed by a capitalised word, or by a common given name in any case ("chị lan").
	honorific = regexp.MustCompile(`(?:^|[^\p{L}])((?i:` + kinship + `))\s+(?:\p{Lu}|(?i:` + givenNames + `)(?:$|[^\p{L}]))`)
	// honorificAbbrev is an abbreviated honorific glued to a name: "Ô.Hùng", "B. Lan".
	// Only one-letter forms: "Anh. Ngày" is the end of a sentence.
	honorificAbbrev = regexp.MustCompile(`(?:^|[^\p{L}])((?:Ô|B|C|A)\.) ?\p{Lu}\p{Ll}`)
	// address is a house number with a street or lane word, a house number ("nhà số",
	// "số nhà") with a hamlet word, or a numbered lane; "Số nhà: 12, đường ..." too.
	// "Tổng số 12 hộ ở thôn Đông" is no address, so a hamlet needs the word nhà.
	address = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(số(?:\s+nhà)?\s*[:.]?\s*[0-9]+[^\n]{0,40}?(?:đường|ngõ|ngách|phố|hẻm|kiệt|tổ|xóm))|((?:nhà\s+số|số\s+nhà)\s*[:.]?\s*[0-9]+[^\n]{0,40}?(?:thôn|bản|ấp|khu|khối))|((?:ngõ|ngách|hẻm|kiệt)\s+[0-9]+))(?:$|[^\p{L}])`)
	// bareAddress is a number then a capitalised name after "ở", "tại" or "nhà":
	// "ở 12 Lê Lợi", "tại 5/3 Trần Phú".
	bareAddress = regexp.MustCompile(`(?:^|[^\p{L}])((?i:ở|tại|nhà)\s+[0-9]+[A-Za-z]?(?:/[0-9]+)*,?\s+\p{Lu})`)
)

// kinship lists the forms of address and family words that come before a name.
const kinship = `anh|chị|ông|bà|cô|chú|bác|em|cụ|dì|thím|mợ|dượng|cậu|vợ|chồng|cháu|con|bé|bố|mẹ`

// givenNames are common Vietnamese given names, caught after an honorific even when
// written in lower case ("anh hùng"); the list is short on purpose, to stay a hint.
const givenNames = `lan|hùng|minh|hoa|mai|tuấn|dũng|hương|hải|hà|linh|nam|thảo|trang|hằng|ngọc|phương|quang|sơn|thắng|thủy|thu|tâm|long|hiếu|huy|khánh|yến|nga|dung|oanh|bình|cường|đức|tùng|việt|hạnh|liên|loan|nhung|vân|xuân|hòa|thành|trung|hưng|phúc|tú|vinh`

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
func personalWarnings(src []byte, bodyLine int) []problem.Problem {
	var out []problem.Problem
	warn := func(line, col int, code string) {
		out = append(out, problem.Problem{Catalogue: messages, Line: line, Col: col, Code: code, Severity: problem.SeverityWarning})
	}
	// The lines are read as one text, a line break as a space, so a name or address
	// that runs on to the next line ("chị" / "Lan") is found, and each pattern runs
	// once over the whole file, in linear time.
	lines := bytes.Split(src, []byte("\n"))
	var all strings.Builder
	starts := make([]int, len(lines))
	cols := make([][]int, len(lines))
	for i, l := range lines {
		t, c := normalise(string(l))
		starts[i], cols[i] = all.Len(), c
		all.WriteString(t)
		all.WriteByte(' ')
		if bodyLine > 0 && i+1 >= bodyLine && isPlaceholder(t) {
			warn(i+1, 1, "template_text")
		}
	}
	text := all.String()
	each := func(re *regexp.Regexp, code string) {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			start := firstGroup(m)
			// "tiếng Anh" is the English language, not a man.
			if strings.HasSuffix(strings.ToLower(text[max(0, start-8):start]), "tiếng ") {
				continue
			}
			i := sort.SearchInts(starts, start+1) - 1
			col := 1
			if off := start - starts[i]; off < len(cols[i]) {
				col = cols[i][off]
			}
			warn(i+1, col, code)
		}
	}
	each(honorific, "person_name")
	each(honorificAbbrev, "person_name")
	each(address, "street_address")
	each(bareAddress, "street_address")
	sort.SliceStable(out, func(a, b int) bool {
		return out[a].Line < out[b].Line || out[a].Line == out[b].Line && out[a].Col < out[b].Col
	})
	return out
}

// firstGroup is where the first matched group of a regexp match starts.
func firstGroup(m []int) int {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			return m[g]
		}
	}
	return m[0]
}

// placeholderKeys are the placeholders as words only, lower case.
var placeholderKeys = func() []string {
	var out []string
	for _, p := range placeholders {
		out = append(out, wordsOnly(p))
	}
	return out
}()

// wordsOnly keeps the letters and digits of s, lower case, one space between words: a
// placeholder is still one when its punctuation or case was changed.
func wordsOnly(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// isPlaceholder reports whether a line holds a placeholder of the scaffold, or most of
// one (at least four words and 60 per cent of it, in order), whatever its punctuation.
func isPlaceholder(line string) bool {
	k := wordsOnly(line)
	if k == "" {
		return false
	}
	n := len(strings.Fields(k))
	for _, p := range placeholderKeys {
		if strings.Contains(k, p) {
			return true
		}
		if n >= 4 && 10*n >= 6*len(strings.Fields(p)) && strings.Contains(p, k) {
			return true
		}
	}
	return false
}
