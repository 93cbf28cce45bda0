package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeygenSealReseal walks an officer's key lifecycle through the commands: make a
// key, declare its recipient, seal a review file, then re-encrypt it.
func TestKeygenSealReseal(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"portal.toml", "programmes.toml", "targets.toml", "standards.toml", filepath.Join("reviews", "2024.csv")} {
		copyFile(t, filepath.Join("..", "..", "..", "data", f), filepath.Join(root, "data", f))
	}
	t.Chdir(root)
	run1 := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, &out, &errOut)
		return out.String(), errOut.String(), code
	}
	keyFile := filepath.Join(root, "key.txt")
	out, errOut, code := run1("keygen", "--out", keyFile)
	if code != 0 {
		t.Fatalf("keygen: exit %d: %s", code, errOut)
	}
	key, _ := os.ReadFile(keyFile)
	if st, _ := os.Stat(keyFile); st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
	var identity, recipient string
	for _, line := range strings.Split(string(key), "\n") {
		if strings.HasPrefix(line, "AGE-SECRET-KEY-") {
			identity = line
		}
		if r, ok := strings.CutPrefix(line, "# public key: "); ok {
			recipient = r
		}
	}
	if identity == "" || recipient == "" || strings.Contains(out, identity) {
		t.Fatalf("keygen wrote %q and printed %q: want a secret key kept out of the output", key, out)
	}
	if _, _, code := run1("keygen", "--out", keyFile); code == 0 {
		t.Error("keygen overwrote an existing key file")
	}

	cfg := filepath.Join(root, "data", "portal.toml")
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), "recipients = []", `recipients = ["`+recipient+`"]`, 1)), 0o644)
	clear := filepath.Join("data", "reviews", "2024.csv")
	t.Setenv("PORTAL_AGE_IDENTITY_FILE", keyFile)
	if _, errOut, code := run1("seal", clear); code != 0 {
		t.Fatalf("seal: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(clear); !os.IsNotExist(err) {
		t.Error("the clear file is still there after sealing")
	}
	sealed, err := os.ReadFile(clear + ".age")
	if err != nil || bytes.Contains(sealed, []byte("household_id")) {
		t.Fatalf("sealed file missing or readable: %v", err)
	}
	if _, errOut, code := run1("reseal"); code != 0 {
		t.Fatalf("reseal: exit %d: %s", code, errOut)
	}
	resealed, _ := os.ReadFile(clear + ".age")
	if bytes.Equal(resealed, sealed) {
		t.Error("reseal left the file as it was")
	}
	t.Setenv("PORTAL_AGE_IDENTITY_FILE", "")
	if _, errOut, code := run1("reseal"); code != 1 || !strings.Contains(errOut, "PORTAL_AGE_IDENTITY") {
		t.Errorf("reseal without a key: exit %d, %q; want 1 and a hint naming PORTAL_AGE_IDENTITY", code, errOut)
	}
}
