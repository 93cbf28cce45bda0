package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
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
		{"sample data passes", []string{"check", "--lang", "en"}, 0, "ok: 5 files", ""},
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
