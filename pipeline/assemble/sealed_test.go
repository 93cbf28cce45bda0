package assemble

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/seal"
)

// TestSealedDataRefusals: each bad state of sealed data is one clear line naming the
// fix, in the officer's language, and nothing loads.
func TestSealedDataRefusals(t *testing.T) {
	if testing.Short() {
		t.Skip("seals the sample")
	}
	l := sandbox(t)
	identity, recipient, err := seal.Keygen()
	if err != nil {
		t.Fatal(err)
	}
	declareReal(t, l, recipient)
	sealAll(t, l, recipient)
	key := func(id string) func(string) string {
		return func(k string) string {
			if k == seal.EnvIdentity {
				return id
			}
			return ""
		}
	}
	if _, _, _, err := Release(l, key(identity), "en"); err != nil {
		t.Fatal(err)
	}
	stranger, _, _ := seal.Keygen()
	_, other, _ := seal.Keygen()
	review := filepath.Join(l.Reviews(), "2023.csv.age")
	cfg, _ := os.ReadFile(l.PortalConfig())
	pristine := map[string][]byte{}
	for _, f := range []string{l.PortalConfig(), review} {
		pristine[f], _ = os.ReadFile(f)
	}
	cases := []struct {
		name   string
		break_ func()
		getenv func(string) string
		lang   string
		want   string
	}{
		{"a key that opens none of the files", nil, key(stranger), "en", "opens none of the 10 sealed files"},
		{"the same, in Vietnamese", nil, key(stranger), "vi", "không mở được tệp nào trong 10 tệp"},
		{"sealed for fewer recipients than listed", func() {
			os.WriteFile(l.PortalConfig(), []byte(strings.Replace(string(cfg), `recipients = ["`+recipient+`"]`,
				`recipients = ["`+recipient+`", "`+other+`"]`, 1)), 0o644)
		}, key(identity), "en", "all 10 sealed files are sealed for 1 X25519 recipient(s) but portal.toml lists 2 X25519 recipient(s)"},
		{"a clear file beside its sealed twin", func() {
			os.WriteFile(strings.TrimSuffix(review, seal.Suffix), []byte("x"), 0o644)
		}, key(identity), "vi", "tệp rõ nằm cạnh bản đã mã hoá 2023.csv.age"},
		{"one file sealed for the wrong number of recipients", func() {
			ids, _ := seal.IdentitiesFromEnv(key(identity))
			plain, err := seal.Open(review, ids)
			if err != nil {
				t.Fatal(err)
			}
			clear := strings.TrimSuffix(review, seal.Suffix)
			os.Remove(review)
			os.WriteFile(clear, plain, 0o600)
			rs, _ := seal.ParseRecipients([]string{recipient, other})
			if _, err := seal.SealFile(clear, rs, ids); err != nil {
				t.Fatal(err)
			}
		}, key(identity), "en", "2023.csv.age: the file is sealed for 2 X25519 recipient(s) but portal.toml lists 1"},
		{"a review changed since the release, without the key", func() {
			ids, _ := seal.IdentitiesFromEnv(key(identity))
			rs, _ := seal.ParseRecipients([]string{recipient})
			if err := seal.Reseal(review, ids, rs); err != nil {
				t.Fatal(err)
			}
		}, key(""), "en", "1 household files differ from those release 2026.1 was computed from"},
		{"a story citing an indicator the release lacks, without the key", func() {
			snap := filepath.Join(l.Releases(), "2026.1", "figures.json")
			b, _ := os.ReadFile(snap)
			pristine[snap] = b
			var kept []string
			for _, line := range strings.Split(string(b), "\n") {
				if !strings.Contains(line, `"Indicator":"escaped"`) {
					kept = append(kept, line)
				}
			}
			os.WriteFile(snap, []byte(strings.Join(kept, "\n")), 0o644)
		}, key(""), "en", `cites indicator "escaped", which release 2026.1 holds no figure for`},
		{"a review newer than the release, without the key", func() {
			b, _ := os.ReadFile(review)
			os.WriteFile(filepath.Join(l.Reviews(), "2027.csv.age"), b, 0o644)
		}, key(""), "en", "new, changed or removed: reviews/2027.csv.age"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				for f, b := range pristine {
					os.WriteFile(f, b, 0o644)
				}
				os.Remove(strings.TrimSuffix(review, seal.Suffix))
				os.Remove(filepath.Join(l.Reviews(), "2027.csv.age"))
			}()
			if c.break_ != nil {
				c.break_()
			}
			_, err := Load(l, c.getenv, c.lang)
			var inv *InvalidError
			want := 1
			if strings.Contains(c.name, "story") {
				want = 2 // the story's Vietnamese and English files
			}
			if !errors.As(err, &inv) || len(inv.Findings) != want {
				t.Fatalf("got %v, want %d problem(s)", err, want)
			}
			for _, f := range inv.Findings {
				if msg := f.Message(c.lang); !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
					t.Errorf("message %q, want one line containing %q", msg, c.want)
				}
			}
		})
	}
	if _, err := Load(l, key(""), "en"); err != nil {
		t.Fatalf("after the cases, the keyless load fails: %v", err)
	}
}
