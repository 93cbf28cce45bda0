package story

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFiles adds every story and page fixture to a fuzz corpus.
func seedFiles(f *testing.F) {
	for _, glob := range []string{
		"testdata/stories/*/content/stories/*/index.vi.md",
		"testdata/fixtures/*/*/content/stories/*/index.*.md",
		"testdata/fixtures/*/*/content/*/index.vi.md",
	} {
		seeds, _ := filepath.Glob(glob)
		for _, s := range seeds {
			if b, err := os.ReadFile(s); err == nil {
				f.Add(b)
			}
		}
	}
}

// FuzzFrontMatter feeds arbitrary files to the front-matter parsers of stories and of
// maintainers' pages: they must never panic, and every problem must point at a line of
// the file.
func FuzzFrontMatter(f *testing.F) {
	seedFiles(f)
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: &a [*a]\n---\n"))
	f.Add([]byte("---\nphotos: [{src: a.jpg, alt: }]\nconsent: yes\n---\n# x\n"))
	f.Add([]byte("---\n- a\n- b\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ndate: 2024-02-30\r\n---\r\n"))
	f.Add([]byte("+++\ntitle = 'x'\n+++\n"))
	f.Add([]byte("---\ntitle: x\n--- \nurl: /data/\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, ps := ParseFrontMatter(src)
		if fm == nil {
			t.Fatal("nil front matter")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		pps, _, _ := pageFrontMatter(src, MaintainerPages[0])
		for _, p := range append(ps, pps...) {
			if p.Line < 0 || p.Line > lines {
				t.Fatalf("problem %s at line %d of a %d-line file", p.Code, p.Line, lines)
			}
			_ = p.Message("vi")
		}
		if body != nil && !bytes.HasSuffix(src, body) {
			t.Fatal("the body is not the end of the file")
		}
	})
}

// FuzzMarkdownScan feeds arbitrary text to the body scan and the personal-data scans:
// they must never panic, every problem must point inside the file, and a phone number
// written plainly must be found wherever it is put.
func FuzzMarkdownScan(f *testing.F) {
	seedFiles(f)
	f.Add([]byte("[a](java&#x09;script:x) <javascript:x> ![b](//h/p.jpg) {{< x >}}"))
	f.Add([]byte("Gọi ０９１２\u200b345**678** &#48;9 (0) 12_34/56"))
	f.Add([]byte("## t {onclick=x}\n\n[a][r]\n\n[r]: %zz\n"))
	f.Add([]byte("---\ntitle: !!binary R+G7jWkgMDkxMjM0NTY3OA==\nsummary: \"\\x30\\u0039\"\n---\n[0912](x) 345–678 ٠٩ O9l2 không chín một hai %30\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		res := checkBody(src, 1, "testdata/no-such-bundle")
		ps := append(res.problems, personalNumbers(src)...)
		ps = append(ps, personalWarnings(src, 1)...)
		for _, p := range ps {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem %s at line %d of a %d-line file", p.Code, p.Line, lines)
			}
			if p.Col < 0 || (p.Col > 0 && utf8.Valid(src) && p.Col > utf8.RuneCount(src)+1) {
				t.Fatalf("problem %s at column %d", p.Code, p.Col)
			}
		}
		for _, l := range res.local {
			if strings.HasPrefix(l, "../") || strings.HasPrefix(l, "/") || l == ".." {
				t.Fatalf("local file %q outside the bundle", l)
			}
		}
		// The same text followed by a plain phone number on its own line: found.
		withPhone := append(append(bytes.Clone(src), "\n\n"...), "Gọi 0912 345 678\n"...)
		found := false
		for _, p := range personalNumbers(withPhone) {
			found = found || (p.Line == lines+2 && p.Code == "phone_number")
		}
		if !found {
			t.Fatal("a plain phone number after the text was not found")
		}
	})
}
