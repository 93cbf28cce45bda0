package chart

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// node is a generic XML element used to inspect rendered SVG.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// attr returns the value of the attribute with the given local name.
func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// hasClass reports whether the element's class list contains c.
func (n node) hasClass(c string) bool {
	for _, f := range strings.Fields(n.attr("class")) {
		if f == c {
			return true
		}
	}
	return false
}

// walk calls fn for n and every descendant, depth first.
func (n node) walk(fn func(node)) {
	fn(n)
	for _, c := range n.Nodes {
		c.walk(fn)
	}
}

// wellFormed checks that s is exactly one well-formed XML element: the
// strict decoder rejects bad escapes, unbalanced tags and invalid
// characters, and the loop rejects trailing content.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(tok)) != "" {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots != 1 {
		return errors.New("want exactly one root element, got " + strconv.Itoa(roots))
	}
	return nil
}

// parse checks s is well-formed and returns its root element.
func parse(t *testing.T, s string) node {
	t.Helper()
	if err := wellFormed(s); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, s)
	}
	var root node
	if err := xml.Unmarshal([]byte(s), &root); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	return root
}

// golden compares got with testdata/name.svg, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".svg")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from golden file; run go test ./pipeline/chart -update and review the diff", path)
	}
}

// ptr returns a pointer to v, for the optional fields.
func ptr(v float64) *float64 { return &v }

// viComma formats like a Vietnamese page would: one decimal, decimal comma.
func viComma(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}

// years builds points for consecutive years from start.
func years(start int, ys ...float64) []Point {
	ps := make([]Point, len(ys))
	for i, y := range ys {
		ps[i] = Point{X: start + i, Y: y}
	}
	return ps
}
