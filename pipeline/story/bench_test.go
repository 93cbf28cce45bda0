package story

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// hostileBodies are story texts made to be slow to parse: deep block-quote nesting
// (quadratic in goldmark), and long runs of unclosed brackets or emphasis.
var hostileBodies = map[string][]byte{
	"nested-blockquote-500k": bytes.Repeat([]byte(">"), 500000),
	"nested-list-100k":       bytes.Repeat([]byte("- "), 50000),
	"brackets-300k":          bytes.Repeat([]byte("["), 300000),
	"brackets-short-lines":   bytes.Repeat([]byte("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"), 7000),
	"emphasis-300k":          bytes.Repeat([]byte("*a "), 300000),
	"indented-list-900":      indentedList(900),
	// The worst shape under the bounds: lists 20 levels deep, over and over, up to
	// the text's size bound.
	"indented-lists-in-bounds": bytes.Repeat(indentedList(20), 540),
	"quotes-in-bounds":         bytes.Repeat([]byte("> > > > > > > > x\n"), 50000),
}

// indentedList nests a list depth levels deep by indentation, one level a line.
func indentedList(depth int) []byte {
	var b bytes.Buffer
	for i := 0; i < depth; i++ {
		b.Write(bytes.Repeat([]byte("  "), i))
		b.WriteString("- x\n")
	}
	return b.Bytes()
}

// BenchmarkHostileBodies measures portal check's reading of one story file whose text
// is made to be slow; each must take well under a second.
func BenchmarkHostileBodies(b *testing.B) {
	for name, body := range hostileBodies {
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			file := filepath.Join(dir, "index.vi.md")
			src := append([]byte("---\ntitle: \"x\"\n---\n"), body...)
			if err := os.WriteFile(file, src, 0o644); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < b.N; i++ {
				checkFile(file, dir, "2024", testVocab())
			}
		})
	}
}
