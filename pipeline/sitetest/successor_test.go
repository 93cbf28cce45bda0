package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuccessorNamed: the unit registry says Minh Tiến became part of Tiên Tiến in
// 2025, and the commune's home page says so in both languages.
func TestSuccessorNamed(t *testing.T) {
	s := site(t, mainSite)
	for page, want := range map[string]string{
		"index.html":    "là một phần của xã Tiên Tiến",
		"en/index.html": "has been part of Tien Tien commune",
	} {
		b, err := os.ReadFile(filepath.Join(s.Out, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s does not say %q", page, want)
		}
	}
}
