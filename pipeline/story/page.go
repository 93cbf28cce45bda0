package story

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/minhtien/portal/pipeline/problem"
)

// checkPage checks a maintainer's page: YAML front matter with only the page's keys,
// each a plain value, and a body with no shortcode, raw HTML, unsafe link or image from
// another host. A page is edited by pull request like a story, so it is read as strictly.
func checkPage(file string, pg Page) []problem.Problem {
	src, p := readText(file)
	if p != nil {
		return []problem.Problem{*p}
	}
	ps, bodyLine, body := pageFrontMatter(src, pg)
	shape := checkShape(body, bodyLine)
	ps = append(ps, shape...)
	if body != nil && len(shape) == 0 {
		ps = append(ps, scanBody(body, bodyLine, "", false).problems...)
	}
	ps = append(ps, personalNumbers(src)...)
	if len(shape) == 0 {
		ps = append(ps, personalWarnings(src, 0)...)
	}
	for i := range ps {
		ps[i].File = file
	}
	return ps
}

// pageFrontMatter checks the keys and values of a page's front matter and returns the
// problems, the body and the file line it starts on.
func pageFrontMatter(src []byte, pg Page) ([]problem.Problem, int, []byte) {
	text, body, first, bodyLine, p := SplitFrontMatter(src)
	if p != nil {
		return []problem.Problem{*p}, bodyLine, body
	}
	var ps []problem.Problem
	add := func(line, col int, code string, args []any, hint []any) {
		ps = append(ps, problem.Problem{Catalogue: messages, Line: line, Col: col, Code: code, Args: args, HintArgs: hint})
	}
	var doc yaml.Node
	if err := safeUnmarshal(text, &doc); err != nil {
		add(first, 0, "yaml_syntax", []any{strings.TrimPrefix(err.Error(), "yaml: ")}, nil)
		return ps, bodyLine, body
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return ps, bodyLine, body
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		add(first, 1, "front_matter_not_mapping", nil, nil)
		return ps, bodyLine, body
	}
	allowed := map[string]bool{}
	for _, k := range pg.Keys {
		allowed[k] = true
	}
	seen := map[string]bool{}
	line := func(n *yaml.Node) int { return min(max(n.Line+first-1, first), bodyLine-2) }
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode || !allowed[k.Value]:
			add(line(k), k.Column, "page_field", []any{k.Value}, []any{strings.Join(pg.Keys, ", ")})
		case seen[k.Value]:
			add(line(k), k.Column, "duplicate_field", []any{k.Value}, nil)
		case v.Kind != yaml.ScalarNode || v.Tag == "!!null":
			add(line(v), v.Column, "not_text", []any{k.Value}, nil)
		case k.Value == "weight" && v.Tag != "!!int":
			add(line(v), v.Column, "not_int", []any{k.Value}, nil)
		}
		seen[k.Value] = true
	}
	return ps, bodyLine, body
}
