package disclosure_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/glpk"
)

// This file is a third attacker, the independent statistician's: it hands the
// final audit's whole model to GLPK (glpsol, a maintained LP solver outside this
// code) and asks it for the smallest and largest value of every withheld quantity
// in a block too large for the package's own LP, where the audit's intervals come
// from propagation along single relations. GLPK's intervals are the reader's
// tightest, so they test two things: that propagation's contain them (the
// relations and the propagation are sound), and whether DESIGN 6's criterion
// still holds when a reader combines relations along a chain.

// lpExposedFile lists the quantities of the sample (k=5) that GLPK narrows past
// the criterion where propagation does not: what the default audit cannot see
// (its own LP stops at MaxBlockLP), kept here so that a new one fails the test
// and a mended one asks for its line to go. With WithExactLP the audit sees them
// and the list must be empty.
const lpExposedFile = "testdata/exact-lp-exposed-k5.txt"

func TestExactLPReader(t *testing.T) {
	solve, err := glpk.Solver()
	if err != nil {
		if os.Getenv("PORTAL_REQUIRE_GLPK") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if testing.Short() {
		t.Skip("about two LPs a second per core for each of 2,000 quantities, in every audit")
	}
	if os.Getenv("PORTAL_EXACT_AUDIT") != "1" {
		// About 5 and 17 minutes on two cores: past go test's 10-minute default
		// for a package.
		t.Skip("runs with PORTAL_EXACT_AUDIT=1 and -timeout 60m, as .ci/run does")
	}
	t.Run("propagation", func(t *testing.T) {
		compareExposed(t, readAudit(t, solve))
	})
	// With the exact LP in the audit, the reader finds nothing past the criterion.
	t.Run("exact", func(t *testing.T) {
		for _, e := range readAudit(t, solve, disclosure.WithExactLP(solve)) {
			t.Errorf("an LP reader narrows %s past DESIGN 6's criterion, and the exact audit passed it", e)
		}
	})
}

// readAudit protects the sample with opts and has GLPK bound every quantity of the
// final audit's large blocks in the whole model; it checks that the audit's
// intervals contain GLPK's and the truth, and returns those GLPK's intervals
// fail the criterion for, as "name [lo, hi]".
func readAudit(t *testing.T, solve disclosure.Solver, opts ...disclosure.Option) []string {
	t.Helper()
	a, err := disclosure.AuditedLP(sampleTable(t), 5, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Checks) == 0 {
		t.Fatal("no quantity in a large block: the test checks nothing")
	}
	var qs []disclosure.Query
	for _, c := range a.Checks {
		qs = append(qs, disclosure.Query{Var: c.Var}, disclosure.Query{Var: c.Var, Max: true})
	}
	opt, err := solve(a.LP, qs)
	if err != nil {
		t.Fatal(err)
	}
	var exposed []string
	narrower := 0
	for i, c := range a.Checks {
		lo, hi := opt[2*i].Value, opt[2*i+1].Value
		if lo < c.Lo-1e-6 || hi > c.Hi+1e-6 || lo > float64(c.Truth)+1e-6 || hi < float64(c.Truth)-1e-6 {
			t.Errorf("%s: GLPK gives [%g, %g], the audit [%g, %g], the truth %d: an interval is not sound", c.Name, lo, hi, c.Lo, c.Hi, c.Truth)
		}
		if lo > c.Lo+1e-6 || hi < c.Hi-1e-6 {
			narrower++
		}
		rlo, rhi, failed, err := a.Judge(i, lo, hi)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		if failed {
			exposed = append(exposed, fmt.Sprintf("%s [%g, %g]", c.Name, rlo, rhi))
		}
	}
	r := a.Report
	for _, f := range r.AuditFailures {
		t.Errorf("the audit reports a failure it could not mend: %s", f)
	}
	t.Logf("%d quantities checked; GLPK narrower than the audit for %d; past the criterion for %d (the audit: %d rounds, %d withheld, %d exact-LP intervals)",
		len(a.Checks), narrower, len(exposed), r.AuditRounds, r.Primary+r.Secondary, r.ExactSolves)
	return exposed
}

// compareExposed holds the exposed quantities to the recorded list.
func compareExposed(t *testing.T, exposed []string) {
	t.Helper()
	data, err := os.ReadFile(lpExposedFile)
	if err != nil {
		t.Fatal(err)
	}
	var known []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			known = append(known, line)
		}
	}
	for _, e := range exposed {
		if !slices.Contains(known, e) {
			t.Errorf("an LP reader narrows %s past DESIGN 6's criterion, and the audit passed it", e)
		}
	}
	for _, k := range known {
		if !slices.Contains(exposed, k) {
			t.Errorf("%s is no longer exposed to an LP reader: take its line out of %s", k, lpExposedFile)
		}
	}
}
