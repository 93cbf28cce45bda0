package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestNoFormattingErrors scans every page for what Go's fmt writes when a
// template's printf gets a value of the wrong kind ("%!d(float64=2022)" for a
// year decoded from JSON as a number): it is invisible on the page but breaks the
// ids that links and aria attributes point at.
func TestNoFormattingErrors(t *testing.T) {
	s := site(t, mainSite)
	for _, rel := range s.htmlPages(t) {
		b, err := os.ReadFile(filepath.Join(s.Out, rel))
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(b, []byte("%!")); i >= 0 {
			t.Errorf("%s: a formatting error: %q", rel, b[max(0, i-40):min(len(b), i+40)])
		}
	}
}
