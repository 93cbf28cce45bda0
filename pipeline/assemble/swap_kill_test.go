package assemble

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSwapSurvivesSIGKILL runs the swap in a child process that is killed with
// SIGKILL at each step (the child waits there until killed): no deferred code,
// no cleanup, as when a CI runner is stopped. The output is then the whole old
// site or the whole new one.
func TestSwapSurvivesSIGKILL(t *testing.T) {
	if os.Getenv("PORTAL_SWAP_CHILD") != "" {
		t.Skip("the child runs TestSwapChild only")
	}
	for _, at := range []string{"built", "swapped", "cleaned"} {
		t.Run("killed-at-"+at, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			siteFiles(t, out, "old", 5)
			tmp, err := newSiteDir(out)
			if err != nil {
				t.Fatal(err)
			}
			siteFiles(t, tmp, "new", 7)
			ready := filepath.Join(dir, "ready")
			cmd := exec.Command(os.Args[0], "-test.run=^TestSwapChild$")
			cmd.Env = append(os.Environ(), "PORTAL_SWAP_CHILD="+at, "PORTAL_SWAP_TMP="+tmp, "PORTAL_SWAP_OUT="+out, "PORTAL_SWAP_READY="+ready)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				if _, err := os.Stat(ready); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the child never reached the step")
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			got := whichSite(t, out, map[string]int{"old": 5, "new": 7})
			if want := map[string]string{"built": "old", "swapped": "new", "cleaned": "new"}[at]; got != want {
				t.Errorf("after SIGKILL at %q the site is the %s one, want the %s one", at, got, want)
			}
		})
	}
}

// TestSwapChild is the child of TestSwapSurvivesSIGKILL: it swaps, and at the named
// step says it is there and waits to be killed.
func TestSwapChild(t *testing.T) {
	at := os.Getenv("PORTAL_SWAP_CHILD")
	if at == "" {
		t.Skip("run by TestSwapSurvivesSIGKILL")
	}
	stepHook = func(s string) {
		if s == at {
			os.WriteFile(os.Getenv("PORTAL_SWAP_READY"), nil, 0o644)
			time.Sleep(time.Minute)
		}
	}
	swap(os.Getenv("PORTAL_SWAP_TMP"), os.Getenv("PORTAL_SWAP_OUT"))
}
