package story

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/minhtien/portal/pipeline/problem"
)

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
