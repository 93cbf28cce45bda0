package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// configErrors flattens an error returned by the loaders into its problems.
func configErrors(t *testing.T, err error) []problem.Problem {
	t.Helper()
	var out []problem.Problem
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var e problem.Problem
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not a problem.Problem", err, err)
		}
		out = append(out, e)
	}
	walk(err)
	return out
}

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// knownIndicators stands for indicator.Known, which this package cannot import.
func knownIndicators(code string) bool {
	return code == "poor_rate" || code == "near_poor_rate" || code == "school_attendance_rate"
}

// wantErr is one expected problem: its key, line:col (0 when the error has none) and a
// fragment of its rendered text.
type wantErr struct {
	key       string
	line, col int
	text      string
}

func checkErrors(t *testing.T, err error, want []wantErr) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatal("accepted")
	}
	got := configErrors(t, err)
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i, w := range want {
		g := got[i]
		if g.Key != w.key || g.Line != w.line || g.Col != w.col {
			t.Errorf("error %d: key %q at %d:%d, want key %q at %d:%d (%v)", i, g.Key, g.Line, g.Col, w.key, w.line, w.col, g)
		}
		if !strings.Contains(g.Error(), w.text) {
			t.Errorf("error %d: %q does not contain %q", i, g.Error(), w.text)
		}
		// Like every officer-facing problem, a settings problem says what is wrong and
		// what to do in both languages, and shows where in the file in both.
		m, ok := messages[g.Code]
		if !ok || m.VI == "" || m.EN == "" || m.HintVI == "" || m.HintEN == "" {
			t.Errorf("error %d (%s) is not worded in both languages with a hint: %v", i, g.Code, g)
		}
		if vi, en := g.Message("vi"), g.Message("en"); vi == en || !strings.HasPrefix(vi, en[:strings.Index(en, ": ")]) {
			t.Errorf("error %d: the Vietnamese %q is not located as the English %q", i, vi, en)
		}
	}
}

func TestParsePortal(t *testing.T) {
	cases := []struct {
		fixture string
		want    []wantErr
	}{
		{"valid", nil},
		{"k-below-3", []wantErr{{key: "disclosure.k", text: "threshold 2 is below the minimum 3"}}},
		{"unknown-key", []wantErr{{key: "site.language", line: 18, col: 1, text: "unknown-key.toml:18:1: site.language: unknown setting"}}},
		{"duplicate-village", []wantErr{{key: "villages[1].code", text: `village code "T01" is declared twice`}}},
		// The string opened on line 5 runs to the end of the line (column 29).
		{"syntax-error", []wantErr{{line: 5, col: 29, text: "portal/syntax-error.toml:5:29: strings cannot contain newlines"}}},
	}
	for _, c := range cases {
		t.Run(c.fixture, func(t *testing.T) {
			path := filepath.Join("testdata", "portal", c.fixture+".toml")
			p, err := ParsePortal(path, readFixture(t, path))
			checkErrors(t, err, c.want)
			if err == nil && (p.Disclosure.K != 5 || len(p.Villages) != 2 || p.Unit.Code != "12424") {
				t.Errorf("decoded %+v", p)
			}
		})
	}
}

// TestParsePortalProvince: a province or the nation is accepted without villages
// (they are declared in units.toml).
func TestParsePortalProvince(t *testing.T) {
	valid := string(readFixture(t, filepath.Join("testdata", "portal", "valid.toml")))
	head, _, ok := strings.Cut(valid, "[[villages]]")
	if !ok {
		t.Fatal("fixture has no [[villages]]")
	}
	cases := []struct{ level, code string }{{"province", "33"}, {"nation", "VN"}}
	for _, c := range cases {
		t.Run(c.level, func(t *testing.T) {
			text := strings.Replace(head, "level = \"commune\"\ncode = \"12424\"", "level = \""+c.level+"\"\ncode = \""+c.code+"\"", 1)
			if text == head {
				t.Fatal("fixture has no commune unit")
			}
			p, err := ParsePortal("portal.toml", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if p.Unit.Level != c.level || len(p.Villages) != 0 {
				t.Errorf("decoded %+v", p.Unit)
			}
		})
	}
}

// TestParsePortalRules covers the other refusals with small edits of the valid file.
func TestParsePortalRules(t *testing.T) {
	valid := string(readFixture(t, filepath.Join("testdata", "portal", "valid.toml")))
	cases := []struct {
		name, old, new string
		want           []wantErr
	}{
		{"k = 0 means the default", "k = 5", "k = 0", nil},
		{"k = 3 is the minimum", "k = 5", "k = 3", nil},
		{"exact audit", "k = 5", "k = 5\nexact_lp = true", nil},
		{"exact audit not a boolean", "k = 5", "k = 5\nexact_lp = \"yes\"", []wantErr{{key: "disclosure.exact_lp", line: 14, col: 1, text: "incompatible types"}}},
		{"negative k", "k = 5", "k = -1", []wantErr{{key: "disclosure.k", text: "below the minimum 3"}}},
		{"level", `level = "commune"`, `level = "district"`, []wantErr{{key: "unit.level", text: `level "district" is not supported`}}},
		{"province with villages", `level = "commune"`, `level = "province"`, []wantErr{
			{key: "unit.code", text: `"12424" is not a province code`},
			{key: "villages", text: "a province declares its communes and villages in units.toml"}}},
		{"unit code", `code = "12424"`, `code = "1242"`, []wantErr{{key: "unit.code", text: "5-digit"}}},
		{"bad village code", `code = "T02"`, `code = "Thôn Tây"`, []wantErr{{key: "villages[1].code", text: "is not 1-16 letters"}}},
		{"standard years swapped", "to_year = 2026", "to_year = 2020", []wantErr{{key: "standards[0]", text: "from_year is after to_year"}}},
		{"language", `languages = ["vi", "en"]`, `languages = ["vi", "fr"]`, []wantErr{{key: "site.languages", text: `language "fr"`}}},
		{"real data without recipients", "sample = true", "sample = false", []wantErr{{key: "data.recipients", text: "nobody can decrypt"}}},
		{"wrong type", "k = 5", `k = "five"`, []wantErr{{key: "disclosure.k", line: 13, col: 1, text: "portal.toml:13:1: disclosure.k: incompatible types"}}},
		// An unknown table is reported once, at its header, not once per key in it.
		{"unknown table", "[disclosure]", "[unit2]\nx = 1\n[disclosure]", []wantErr{{key: "unit2", line: 12, col: 1, text: "unknown setting"}}},
		// Unknown keys do not hide the other problems of the file.
		{"unknown key and a rule broken", "k = 5", "k = 1\nkk = 5", []wantErr{
			{key: "disclosure.kk", line: 14, col: 1, text: "unknown setting"},
			{key: "disclosure.k", text: "below the minimum 3"},
		}},
		{"several problems listed", "level = \"commune\"\ncode = \"12424\"", "level = \"province\"\ncode = \"333\"", []wantErr{
			{key: "unit.code", text: `"333" is not a province code`},
			{key: "villages", text: "a province declares its communes and villages in units.toml"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(valid, c.old) {
				t.Fatalf("fixture has no %q", c.old)
			}
			_, err := ParsePortal("portal.toml", []byte(strings.Replace(valid, c.old, c.new, 1)))
			checkErrors(t, err, c.want)
		})
	}
}

func TestParseTargets(t *testing.T) {
	cases := []struct {
		fixture string
		known   func(string) bool
		want    []wantErr
	}{
		{"valid", knownIndicators, nil},
		{"valid", nil, nil},
		{"bad-comparator", knownIndicators, []wantErr{{key: "targets[1].comparator", text: `comparator "=>" is not one of < <= >= >`}}},
		{"unknown-indicator", knownIndicators, []wantErr{{key: "targets[1].indicator", text: `indicator "school_rate" is not computed by the portal`}}},
		{"duplicate-id", knownIndicators, []wantErr{{key: "targets[1].id", text: `target id "poverty-rate" is used twice`}}},
		{"unknown-key", knownIndicators, []wantErr{{key: "targets.unit", line: 12, col: 1, text: "unknown setting"}}},
		{"syntax-error", knownIndicators, []wantErr{{line: 17, col: 11, text: "targets/syntax-error.toml:17:11: "}}},
	}
	for _, c := range cases {
		name := c.fixture
		if c.known == nil {
			name += "/no-indicator-check"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "targets", c.fixture+".toml")
			ts, err := ParseTargets(path, readFixture(t, path), c.known)
			checkErrors(t, err, c.want)
			if err == nil {
				if len(ts) != 2 || ts[1].Method != "linear" || ts[1].Baseline == nil || *ts[1].Baseline != 98.41 || ts[0].Baseline != nil {
					t.Errorf("decoded %+v", ts)
				}
			}
		})
	}
}

func TestParseTargetsRules(t *testing.T) {
	valid := string(readFixture(t, filepath.Join("testdata", "targets", "valid.toml")))
	cases := []struct {
		name, old, new string
		want           []wantErr
	}{
		{"every comparator", `comparator = "<"`, `comparator = "<="`, nil},
		{"greater than", `comparator = "<"`, `comparator = ">"`, nil},
		{"equals", `comparator = "<"`, `comparator = "="`, []wantErr{{key: "targets[0].comparator", text: `comparator "="`}}},
		{"cagr", `method = "linear"`, `method = "cagr"`, nil},
		{"bad method", `method = "linear"`, `method = "trend"`, []wantErr{{key: "targets[0].method", text: `method "trend"`}}},
		{"bad id", `id = "poverty-rate"`, `id = "Poverty rate"`, []wantErr{{key: "targets[0].id", text: "lowercase words"}}},
		{"missing title", `title_en = "Poor-household rate below 1.2%"`, "", []wantErr{{key: "targets[0].title_vi", text: "title_vi and title_en"}}},
		{"implausible year", "year = 2025\nbaseline_year = 2021\nmethod", "year = 25\nbaseline_year = 2021\nmethod", []wantErr{{key: "targets[0].year", text: "target year 25"}}},
		{"baseline without year", "baseline_year = 2021\nbaseline = 98.41", "baseline = 98.41", []wantErr{{key: "targets[1].baseline_year", text: "needs its year"}}},
		{"several problems listed", `comparator = ">="`, "comparator = \"=\"\nmethod = \"x\"", []wantErr{
			{key: "targets[1].comparator", text: `comparator "="`},
			{key: "targets[1].method", text: `method "x"`},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(valid, c.old) {
				t.Fatalf("fixture has no %q", c.old)
			}
			_, err := ParseTargets("targets.toml", []byte(strings.Replace(valid, c.old, c.new, 1)), knownIndicators)
			checkErrors(t, err, c.want)
		})
	}
	t.Run("no target", func(t *testing.T) {
		_, err := ParseTargets("targets.toml", []byte("# nothing yet\n"), knownIndicators)
		checkErrors(t, err, []wantErr{{text: "no target is declared"}})
	})
}

// TestCommittedConfig checks that data/portal.toml and data/targets.toml load.
func TestCommittedConfig(t *testing.T) {
	root := filepath.Join("..", "..", "data")
	if _, err := LoadPortal(filepath.Join(root, "portal.toml")); err != nil {
		t.Error(err)
	}
	if _, err := LoadTargets(filepath.Join(root, "targets.toml"), nil); err != nil {
		t.Error(err)
	}
	if _, err := LoadProgrammes(filepath.Join(root, "programmes.toml")); err != nil {
		t.Error(err)
	}
	if _, err := LoadPortal(filepath.Join(root, "missing.toml")); err == nil {
		t.Error("a missing file loaded")
	}
}
