package story

import (
	"bytes"
	"maps"

	"github.com/minhtien/portal/pipeline/problem"
)

// Bounds on the shape of a story's text, checked before it is parsed. Goldmark (and so
// Hugo) takes time quadratic in the nesting depth of block quotes and lists, and a long
// run of unclosed brackets or emphasis makes its inline parser and our scans crawl; no
// story needs any of these, so the text is refused from its shape, unparsed.
const (
	// maxNesting is how many block quotes and list items may open on one line.
	maxNesting = 8
	// maxIndent bounds the white space (a tab counts 4) before and between the marks
	// that open a line: lists nested by indentation, one level a line, are as slow.
	maxIndent = 40
	// maxBodyBytes bounds a whole text: a long story is a few tens of kilobytes, and
	// the personal-data scans take about a second a megabyte.
	maxBodyBytes = 256 << 10
	// maxLineBytes bounds one line: a long paragraph is a few thousand bytes.
	maxLineBytes = 16 << 10
	// maxMarkup bounds the Markdown punctuation of a whole text ([ ] * _ ` ~ < > !):
	// a long story with many links and bold words uses a few hundred.
	maxMarkup = 4000
)

// boundMessages are the messages of the shape bounds.
var boundMessages = problem.Catalogue{
	"nesting_too_deep": {
		VI: "dòng mở hơn %d lớp trích dẫn (>) hoặc danh sách lồng nhau", HintVI: "bài chỉ cần một hoặc hai lớp trích dẫn hay danh sách; xóa các dấu > hoặc - thừa ở đầu dòng",
		EN: "the line opens more than %d nested quotes (>) or lists", HintEN: "a story needs one or two levels of quotes or lists; remove the extra > or - at the start of the line",
	},
	"indent_too_deep": {
		VI: "dòng lùi vào hơn %d dấu cách", HintVI: "xóa các dấu cách thừa ở đầu dòng; danh sách lồng nhau chỉ cần lùi hai hoặc bốn dấu cách mỗi cấp",
		EN: "the line is indented by more than %d spaces", HintEN: "remove the extra spaces at the start of the line; a nested list needs two or four spaces a level",
	},
	"text_too_long": {
		VI: "bài dài hơn %d KB", HintVI: "một câu chuyện chỉ cần vài nghìn chữ; rút gọn bài hoặc tách thành nhiều câu chuyện",
		EN: "the text is longer than %d KB", HintEN: "a story needs a few thousand words; shorten it or split it into several stories",
	},
	"line_too_long": {
		VI: "dòng dài hơn %d KB", HintVI: "chia đoạn văn thành nhiều đoạn ngắn, mỗi đoạn cách nhau một dòng trống",
		EN: "the line is longer than %d KB", HintEN: "split the paragraph into shorter ones, separated by a blank line",
	},
	"too_much_markup": {
		VI: "bài có hơn %d ký hiệu Markdown ([ ] * _ ` ~ < > !)", HintVI: "bài có quá nhiều ký hiệu để là một câu chuyện; xóa các ký hiệu thừa",
		EN: "the text has more than %d Markdown marks ([ ] * _ ` ~ < > !)", HintEN: "that is too many for a story; remove the extra marks",
	},
}

func init() { maps.Copy(messages, boundMessages) }

// checkShape returns the problems of a text whose shape is over the bounds, at most one
// of each kind; bodyLine is the file line of its first line. Nothing else of such a
// text is scanned.
func checkShape(body []byte, bodyLine int) []problem.Problem {
	var out []problem.Problem
	seen := map[string]bool{}
	add := func(line int, code string, arg int) {
		if !seen[code] {
			seen[code] = true
			out = append(out, problem.Problem{Catalogue: messages, Line: bodyLine + line, Col: 1, Code: code, Args: []any{arg}})
		}
	}
	if len(body) > maxBodyBytes {
		add(0, "text_too_long", maxBodyBytes>>10)
	}
	marks := 0
	for i, l := range bytes.Split(body, []byte("\n")) {
		if len(l) > maxLineBytes {
			add(i, "line_too_long", maxLineBytes>>10)
		}
		containers, indent := nesting(l)
		if containers > maxNesting {
			add(i, "nesting_too_deep", maxNesting)
		}
		if indent > maxIndent {
			add(i, "indent_too_deep", maxIndent)
		}
		for _, c := range l {
			switch c {
			case '[', ']', '*', '_', '`', '~', '<', '>', '!':
				marks++
			}
		}
		if marks > maxMarkup {
			add(i, "too_much_markup", maxMarkup)
		}
	}
	return out
}

// nesting counts the containers a line opens at its start (block-quote marks and list
// markers: -, +, *, or digits followed by . or )) and the columns of white space
// before and between them.
func nesting(l []byte) (n, indent int) {
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			n++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ') {
				n++
				i = j + 1
				continue
			}
			return n, indent
		default:
			return n, indent
		}
	}
	return n, indent
}
