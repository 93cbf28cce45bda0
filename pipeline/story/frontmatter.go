package story

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/minhtien/portal/pipeline/problem"
)

// Fields lists the front-matter fields of a story, in the order of the template.
var Fields = []string{"title", "date", "summary", "village", "programmes", "indicators", "author_role", "consent", "photos", "draft"}

// required are the fields every story must have; photos and draft are optional.
var required = []string{"title", "date", "summary", "village", "programmes", "indicators", "author_role", "consent"}

// FrontMatter is the decoded front matter of one story file, with the line of each field.
type FrontMatter struct {
	Title, Summary, Village, AuthorRole string
	Date                                time.Time
	DateText                            string
	DateOK                              bool // the date was read, even 0001-01-01
	Programmes, Indicators              []Code
	Consent, ConsentSet                 bool
	Draft                               bool
	Photos                              []Photo
	// Lines holds the line and column of each field's name, and Values of its value.
	Lines, Values map[string]Pos
	// BodyLine is the file line where the body starts (after the closing ---).
	BodyLine int
}

// Pos is a line and column in the story file, both 1-based.
type Pos struct{ Line, Col int }

// Code is a village, programme or indicator code with where it is written.
type Code struct {
	Value string
	Pos
}

// Photo is one entry of the photos list.
type Photo struct {
	Src, Alt string
	Pos
	SrcPos, AltPos Pos
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// SplitFrontMatter separates the YAML front matter from the body. It returns the YAML
// text, the body, and the file line of the first YAML line and of the first body line.
// The fences are lines of exactly three dashes; TOML (+++) or JSON front matter, and a
// YAML document marker (--- with spaces, ...) inside it, are refused rather than guessed
// at, since Hugo might read them another way.
func SplitFrontMatter(src []byte) (fm, body []byte, fmLine, bodyLine int, p *problem.Problem) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := bytes.SplitAfter(src, []byte("\n"))
	isFence := func(l []byte) bool {
		s := string(l)
		return s == "---\n" || s == "---\r\n" || s == "---"
	}
	if len(lines) == 0 || !isFence(lines[0]) {
		first := ""
		if len(lines) > 0 {
			first = strings.TrimSpace(string(lines[0]))
		}
		if strings.HasPrefix(first, "+++") || strings.HasPrefix(first, "{") || strings.HasPrefix(first, "---") {
			return nil, nil, 0, 0, &problem.Problem{Catalogue: messages, Line: 1, Col: 1, Code: "front_matter_format"}
		}
		return nil, src, 0, 1, &problem.Problem{Catalogue: messages, Line: 1, Col: 1, Code: "no_front_matter"}
	}
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if isFence(lines[i]) {
			return src[len(lines[0]):off], src[off+len(lines[i]):], 2, i + 2, nil
		}
		if bytes.HasPrefix(lines[i], []byte("---")) || bytes.HasPrefix(lines[i], []byte("...")) {
			return nil, nil, 0, 0, &problem.Problem{Catalogue: messages, Line: i + 1, Col: 1, Code: "front_matter_marker"}
		}
		off += len(lines[i])
	}
	return nil, nil, 0, 0, &problem.Problem{Catalogue: messages, Line: 1, Col: 1, Code: "front_matter_unclosed"}
}

// ParseFrontMatter decodes the front matter of a story file. It never panics and never
// fails: every mistake becomes a Problem located in the file (File left empty).
func ParseFrontMatter(src []byte) (fm *FrontMatter, body []byte, problems []problem.Problem) {
	fm = &FrontMatter{Lines: map[string]Pos{}, Values: map[string]Pos{}}
	text, body, first, bodyLine, p := SplitFrontMatter(src)
	fm.BodyLine = bodyLine
	if p != nil {
		return fm, body, []problem.Problem{*p}
	}
	add := func(line, col int, code string, args ...any) {
		problems = append(problems, problem.Problem{Catalogue: messages, Line: line, Col: col, Code: code, Args: args})
	}
	// fileLine converts a line of the YAML text to a line of the file. YAML also breaks
	// lines at a lone \r, so the result is kept inside the front matter.
	fileLine := func(l int) int {
		l += first - 1
		if l < first {
			l = first
		}
		if last := bodyLine - 2; l > last {
			l = last
		}
		return l
	}
	line := func(n *yaml.Node) int { return fileLine(n.Line) }

	var doc yaml.Node
	if err := safeUnmarshal(text, &doc); err != nil {
		l := first
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				l = fileLine(n)
			}
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
			msg = msg[i+2:]
		}
		add(l, 0, "yaml_syntax", msg)
		return fm, body, problems
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		// An empty front matter: every required field is missing.
		for _, f := range required {
			problems = append(problems, problem.Problem{Catalogue: messages, Line: 1, Col: 1, Code: "missing_field", Args: []any{f}, HintArgs: []any{f}})
		}
		return fm, body, problems
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		add(line(root), root.Column, "front_matter_not_mapping")
		return fm, body, problems
	}
	known := map[string]bool{}
	for _, f := range Fields {
		known[f] = true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := k.Value
		kl, kc := line(k), k.Column
		if k.Kind != yaml.ScalarNode {
			add(kl, kc, "front_matter_not_mapping")
			continue
		}
		if !known[name] {
			problems = append(problems, problem.Problem{Catalogue: messages, Line: kl, Col: kc, Code: "unknown_field", Args: []any{name}, HintArgs: []any{strings.Join(Fields, ", ")}})
			continue
		}
		if _, dup := fm.Lines[name]; dup {
			add(kl, kc, "duplicate_field", name)
			continue
		}
		fm.Lines[name] = Pos{kl, kc}
		vl, vc := line(v), v.Column
		fm.Values[name] = Pos{vl, vc}
		switch name {
		case "title", "summary", "village", "author_role":
			s, ok := scalarText(v)
			if !ok {
				add(vl, vc, "not_text", name)
				continue
			}
			if strings.TrimSpace(s) == "" {
				add(kl, kc, "empty_field", name)
			}
			switch name {
			case "title":
				fm.Title = s
			case "summary":
				fm.Summary = s
			case "village":
				// Hugo reads the value as written: " T01" names no village there, so
				// it is refused here rather than trimmed and accepted.
				fm.Village = s
				if padded(s) {
					add(vl, vc, "padded_value", name)
				}
			case "author_role":
				fm.AuthorRole = s
			}
		case "date":
			s, ok := scalarText(v)
			if !ok {
				add(vl, vc, "bad_date", "")
				continue
			}
			fm.DateText = s
			t, ok := parseDate(s)
			if !ok {
				add(vl, vc, "bad_date", s)
				continue
			}
			fm.Date, fm.DateOK = t, true
		case "programmes", "indicators":
			codes, ps := codeList(name, v, line)
			problems = append(problems, ps...)
			if name == "programmes" {
				fm.Programmes = codes
			} else {
				fm.Indicators = codes
			}
		case "consent", "draft":
			b, ok := scalarBool(v)
			if !ok {
				if name == "consent" {
					// Anything but a literal true is no consent; checkFields says so, once.
					fm.ConsentSet = true
				} else {
					add(vl, vc, "not_bool", name)
				}
				continue
			}
			if name == "consent" {
				fm.Consent, fm.ConsentSet = b, true
			} else {
				fm.Draft = b
			}
		case "photos":
			photos, ps := photoList(v, line)
			problems = append(problems, ps...)
			fm.Photos = photos
		}
	}
	for _, f := range required {
		if _, ok := fm.Lines[f]; !ok {
			problems = append(problems, problem.Problem{Catalogue: messages, Line: first - 1, Col: 1, Code: "missing_field", Args: []any{f}, HintArgs: []any{f}})
		}
	}
	return fm, body, problems
}

// safeUnmarshal parses YAML into a node tree; a panic in the parser on hostile input
// becomes an error rather than a crash of portal check.
func safeUnmarshal(text []byte, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return yaml.Unmarshal(text, n)
}

// scalarText returns the text of a scalar node (a string, number or date written bare).
func scalarText(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", n.Kind == yaml.ScalarNode
	}
	return n.Value, true
}

// scalarBool accepts only the YAML 1.2 booleans true and false, not yes/no or "true".
func scalarBool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return false, false
	}
	switch n.Value {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// parseDate accepts the dates Hugo reads that an officer would write: 2024-06-15, or a
// full timestamp such as 2024-06-15T08:00:00+07:00.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func codeList(name string, v *yaml.Node, line func(*yaml.Node) int) ([]Code, []problem.Problem) {
	var out []Code
	var ps []problem.Problem
	if v.Kind != yaml.SequenceNode {
		ps = append(ps, problem.Problem{Catalogue: messages, Line: line(v), Col: v.Column, Code: "not_list", Args: []any{name}, HintArgs: []any{name}})
		return nil, ps
	}
	if len(v.Content) == 0 {
		ps = append(ps, problem.Problem{Catalogue: messages, Line: line(v), Col: v.Column, Code: "empty_field", Args: []any{name}})
	}
	seen := map[string]bool{}
	for _, c := range v.Content {
		if c.Kind != yaml.ScalarNode {
			ps = append(ps, problem.Problem{Catalogue: messages, Line: line(c), Col: c.Column, Code: "not_list", Args: []any{name}, HintArgs: []any{name}})
			continue
		}
		if c.Tag != "!!str" {
			// programmes: [2, 3.1] would reach Hugo as numbers and match no page.
			ps = append(ps, problem.Problem{Catalogue: messages, Line: line(c), Col: c.Column, Code: "code_not_quoted", Args: []any{c.Value, name}, HintArgs: []any{c.Value}})
		}
		val := c.Value
		if padded(val) {
			ps = append(ps, problem.Problem{Catalogue: messages, Line: line(c), Col: c.Column, Code: "padded_value", Args: []any{name}})
		}
		if seen[val] {
			ps = append(ps, problem.Problem{Catalogue: messages, Line: line(c), Col: c.Column, Code: "duplicate_code", Args: []any{val, name}})
		}
		seen[val] = true
		out = append(out, Code{Value: val, Pos: Pos{line(c), c.Column}})
	}
	return out, ps
}

func photoList(v *yaml.Node, line func(*yaml.Node) int) ([]Photo, []problem.Problem) {
	var out []Photo
	var ps []problem.Problem
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, append(ps, problem.Problem{Catalogue: messages, Line: line(v), Col: v.Column, Code: "photos_not_list"})
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			ps = append(ps, problem.Problem{Catalogue: messages, Line: line(item), Col: item.Column, Code: "photos_not_list"})
			continue
		}
		ph := Photo{Pos: Pos{line(item), item.Column}}
		hasSrc, hasAlt := false, false
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, val := item.Content[i], item.Content[i+1]
			s, _ := scalarText(val)
			switch k.Value {
			case "src":
				hasSrc = true
				ph.Src, ph.SrcPos = s, Pos{line(val), val.Column}
				if padded(s) {
					ps = append(ps, problem.Problem{Catalogue: messages, Line: line(val), Col: val.Column, Code: "padded_value", Args: []any{"photos.src"}})
				}
			case "alt":
				hasAlt = true
				ph.Alt, ph.AltPos = strings.TrimSpace(s), Pos{line(val), val.Column}
			default:
				ps = append(ps, problem.Problem{Catalogue: messages, Line: line(k), Col: k.Column, Code: "unknown_field", Args: []any{"photos." + k.Value}, HintArgs: []any{"src, alt"}})
			}
		}
		if !hasSrc || strings.TrimSpace(ph.Src) == "" {
			ps = append(ps, problem.Problem{Catalogue: messages, Line: ph.Line, Col: ph.Col, Code: "photo_missing_src"})
		}
		if !hasAlt || ph.Alt == "" {
			p := ph.Pos
			if hasAlt {
				p = ph.AltPos
			}
			ps = append(ps, problem.Problem{Catalogue: messages, Line: p.Line, Col: p.Col, Code: "photo_no_alt", Args: []any{ph.Src}})
		}
		out = append(out, ph)
	}
	return out, ps
}

// padded reports whether a code or file name has white space at either end, which Hugo
// keeps and which then matches no village, programme or file.
func padded(s string) bool { return s != strings.TrimSpace(s) }
