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
