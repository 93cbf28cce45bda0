package assemble

import (
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
)

// TestExactLPWithoutGLPK: portal.toml asks for the exact audit on a machine
// without glpsol; the build must refuse, saying what to install, rather than
// protect with propagation alone.
func TestExactLPWithoutGLPK(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	opts, err := protectOptions(config.Disclosure{K: 5, ExactLP: true})
	if err == nil {
		t.Fatalf("got %d options and no error", len(opts))
	}
	for _, want := range []string{"exact_lp", "glpk-utils"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if opts, err := protectOptions(config.Disclosure{K: 5}); err != nil || len(opts) != 0 {
		t.Errorf("exact_lp off: got %d options, %v; want none", len(opts), err)
	}
}
