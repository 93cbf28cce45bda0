package seal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"
)

const sampleCSV = "year,village,household,size,poor\n2024,T01,H0001,4,1\n2024,T02,H0002,3,0\n"

type keyPair struct {
	secret    string
	public    string
	identity  age.Identity
	recipient age.Recipient
}

func newKey(t testing.TB) keyPair {
	t.Helper()
	secret, public, err := Keygen()
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.ParseX25519Identity(secret)
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.ParseX25519Recipient(public)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{secret, public, id, r}
}

// writeFile writes a clear test file and returns its path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sealBytes seals data for recipients in a fresh folder and returns the .age path.
func sealBytes(t testing.TB, data []byte, recipients ...age.Recipient) string {
	t.Helper()
	p := writeFile(t, t.TempDir(), "2024.csv", data)
	out, err := SealFile(p, recipients, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func listDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSealOpenRoundTrip(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	big := bytes.Repeat([]byte("2024,T01,H0001,4,1\n"), 200_000) // several age chunks
	cases := []struct {
		name       string
		data       []byte
		recipients []age.Recipient
		verify     []age.Identity
		openWith   age.Identity
	}{
		{"small csv, verified", []byte(sampleCSV), []age.Recipient{alice.recipient}, []age.Identity{alice.identity}, alice.identity},
		{"small csv, header check only", []byte(sampleCSV), []age.Recipient{alice.recipient}, nil, alice.identity},
		{"vietnamese text", []byte("thôn,hộ\nThôn Đông,Nguyễn Văn Ánh\n"), []age.Recipient{alice.recipient}, nil, alice.identity},
		{"empty file", nil, []age.Recipient{alice.recipient}, []age.Identity{alice.identity}, alice.identity},
		{"large file", big, []age.Recipient{alice.recipient}, []age.Identity{alice.identity}, alice.identity},
		{"second of two recipients opens", []byte(sampleCSV), []age.Recipient{alice.recipient, bob.recipient}, []age.Identity{alice.identity}, bob.identity},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "reviews/2024.csv", tc.data)
			out, err := SealFile(p, tc.recipients, tc.verify)
			if err != nil {
				t.Fatal(err)
			}
			if out != p+".age" {
				t.Fatalf("SealFile returned %q, want %q", out, p+".age")
			}
			ct, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(tc.data) > 0 && bytes.Contains(ct, tc.data[:min(len(tc.data), 20)]) {
				t.Fatal("ciphertext contains clear text")
			}
			got, err := Open(out, []age.Identity{tc.openWith})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.data) {
				t.Fatalf("round trip changed the data: got %d bytes, want %d", len(got), len(tc.data))
			}
		})
	}
}

func TestOpenPlain(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		path    string
		want    string
		wantErr error
	}{
		{"clear csv is read as is", writeFile(t, dir, "2024.csv", []byte(sampleCSV)), sampleCSV, nil},
		{"missing file", filepath.Join(dir, "nope.csv"), "", fs.ErrNotExist},
		{"missing sealed file", filepath.Join(dir, "nope.csv.age"), "", fs.ErrNotExist},
	}
	id := newKey(t).identity
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Open(tc.path, []age.Identity{id})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.path) {
					t.Fatalf("error %q does not name the file", err)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Fatalf("Open = %q, %v", got, err)
			}
		})
	}
}

func TestOpenWrongIdentity(t *testing.T) {
	alice, bob, carol := newKey(t), newKey(t), newKey(t)
	p := sealBytes(t, []byte(sampleCSV), alice.recipient)
	cases := []struct {
		name    string
		ids     []age.Identity
		wantErr error
		wantMsg string
	}{
		{"one wrong identity", []age.Identity{bob.identity}, ErrNoIdentityMatch, ": no identity matches (hint: "},
		{"two wrong identities", []age.Identity{bob.identity, carol.identity}, ErrNoIdentityMatch, ": no identity matches (hint: "},
		{"no identity at all", nil, ErrNoIdentity, "PORTAL_AGE_IDENTITY"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Open(p, tc.ids)
			if err == nil {
				t.Fatalf("Open succeeded with %d bytes", len(got))
			}
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want it to wrap %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantMsg) || !strings.Contains(err.Error(), p) {
				t.Fatalf("error %q lacks %q or the file name", err, tc.wantMsg)
			}
			if got != nil {
				t.Fatal("clear bytes returned with an error")
			}
		})
	}
}

// headerEnd returns the offset just after the age header's "---" MAC line.
func headerEnd(t *testing.T, ct []byte) int {
	t.Helper()
	i := bytes.Index(ct, []byte("\n---"))
	if i < 0 {
		t.Fatal("no header end in ciphertext")
	}
	j := bytes.IndexByte(ct[i+1:], '\n')
	return i + 1 + j + 1
}

func TestOpenTampered(t *testing.T) {
	alice := newKey(t)
	orig, err := os.ReadFile(sealBytes(t, []byte(sampleCSV), alice.recipient))
	if err != nil {
		t.Fatal(err)
	}
	body := headerEnd(t, orig) + 16 // after the header and the 16-byte nonce
	cases := []struct {
		name   string
		mangle func([]byte) []byte
	}{
		{"flip a byte in the body", func(b []byte) []byte { b[body+3] ^= 0x01; return b }},
		{"flip the last byte (tag)", func(b []byte) []byte { b[len(b)-1] ^= 0x80; return b }},
		{"flip a byte in the nonce", func(b []byte) []byte { b[body-5] ^= 0x01; return b }},
		{"flip a byte in the header MAC", func(b []byte) []byte { b[headerEnd(t, b)-3] ^= 0x01; return b }},
		{"truncate the body", func(b []byte) []byte { return b[:len(b)-10] }},
		{"truncate to the header", func(b []byte) []byte { return b[:headerEnd(t, b)] }},
		{"truncate inside the header", func(b []byte) []byte { return b[:30] }},
		{"empty file", func(b []byte) []byte { return nil }},
		{"trailing garbage", func(b []byte) []byte { return append(b, "extra"...) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "2024.csv.age", tc.mangle(bytes.Clone(orig)))
			got, err := Open(p, []age.Identity{alice.identity})
			if err == nil {
				t.Fatalf("Open accepted a damaged file (%d bytes)", len(got))
			}
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("err = %v, want it to wrap ErrDamaged", err)
			}
			want := p + ": the file is damaged or was altered (hint: restore it from git)"
			if !strings.HasSuffix(err.Error(), want) {
				t.Fatalf("error %q, want it to end with %q", err, want)
			}
		})
	}
}

func TestSealFileLeavesNothingBehind(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	cases := []struct {
		name      string
		verify    []age.Identity
		wantErr   bool
		wantFiles []string
	}{
		{"verified with a recipient's identity", []age.Identity{alice.identity}, false, []string{"2024.csv.age"}},
		{"header check only", nil, false, []string{"2024.csv.age"}},
		{"verify identity is not a recipient: clear file kept, nothing else", []age.Identity{bob.identity}, true, []string{"2024.csv"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, "2024.csv", []byte(sampleCSV))
			_, err := SealFile(p, []age.Recipient{alice.recipient}, tc.verify)
			if (err != nil) != tc.wantErr {
				t.Fatalf("SealFile err = %v, wantErr %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), p) {
				t.Fatalf("error %q does not name the file", err)
			}
			if got := listDir(t, dir); !slices.Equal(got, tc.wantFiles) {
				t.Fatalf("folder holds %q, want %q", got, tc.wantFiles)
			}
		})
	}
}

func TestSealFileRefuses(t *testing.T) {
	alice := newKey(t)
	dir := t.TempDir()
	cases := []struct {
		name       string
		path       string
		recipients []age.Recipient
		wantErr    error
	}{
		{"no recipients", writeFile(t, dir, "a.csv", []byte(sampleCSV)), nil, ErrNoRecipients},
		{"already sealed", writeFile(t, dir, "b.csv.age", []byte("x")), []age.Recipient{alice.recipient}, nil},
		{"missing file", filepath.Join(dir, "missing.csv"), []age.Recipient{alice.recipient}, fs.ErrNotExist},
		{"a folder", dir, []age.Recipient{alice.recipient}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := SealFile(tc.path, tc.recipients, nil)
			if err == nil {
				t.Fatal("SealFile succeeded")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.path) {
				t.Fatalf("error %q does not name the file", err)
			}
		})
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"a.csv", "b.csv.age"}) {
		t.Fatalf("folder holds %q", got)
	}
}

// snapshot records every entry under the given folders with its size and time.
func snapshot(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := e.Info()
			if err != nil {
				return err
			}
			snap[p] = fmt.Sprint(info.ModTime(), info.Mode(), info.Size())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return snap
}

func TestOpenWritesNothing(t *testing.T) {
	alice := newKey(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if os.TempDir() != tmp {
		t.Fatalf("TMPDIR not honoured: %s", os.TempDir())
	}
	dataDir := t.TempDir()
	clearPath := writeFile(t, dataDir, "reviews/2024.csv", []byte(sampleCSV))
	sealed, err := SealFile(clearPath, []age.Recipient{alice.recipient}, nil)
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		ids  []age.Identity
		ok   bool
	}{
		{"successful open", []age.Identity{alice.identity}, true},
		{"wrong identity", []age.Identity{newKey(t).identity}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dirs := []string{tmp, dataDir, wd}
			before := snapshot(t, dirs...)
			got, err := Open(sealed, tc.ids)
			if (err == nil) != tc.ok {
				t.Fatalf("Open err = %v", err)
			}
			if tc.ok && string(got) != sampleCSV {
				t.Fatal("wrong clear bytes")
			}
			after := snapshot(t, dirs...)
			for p, v := range after {
				if before[p] != v {
					t.Errorf("Open created or changed %s", p)
				}
			}
			for p := range before {
				if _, ok := after[p]; !ok {
					t.Errorf("Open removed %s", p)
				}
			}
			if entries := listDir(t, tmp); len(entries) != 0 {
				t.Errorf("TMPDIR holds %q", entries)
			}
		})
	}
}

func TestReseal(t *testing.T) {
	alice, bob, carol := newKey(t), newKey(t), newKey(t)
	cases := []struct {
		name     string
		ids      []age.Identity
		to       []age.Recipient
		canOpen  []age.Identity
		cantOpen []age.Identity
		wantErr  error
	}{
		{"add a recipient", []age.Identity{alice.identity}, []age.Recipient{alice.recipient, bob.recipient},
			[]age.Identity{alice.identity, bob.identity}, []age.Identity{carol.identity}, nil},
		{"remove the resealer (not a new recipient)", []age.Identity{alice.identity}, []age.Recipient{bob.recipient},
			[]age.Identity{bob.identity}, []age.Identity{alice.identity}, nil},
		{"wrong identity leaves the file unchanged", []age.Identity{carol.identity}, []age.Recipient{carol.recipient},
			[]age.Identity{alice.identity}, []age.Identity{carol.identity}, ErrNoIdentityMatch},
		{"no recipients", []age.Identity{alice.identity}, nil,
			[]age.Identity{alice.identity}, nil, ErrNoRecipients},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := sealBytes(t, []byte(sampleCSV), alice.recipient)
			err := Reseal(p, tc.ids, tc.to)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Reseal err = %v, want %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), p) {
				t.Fatalf("error %q does not name the file", err)
			}
			for _, id := range tc.canOpen {
				if got, err := Open(p, []age.Identity{id}); err != nil || string(got) != sampleCSV {
					t.Fatalf("expected recipient cannot open: %v", err)
				}
			}
			for _, id := range tc.cantOpen {
				if _, err := Open(p, []age.Identity{id}); !errors.Is(err, ErrNoIdentityMatch) {
					t.Fatalf("removed recipient still opens the file: %v", err)
				}
			}
			if got := listDir(t, filepath.Dir(p)); !slices.Equal(got, []string{"2024.csv.age"}) {
				t.Fatalf("folder holds %q", got)
			}
		})
	}
	t.Run("clear file refused", func(t *testing.T) {
		p := writeFile(t, t.TempDir(), "2024.csv", []byte(sampleCSV))
		if err := Reseal(p, []age.Identity{alice.identity}, []age.Recipient{bob.recipient}); err == nil {
			t.Fatal("Reseal accepted a clear file")
		}
	})
}

func TestIdentitiesFromEnv(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	dir := t.TempDir()
	keyFile := writeFile(t, dir, "key.txt", []byte("# created: today\n# public key: "+alice.public+"\n"+alice.secret+"\n"))
	// A key with one character changed: it must never show up in an error.
	badKey := alice.secret[:len(alice.secret)-8] + "QQQQQQQQ"
	badFile := writeFile(t, dir, "bad.txt", []byte(badKey+"\n"))
	sealed := sealBytes(t, []byte(sampleCSV), alice.recipient)

	cases := []struct {
		name    string
		env     map[string]string
		wantN   int
		wantErr error
		secret  string // text that must not appear in the error
	}{
		{"env var", map[string]string{EnvIdentity: alice.secret}, 1, nil, ""},
		{"env var with spaces and keygen comments", map[string]string{EnvIdentity: "  # public key: x\r\n" + alice.secret + "\r\n"}, 1, nil, ""},
		{"file", map[string]string{EnvIdentityFile: keyFile}, 1, nil, ""},
		{"both", map[string]string{EnvIdentity: bob.secret, EnvIdentityFile: keyFile}, 2, nil, ""},
		{"neither", map[string]string{}, 0, ErrNoIdentity, ""},
		{"blank values", map[string]string{EnvIdentity: "  ", EnvIdentityFile: ""}, 0, ErrNoIdentity, ""},
		{"malformed key in env", map[string]string{EnvIdentity: badKey}, 0, ErrBadIdentity, badKey},
		{"cut-off key in env", map[string]string{EnvIdentity: alice.secret[:40]}, 0, ErrBadIdentity, alice.secret[:40]},
		{"garbage in env", map[string]string{EnvIdentity: "hunter2-password"}, 0, ErrBadIdentity, "hunter2"},
		{"public key instead of secret", map[string]string{EnvIdentity: alice.public}, 0, ErrBadIdentity, alice.public},
		{"malformed key in file", map[string]string{EnvIdentityFile: badFile}, 0, ErrBadIdentity, badKey},
		{"missing file", map[string]string{EnvIdentityFile: filepath.Join(dir, "none.txt")}, 0, fs.ErrNotExist, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ids, err := IdentitiesFromEnv(func(k string) string { return tc.env[k] })
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				msg := err.Error()
				if tc.secret != "" && strings.Contains(msg, tc.secret) {
					t.Fatalf("error repeats the key: %q", msg)
				}
				if strings.Contains(msg, "AGE-SECRET-KEY-1") && !strings.Contains(msg, "AGE-SECRET-KEY-1...") {
					t.Fatalf("error may contain key material: %q", msg)
				}
				if errors.Is(err, ErrNoIdentity) && !strings.Contains(msg, "hint: set PORTAL_AGE_IDENTITY") {
					t.Fatalf("error %q has no hint", msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != tc.wantN {
				t.Fatalf("got %d identities, want %d", len(ids), tc.wantN)
			}
			if tc.env[EnvIdentityFile] == keyFile || tc.env[EnvIdentity] == alice.secret {
				if _, err := Open(sealed, ids); err != nil {
					t.Fatalf("identities cannot open a file sealed for them: %v", err)
				}
			}
		})
	}
}

func TestParseRecipients(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	// The typo changes the last character of the checksum: to "x" unless it is one
	// already (1 key in 32), when the "typo" would be the key itself.
	typo := bob.public[:len(bob.public)-1] + "x"
	if typo == bob.public {
		typo = bob.public[:len(bob.public)-1] + "y"
	}
	cases := []struct {
		name    string
		list    []string
		wantN   int
		wantErr error
		wantMsg string
		secret  string
	}{
		{"one", []string{alice.public}, 1, nil, "", ""},
		{"two with spaces", []string{" " + alice.public, bob.public + "\n"}, 2, nil, "", ""},
		{"duplicates dropped", []string{alice.public, alice.public}, 1, nil, "", ""},
		{"empty list", nil, 0, ErrNoRecipients, "recipients: no recipients", ""},
		{"empty entry", []string{alice.public, ""}, 0, ErrBadRecipient, "entry 2 ", ""},
		{"typo", []string{alice.public, typo}, 0, ErrBadRecipient, "entry 2 ", bob.public[:20]},
		{"not a key", []string{"ssh-ed25519 AAAA"}, 0, ErrBadRecipient, "entry 1 ", "AAAA"},
		{"secret key pasted", []string{alice.public, bob.public, alice.secret}, 0, ErrBadRecipient, "entry 3 (counting from 1) is a SECRET key", alice.secret[:20]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRecipients(tc.list)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantMsg) {
					t.Fatalf("error %q lacks %q", err, tc.wantMsg)
				}
				if tc.secret != "" && strings.Contains(err.Error(), tc.secret) {
					t.Fatalf("error repeats the entry: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.wantN {
				t.Fatalf("got %d recipients, want %d", len(got), tc.wantN)
			}
		})
	}
}

func TestKeygen(t *testing.T) {
	secret, public, err := Keygen()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, got, prefix string
	}{
		{"identity", secret, "AGE-SECRET-KEY-1"},
		{"recipient", public, "age1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.HasPrefix(tc.got, tc.prefix) {
				t.Fatalf("%q lacks prefix %q", tc.got, tc.prefix)
			}
		})
	}
	id, err := age.ParseX25519Identity(secret)
	if err != nil {
		t.Fatal(err)
	}
	if id.Recipient().String() != public {
		t.Fatal("recipient does not belong to the identity")
	}
}

func TestIsSealed(t *testing.T) {
	cases := []struct {
		path string
		want bool
	}{
		{"data/reviews/2024.csv.age", true},
		{"data/reviews/2024.csv", false},
		{"data/reviews/2024.age.csv", false},
		{"", false},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			if got := IsSealed(tc.path); got != tc.want {
				t.Fatalf("IsSealed(%q) = %v", tc.path, got)
			}
		})
	}
}

func TestClearDataFiles(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"data/reviews/2024.csv",
		"data/reviews/2024.csv.age",
		"data/reviews/old/2019.CSV",
		"data/support/2023.csv",
		"data/support/2023.csv.age",
		"data/targets.csv",
		"data/other/2024.csv",
		"data/reviews/notes.txt",
		"backup/Reviews/2022.csv",
		"build/reviews/2024.csv",
		"public/data/support/2024.csv",
		".git/reviews/2024.csv",
		"node_modules/x/support/a.csv",
		"reviews.csv",
	}
	for _, f := range files {
		writeFile(t, root, f, []byte("x"))
	}
	got, err := ClearDataFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(root, "backup/Reviews/2022.csv"),
		filepath.Join(root, "data/reviews/2024.csv"),
		filepath.Join(root, "data/reviews/old/2019.CSV"),
		filepath.Join(root, "data/support/2023.csv"),
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("ClearDataFiles = %q\nwant %q", got, want)
	}
	cases := []struct {
		path   string
		listed bool
	}{
		{"data/reviews/2024.csv", true},
		{"data/reviews/2024.csv.age", false},
		{"data/support/2023.csv.age", false},
		{"build/reviews/2024.csv", false},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			if slices.Contains(got, filepath.Join(root, tc.path)) != tc.listed {
				t.Fatalf("%s listed = %v, want %v", tc.path, !tc.listed, tc.listed)
			}
		})
	}
	t.Run("missing root", func(t *testing.T) {
		if _, err := ClearDataFiles(filepath.Join(root, "nope")); err == nil {
			t.Fatal("no error for a missing root")
		}
	})
}

func FuzzOpen(f *testing.F) {
	k := newKey(f)
	good := func() []byte {
		var buf bytes.Buffer
		w, err := age.Encrypt(&buf, k.recipient)
		if err != nil {
			f.Fatal(err)
		}
		w.Write([]byte(sampleCSV))
		w.Close()
		return buf.Bytes()
	}()
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add(good[:40])
	f.Add([]byte{})
	f.Add([]byte("age-encryption.org/v1\n-> X25519 \n---\n"))
	f.Add([]byte("age-encryption.org/v1\n-> scrypt AAAA 10\n\n--- AAAA\n"))
	f.Add([]byte(sampleCSV))
	dir := f.TempDir()
	ids := []age.Identity{k.identity}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "fuzz.csv.age")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Open(p, ids)
		if err != nil {
			if got != nil {
				t.Fatal("bytes returned with an error")
			}
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNoIdentityMatch) {
				t.Fatalf("unexpected error kind: %v", err)
			}
		}
	})
}

// TestClearDataFilesSkipsGoTestdata: the Go packages' synthetic fixtures are not the
// commune's data, but a folder named testdata outside a Go package is no hiding place.
func TestClearDataFilesSkipsGoTestdata(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"pipeline/review/x.go", "pipeline/review/testdata/reviews/bad/2024.csv",
		"data/testdata/reviews/2024.csv", "data/reviews/2024.csv",
	} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ClearDataFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(root, g)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"data/reviews/2024.csv", "data/testdata/reviews/2024.csv"}
	if strings.Join(rel, ",") != strings.Join(want, ",") {
		t.Fatalf("clear files = %v, want %v", rel, want)
	}
}

// TestStanzasCountRecipients: a file sealed for two keys has two X25519 stanzas.
func TestStanzasCountRecipients(t *testing.T) {
	dir := t.TempDir()
	var rs []string
	for range 2 {
		_, r, err := Keygen()
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	recipients, err := ParseRecipients(rs)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2024.csv")
	os.WriteFile(p, []byte("a,b\n"), 0o644)
	out, err := SealFile(p, recipients, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Stanzas(out)
	if err != nil || got["X25519"] != 2 || len(got) != 1 {
		t.Fatalf("stanzas = %v, %v; want 2 X25519", got, err)
	}
	os.WriteFile(p, []byte("a,b\n"), 0o644)
	twins, err := Twins(dir)
	if err != nil || len(twins) != 1 {
		t.Fatalf("twins = %v, %v", twins, err)
	}
}
