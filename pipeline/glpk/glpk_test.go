package glpk

import (
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/disclosure"
)

func TestReadSolution(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       solution
		fails      bool
	}{
		{"optimal", "c Status:     OPTIMAL\nc Objective:  obj = 0.3333333333 (MAXimum)\ns bas 2 2 f f 0.333333333333333\ni 1 s 1 0.33\nj 1 b 0.333333333333333 0\nj 2 l 0 -2.33333333333333\ne o f\n",
			solution{"OPTIMAL", 0.333333333333333, []float64{0.333333333333333, 0}}, false},
		{"unbounded", "c Status:     UNBOUNDED\ns bas 1 2 f n 0\n", solution{"UNBOUNDED", 0, nil}, false},
		{"no-status", "s bas 1 2 f f 3\n", solution{}, true},
		{"no-objective", "c Status:     OPTIMAL\n", solution{}, true},
		{"objective-not-a-number", "c Status:     OPTIMAL\ns bas 1 1 f f abc\n", solution{}, true},
		{"objective-nan", "c Status:     OPTIMAL\ns bas 1 1 f f NaN\n", solution{}, true},
		{"column-out-of-order", "c Status:     OPTIMAL\ns bas 1 2 f f 1\nj 2 b 1 0\n", solution{}, true},
		{"column-not-a-number", "c Status:     OPTIMAL\ns bas 1 1 f f 1\nj 1 b Inf 0\n", solution{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readSolution(strings.NewReader(tc.text))
			if tc.fails {
				if err == nil {
					t.Fatalf("read %+v, want an error", got)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func FuzzReadSolution(f *testing.F) {
	f.Add("c Status:     OPTIMAL\ns bas 2 2 f f 0.333333333333333\nj 1 b 0.5 0\n")
	f.Add("c Status:     UNBOUNDED\ns bas 1 2 f n 0\n")
	f.Fuzz(func(t *testing.T, text string) {
		sol, err := readSolution(strings.NewReader(text))
		if err != nil {
			return
		}
		if sol.status == "" || math.IsNaN(sol.value) || math.IsInf(sol.value, 0) {
			t.Fatalf("accepted %q: %+v", text, sol)
		}
		for _, x := range sol.columns {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("accepted %q: %+v", text, sol)
			}
		}
	})
}

func TestColumns(t *testing.T) {
	text := "Minimize\n obj: x7\nSubject To\n r0: +1 x3 -1 x7 +1 x12 = 4\n rx1: +1 x3 <= 2\nBounds\n x3 >= 0\n x7 >= 0\n x12 >= 0\n x40 >= 0\nEnd\n"
	if got, want := columns(text), []int{7, 3, 12, 40}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSolver solves small LPs whose ranges are known by hand.
func TestSolver(t *testing.T) {
	solve, err := Solver()
	if errors.Is(err, ErrMissing) {
		if os.Getenv("PORTAL_REQUIRE_GLPK") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	const chain = `Minimize
 obj: x0
Subject To
 r0: +1 x0 +1 x1 = 12
 r1: +1 x1 +1 x2 = 9
 r2: +1 x0 <= 7
 r3: -1 x2 <= -3
Bounds
 x0 >= 0
 x1 >= 0
 x2 >= 0
End
`
	// x1 = 9 - x2 <= 6, so x0 = 12 - x1 >= 6: no single relation says so.
	var qs []disclosure.Query
	for v := range 3 {
		qs = append(qs, disclosure.Query{Var: v}, disclosure.Query{Var: v, Max: true})
	}
	got, err := solve(chain, qs)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{6, 7, 5, 6, 3, 4}
	for i, q := range qs {
		if math.Abs(got[i].Value-want[i]) > 1e-9 {
			t.Errorf("%+v: got %g, want %g", q, got[i].Value, want[i])
		}
		// The point fits every relation and reaches the optimum.
		pt := got[i].Point
		if len(pt) != 3 || math.Abs(pt[q.Var]-want[i]) > 1e-9 || math.Abs(pt[0]+pt[1]-12) > 1e-9 || math.Abs(pt[1]+pt[2]-9) > 1e-9 || pt[0] > 7+1e-9 || pt[2] < 3-1e-9 {
			t.Errorf("%+v: point %v does not fit the LP or miss the optimum", q, pt)
		}
	}
	unbounded := "Minimize\n obj: x0\nSubject To\n r0: -1 x0 +1 x1 <= 1\nBounds\n x0 >= 0\n x1 >= 0\nEnd\n"
	got, err = solve(unbounded, []disclosure.Query{{Var: 1}, {Var: 1, Max: true}})
	if err != nil || got[0].Value != 0 || !math.IsInf(got[1].Value, 1) || got[1].Point != nil {
		t.Errorf("unbounded: got %+v, %v; want 0 and +Inf", got, err)
	}
	infeasible := "Minimize\n obj: x0\nSubject To\n r0: +1 x0 <= -1\nBounds\n x0 >= 0\nEnd\n"
	if _, err := solve(infeasible, []disclosure.Query{{Var: 0}}); err == nil {
		t.Error("an infeasible LP gave an optimum")
	}
	if _, err := solve(strings.Replace(chain, " obj: x0\n", " obj: x1\n", 1), []disclosure.Query{{Var: 0}}); err == nil {
		t.Error("an LP without the objective line was solved")
	}
}
