package standard

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestRefusalWording pins what an officer reads for each refused standards file, in
// both languages: the golden file was written before the problems moved to the
// problem vocabulary, so the move changed no word.
func TestRefusalWording(t *testing.T) {
	var b strings.Builder
	for _, tt := range refusals {
		_, err := Parse("s.toml", []byte(tt.text))
		if err == nil {
			t.Fatalf("%s: accepted", tt.name)
		}
		b.WriteString("== " + tt.name + "\n")
		for _, lang := range []string{"vi", "en"} {
			for _, e := range unwrap(err) {
				b.WriteString(lang + ": " + wording(e, lang) + "\n")
			}
		}
	}
	golden := filepath.Join("testdata", "refusals.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("the wording changed; got\n%s\nwant\n%s", b.String(), want)
	}
}

// wording renders err as a caller does, with problem.InLanguage.
func wording(e error, lang string) string { return problem.InLanguage(e, lang).Error() }
