//go:build !linux

package assemble

import "os"

// exchange swaps the folders a and b with two renames through b+".old": systems
// other than Linux have no atomic exchange of two folders that Go can reach, so a
// kill between the renames leaves b missing (and b+".old" holding the old site, which
// the next build removes before it starts). Publishing from CI runs on Linux.
func exchange(a, b string) error {
	old := b + ".old"
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(old, b)
		return err
	}
	return os.Rename(old, a)
}
