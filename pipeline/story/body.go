package story

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/minhtien/portal/pipeline/problem"
)

// markdown parses like Hugo's goldmark configuration: GitHub tables, strikethrough,
// autolinks and task lists, footnotes, definition lists, heading attributes.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
)

// bodyResult is what a body scan found: its problems, and the bundle files it links to
// (slash paths relative to the bundle), which count as declared.
type bodyResult struct {
	problems []problem.Problem
	local    []string
}

// checkBody walks the Markdown body of a story. bodyLine is the file line of the body's
// first line; bundle is the story folder, for local links.
func checkBody(body []byte, bodyLine int, bundle string) bodyResult {
	return scanBody(body, bodyLine, bundle, true)
}

// scanBody walks a Markdown body. A story (story true) also has its headings checked
// and may show only photos of its bundle; a maintainer's page (bundle "") has its links
// and images checked for their scheme and host only.
func scanBody(body []byte, bodyLine int, bundle string, story bool) bodyResult {
	s := &bodyScanner{body: body, bundle: bundle, story: story, pos: positioner(body, bodyLine), prevLevel: 1}
	// Shortcodes are expanded by Hugo before Markdown is read, inside code spans and
	// blocks too, so they are looked for in the raw text, in every spacing.
	for _, loc := range shortcode.FindAllIndex(body, -1) {
		s.add(loc[0], "shortcode")
	}
	doc := markdown.Parser().Parse(text.NewReader(body))
	_ = ast.Walk(doc, s.visit)
	return s.res
}

// bodyScanner holds the state of one walk of a Markdown body.
type bodyScanner struct {
	body   []byte
	bundle string
	story  bool
	pos    func(int) (int, int)
	res    bodyResult
	// prevLevel is the level of the last heading; the title is the page's only h1.
	prevLevel int
	// lastOff is the offset of the last block seen, to place inline nodes with no segment.
	lastOff int
	// cursor moves forward over the links of a block, so two links to the same file on
	// one line are placed at their own columns.
	cursor int
}

// add records a problem at a byte offset of the body and returns it, for a hint.
func (s *bodyScanner) add(off int, code string, args ...any) *problem.Problem {
	l, c := s.pos(off)
	s.res.problems = append(s.res.problems, problem.Problem{Catalogue: messages, Line: l, Col: c, Code: code, Args: args})
	return &s.res.problems[len(s.res.problems)-1]
}

// find returns the offset of needle at or after the cursor, and moves the cursor past it.
func (s *bodyScanner) find(needle string) int {
	off, end := findIn(s.body, s.cursor, needle)
	s.cursor = end
	return off
}

// visit judges one node of the Markdown tree, as an ast.Walker.
func (s *bodyScanner) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		s.lastOff = n.Lines().At(0).Start
		s.cursor = s.lastOff
	}
	switch n := n.(type) {
	case *ast.Heading:
		s.heading(n)
	case *ast.HTMLBlock:
		off := s.lastOff
		if n.Lines().Len() > 0 {
			off = n.Lines().At(0).Start
		}
		s.add(off, "raw_html")
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		off := s.lastOff
		if n.Segments.Len() > 0 {
			off = n.Segments.At(0).Start
		}
		s.add(off, "raw_html")
	case *ast.AutoLink:
		url := string(n.URL(s.body))
		off := s.find(url)
		if n.AutoLinkType == ast.AutoLinkURL {
			if code := checkDestination(url, false); code != "" {
				s.add(off, code, url)
			}
		}
	case *ast.Image:
		dest := string(n.Destination)
		off := s.find("](" + dest)
		if strings.TrimSpace(inlineText(n, s.body)) == "" {
			p := s.add(off, "image_no_alt", dest)
			p.HintArgs = []any{dest}
		}
		s.res.target(dest, off, true, s.bundle, s.story, s.pos)
	case *ast.Link:
		dest := string(n.Destination)
		s.res.target(dest, s.find("]("+dest), false, s.bundle, s.story, s.pos)
	}
	return ast.WalkContinue, nil
}

// heading refuses attributes other than id and, in a story, a second h1 or a skipped level.
func (s *bodyScanner) heading(n *ast.Heading) {
	off := headingOffset(n, s.body, s.lastOff)
	for _, a := range n.Attributes() {
		if string(a.Name) != "id" {
			s.add(off, "heading_attribute", string(a.Name))
		}
	}
	switch {
	case !s.story:
	case n.Level == 1:
		s.add(off, "heading_h1")
	case n.Level > s.prevLevel+1:
		s.add(off, "heading_skip", n.Level, s.prevLevel)
	}
	s.prevLevel = n.Level
}

// target judges the address of a link or image found at off and, in a story, the
// bundle file it names.
func (r *bodyResult) target(dest string, off int, image bool, bundle string, story bool, pos func(int) (int, int)) {
	if code := checkDestination(dest, image); code != "" {
		l, c := pos(off)
		r.problems = append(r.problems, problem.Problem{Catalogue: messages, Line: l, Col: c, Code: code, Args: []any{dest}})
		return
	}
	if story {
		ps, local := localTarget(dest, bundle, off, pos, image)
		r.problems = append(r.problems, ps...)
		r.local = append(r.local, local...)
	}
}

// positioner returns the function that turns an offset of body into a file line and
// column (in characters). Problems come mostly in order, so the column is counted on
// from the last one found on the same line: a line of many links stays linear.
func positioner(body []byte, bodyLine int) func(int) (int, int) {
	starts := lineStarts(body)
	lastLine, lastOff, lastCol := -1, 0, 0
	return func(off int) (int, int) {
		off = min(max(off, 0), len(body))
		i := max(sort.Search(len(starts), func(i int) bool { return starts[i] > off })-1, 0)
		if i != lastLine || off < lastOff {
			lastLine, lastOff, lastCol = i, starts[i], 1
		}
		lastCol += utf8.RuneCount(body[lastOff:off])
		lastOff = off
		return bodyLine + i, lastCol
	}
}

// shortcode matches the opening of a Hugo shortcode, {{< or {{%, with any spaces.
var shortcode = regexp.MustCompile(`\{\{\s*[<%]`)

// headingOffset finds where a heading's marker starts.
func headingOffset(h *ast.Heading, body []byte, fallback int) int {
	if h.Lines().Len() == 0 {
		return fallback
	}
	off := h.Lines().At(0).Start
	// Walk back to the start of the line so the column points at the # marks.
	for off > 0 && body[off-1] != '\n' {
		off--
	}
	return off
}

// localTarget checks a link or image destination that names a file of the bundle and
// returns it (cleaned) as declared. Anchors and links to pages of the site (no
// extension, or starting with /) are left to Hugo; an image must be a photo of the
// bundle.
func localTarget(dest, bundle string, off int, pos func(int) (int, int), image bool) ([]problem.Problem, []string) {
	at := func(code string) []problem.Problem {
		l, c := pos(off)
		return []problem.Problem{{Catalogue: messages, Line: l, Col: c, Code: code, Args: []any{dest}}}
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return nil, nil // checkDestination has judged it
	}
	if !image && (dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/")) {
		return nil, nil
	}
	p := u.Path
	if !image && (path.Ext(p) == "" || strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".md")) {
		return nil, nil
	}
	clean := path.Clean(p)
	switch {
	case clean == ".." || strings.HasPrefix(clean, "../") || strings.HasPrefix(clean, "/"):
		return at("link_outside_bundle"), nil
	case image && photoFormats[strings.ToLower(path.Ext(clean))] == "":
		return at("image_not_photo"), nil
	}
	if st, err := os.Stat(filepath.Join(bundle, filepath.FromSlash(clean))); err != nil || st.IsDir() || !exactName(bundle, clean) {
		return at("missing_local_file"), nil
	}
	return nil, []string{clean}
}

// exactName reports whether rel names a file with exactly this case: a laptop's file
// system may ignore case, the web server does not.
func exactName(bundle, rel string) bool {
	dir := bundle
	for _, part := range strings.Split(rel, "/") {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return false
		}
		found := false
		for _, e := range entries {
			if e.Name() == part {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		dir = filepath.Join(dir, part)
	}
	return true
}

// inlineText is the plain text of an inline node's children (an image's alt text).
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// findIn returns where a link whose source contains needle starts (its ! or [), at or
// after from, and the offset just after needle; (from, from) when it is not found.
func findIn(src []byte, from int, needle string) (int, int) {
	if from > len(src) || from < 0 {
		from = 0
	}
	i := bytes.Index(src[from:], []byte(needle))
	if i < 0 {
		return from, from
	}
	j := from + i
	end := j + len(needle)
	// Point at the opening bracket of the link or image when it is on the same line.
	for k := j; k > from && src[k-1] != '\n'; k-- {
		if src[k-1] == '[' {
			if k >= 2 && src[k-2] == '!' {
				return k - 2, end
			}
			return k - 1, end
		}
	}
	return j, end
}

func lineStarts(b []byte) []int {
	s := []int{0}
	for i, c := range b {
		if c == '\n' {
			s = append(s, i+1)
		}
	}
	return s
}
