package assemble

import (
	"os"
	"strings"
	"testing"
)

// TestLoadChecksTheUnitRegistry: data/units.toml is optional, and when present it
// must agree with portal.toml and pass its own checks.
func TestLoadChecksTheUnitRegistry(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(string) string // nil removes the file
		want     string              // "" when Load succeeds
		registry bool
	}{
		{"committed registry", func(s string) string { return s }, "", true},
		{"no registry", nil, "", false},
		{"village not in the registry", func(s string) string {
			return strings.Replace(s, `code = "T09"`, `code = "T10"`, 1)
		}, `village "T09" of portal.toml is not declared as a village of "12424"`, false},
		{"broken registry", func(s string) string {
			return strings.Replace(s, `successor = "99001"`, `successor = "99002"`, 1)
		}, `successor "99002" of unit "12424" is not declared`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := sandbox(t)
			b, err := os.ReadFile(l.Units())
			if err != nil {
				t.Fatal(err)
			}
			if c.edit == nil {
				err = os.Remove(l.Units())
			} else {
				err = os.WriteFile(l.Units(), []byte(c.edit(string(b))), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			in, err := Load(l, func(string) string { return "" }, "en")
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if (in.Registry != nil) != c.registry {
					t.Errorf("registry loaded: %v, want %v", in.Registry != nil, c.registry)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
}
