package story

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFrontMatter feeds arbitrary files to the front-matter parser: it must never panic,
// and every problem must point at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/stories/*/content/stories/*/index.vi.md")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: &a [*a]\n---\n"))
	f.Add([]byte("---\nphotos: [{src: a.jpg, alt: }]\nconsent: yes\n---\n# x\n"))
	f.Add([]byte("---\n- a\n- b\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ndate: 2024-02-30\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, ps := ParseFrontMatter(src)
		if fm == nil {
			t.Fatal("nil front matter")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range ps {
			if p.Line < 0 || p.Line > lines {
				t.Fatalf("problem %s at line %d of a %d-line file", p.Code, p.Line, lines)
			}
			_ = p.Message("vi")
		}
		if body != nil {
			for _, p := range checkBody(body, fm.BodyLine, "testdata/no-such-bundle").problems {
				if p.Line < 1 || p.Line > lines {
					t.Fatalf("body problem %s at line %d of a %d-line file", p.Code, p.Line, lines)
				}
			}
		}
		_ = personalNumbers(src)
	})
}
