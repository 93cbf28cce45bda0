// Package seal encrypts household data for its recipients and opens it in memory.
//
// Real review and support files are committed only as "<file>.csv.age", encrypted
// with age to every public key listed in data/portal.toml under [data] recipients.
// The build opens them with [Open], which decrypts the whole file into memory:
// no decrypted byte is ever written to disk, temporary files included.
package seal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
)

// Suffix is the file name suffix of a sealed (age-encrypted) file.
const Suffix = ".age"

// EnvIdentity names the environment variable that holds an age secret key
// (AGE-SECRET-KEY-1...) used to open sealed files.
const EnvIdentity = "PORTAL_AGE_IDENTITY"

// EnvIdentityFile names the environment variable that holds the path of a file
// with one or more age secret keys, as written by `portal keygen`.
const EnvIdentityFile = "PORTAL_AGE_IDENTITY_FILE"

// maxIdentityFileSize bounds the identity file read by IdentitiesFromEnv.
const maxIdentityFileSize = 1 << 20

// ErrNoIdentity is returned when no age identity is available to open sealed
// files: neither PORTAL_AGE_IDENTITY nor PORTAL_AGE_IDENTITY_FILE is set.
var ErrNoIdentity = errors.New("no age identity (hint: set " + EnvIdentity +
	" to your AGE-SECRET-KEY-1... key, or " + EnvIdentityFile +
	" to the path of the key file made by `portal keygen`; see docs/khoa-du-lieu.md)")

// ErrNoIdentityMatch is wrapped by the error of Open and Reseal when none of
// the given identities is a recipient of the sealed file.
var ErrNoIdentityMatch = errors.New("no identity matches")

// ErrDamaged is wrapped by the error of Open and Reseal when a sealed file
// cannot be authenticated: it is truncated, corrupted or was altered.
var ErrDamaged = errors.New("the file is damaged or was altered")

// ErrBadIdentity is wrapped by the error of IdentitiesFromEnv when a secret key
// is malformed. The error never contains the key text.
var ErrBadIdentity = errors.New("not a valid age secret key")

// ErrBadRecipient is wrapped by the error of ParseRecipients when an entry is
// not a usable age public key.
var ErrBadRecipient = errors.New("not a valid age public key")

// ErrNoRecipients is returned when there is no recipient to seal a file to.
var ErrNoRecipients = errors.New("no recipients (hint: add at least one age1... public key to [data] recipients in data/portal.toml)")

const (
	hintNoMatch = "your key is not among the recipients of this file; " +
		"check " + EnvIdentity + " or " + EnvIdentityFile + ", or ask the maintainer to add your public key " +
		"to [data] recipients in data/portal.toml and run `portal reseal`"
	hintDamaged = "restore it from git"
)

// ParseRecipients parses age public keys (age1... or age1pq1...), as listed
// in [data] recipients of data/portal.toml. Surrounding spaces are ignored and
// duplicates are dropped. An error names the bad entry by its position in the
// list, counting from 1, and never repeats the entry's text.
func ParseRecipients(list []string) ([]age.Recipient, error) {
	if len(list) == 0 {
		return nil, fmt.Errorf("recipients: %w", ErrNoRecipients)
	}
	var (
		out      []age.Recipient
		seen     = map[string]bool{}
		pq, x    int // position of the first post-quantum / classic entry
		position = func(i int) string { return fmt.Sprintf("entry %d (counting from 1)", i+1) }
	)
	for i, raw := range list {
		s := strings.TrimSpace(raw)
		var (
			r   age.Recipient
			err error
		)
		switch {
		case s == "":
			return nil, fmt.Errorf("recipients: %s is empty: %w", position(i), ErrBadRecipient)
		case strings.HasPrefix(strings.ToUpper(s), "AGE-SECRET-KEY-"):
			return nil, fmt.Errorf("recipients: %s is a SECRET key, not a public key: %w "+
				"(hint: remove it now, put the age1... public key there instead, and treat that secret key as leaked)",
				position(i), ErrBadRecipient)
		case strings.HasPrefix(s, "age1pq1"):
			r, err = age.ParseHybridRecipient(s)
			if pq == 0 {
				pq = i + 1
			}
		case strings.HasPrefix(s, "age1"):
			r, err = age.ParseX25519Recipient(s)
			if x == 0 {
				x = i + 1
			}
		default:
			return nil, fmt.Errorf("recipients: %s does not start with age1: %w", position(i), ErrBadRecipient)
		}
		if err != nil {
			// age's message repeats the key; a public key is not secret, but
			// keep the rule simple: name the position only.
			return nil, fmt.Errorf("recipients: %s is malformed (check for a typo or a cut-off key): %w", position(i), ErrBadRecipient)
		}
		if pq != 0 && x != 0 {
			return nil, fmt.Errorf("recipients: entry %d is post-quantum (age1pq1...) and entry %d is classic (age1...); age cannot mix them: %w",
				pq, x, ErrBadRecipient)
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, r)
	}
	return out, nil
}

// IdentitiesFromEnv loads the age identities used to open sealed files, from
// the secret key in PORTAL_AGE_IDENTITY and/or the key file named by
// PORTAL_AGE_IDENTITY_FILE (both are used when both are set). Blank lines and
// lines starting with "#" are ignored, so the whole file written by
// `portal keygen` may be pasted. getenv is usually os.Getenv. When neither
// variable is set the error wraps ErrNoIdentity. Errors never contain key text.
func IdentitiesFromEnv(getenv func(string) string) ([]age.Identity, error) {
	var ids []age.Identity
	env := getenv(EnvIdentity)
	file := strings.TrimSpace(getenv(EnvIdentityFile))
	if strings.TrimSpace(env) == "" && file == "" {
		return nil, fmt.Errorf("identity: %w", ErrNoIdentity)
	}
	if strings.TrimSpace(env) != "" {
		got, err := parseIdentities("$"+EnvIdentity, env)
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
	}
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, ioError("identity", file, err)
		}
		data, err := io.ReadAll(io.LimitReader(f, maxIdentityFileSize+1))
		f.Close()
		if err != nil {
			return nil, ioError("identity", file, err)
		}
		if len(data) > maxIdentityFileSize {
			return nil, fmt.Errorf("identity %s: file is larger than %d bytes: %w", file, maxIdentityFileSize, ErrBadIdentity)
		}
		got, err := parseIdentities(file, string(data))
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
	}
	return ids, nil
}

// parseIdentities parses secret keys one per line; source names where they
// came from. Errors name the line, never its text.
func parseIdentities(source, text string) ([]age.Identity, error) {
	var ids []age.Identity
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var (
			id  age.Identity
			err error
		)
		switch {
		case strings.HasPrefix(line, "AGE-SECRET-KEY-PQ-1"):
			id, err = age.ParseHybridIdentity(line)
		case strings.HasPrefix(line, "AGE-SECRET-KEY-1"):
			id, err = age.ParseX25519Identity(line)
		case strings.HasPrefix(line, "age1"):
			return nil, fmt.Errorf("identity %s: line %d is a public key (age1...), not a secret key: %w "+
				"(hint: use the AGE-SECRET-KEY-1... line made by `portal keygen`)", source, n+1, ErrBadIdentity)
		default:
			err = ErrBadIdentity
		}
		if err != nil {
			// The age error is dropped on purpose: it could quote part of the key.
			return nil, fmt.Errorf("identity %s: line %d: %w (expected AGE-SECRET-KEY-1... as made by `portal keygen`; check for a cut-off or mistyped key)",
				source, n+1, ErrBadIdentity)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("identity %s: no secret key found: %w", source, ErrBadIdentity)
	}
	return ids, nil
}

// SealFile encrypts the clear file at path to recipients and writes
// path+".age" atomically: the ciphertext goes to a temporary file in the same
// folder, which is then renamed. It then checks the result: with verify
// identities it decrypts the written file in memory and compares it with the
// clear bytes; without them it checks that the written bytes are the ones
// encrypted and that the age header parses. Only then is the clear file
// removed. It returns the path of the sealed file. On error the clear file is
// kept.
func SealFile(path string, recipients []age.Recipient, verify []age.Identity) (string, error) {
	const op = "seal"
	if IsSealed(path) {
		return "", fmt.Errorf("%s %s: file is already sealed", op, path)
	}
	if len(recipients) == 0 {
		return "", fmt.Errorf("%s %s: %w", op, path, ErrNoRecipients)
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", ioError(op, path, err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s %s: not a regular file", op, path)
	}
	plain, err := os.ReadFile(path)
	if err != nil {
		return "", ioError(op, path, err)
	}
	ct, err := encrypt(plain, recipients)
	if err != nil {
		return "", fmt.Errorf("%s %s: %w", op, path, err)
	}
	if err := roundTrip(ct, plain, verify, false); err != nil {
		return "", fmt.Errorf("%s %s: verification failed, nothing written: %w", op, path, err)
	}
	out := path + Suffix
	if err := writeAtomic(out, ct); err != nil {
		return "", fmt.Errorf("%s %s: %w", op, path, err)
	}
	if err := check(out, ct, plain, verify, false); err != nil {
		os.Remove(out) // never leave an unverified file next to the clear one
		return "", fmt.Errorf("%s %s: verification failed, clear file kept: %w", op, path, err)
	}
	if err := os.Remove(path); err != nil {
		return out, fmt.Errorf("%s %s: sealed to %s but could not remove the clear file: %w", op, path, out, pathCause(err))
	}
	return out, nil
}

// Reseal decrypts the sealed file at path in memory with ids and encrypts it
// again to recipients, replacing the file atomically. Use it after a
// recipient is added to or removed from [data] recipients. If ids are also
// recipients of the new file, the new file is checked by a full round trip;
// otherwise its bytes and header are checked.
func Reseal(path string, ids []age.Identity, recipients []age.Recipient) error {
	const op = "reseal"
	if !IsSealed(path) {
		return fmt.Errorf("%s %s: not a sealed file (want a %s suffix; use seal for clear files)", op, path, Suffix)
	}
	if len(recipients) == 0 {
		return fmt.Errorf("%s %s: %w", op, path, ErrNoRecipients)
	}
	plain, err := open(op, path, ids)
	if err != nil {
		return err
	}
	ct, err := encrypt(plain, recipients)
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	if err := roundTrip(ct, plain, ids, true); err != nil {
		return fmt.Errorf("%s %s: verification failed, file left unchanged: %w", op, path, err)
	}
	if err := writeAtomic(path, ct); err != nil {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	if err := check(path, ct, plain, ids, true); err != nil {
		return fmt.Errorf("%s %s: verification failed (hint: restore the file from git): %w", op, path, err)
	}
	return nil
}

// Open returns the contents of path. A sealed path (ending in ".age") is
// decrypted entirely in memory with ids; nothing is written to disk. A wrong
// identity gives an error wrapping ErrNoIdentityMatch, a damaged or altered
// file one wrapping ErrDamaged. Any other path is read with os.ReadFile.
func Open(path string, ids []age.Identity) ([]byte, error) {
	if !IsSealed(path) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, ioError("open", path, err)
		}
		return b, nil
	}
	return open("open", path, ids)
}

func open(op, path string, ids []age.Identity) ([]byte, error) {
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s %s: %w", op, path, ErrNoIdentity)
	}
	ct, err := os.ReadFile(path)
	if err != nil {
		return nil, ioError(op, path, err)
	}
	plain, err := decrypt(ct, ids)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", op, path, err)
	}
	return plain, nil
}

// decrypt opens ciphertext in memory. Its errors wrap ErrNoIdentityMatch or
// ErrDamaged and carry a hint.
func decrypt(ct []byte, ids []age.Identity) ([]byte, error) {
	r, err := age.Decrypt(bytes.NewReader(ct), ids...)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return nil, fmt.Errorf("%w (hint: %s)", ErrNoIdentityMatch, hintNoMatch)
		}
		return nil, fmt.Errorf("%w (hint: %s)", ErrDamaged, hintDamaged)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w (hint: %s)", ErrDamaged, hintDamaged)
	}
	return plain, nil
}

func encrypt(plain []byte, recipients []age.Recipient) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, recipients...)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return buf.Bytes(), nil
}

// check re-reads the sealed file at path and makes sure it holds exactly ct,
// that its header parses and that it passes roundTrip.
func check(path string, ct, plain []byte, ids []age.Identity, lenient bool) error {
	disk, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("re-read: %w", pathCause(err))
	}
	if !bytes.Equal(disk, ct) {
		return errors.New("the written file differs from the encrypted bytes")
	}
	if _, err := age.ExtractHeader(bytes.NewReader(disk)); err != nil {
		return fmt.Errorf("the written file has no valid age header: %w", err)
	}
	return roundTrip(disk, plain, ids, lenient)
}

// roundTrip decrypts ct in memory with ids, when given, and compares the
// result with plain byte for byte. With lenient set, ids that are not
// recipients of ct are not an error.
func roundTrip(ct, plain []byte, ids []age.Identity, lenient bool) error {
	if len(ids) == 0 {
		return nil
	}
	got, err := decrypt(ct, ids)
	if err != nil {
		if lenient && errors.Is(err, ErrNoIdentityMatch) {
			return nil
		}
		return err
	}
	if !bytes.Equal(got, plain) {
		return errors.New("decrypting the sealed bytes does not give back the clear bytes")
	}
	return nil
}

// writeAtomic writes data (ciphertext only) to a temporary file in the folder
// of path, syncs it and renames it over path.
func writeAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	// Ciphertext is meant for a public repository: the usual file mode is fine.
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // best effort: make the rename durable
		d.Close()
	}
	return nil
}

// IsSealed reports whether path names a sealed file, that is, ends in ".age".
func IsSealed(path string) bool {
	return strings.HasSuffix(path, Suffix)
}

// Keygen makes a new age X25519 key pair. identity is the secret key
// (AGE-SECRET-KEY-1...), to be kept private; recipient is the public key
// (age1...), to be added to [data] recipients in data/portal.toml.
func Keygen() (identity string, recipient string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", "", fmt.Errorf("generate key: %w", err)
	}
	return id.String(), id.Recipient().String(), nil
}

// skipDirs are folders ClearDataFiles does not enter.
var skipDirs = map[string]bool{".git": true, "build": true, "public": true, "node_modules": true}

// ClearDataFiles walks root and lists the clear ".csv" files that sit under a
// folder named "reviews" or "support" at any depth (names compared without
// regard to case), skipping .git, build, public, node_modules and the Go
// packages' testdata folders (synthetic fixtures by Go convention). Sealed
// "*.csv.age" files are not listed. With real data declared
// ([data] sample = false) any file listed here must be refused.
func ClearDataFiles(root string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			if rel, err := filepath.Rel(root, p); err == nil && d.Name() == "testdata" && inGoTestdata(root, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.EqualFold(filepath.Ext(d.Name()), ".csv") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		parts := strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")
		for _, part := range parts {
			if strings.EqualFold(part, "reviews") || strings.EqualFold(part, "support") {
				found = append(found, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("clear data scan %s: %w", root, err)
	}
	return found, nil
}

// ioError wraps a file-system error as "op path: cause" without repeating the
// path that *fs.PathError already carries.
func ioError(op, path string, err error) error {
	return fmt.Errorf("%s %s: %w", op, path, pathCause(err))
}

// pathCause strips the *fs.PathError layer, whose message repeats the path.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
