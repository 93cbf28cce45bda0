package assemble

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stepHook, when set by a test, is called between the steps of a swap with the
// step's name; a hook that panics stands for the process being killed there (the
// swap code defers nothing, so nothing runs after the kill).
var stepHook func(step string)

func step(name string) {
	if stepHook != nil {
		stepHook(name)
	}
}

// newSiteDir makes the temporary folder a new site is built in, beside out (so
// the swap is a rename within one file system), after removing what a killed build
// left there. Its name starts with "."+base(out)+"-new-", git-ignored.
func newSiteDir(out string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	if err := removeLeftovers(out); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+"-new-")
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return tmp, nil
}

// removeLeftovers removes the temporary folders of builds killed before their swap
// (the build lock says no other build is running) and the out+".old" folder older
// versions of the portal swapped through.
func removeLeftovers(out string) error {
	left, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-new-*"))
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	// A kill between the two renames of the fallback exchange (not Linux) left the
	// old site at out+".old" and none at out: put it back.
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		os.Rename(out+".old", out)
	}
	for _, d := range append(left, out+".old") {
		if err := os.RemoveAll(d); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	return nil
}

// swap puts the new site (tmp) in place of the old one (out) so that at every
// instant, a kill included, out is the whole old site or the whole new one: on
// Linux the two folders trade places in one renameat2(RENAME_EXCHANGE) call (see
// exchange); the old site, now at tmp, is removed afterwards. When there is no old
// site, a plain rename makes the new one appear at once.
func swap(tmp, out string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	step("built")
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("build: %w", err)
		}
		step("swapped")
		return nil
	}
	if err := exchange(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("build: %w", err)
	}
	step("swapped")
	// tmp now holds the old site: a kill here leaves it for the next build to remove.
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	step("cleaned")
	return nil
}

// linkTree gives dst the files of src (the old site) outside the top-level folders
// in skip, as hard links where the file system allows and copies where not. A
// missing src is an empty one.
func linkTree(src, dst string, skip map[string]bool) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == src && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." {
			return err
		}
		if skip[filepath.ToSlash(rel)] && d.IsDir() {
			return fs.SkipDir
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil // the site has no links or devices; none is carried over
		}
		if os.Link(p, target) == nil {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	return err
}
