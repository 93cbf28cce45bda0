package chart

import "testing"

// TestGolden pins the exact output of every fixture, so any visual change
// shows up as a reviewable diff of testdata/*.svg.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.svg()
			parse(t, got)
			golden(t, tc.name, got)
		})
	}
}

// TestDeterministic renders each fixture repeatedly; the output must be
// byte-identical so that site builds are reproducible.
func TestDeterministic(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			first := tc.svg()
			for range 20 {
				if got := tc.svg(); got != first {
					t.Fatal("output changed between runs")
				}
			}
		})
	}
}
