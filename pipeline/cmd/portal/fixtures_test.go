package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/sample"
)

// TestCheckReviewFixtures runs portal check over every review fixture of the review
// package, each as the only review file of a data folder, and asserts the exit code:
// 0 for the accepted variants, 1 with the file named for every refused one.
func TestCheckReviewFixtures(t *testing.T) {
	accepted := map[string]bool{"valid": true, "utf8-bom": true, "crlf": true, "columns-in-any-order": true, "header-with-spaces": true}
	dirs, err := filepath.Glob(filepath.Join("..", "..", "review", "testdata", "reviews", "*"))
	if err != nil || len(dirs) < 30 {
		t.Fatalf("found %d review fixtures (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			data := t.TempDir()
			sampleSettings(t, data)
			copyFile(t, filepath.Join(dir, "2024.csv"), filepath.Join(data, "reviews", "2024.csv"))
			var out, errOut bytes.Buffer
			code := run(context.Background(), []string{"check", "--lang", "en", "--data", data}, &out, &errOut)
			switch {
			case accepted[name] && code != 0:
				t.Errorf("exit %d for an accepted file:\n%s", code, errOut.String())
			case !accepted[name] && code != 1:
				t.Errorf("exit %d, want 1:\n%s%s", code, out.String(), errOut.String())
			case !accepted[name] && !strings.Contains(errOut.String(), filepath.Join("reviews", "2024.csv")):
				t.Errorf("the message does not name the file:\n%s", errOut.String())
			}
		})
	}
}

func TestCheckNamesTheLine(t *testing.T) {
	data := t.TempDir()
	sampleSettings(t, data)
	copyFile(t, filepath.Join("..", "..", "review", "testdata", "reviews", "duplicate-household", "2024.csv"), filepath.Join(data, "reviews", "2024.csv"))
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"check", "--lang", "en", "--data", data}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if want := "2024.csv:4:16: column household_id: this household already appears on line 2 of the same year"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
	}
}

// sampleSettings writes the synthetic commune's portal.toml, targets.toml and
// programmes.toml into data: the fixtures are its villages' rows, whatever data/
// holds.
func sampleSettings(t *testing.T, data string) {
	t.Helper()
	for _, f := range []string{"portal.toml", "targets.toml", "programmes.toml", "standards.toml"} {
		b, err := sample.Settings(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
