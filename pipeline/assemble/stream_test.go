package assemble

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestStreamedLoadComputesTheSameFigures loads the sample twice, whole and streamed,
// and compares every protected figure and the target statuses.
func TestStreamedLoadComputesTheSameFigures(t *testing.T) {
	l := sandbox(t)
	noKey := func(string) string { return "" }
	whole, err := load(l, noKey, "en", false)
	if err != nil {
		t.Fatal(err)
	}
	streamed, err := load(l, noKey, "en", true)
	if err != nil {
		t.Fatal(err)
	}
	if streamed.Dataset != nil || streamed.Sums == nil {
		t.Fatal("the streamed load kept the records or computed no table")
	}
	if whole.Rows != streamed.Rows || len(whole.Years) != len(streamed.Years) {
		t.Fatalf("rows %d vs %d, years %v vs %v", whole.Rows, streamed.Rows, whole.Years, streamed.Years)
	}
	a, _, err := Compute(l, whole)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Compute(l, streamed)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Table.Figures) != len(b.Table.Figures) {
		t.Fatalf("%d figures whole, %d streamed", len(a.Table.Figures), len(b.Table.Figures))
	}
	for i := range a.Table.Figures {
		if a.Table.Figures[i] != b.Table.Figures[i] {
			t.Fatalf("figure %d differs:\nwhole    %+v\nstreamed %+v", i, a.Table.Figures[i], b.Table.Figures[i])
		}
	}
	for i := range a.Assessments {
		if a.Assessments[i].Status != b.Assessments[i].Status {
			t.Errorf("target %s: %s whole, %s streamed", a.Targets[i].ID, a.Assessments[i].Status, b.Assessments[i].Status)
		}
	}
}

// TestStreamedLoadRefusesBrokenData checks that errors found while streaming refuse
// the data just as the whole-file reader does, at the same line.
func TestStreamedLoadRefusesBrokenData(t *testing.T) {
	l := sandbox(t)
	path := filepath.Join(l.Reviews(), "2022.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	lines[9] = strings.Replace(lines[9], ",rural,", ",rurall,", 1)
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
	for _, stream := range []bool{false, true} {
		_, err := load(l, func(string) string { return "" }, "en", stream)
		if err == nil || !strings.Contains(err.Error(), "2022.csv:10:") {
			t.Errorf("stream=%v: got %v, want a refusal at 2022.csv:10", stream, err)
		}
	}
}

// TestStreamedLoadWarnsOfReappearances removes a household from the 2022 review of
// the sample: it comes back in 2023, and the streamed load warns about it at the
// same file and line as the whole load does.
func TestStreamedLoadWarnsOfReappearances(t *testing.T) {
	l := sandbox(t)
	path := filepath.Join(l.Reviews(), "2022.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	lines = append(lines[:10], lines[11:]...) // a household of 2021 and 2023
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	noKey := func(string) string { return "" }
	reappeared := func(streamed bool) []string {
		in, err := load(l, noKey, "en", streamed)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range in.Problems {
			if p.Code == "reappeared" {
				out = append(out, fmt.Sprintf("%s:%d %s %v", filepath.Base(p.File), p.Line, p.Village, p.Args))
			}
		}
		sort.Strings(out)
		return out
	}
	whole, streamed := reappeared(false), reappeared(true)
	if len(whole) == 0 {
		t.Fatal("the whole load found no household coming back")
	}
	if !slices.Equal(whole, streamed) {
		t.Errorf("reappearances:\nwhole    %v\nstreamed %v", whole, streamed)
	}
}
