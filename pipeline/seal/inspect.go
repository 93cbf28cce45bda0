package seal

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
)

// Stanzas reads the header of the sealed file at path and counts its recipient
// stanzas by type ("X25519", "mlkem768x25519", ...), without any key. An X25519 or
// hybrid stanza does not say whose key it is for (age hides that on purpose), so this
// is what can honestly be checked without the key: how many recipients a file was
// sealed for, and of which kind.
func Stanzas(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ioError("inspect", path, err)
	}
	defer f.Close()
	hdr, err := age.ExtractHeader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w (hint: %s)", path, ErrDamaged, hintDamaged)
	}
	out := map[string]int{}
	for _, line := range bytes.Split(hdr, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("-> ")); ok {
			kind, _, _ := strings.Cut(string(rest), " ")
			out[kind]++
		}
	}
	return out, nil
}

// StanzaKind is the stanza type age writes for a recipient of ParseRecipients.
func StanzaKind(r age.Recipient) string {
	if _, ok := r.(*age.HybridRecipient); ok {
		return "mlkem768x25519"
	}
	return "X25519"
}

// Fingerprint is the SHA-256 of a file's bytes as committed (the ciphertext, for a
// sealed file), in hex: a release records it for each input, so that a build without
// the key can tell whether the inputs changed since.
func Fingerprint(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", ioError("fingerprint", path, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// inGoTestdata reports whether the folder dir (relative to the walk's root) is, or is
// inside, a Go package's testdata folder: a folder named testdata beside .go files.
// The go tool ignores such folders, and by convention they hold synthetic fixtures.
func inGoTestdata(root, rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, p := range parts {
		if p != "testdata" || i == 0 {
			continue
		}
		pkg := filepath.Join(root, filepath.FromSlash(strings.Join(parts[:i], "/")))
		if hasGoFiles(pkg) {
			return true
		}
	}
	return false
}

func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// SealedFiles lists the sealed "*.csv.age" files directly in the given folders;
// missing folders hold none.
func SealedFiles(dirs ...string) ([]string, error) {
	var out []string
	for _, dir := range dirs {
		m, err := filepath.Glob(filepath.Join(dir, "*.csv"+Suffix))
		if err != nil {
			return nil, err
		}
		out = append(out, m...)
	}
	return out, nil
}

// Twins lists the clear files of dirs that sit beside their sealed twin (2024.csv
// and 2024.csv.age): which of the two is the data is then unclear.
func Twins(dirs ...string) ([]string, error) {
	sealed, err := SealedFiles(dirs...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range sealed {
		clear := strings.TrimSuffix(s, Suffix)
		if _, err := os.Stat(clear); err == nil {
			out = append(out, clear)
		} else if !os.IsNotExist(err) {
			return nil, ioError("twins", clear, err)
		}
	}
	return out, nil
}
