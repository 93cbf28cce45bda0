package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestBaselineKeepsItsSourcePrecision: a target's baseline is printed with the
// precision of its source (issue 17): the plan's number as the plan writes it, or
// the published figure of the baseline year exactly as the figure tables print it
// (the poverty rate's "3,50%" beside "1,2%" and "1,1%" was the defect), and
// targets.csv has the same digits.
func TestBaselineKeepsItsSourcePrecision(t *testing.T) {
	in := testInput(t)
	l := build(t, in)
	var page []targetJSON
	b, _ := os.ReadFile(filepath.Join(l.BuildData(), "targets.json"))
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	var figs map[string]map[string]map[string][]figureJSON
	b, _ = os.ReadFile(filepath.Join(l.BuildData(), "figures.json"))
	if err := json.Unmarshal(b, &figs); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(l.Downloads(), "targets.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	fromPlan, fromFigures := 0, 0
	for i, tg := range page {
		tt := in.Targets[i]
		got := tg.Text["baseline"]
		var want bilingual
		switch {
		case tt.Baseline != nil:
			fromPlan++
			want = both("98,41", "98.41") // testTargets: baseline = 98.41
		default:
			fromFigures++
			for _, f := range figs["12424"]["all"][tt.Indicator] {
				if f.Year == tg.BaselineYear {
					want = f.Text
				}
			}
		}
		if want.VI == "" || got != want {
			t.Errorf("%s: baseline printed %q/%q, want %q/%q", tg.ID, got.VI, got.EN, want.VI, want.EN)
		}
		if csv := rows[i+1][col["baseline"]]; csv != want.EN {
			t.Errorf("%s: targets.csv baseline %q, want %q", tg.ID, csv, want.EN)
		}
	}
	if fromPlan == 0 || fromFigures == 0 {
		t.Fatalf("cases: %d baselines from the plan, %d from the figures; want both", fromPlan, fromFigures)
	}
}

// TestWrittenDecimals: a plan's number keeps the decimals it is written with, at
// most two.
func TestWrittenDecimals(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		want int
	}{
		{"two decimals", 98.41, 2},
		{"one decimal", 3.5, 1},
		{"whole", 99.0, 0},
		{"more than two is capped", 1.125, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := writtenDecimals(tt.v); got != tt.want {
				t.Errorf("writtenDecimals(%v) = %d, want %d", tt.v, got, tt.want)
			}
		})
	}
}
