package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckTellsStandardsInLanguage asserts that a problem in standards.toml reaches
// the officer in the language of --lang, as the other settings files' problems do
// (before the standards' problems joined the problem vocabulary they were always
// told in Vietnamese).
func TestCheckTellsStandardsInLanguage(t *testing.T) {
	tests := []struct {
		lang, want, not string
	}{
		{"vi", "standards.toml:1: colour: khóa không được biết (gợi ý: kiểm tra chính tả", "unknown key"},
		{"en", "standards.toml:1: colour: unknown key (hint: check the spelling", "khóa"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			data := t.TempDir()
			sampleSettings(t, data)
			path := filepath.Join(data, "standards.toml")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, append([]byte("colour = 1\n"), b...), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			if code := run(context.Background(), []string{"check", "--lang", tt.lang, "--data", data}, &out, &errOut); code == 0 {
				t.Fatalf("exit 0 for a standards file with an unknown key")
			}
			if got := errOut.String(); !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
				t.Errorf("stderr, want %q and no %q:\n%s", tt.want, tt.not, got)
			}
		})
	}
}
