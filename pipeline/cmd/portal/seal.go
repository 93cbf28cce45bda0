package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/seal"
)

// sealCommand encrypts clear review or support files for the recipients of portal.toml.
type sealCommand struct {
	stdout, stderr io.Writer
}

func (c *sealCommand) Name() string { return "seal" }
func (c *sealCommand) Synopsis() string {
	return "encrypt household files (FILE.csv -> FILE.csv.age) for the recipients in portal.toml"
}

func (c *sealCommand) Run(ctx context.Context, args []string) error {
	l, files, err := dataAndFiles(c.Name()+" FILE...", c.Synopsis(), c.stderr, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		if files, err = seal.ClearDataFiles(l.Root); err != nil {
			return err
		}
		if len(files) == 0 {
			return &usageError{msg: "no clear review or support file to seal; name the files to seal"}
		}
	}
	recipients, err := recipientsOf(l.PortalConfig())
	if err != nil {
		return err
	}
	verify, err := seal.IdentitiesFromEnv(os.Getenv)
	if errors.Is(err, seal.ErrNoIdentity) {
		fmt.Fprintln(c.stderr, "warning: no identity set, so the round trip is checked on the file's structure only")
		verify = nil
	} else if err != nil {
		return err
	}
	var errs []error
	for _, f := range files {
		if seal.IsSealed(f) {
			errs = append(errs, fmt.Errorf("%s: already sealed", f))
			continue
		}
		out, err := seal.SealFile(f, recipients, verify)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(c.stdout, "đã mã hoá / sealed: %s\n", out)
		fmt.Fprintf(c.stdout, "  git add %s && git rm --cached --ignore-unmatch %s\n", out, f)
	}
	return errors.Join(errs...)
}

// dataAndFiles parses the flags of a command that takes a --data folder and file
// names, and returns the layout and the files.
func dataAndFiles(name, synopsis string, stderr io.Writer, args []string) (paths.Layout, []string, error) {
	fs := newFlagSet(name, synopsis, stderr)
	var lf layoutFlags
	fs.StringVar(&lf.data, "data", "", "input folder holding portal.toml (default data/)")
	if err := parseFlagsAndFiles(fs, args); err != nil {
		return paths.Layout{}, nil, err
	}
	l, err := lf.layout()
	return l, fs.Args(), err
}

// recipientsOf reads the age recipients declared in portal.toml.
func recipientsOf(portalToml string) ([]age.Recipient, error) {
	p, err := config.LoadPortal(portalToml)
	if err != nil {
		return nil, err
	}
	return seal.ParseRecipients(p.Data.Recipients)
}

// resealCommand re-encrypts sealed files after the recipient list changed.
type resealCommand struct {
	stdout, stderr io.Writer
}

func (c *resealCommand) Name() string { return "reseal" }
func (c *resealCommand) Synopsis() string {
	return "re-encrypt every sealed file for the current recipients (after adding or removing one)"
}

func (c *resealCommand) Run(ctx context.Context, args []string) error {
	l, files, err := dataAndFiles(c.Name()+" [FILE...]", c.Synopsis(), c.stderr, args)
	if err != nil {
		return err
	}
	ids, err := seal.IdentitiesFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	recipients, err := recipientsOf(l.PortalConfig())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		for _, dir := range []string{l.Reviews(), l.Support()} {
			m, _ := filepath.Glob(filepath.Join(dir, "*.csv"+seal.Suffix))
			files = append(files, m...)
		}
	}
	var errs []error
	for _, f := range files {
		if err := seal.Reseal(f, ids, recipients); err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(c.stdout, "đã mã hoá lại / resealed: %s\n", f)
	}
	if len(errs) == 0 {
		// Resealing changes the files' bytes, not the figures: the release's
		// fingerprints must follow, or builds without the key refuse the files.
		fmt.Fprintln(c.stdout, "tiếp theo: chạy portal release, rồi commit data/portal.toml, các tệp .age và data/releases/ cùng lúc")
		fmt.Fprintln(c.stdout, "next: run portal release, then commit data/portal.toml, the .age files and data/releases/ together")
	}
	return errors.Join(errs...)
}

// keygenCommand makes a new age identity for an officer or for CI.
type keygenCommand struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

func (c *keygenCommand) Name() string { return "keygen" }
func (c *keygenCommand) Synopsis() string {
	return "make a new key pair: the secret key stays with you, the public key goes into portal.toml"
}

func (c *keygenCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	out := fs.String("out", "", "where to write the secret key file, outside the repository (default: your user config folder, portal/khoa-age.txt)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	path := *out
	if path == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return fmt.Errorf("%w (hint: name a file outside the repository with --out)", err)
		}
		path = filepath.Join(dir, "portal", "khoa-age.txt")
	}
	if err := outsideRepository(path); err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; it is not overwritten (hint: choose another file with --out)", path)
	}
	identity, recipient, err := seal.Keygen()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	body := strings.Join([]string{
		"# created: " + now().UTC().Format(time.RFC3339),
		"# public key: " + recipient,
		identity, "",
	}, "\n")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "khoá bí mật đã lưu / secret key saved: %s (giữ kín, không gửi cho ai / keep it private)\n", path)
	fmt.Fprintf(c.stdout, "khoá công khai / public key: %s\n", recipient)
	fmt.Fprintln(c.stdout, "gửi dòng age1... cho người quản trị để thêm vào [data] recipients trong data/portal.toml")
	fmt.Fprintln(c.stdout, "send the age1... line to the maintainer to add to [data] recipients in data/portal.toml")
	return nil
}

// outsideRepository refuses a key file inside a repository (the one the command
// runs in, or any git work tree holding the path) unless git ignores it: a secret
// key committed by mistake to a public repository is leaked for good.
func outsideRepository(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	var roots []string
	if root, err := paths.FindRoot("."); err == nil {
		roots = append(roots, root)
	}
	if root := gitRoot(filepath.Dir(abs)); root != "" {
		roots = append(roots, root)
	}
	for _, root := range roots {
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if gitIgnores(root, rel) {
			continue
		}
		// keygen has no --lang: like its other output, the refusal is in both languages.
		return fmt.Errorf("%s nằm trong kho %s và git không bỏ qua tệp này: khoá bí mật không bao giờ được commit "+
			"(cách sửa: bỏ --out để dùng thư mục cấu hình của người dùng, hoặc chọn tệp ngoài kho)\n"+
			"%s is inside the repository %s and git does not ignore it: a secret key must never be committed "+
			"(hint: leave out --out to use your user config folder, or name a file outside the repository)", path, root, path, root)
	}
	return nil
}

// gitRoot is the git work tree holding dir (or its nearest existing parent), or "".
func gitRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// gitIgnores reports whether git, run in root, ignores rel. Without git nothing is
// known to be ignored.
func gitIgnores(root, rel string) bool {
	cmd := exec.Command("git", "-C", root, "check-ignore", "-q", "--no-index", "--", filepath.ToSlash(rel))
	return cmd.Run() == nil
}
