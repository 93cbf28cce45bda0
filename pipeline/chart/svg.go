package chart

import (
	"encoding/xml"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
)

// svgWriter accumulates SVG markup. Attributes are passed as ordered
// key/value pairs, never as a map, so that attribute order (and thus the
// whole output) is identical from run to run.
type svgWriter struct{ b strings.Builder }

// start writes "<tag k="v" ..." without closing the tag. Every attribute
// value is escaped, even numeric ones, so no caller can forget it.
func (w *svgWriter) start(tag string, attrs []string) {
	w.b.WriteByte('<')
	w.b.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteByte(' ')
		w.b.WriteString(attrs[i])
		w.b.WriteString(`="`)
		w.b.WriteString(esc(attrs[i+1]))
		w.b.WriteByte('"')
	}
}

// open writes a start tag; the caller must later call close.
func (w *svgWriter) open(tag string, attrs ...string) {
	w.start(tag, attrs)
	w.b.WriteString(">\n")
}

// close writes an end tag.
func (w *svgWriter) close(tag string) {
	w.b.WriteString("</" + tag + ">\n")
}

// leaf writes a self-closing element.
func (w *svgWriter) leaf(tag string, attrs ...string) {
	w.start(tag, attrs)
	w.b.WriteString("/>\n")
}

// text writes an element whose only child is escaped character data.
func (w *svgWriter) text(tag, content string, attrs ...string) {
	w.start(tag, attrs)
	w.b.WriteByte('>')
	w.b.WriteString(esc(content))
	w.b.WriteString("</" + tag + ">\n")
}

// String returns the markup written so far.
func (w *svgWriter) String() string { return w.b.String() }

// esc escapes s for use in XML text and attribute values. encoding/xml is
// used rather than html.EscapeString because it also replaces invalid
// UTF-8 and characters that XML forbids (such as NUL) with U+FFFD, so
// hostile labels cannot make the document ill-formed.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

// coordLimit bounds coordinates so that absurd data (1e308 on a fixed
// axis) cannot blow up the output size; such points are far outside any
// viewBox anyway.
const coordLimit = 1e5

// num formats a coordinate with one fixed decimal, trimming ".0", so that
// output is stable across platforms and compact. Non-finite values become
// 0: they are filtered out earlier, this is only a last line of defence
// that keeps attributes valid numbers.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	v = math.Max(-coordLimit, math.Min(coordLimit, v))
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// chartID derives a short id from the chart's kind, title, description
// and canvas width. Ids must be unique on a page (several charts are
// inlined together, including the wide and narrow drawings of one chart)
// yet stable between builds, so a hash is used instead of a counter. The
// default width is left out of the hash so existing ids do not change.
func chartID(kind, title, desc string, width float64) string {
	h := fnv.New32a()
	key := kind + "\x00" + title + "\x00" + desc
	if width != viewW {
		key += "\x00" + num(width)
	}
	h.Write([]byte(key))
	return "chart-" + strconv.FormatUint(uint64(h.Sum32()), 36)
}
