package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// The administrative levels of the unit registry, from the top down. The district
// level exists only before the 2025 reorganisation; a commune's parent is its
// district (before 2025) or its province (from 2025).
const (
	LevelNation   = "nation"
	LevelProvince = "province"
	LevelDistrict = "district"
	LevelCommune  = "commune"
	LevelVillage  = "village"
)

// parentLevels says which levels a unit of each level may have as its parent.
var parentLevels = map[string][]string{
	LevelProvince: {LevelNation},
	LevelDistrict: {LevelProvince},
	LevelCommune:  {LevelDistrict, LevelProvince},
	LevelVillage:  {LevelCommune},
}

// unitCodes is the format of the official code at each level: the ISO country code
// for the nation, the GSO's 2-, 3- and 5-digit codes for provinces, districts and
// communes, and a code unique in the registry for villages (prefix it with the
// commune's code when several communes are declared, as "12424-T01").
var unitCodes = map[string]*regexp.Regexp{
	LevelNation:   regexp.MustCompile(`^[A-Z]{2}$`),
	LevelProvince: regexp.MustCompile(`^[0-9]{2}$`),
	LevelDistrict: regexp.MustCompile(`^[0-9]{3}$`),
	LevelCommune:  communeCode,
	LevelVillage:  villageCode,
}

// Registry is the unit registry (units.toml): the administrative units a dataset
// covers, each nested in its parent.
type Registry struct {
	Units  []AdminUnit `toml:"units"`
	byCode map[string]int
	// children indexes each unit's children in order of declaration: a nation's
	// build asks for the villages of 3,321 communes among 37,000 units.
	children map[string][]int
}

// AdminUnit is one unit of the registry. ValidFrom and ValidTo are the first and last
// review years in which the unit exists (0: no bound); a unit that was merged names
// the unit it became part of in Successor and keeps its history.
type AdminUnit struct {
	Code      string `toml:"code"`
	Level     string `toml:"level"`
	Parent    string `toml:"parent"`
	NameVI    string `toml:"name_vi"`
	NameEN    string `toml:"name_en"`
	ValidFrom int    `toml:"valid_from"`
	ValidTo   int    `toml:"valid_to"`
	Successor string `toml:"successor"`
}

// LoadUnits reads and checks the unit registry at path.
func LoadUnits(path string) (*Registry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load unit registry: %w", err)
	}
	return ParseUnits(path, b)
}

// ParseUnits decodes and checks the text of a units.toml; name is used in messages.
// Every problem is reported at the line of its [[units]] table.
func ParseUnits(name string, b []byte) (*Registry, error) {
	var r Registry
	md, err := toml.Decode(string(b), &r)
	if err != nil {
		return nil, tomlError(name, err)
	}
	unknown := unknownKeys(name, b, md)
	if err := errors.Join(unknown, formulaCells(name, b), r.check(name, tableLines(b, "units"))); err != nil {
		return nil, err
	}
	return &r, nil
}

// tableLines returns the line of each [[table]] header of the text, in order.
func tableLines(text []byte, table string) []int {
	var out []int
	for i, line := range strings.Split(string(text), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if strings.TrimSpace(line) == "[["+table+"]]" {
			out = append(out, i+1)
		}
	}
	return out
}

func (r *Registry) check(name string, lines []int) error {
	up := &unitProblems{name: name, lines: lines}
	bad := up.add
	if len(r.Units) == 0 {
		return newProblem(name, 0, "units", "no_units")
	}
	r.byCode = make(map[string]int, len(r.Units))
	for i, u := range r.Units {
		re, ok := unitCodes[u.Level]
		if !ok {
			bad(i, "level", "unknown_level", u.Level)
		} else if !re.MatchString(u.Code) {
			bad(i, "code", "bad_code", u.Code, u.Level)
		}
		if _, dup := r.byCode[u.Code]; dup {
			bad(i, "code", "duplicate_unit", u.Code)
			continue
		}
		r.byCode[u.Code] = i
		if r.children == nil {
			r.children = map[string][]int{}
		}
		r.children[u.Parent] = append(r.children[u.Parent], i)
		if u.NameVI == "" || u.NameEN == "" {
			bad(i, "name_vi", "registry_unit_names", u.Code)
		}
		if u.ValidFrom != 0 && u.ValidTo != 0 && u.ValidFrom > u.ValidTo {
			bad(i, "valid_from", "unit_years_reversed", u.Code, u.ValidFrom, u.ValidTo)
		}
		for _, y := range []int{u.ValidFrom, u.ValidTo} {
			if y != 0 && (y < 1945 || y > 2100) {
				bad(i, "valid_from", "unit_bad_year", u.Code, y)
			}
		}
	}
	r.checkLinks(up)
	if len(up.errs) == 0 {
		r.checkCycles(bad)
	}
	return errors.Join(up.errs...)
}

// unitProblems collects the problems of units.toml, each at the line of its unit's
// [[units]] table when it is known.
type unitProblems struct {
	name  string
	lines []int
	errs  []error
}

// add reports a problem of field of unit i.
func (up *unitProblems) add(i int, field, code string, args ...any) {
	up.hinted(i, field, code, nil, args...)
}

// hinted reports a problem whose hint takes arguments too.
func (up *unitProblems) hinted(i int, field, code string, hint []any, args ...any) {
	line := 0
	if i < len(up.lines) {
		line = up.lines[i]
	}
	p := newProblem(up.name, line, fmt.Sprintf("units[%d].%s", i, field), code, args...)
	p.HintArgs = hint
	up.errs = append(up.errs, p)
}

// checkLinks checks each unit's parent and successor: declared, of a level that may
// contain it (or of its own level, for a successor), not itself.
func (r *Registry) checkLinks(up *unitProblems) {
	bad := up.add
	for i, u := range r.Units {
		if _, known := unitCodes[u.Level]; !known || r.byCode[u.Code] != i {
			continue // an unknown level or a duplicate, reported above
		}
		want := parentLevels[u.Level]
		switch {
		case u.Parent == "" && len(want) > 0:
			up.hinted(i, "parent", ofLevels("no_parent", want), levelArgs(want), u.Level, u.Code)
		case u.Parent == "":
		case u.Parent == u.Code:
			bad(i, "parent", "own_parent", u.Code)
		default:
			j, ok := r.byCode[u.Parent]
			if !ok {
				bad(i, "parent", "unknown_parent", u.Parent, u.Code)
				break
			}
			if pl := r.Units[j].Level; unitCodes[pl] != nil && (len(want) == 0 || !contains(want, pl)) {
				code := "parent_not_allowed"
				if len(want) > 0 {
					code = ofLevels("wrong_parent_level", want)
				}
				up.hinted(i, "parent", code, append([]any{u.Level}, levelArgs(want)...), u.Level, u.Code, pl, u.Parent)
			}
		}
		if u.Successor != "" {
			j, ok := r.byCode[u.Successor]
			switch {
			case !ok:
				bad(i, "successor", "unknown_successor", u.Successor, u.Code)
			case j == i:
				bad(i, "successor", "own_successor", u.Code)
			case r.Units[j].Level != u.Level:
				bad(i, "successor", "successor_level", u.Level, u.Code, r.Units[j].Level, u.Successor)
			case u.ValidTo == 0:
				bad(i, "valid_to", "successor_no_last_year", u.Code)
			}
		}
	}
}

// checkCycles reports a unit whose chain of parents or of successors comes back to it.
func (r *Registry) checkCycles(bad func(i int, field, code string, args ...any)) {
	for _, field := range []string{"parent", "successor"} {
		next := func(u AdminUnit) string {
			if field == "parent" {
				return u.Parent
			}
			return u.Successor
		}
		for i, u := range r.Units {
			c, steps := next(u), 0
			for c != "" && steps <= len(r.Units) {
				if c == u.Code {
					bad(i, field, "cycle", field, u.Code)
					return
				}
				c, steps = next(r.Units[r.byCode[c]]), steps+1
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Unit returns the unit with the given code.
func (r *Registry) Unit(code string) (AdminUnit, bool) {
	i, ok := r.byCode[code]
	if !ok {
		return AdminUnit{}, false
	}
	return r.Units[i], true
}

// Children returns the units whose parent is code, in order of declaration.
func (r *Registry) Children(code string) []AdminUnit {
	var out []AdminUnit
	for _, i := range r.children[code] {
		out = append(out, r.Units[i])
	}
	return out
}

// Communes returns the communes below the unit code (at any depth), in order of
// declaration, with the villages of each.
func (r *Registry) Communes(code string) []AdminUnit {
	var out []AdminUnit
	for _, u := range r.Units {
		if u.Level == LevelCommune && r.Within(u.Code, code) {
			out = append(out, u)
		}
	}
	return out
}

// Within reports whether unit code lies in (or is) unit top.
func (r *Registry) Within(code, top string) bool {
	for steps := 0; code != "" && steps <= len(r.Units); steps++ {
		if code == top {
			return true
		}
		u, ok := r.Unit(code)
		if !ok {
			return false
		}
		code = u.Parent
	}
	return false
}

// CheckPortal checks that the registry agrees with portal.toml: the reporting unit is
// declared at its level, and for a commune each of its villages is declared as a
// village of it with the same code.
func (r *Registry) CheckPortal(p *Portal) error {
	u, ok := r.Unit(p.Unit.Code)
	if !ok || u.Level != p.Unit.Level {
		return fmt.Errorf("check unit registry: the unit %s %q of portal.toml is not declared in it", p.Unit.Level, p.Unit.Code)
	}
	var errs []error
	for _, v := range p.Villages {
		ru, ok := r.Unit(v.Code)
		if !ok || ru.Level != LevelVillage || ru.Parent != u.Code {
			errs = append(errs, fmt.Errorf("check unit registry: village %q of portal.toml is not declared as a village of %q", v.Code, u.Code))
		}
	}
	return errors.Join(errs...)
}

// ofLevels picks the wording of code for the parent levels a unit may have: one, or
// two (a commune's parent is a district or a province). The levels are the hint's
// arguments (levelArgs), so the "or" between them is in the message's language.
func ofLevels(code string, levels []string) string {
	if len(levels) > 1 {
		return code + "_of_two"
	}
	return code
}

func levelArgs(levels []string) []any {
	out := make([]any, len(levels))
	for i, l := range levels {
		out[i] = l
	}
	return out
}
