//go:build !unix && !windows

package assemble

import "os"

// Systems without file locks build without one.
func tryLock(*os.File) error { return nil }

func unlock(*os.File) {}
