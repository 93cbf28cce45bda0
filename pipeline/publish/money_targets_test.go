package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/progress"
)

// TestMoneyByTarget checks the money aimed at each target against the hand computation
// of moneyData (2024): the poverty rate is the plan's aim, so all its money counts:
// 15.2 million spent (legal_aid 7.2m, 7.2 8m) and, apart, credit's 350m lent, never
// added to it (issue 17); the legal-aid target gets the
// legal-aid programme's 7.2m and its coverage (18 of 21 people); the school target
// has no support in the data. Each programme's page lists the targets it serves.
func TestMoneyByTarget(t *testing.T) {
	in := moneyInput(t)
	for _, code := range []string{"7.2", "credit", "legal_aid"} {
		in.Programmes = append(in.Programmes, config.Programme{Code: code, TitleVI: "CT " + code, TitleEN: "P " + code})
	}
	legal := config.Target{ID: "legal-aid", TitleVI: "Trợ giúp pháp lý", TitleEN: "Legal aid",
		Indicator: "support_coverage_legal_aid", Comparator: ">=", Value: 100, Year: 2025, Method: "linear"}
	in.Targets = append(in.Targets, legal)
	a := progress.Assess(legal, progress.Observations(in.Table, in.Years, "12424", "all", legal.Indicator), true)
	in.Assessments = append(in.Assessments, a)
	in.Projections = append(in.Projections, progress.Project(legal, a))
	l := build(t, in)
	b, err := os.ReadFile(filepath.Join(l.BuildData(), "money.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m moneyJSON
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	vnd := func(c moneyCell) int64 {
		if c.VND == nil {
			return -1
		}
		return *c.VND
	}
	tests := []struct {
		name, target string
		all          bool
		programmes   map[string]int64 // 2024 amount per programme ("credit lent": its loans)
		total, lent  int64
		coverage     string // the 2024 coverage text, "" for none
	}{
		{"the plan's aim counts every programme", "poverty-rate", true,
			map[string]int64{"legal_aid": 7_200_000, "7.2": 8_000_000, "credit lent": 350_000_000}, 15_200_000, 350_000_000, ""},
		{"a coverage target gets its support type's money and coverage", "legal-aid", false,
			map[string]int64{"legal_aid": 7_200_000}, 7_200_000, 0, "85.7"},
		{"a target no support serves gets nothing", "school-attendance", false, map[string]int64{}, 0, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tm, ok := m.ByTarget[tc.target]
			if !ok {
				t.Fatalf("no by_target entry for %s", tc.target)
			}
			if tm.All != tc.all {
				t.Errorf("all = %v, want %v", tm.All, tc.all)
			}
			got := map[string]int64{}
			for _, p := range tm.Programmes {
				if len(p.ByYear) != len(m.Years) {
					t.Fatalf("%s: %d cells for %d years", p.Code, len(p.ByYear), len(m.Years))
				}
				code := p.Code
				if p.Lent {
					code += " lent"
				}
				got[code] = vnd(p.ByYear[0])
			}
			if len(got) != len(tc.programmes) {
				t.Errorf("programmes %v, want %v", got, tc.programmes)
			}
			for code, want := range tc.programmes {
				if got[code] != want {
					t.Errorf("%s: %d, want %d", code, got[code], want)
				}
			}
			if vnd(tm.Years[0].Total) != tc.total || vnd(tm.Years[0].Lent) != tc.lent || tm.Lends != (tc.lent > 0) {
				t.Errorf("2024 spent %d lent %d (lends %v), want %d and %d", vnd(tm.Years[0].Total), vnd(tm.Years[0].Lent), tm.Lends, tc.total, tc.lent)
			}
			var bySource int64
			for _, c := range tm.Years[0].BySource {
				bySource += vnd(c)
			}
			if bySource != tc.total {
				t.Errorf("sources sum to %d, total %d", bySource, tc.total)
			}
			switch {
			case tc.coverage == "" && tm.Coverage != nil:
				t.Errorf("coverage %+v, want none", tm.Coverage)
			case tc.coverage != "" && (tm.Coverage == nil || tm.Coverage.ByYear[0].Text.EN != tc.coverage):
				t.Errorf("coverage %+v, want %s", tm.Coverage, tc.coverage)
			}
		})
	}
	served := map[string][]string{}
	for code, ts := range m.TargetsOf {
		for _, s := range ts {
			served[code] = append(served[code], s.ID+":"+s.Status)
		}
	}
	if got := served["legal_aid"]; len(got) != 2 || got[0] != "poverty-rate:"+in.Assessments[0].Status || got[1] != "legal-aid:"+a.Status {
		t.Errorf("legal_aid serves %v", got)
	}
	if got := served["credit"]; len(got) != 1 {
		t.Errorf("credit serves %v, want the poverty rate only", got)
	}
	// Credit spends nothing: its loans are its own column, not a source of spending.
	if src := m.ProgrammeSources["credit"]; len(src) != 0 || !m.ProgrammeLends["credit"] {
		t.Errorf("credit's spending sources %v, lends %v; want none, and lends", src, m.ProgrammeLends["credit"])
	}
}
