package assemble

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// ErrBusy is returned when another build of the same repository is running: two
// builds at once would overwrite each other's build/ and publish a mix.
var ErrBusy = errors.New("another portal build is running")

// lockBuild takes the build lock, a file holding the process id of the build that
// writes build/. A lock left by a build that no longer runs (it crashed or was
// killed) is taken over. It returns the function that releases the lock.
func lockBuild(path string) (func(), error) {
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("build: lock %s: %w", path, err)
		}
		b, _ := os.ReadFile(path)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
		if perr == nil && running(pid) {
			return nil, fmt.Errorf("build: %w (process %d holds %s); wait for it to finish, or delete that file if no build is running", ErrBusy, pid, path)
		}
		// Stale: its build is gone.
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("build: remove the stale lock %s: %w", path, err)
		}
	}
	return nil, fmt.Errorf("build: %w: could not take %s", ErrBusy, path)
}

// running reports whether a process with this id exists.
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		// FindProcess opens the process there, and fails if it is gone.
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
