package disclosure_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
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
// the criterion where propagation does not: a finding the audit cannot yet see
// (it has no LP for a block this size), kept here so that a new one fails the
// test and a mended one asks for its line to go.
const lpExposedFile = "testdata/exact-lp-exposed-k5.txt"

func TestExactLPReader(t *testing.T) {
	glpsol, err := exec.LookPath("glpsol")
	if err != nil {
		if os.Getenv("PORTAL_REQUIRE_GLPK") == "1" {
			t.Fatal("glpsol is not installed (apt-get install -y glpk-utils)")
		}
		t.Skip("glpsol is not installed (apt-get install -y glpk-utils)")
	}
	if testing.Short() {
		t.Skip("about two LPs a second per core for each of 2,000 quantities")
	}
	a, err := disclosure.AuditedLP(sampleTable(t), 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Checks) == 0 {
		t.Fatal("no quantity in a large block: the test checks nothing")
	}
	bounds := solveAll(t, glpsol, t.TempDir(), a.LP, a.Checks)
	var exposed []string
	narrower := 0
	for i, c := range a.Checks {
		lo, hi := bounds[i][0], bounds[i][1]
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
	t.Logf("%d quantities checked; GLPK narrower than propagation for %d; past the criterion for %d", len(a.Checks), narrower, len(exposed))
	compareExposed(t, exposed)
}

// solveAll asks glpsol for each check's smallest and largest value, a few at once.
func solveAll(t *testing.T, glpsol, dir, text string, checks []disclosure.LPCheck) [][2]float64 {
	out := make([][2]float64, len(checks))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []string
	for w := range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stem := filepath.Join(dir, fmt.Sprintf("w%d", w))
			for i := range jobs {
				lo, hi, err := interval(glpsol, stem, text, checks[i].Var)
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Sprintf("%s: %v", checks[i].Name, err))
					mu.Unlock()
				}
				out[i] = [2]float64{lo, hi}
			}
		}()
	}
	for i := range checks {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, e := range errs {
		t.Error(e)
	}
	return out
}

// interval writes the model with objective x<v> to stem.lp and runs glpsol on it
// twice, for the smallest and the largest value.
func interval(glpsol, stem, text string, v int) (float64, float64, error) {
	obj := strings.Replace(text, "\n obj: x0\n", fmt.Sprintf("\n obj: x%d\n", v), 1)
	if err := os.WriteFile(stem+".lp", []byte(obj), 0o644); err != nil {
		return 0, 0, err
	}
	lo, err := optimum(glpsol, stem, "--min")
	if err != nil {
		return 0, 0, fmt.Errorf("min: %w", err)
	}
	hi, err := optimum(glpsol, stem, "--max")
	if err != nil {
		return 0, 0, fmt.Errorf("max: %w", err)
	}
	return lo, hi, nil
}

// optimum runs glpsol on stem.lp in the given sense.
func optimum(glpsol, stem, sense string) (float64, error) {
	lp, sol := stem+".lp", stem+".txt"
	if msg, err := exec.Command(glpsol, "--lp", lp, sense, "-o", sol).CombinedOutput(); err != nil {
		return 0, fmt.Errorf("glpsol: %v: %s", err, msg)
	}
	f, err := os.Open(sol)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	status, value := "", math.NaN()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 2 && fields[0] == "Status:":
			status = fields[1]
		case len(fields) >= 4 && fields[0] == "Objective:":
			value, _ = strconv.ParseFloat(fields[3], 64)
		}
	}
	switch status {
	case "OPTIMAL":
		return value, nil
	case "UNBOUNDED":
		if sense == "--max" {
			return math.Inf(1), nil
		}
	}
	return 0, fmt.Errorf("glpsol status %q", status)
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
