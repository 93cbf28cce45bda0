package seal

import (
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"
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
