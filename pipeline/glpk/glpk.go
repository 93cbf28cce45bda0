// Package glpk answers the disclosure audit's LP queries (disclosure.Solver) with
// GLPK's glpsol, for the audit's exact mode.
package glpk

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/minhtien/portal/pipeline/disclosure"
)

// ErrMissing says glpsol is not installed.
var ErrMissing = errors.New("glpsol (GLPK) is not installed: apt-get install glpk-utils")

// objective is the line Solve points at each variable in turn.
const objective = "\n obj: x0\n"

// Solver returns a disclosure.Solver that answers with glpsol, on every core; an
// error if glpsol is missing.
func Solver() (disclosure.Solver, error) {
	glpsol, err := exec.LookPath("glpsol")
	if err != nil {
		return nil, ErrMissing
	}
	return func(lp string, qs []disclosure.Query) ([]disclosure.Optimum, error) { return solve(glpsol, lp, qs) }, nil
}

func solve(glpsol, lp string, qs []disclosure.Query) ([]disclosure.Optimum, error) {
	at := strings.Index(lp, objective)
	if at < 0 {
		return nil, errors.New("glpk: the LP has no line \" obj: x0\" to point at each variable")
	}
	dir, err := os.MkdirTemp("", "portal-glpk-")
	if err != nil {
		return nil, fmt.Errorf("glpk: %w", err)
	}
	defer os.RemoveAll(dir)
	// Columns are numbered in the order their names first appear: the
	// objective's, then those of the rows and bounds after it.
	rest := columns(lp[at+len(objective):])
	out := make([]disclosure.Optimum, len(qs))
	errs := make([]error, len(qs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := range min(runtime.GOMAXPROCS(0), len(qs)) {
		stem := filepath.Join(dir, fmt.Sprintf("w%d", w))
		wg.Go(func() {
			for i := range jobs {
				out[i], errs[i] = answer(glpsol, stem, lp, rest, qs[i])
			}
		})
	}
	for i := range qs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("glpk: x%d: %w", qs[i].Var, err)
		}
	}
	return out, nil
}

// answer writes the LP with objective x<v> to stem.lp and solves it; rest lists
// the columns after the objective's, in order.
func answer(glpsol, stem, lp string, rest []int, q disclosure.Query) (disclosure.Optimum, error) {
	text := strings.Replace(lp, objective, fmt.Sprintf("\n obj: x%d\n", q.Var), 1)
	if err := os.WriteFile(stem+".lp", []byte(text), 0o600); err != nil {
		return disclosure.Optimum{}, err
	}
	sense := "--min"
	if q.Max {
		sense = "--max"
	}
	v, point, err := optimum(glpsol, stem, sense)
	if err != nil {
		return disclosure.Optimum{}, err
	}
	opt := disclosure.Optimum{Value: v}
	if point != nil {
		cols := make([]int, 0, len(rest)+1)
		cols = append(cols, q.Var)
		for _, c := range rest {
			if c != q.Var {
				cols = append(cols, c)
			}
		}
		if len(point) != len(cols) {
			return disclosure.Optimum{}, fmt.Errorf("solution has %d columns, the LP %d", len(point), len(cols))
		}
		opt.Point = make(map[int]float64, len(cols))
		for j, x := range point {
			opt.Point[cols[j]] = x
		}
	}
	return opt, nil
}

// columns lists the LP's variables in the order glpsol numbers its columns: the
// order in which their names first appear in the text.
func columns(text string) []int {
	var out []int
	seen := map[int]bool{}
	for i := 0; i < len(text); i++ {
		if text[i] != 'x' || (i > 0 && isWord(text[i-1])) {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i+1 || (j < len(text) && isWord(text[j])) {
			continue
		}
		v, err := strconv.Atoi(text[i+1 : j])
		if err == nil && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
		i = j - 1
	}
	return out
}

func isWord(c byte) bool {
	return c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// optimum runs glpsol on stem.lp in the given sense and reads its solution: the
// optimal value and every column's value, in column order (nil where unbounded).
// With the presolver, an unbounded LP comes back UNDEFINED; only without it does
// glpsol tell unbounded from the rest, so such an LP is solved again without.
func optimum(glpsol, stem, sense string) (float64, []float64, error) {
	sol, err := run(glpsol, stem, sense)
	if err == nil && sol.status == "UNDEFINED" {
		sol, err = run(glpsol, stem, sense, "--nopresol")
	}
	if err != nil {
		return 0, nil, err
	}
	switch {
	case sol.status == "OPTIMAL":
		return sol.value, sol.columns, nil
	case sol.status == "UNBOUNDED" && sense == "--max":
		return math.Inf(1), nil, nil
	}
	return 0, nil, fmt.Errorf("glpsol %s: status %s", sense, sol.status)
}

// run runs glpsol once and reads the solution file it writes (-w), whose
// numbers have 15 digits where the printed report (-o) has 10 or 6.
func run(glpsol, stem, sense string, extra ...string) (solution, error) {
	file := stem + ".sol"
	args := append([]string{"--lp", stem + ".lp", sense, "-w", file}, extra...)
	if msg, err := exec.Command(glpsol, args...).CombinedOutput(); err != nil {
		return solution{}, fmt.Errorf("glpsol: %v: %s", err, msg)
	}
	f, err := os.Open(file)
	if err != nil {
		return solution{}, err
	}
	defer f.Close()
	return readSolution(f)
}

// solution is what readSolution reads.
type solution struct {
	status  string
	value   float64
	columns []float64
}

// readSolution reads a glpsol basic solution (-w): the status from its comment
// "c Status: OPTIMAL", the objective from the last field of "s bas ...", and
// column j's value from "j <j> <status> <value> <dual>".
func readSolution(r io.Reader) (solution, error) {
	var sol solution
	seen := false
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 3 && fields[0] == "c" && fields[1] == "Status:":
			sol.status = fields[2]
		case len(fields) >= 7 && fields[0] == "s" && fields[1] == "bas":
			v, err := number(fields[len(fields)-1])
			if err != nil {
				return solution{}, fmt.Errorf("solution: objective: %w", err)
			}
			sol.value, seen = v, true
		case len(fields) == 5 && fields[0] == "j":
			j, err := strconv.Atoi(fields[1])
			if err != nil || j != len(sol.columns)+1 {
				return solution{}, fmt.Errorf("solution: column %q out of order", fields[1])
			}
			x, err := number(fields[3])
			if err != nil {
				return solution{}, fmt.Errorf("solution: column %d: %w", j, err)
			}
			sol.columns = append(sol.columns, x)
		}
	}
	if err := sc.Err(); err != nil {
		return solution{}, fmt.Errorf("solution: %w", err)
	}
	if sol.status == "" || !seen {
		return solution{}, errors.New("solution: no status or no objective line")
	}
	return sol, nil
}

// number parses a finite number.
func number(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}
