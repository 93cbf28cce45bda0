// Package problem renders the problems found in an officer's files, located by file,
// line and column, in Vietnamese or English.
package problem

import (
	"fmt"
	"strings"
)

// Text is one message of a catalogue in both languages, with its hint. The texts are
// fmt formats; hints take their own arguments.
type Text struct {
	VI, EN, HintVI, HintEN string
}

// At says where a problem is: a file, and a 1-based line and column when known.
type At struct {
	File   string
	Line   int
	Col    int
	Column string // a CSV column's name, when the problem is in one
	Key    string // a setting's key in a TOML file, when the problem is in one
}

// Render writes a problem as "file:line:col: [warning: ][column X: ][key: ]message (hint: ...)"
// in lang ("en" for English, anything else for Vietnamese).
func Render(at At, warning bool, t Text, args, hintArgs []any, lang string) string {
	en := lang == "en"
	text, hint := t.VI, t.HintVI
	if en {
		text, hint = t.EN, t.HintEN
	}
	var b strings.Builder
	b.WriteString(at.File)
	if at.Line > 0 {
		fmt.Fprintf(&b, ":%d", at.Line)
		if at.Col > 0 {
			fmt.Fprintf(&b, ":%d", at.Col)
		}
	}
	b.WriteString(": ")
	if warning {
		b.WriteString(pick(en, "warning: ", "cảnh báo: "))
	}
	if at.Column != "" {
		fmt.Fprintf(&b, pick(en, "column %s: ", "cột %s: "), at.Column)
	}
	if at.Key != "" {
		b.WriteString(at.Key + ": ")
	}
	fmt.Fprintf(&b, text, args...)
	if hint != "" {
		fmt.Fprintf(&b, " (%s: %s)", pick(en, "hint", "gợi ý"), fmt.Sprintf(hint, hintArgs...))
	}
	return b.String()
}

func pick(en bool, english, vietnamese string) string {
	if en {
		return english
	}
	return vietnamese
}
