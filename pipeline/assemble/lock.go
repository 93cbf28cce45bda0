package assemble

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
)

// ErrBusy is returned when another build of the same repository is running: two
// builds at once would overwrite each other's build/ and publish a mix.
var ErrBusy = errors.New("another portal build or preview (portal serve) is running")

// errLocked is what tryLock returns when another process holds the lock.
var errLocked = errors.New("locked")

// Lock takes the build lock of a repository, so that no other build rewrites its
// build/ until the returned function is called. Build takes it itself unless
// Options.Locked says the caller holds it.
func Lock(l paths.Layout) (func(), error) { return lockBuild(l.BuildLock()) }

// lockBuild takes the build lock: an operating-system lock on a file beside build/,
// which the system releases if the build dies, so a crash never leaves a stale lock.
// The file holds the process id of the build holding it, for the message another
// build gives. It returns the function that releases the lock.
func lockBuild(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("build: lock %s: %w", path, err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if !errors.Is(err, errLocked) {
			return nil, fmt.Errorf("build: lock %s: %w", path, err)
		}
		holder := "another process"
		if b, err := os.ReadFile(path); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				holder = "process " + strconv.Itoa(pid)
			}
		}
		return nil, fmt.Errorf("build: %w (%s holds %s); wait for it to finish", ErrBusy, holder, path)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		unlock(f)
		f.Close()
	}, nil
}
