package story

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/minhtien/portal/pipeline/problem"
)

// The readings of a story that personalNumbers makes besides the text as written.
var (
	// linkDest is a link's destination (and title) after its text, or a reference
	// label, or a footnote reference: a reader sees "[0912](url) 345 678" as 0912 345
	// 678, and "0912[^1] 345 678" with a small raised 1 that is no part of the number.
	linkDest   = regexp.MustCompile(`\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\]\[[^\]\n]*\]|\[\^[^\]\n]*\]`)
	percentHex = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)
	letters    = regexp.MustCompile(`[\p{L}\p{M}]+`)
)

// numberWord maps a Vietnamese digit word, lower case and without its accents, to its
// digit: "không chín một hai..." read aloud is a phone number.
var numberWord = map[string]byte{
	"khong": '0', "mot": '1', "hai": '2', "ba": '3', "bon": '4', "tu": '4',
	"nam": '5', "lam": '5', "sau": '6', "bay": '7', "tam": '8', "chin": '9',
	"linh": '0',
	// The English version may spell a number out too.
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5',
	"six": '6', "seven": '7', "eight": '8', "nine": '9',
}

// plainTags are the YAML tags a front-matter value may have: Hugo shows them as
// written. Any other (!!binary, a custom !tag) makes Hugo show something else.
var plainTags = map[string]bool{
	"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true,
	"!!timestamp": true, "!!map": true, "!!seq": true, "": true,
}

// withoutLinkDestinations returns src with link destinations and reference labels cut
// out, so that the words around a link are read as one text.
func withoutLinkDestinations(src []byte) []byte {
	return linkDest.ReplaceAll(src, []byte("]"))
}

// percentDecoded returns src with every %HH escape decoded, as a browser or mail client
// shows an address ("mailto:x?body=0912%20345%20678").
func percentDecoded(src []byte) []byte {
	return percentHex.ReplaceAllFunc(src, func(m []byte) []byte {
		v, _ := strconv.ParseUint(string(m[1:]), 16, 8)
		return []byte{byte(v)}
	})
}

// numberWords reads the Vietnamese digit words of src, with or without accents, as
// digits ("không chín một hai..." read aloud, or mixed with digits as in "0912 ba bốn
// năm 678") and scans the result. Only words that follow one another (two or more,
// with nothing but spaces or punctuation between) are read so: a lone "năm" before a
// year means "year", and "năm 2021, 2022" is no number. Each word becomes one digit,
// so a finding's column may come before the number's, never after the line's end.
func numberWords(src []byte) []problem.Problem {
	var view []byte
	var run [][]int
	last := 0
	flush := func() {
		if len(run) >= 2 {
			for _, loc := range run {
				view = append(view, src[last:loc[0]]...)
				view = append(view, numberWord[foldWord(src[loc[0]:loc[1]])])
				last = loc[1]
			}
		}
		run = run[:0]
	}
	for _, loc := range letters.FindAllIndex(src, -1) {
		_, ok := numberWord[foldWord(src[loc[0]:loc[1]])]
		if len(run) > 0 {
			gap := src[run[len(run)-1][1]:loc[0]]
			if !ok || len(gap) > 8 || bytes.ContainsAny(gap, "0123456789") {
				flush()
			}
		}
		if ok {
			run = append(run, loc)
		}
	}
	flush()
	if view == nil {
		return nil
	}
	return scanNumbers(append(view, src[last:]...), true)
}

// foldWord returns a word in lower case without accents (đ as d).
func foldWord(w []byte) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(string(w))) {
		switch {
		case unicode.Is(unicode.M, r):
		case r == 'đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// frontMatterNumbers reads the front matter as Hugo will show it: every value decoded
// (YAML escapes such as \x30 or \u0030, folded and continued lines, !!binary), each
// scanned for personal numbers, located at the value. A value with a tag other than
// the plain ones is refused, since what it shows is not what is written.
func frontMatterNumbers(src []byte, known func(code string, from, to int) bool) []problem.Problem {
	text, _, first, bodyLine, p := SplitFrontMatter(src)
	if p != nil {
		return nil
	}
	var doc yaml.Node
	if safeUnmarshal(text, &doc) != nil {
		return nil
	}
	var nodes []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		nodes = append(nodes, n)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	last := max(bodyLine-2, first)
	fileLine := func(l int) int { return min(max(l+first-1, first), last) }
	var out []problem.Problem
	for i, n := range nodes {
		line := fileLine(n.Line)
		if !plainTags[n.Tag] {
			out = append(out, problem.Problem{Catalogue: messages, Line: line, Col: n.Column, Code: "yaml_tag", Args: []any{n.Tag}})
		}
		if n.Kind != yaml.ScalarNode {
			continue
		}
		// The value's text runs to the line before the next node's (or to the end).
		end := last
		if i+1 < len(nodes) {
			end = max(fileLine(nodes[i+1].Line)-1, line)
		}
		v := []byte(n.Value)
		if n.Tag == "!!binary" {
			if b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(n.Value), "")); err == nil {
				v = b
			}
		}
		ps := append(scanNumbers(v, true), scanNumbers(withoutLinkDestinations(v), true)...)
		for _, q := range append(ps, numberWords(v)...) {
			if !known(q.Code, line, end) {
				q.Line, q.Col = line, n.Column
				out = append(out, q)
			}
		}
	}
	return out
}
