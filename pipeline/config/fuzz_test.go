package config

import (
	"path/filepath"
	"slices"
	"testing"
)

// addTOMLSeeds seeds a fuzz target with the committed settings and the test fixtures.
func addTOMLSeeds(f *testing.F, patterns ...string) {
	f.Helper()
	for _, pattern := range patterns {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			f.Add(readFixture(f, p))
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("[unit\ncode = \"12424\""))
	f.Add([]byte("villages = 3\n[[villages]]\n"))
}

// FuzzParsePortal: ParsePortal never panics, and what it accepts keeps its rules.
func FuzzParsePortal(f *testing.F) {
	addTOMLSeeds(f, filepath.Join("testdata", "portal", "*.toml"), filepath.Join("..", "..", "data", "portal.toml"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePortal("portal.toml", b)
		if err != nil {
			if p != nil {
				t.Fatal("a refused file returned settings")
			}
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if p.Disclosure.K < MinK {
			t.Fatalf("k = %d accepted", p.Disclosure.K)
		}
		if re := unitCodes[p.Unit.Level]; re == nil || !re.MatchString(p.Unit.Code) ||
			!slices.Contains([]string{LevelCommune, LevelProvince, LevelNation}, p.Unit.Level) {
			t.Fatalf("unit %+v accepted", p.Unit)
		}
		if (p.Unit.Level == LevelCommune) != (len(p.Villages) > 0) || len(p.Standards) == 0 {
			t.Fatal("a commune without villages, villages outside a commune or no standard accepted")
		}
		seen := map[string]bool{}
		for _, v := range p.Villages {
			if seen[v.Code] || !villageCode.MatchString(v.Code) {
				t.Fatalf("village %q accepted", v.Code)
			}
			seen[v.Code] = true
		}
		for _, l := range p.Site.Languages {
			if l != "vi" && l != "en" {
				t.Fatalf("language %q accepted", l)
			}
		}
		for _, s := range p.Standards {
			if s.FromYear > s.ToYear {
				t.Fatalf("standard %+v accepted", s)
			}
		}
	})
}

// FuzzParseTargets: ParseTargets never panics, and what it accepts keeps its rules.
func FuzzParseTargets(f *testing.F) {
	addTOMLSeeds(f, filepath.Join("testdata", "targets", "*.toml"), filepath.Join("..", "..", "data", "targets.toml"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ts, err := ParseTargets("targets.toml", b, knownIndicators)
		if err != nil {
			if ts != nil {
				t.Fatal("a refused file returned targets")
			}
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(ts) == 0 {
			t.Fatal("no target accepted")
		}
		seen := map[string]bool{}
		for _, x := range ts {
			if seen[x.ID] || !targetID.MatchString(x.ID) {
				t.Fatalf("target id %q accepted", x.ID)
			}
			seen[x.ID] = true
			if !knownIndicators(x.Indicator) {
				t.Fatalf("indicator %q accepted", x.Indicator)
			}
			if !slices.Contains([]string{"<", "<=", ">=", ">"}, x.Comparator) || (x.Method != "linear" && x.Method != "cagr") {
				t.Fatalf("target %+v accepted", x)
			}
			if x.Year < 2000 || x.Year > 2100 || (x.Baseline != nil && x.BaselineYear == 0) {
				t.Fatalf("target %+v accepted", x)
			}
		}
	})
}

// FuzzParseProgrammes: ParseProgrammes never panics on what it reads.
func FuzzParseProgrammes(f *testing.F) {
	addTOMLSeeds(f, filepath.Join("..", "..", "data", "programmes.toml"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := ParseProgrammes("programmes.toml", b)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if p.Code == "" || seen[p.Code] {
				t.Fatalf("programme code %q accepted", p.Code)
			}
			seen[p.Code] = true
			for _, s := range p.Funding {
				if !slices.Contains(FundingSources, s) {
					t.Fatalf("funding %q accepted", s)
				}
			}
		}
	})
}

// FuzzParseUnits: ParseUnits never panics, and what it accepts keeps its rules: codes
// are unique and well formed, every parent and successor is declared at an allowed
// level, and no chain of parents or successors loops.
func FuzzParseUnits(f *testing.F) {
	addTOMLSeeds(f, filepath.Join("..", "..", "data", "units.toml"))
	f.Add([]byte(validUnits))
	f.Add([]byte("[[units]]\ncode = \"VN\"\nlevel = \"nation\"\nname_vi = \"a\"\nname_en = \"b\"\nsuccessor = \"VN\"\nvalid_to = 2000\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := ParseUnits("units.toml", b)
		if err != nil {
			if r != nil {
				t.Fatal("a refused registry returned units")
			}
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(r.Units) == 0 {
			t.Fatal("an empty registry accepted")
		}
		for _, u := range r.Units {
			if re := unitCodes[u.Level]; re == nil || !re.MatchString(u.Code) {
				t.Fatalf("unit %+v accepted", u)
			}
			if got, _ := r.Unit(u.Code); got != u {
				t.Fatalf("code %q declared twice", u.Code)
			}
			if u.Parent != "" {
				p, ok := r.Unit(u.Parent)
				if !ok || !slices.Contains(parentLevels[u.Level], p.Level) {
					t.Fatalf("parent of %+v accepted", u)
				}
			} else if len(parentLevels[u.Level]) > 0 {
				t.Fatalf("%+v without a parent accepted", u)
			}
			for c, steps := u.Successor, 0; c != ""; steps++ {
				s, ok := r.Unit(c)
				if !ok || s.Level != u.Level || c == u.Code || steps > len(r.Units) {
					t.Fatalf("successor chain of %+v accepted", u)
				}
				c = s.Successor
			}
		}
	})
}
