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

func TestExitCodes(t *testing.T) {
	// The sample, never data/, which may hold a commune's sealed data.
	data, content := t.TempDir(), t.TempDir()
	if err := sample.WriteCommune(data); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		wantOut    string
		wantErrOut string
	}{
		{"no command", nil, 2, "Usage", ""},
		{"help", []string{"help"}, 0, "The commands are", ""},
		{"unknown command", []string{"publish"}, 2, "", `unknown command "publish"`},
		{"unknown flag", []string{"check", "--nope"}, 2, "", "flag provided but not defined"},
		{"stray argument", []string{"check", "extra"}, 2, "", `unexpected argument "extra"`},
		{"sample data passes", []string{"check", "--lang", "en", "--data", data, "--content", content}, 0, "ok: 6 files", ""},
		{"duplicate household refused", []string{"check", "--lang", "en", "--data", "testdata/duplicate-household"}, 1, "",
			"2024.csv:7:"},
		{"version", []string{"version"}, 0, "portal ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(context.Background(), tt.args, &out, &errOut)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errOut.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErrOut) {
				t.Errorf("stderr %q does not contain %q", errOut.String(), tt.wantErrOut)
			}
		})
	}
}

func TestNewStory(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	sampleSettings(t, filepath.Join(root, "data"))
	t.Chdir(root)
	args := []string{"new", "story", "Nuôi bò sinh sản", "--village", "T01", "--date", "2025-03-02"}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	path := filepath.Join(root, "content", "stories", "2025-nuoi-bo-sinh-san", "index.vi.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("story not created: %v", err)
	}
	for _, want := range []string{`title: "Nuôi bò sinh sản"`, `village: "T01"`, "consent: false"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("scaffold lacks %q:\n%s", want, b)
		}
	}
	if code := run(context.Background(), args, &out, &errOut); code == 0 {
		t.Error("a second new story with the same title overwrote the first")
	}
	if code := run(context.Background(), []string{"new", "story", "X", "--village", "T99"}, &out, &errOut); code == 0 {
		t.Error("an undeclared village was accepted")
	}
}
