package config

import (
	"os"
	"strings"
	"testing"
)

// TestFormulaTextRefused: a text that a spreadsheet would run as a formula is
// refused in every TOML input, at its line.
func TestFormulaTextRefused(t *testing.T) {
	portal, err := os.ReadFile("../../data/portal.toml")
	if err != nil {
		t.Fatal(err)
	}
	programmes, err := os.ReadFile("../../data/programmes.toml")
	if err != nil {
		t.Fatal(err)
	}
	targets, err := os.ReadFile("../../data/targets.toml")
	if err != nil {
		t.Fatal(err)
	}
	// replaceFirst swaps the first value of key for v.
	replaceFirst := func(b []byte, key, v string) []byte {
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), key+" =") {
				lines[i] = key + " = " + v
				return []byte(strings.Join(lines, "\n"))
			}
		}
		t.Fatalf("no %s in the file", key)
		return nil
	}
	for _, c := range []struct {
		name  string
		parse func([]byte) error
		file  []byte
		key   string
	}{
		{"village-name-equals", func(b []byte) error { _, err := ParsePortal("portal.toml", b); return err }, portal, "name_vi"},
		{"unit-name-at", func(b []byte) error { _, err := ParsePortal("portal.toml", b); return err }, portal, "name_en"},
		{"programme-title-plus", func(b []byte) error { _, err := ParseProgrammes("programmes.toml", b); return err }, programmes, "title_en"},
		{"target-title-minus", func(b []byte) error {
			_, err := ParseTargets("targets.toml", b, func(string) bool { return true })
			return err
		}, targets, "title_vi"},
	} {
		for _, start := range []string{"=", "+", "-", "@", "\t"} {
			t.Run(c.name+"-"+start, func(t *testing.T) {
				if err := c.parse(c.file); err != nil {
					t.Fatalf("the committed file is refused: %v", err)
				}
				v := `"` + strings.ReplaceAll(start, "\t", `\t`) + `HYPERLINK(\"x\")"`
				err := c.parse(replaceFirst(c.file, c.key, v))
				if err == nil || !strings.Contains(err.Error(), "formula") {
					t.Fatalf("err = %v, want a formula refusal", err)
				}
			})
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	for _, c := range []struct {
		url string
		ok  bool
	}{
		{"", true}, {"/", true}, {"/portal/", true}, {"https://owner.github.io/portal/", true}, {"http://localhost:1313/", true},
		{"javascript:alert(1)//", false}, {"data:text/html,x", false}, {"file:///etc/", false}, {"//evil.example/", false},
		{"ftp://host/", false}, {"https://", false}, {"https://user:pw@host/", false}, {"https://host/?q=1", false}, {"portal/", false},
	} {
		t.Run(c.url, func(t *testing.T) {
			if err := CheckBaseURL(c.url); (err == nil) != c.ok {
				t.Errorf("CheckBaseURL(%q) = %v, want ok %v", c.url, err, c.ok)
			}
		})
	}
}
