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
	d := &fmDecoder{fm: fm, first: first, bodyLine: bodyLine}
	root, ok := d.root(text)
	if !ok {
		return fm, body, d.problems
	}
	d.fields(root)
	d.requireFields()
	return fm, body, d.problems
}

// fmDecoder holds what the steps of ParseFrontMatter share: the front matter being
// filled, the problems found so far (in the order they are reported), and where the
// YAML text sits in the file.
type fmDecoder struct {
	fm              *FrontMatter
	problems        []problem.Problem
	first, bodyLine int // file lines of the first YAML line and of the first body line
}

// add records a problem whose hint takes no arguments.
func (d *fmDecoder) add(line, col int, code string, args ...any) {
	d.problems = append(d.problems, problem.Problem{Catalogue: messages, Line: line, Col: col, Code: code, Args: args})
}

// missing records a required field that is not there.
func (d *fmDecoder) missing(line int, field string) {
	d.problems = append(d.problems, problem.Problem{Catalogue: messages, Line: line, Col: 1, Code: "missing_field", Args: []any{field}, HintArgs: []any{field}})
}

// fileLine converts a line of the YAML text to a line of the file. YAML also breaks
// lines at a lone \r, so the result is kept inside the front matter.
func (d *fmDecoder) fileLine(l int) int {
	l += d.first - 1
	if l < d.first {
		l = d.first
	}
	if last := d.bodyLine - 2; l > last {
		l = last
	}
	return l
}

// line is the file line of a YAML node.
func (d *fmDecoder) line(n *yaml.Node) int { return d.fileLine(n.Line) }

// root parses the YAML text and returns its top mapping. It reports false, with the
// problem recorded, when the text is not YAML, is empty or is not a mapping.
func (d *fmDecoder) root(text []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := safeUnmarshal(text, &doc); err != nil {
		d.yamlError(err)
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		// An empty front matter: every required field is missing.
		for _, f := range required {
			d.missing(1, f)
		}
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d.add(d.line(root), root.Column, "front_matter_not_mapping")
		return nil, false
	}
	return root, true
}

// yamlError records a YAML syntax error at the file line the parser names, with the
// parser's own "yaml: line N:" prefix taken off its message.
func (d *fmDecoder) yamlError(err error) {
	l := d.first
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			l = d.fileLine(n)
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	d.add(l, 0, "yaml_syntax", msg)
}

// fields reads each key of the top mapping: unknown and repeated keys are refused, the
// others are recorded with their positions and decoded by field.
func (d *fmDecoder) fields(root *yaml.Node) {
	known := map[string]bool{}
	for _, f := range Fields {
		known[f] = true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := k.Value
		kl, kc := d.line(k), k.Column
		if k.Kind != yaml.ScalarNode {
			d.add(kl, kc, "front_matter_not_mapping")
			continue
		}
		if !known[name] {
			d.problems = append(d.problems, problem.Problem{Catalogue: messages, Line: kl, Col: kc, Code: "unknown_field", Args: []any{name}, HintArgs: []any{strings.Join(Fields, ", ")}})
			continue
		}
		if _, dup := d.fm.Lines[name]; dup {
			d.add(kl, kc, "duplicate_field", name)
			continue
		}
		d.fm.Lines[name] = Pos{kl, kc}
		d.fm.Values[name] = Pos{d.line(v), v.Column}
		d.field(name, Pos{kl, kc}, v)
	}
}

// field decodes the value of one known field; key is where its name is written.
func (d *fmDecoder) field(name string, key Pos, v *yaml.Node) {
	switch name {
	case "title", "summary", "village", "author_role":
		d.textField(name, key, v)
	case "date":
		d.dateField(v)
	case "programmes", "indicators":
		codes, ps := codeList(name, v, d.line)
		d.problems = append(d.problems, ps...)
		if name == "programmes" {
			d.fm.Programmes = codes
		} else {
			d.fm.Indicators = codes
		}
	case "consent", "draft":
		d.boolField(name, v)
	case "photos":
		photos, ps := photoList(v, d.line)
		d.problems = append(d.problems, ps...)
		d.fm.Photos = photos
	}
}

// textField decodes title, summary, village or author_role: a scalar, not blank.
func (d *fmDecoder) textField(name string, key Pos, v *yaml.Node) {
	vl, vc := d.line(v), v.Column
	s, ok := scalarText(v)
	if !ok {
		d.add(vl, vc, "not_text", name)
		return
	}
	if strings.TrimSpace(s) == "" {
		d.add(key.Line, key.Col, "empty_field", name)
	}
	switch name {
	case "title":
		d.fm.Title = s
	case "summary":
		d.fm.Summary = s
	case "village":
		// Hugo reads the value as written: " T01" names no village there, so
		// it is refused here rather than trimmed and accepted.
		d.fm.Village = s
		if padded(s) {
			d.add(vl, vc, "padded_value", name)
		}
	case "author_role":
		d.fm.AuthorRole = s
	}
}

// dateField decodes the date, keeping its text even when it is not a date.
func (d *fmDecoder) dateField(v *yaml.Node) {
	vl, vc := d.line(v), v.Column
	s, ok := scalarText(v)
	if !ok {
		d.add(vl, vc, "bad_date", "")
		return
	}
	d.fm.DateText = s
	t, ok := parseDate(s)
	if !ok {
		d.add(vl, vc, "bad_date", s)
		return
	}
	d.fm.Date, d.fm.DateOK = t, true
}

// boolField decodes consent or draft, which take only a literal true or false.
func (d *fmDecoder) boolField(name string, v *yaml.Node) {
	b, ok := scalarBool(v)
	if !ok {
		if name == "consent" {
			// Anything but a literal true is no consent; checkFields says so, once.
			d.fm.ConsentSet = true
		} else {
			d.add(d.line(v), v.Column, "not_bool", name)
		}
		return
	}
	if name == "consent" {
		d.fm.Consent, d.fm.ConsentSet = b, true
	} else {
		d.fm.Draft = b
	}
}

// requireFields records each required field the mapping lacks, on the opening fence.
func (d *fmDecoder) requireFields() {
	for _, f := range required {
		if _, ok := d.fm.Lines[f]; !ok {
			d.missing(d.first-1, f)
		}
	}
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
