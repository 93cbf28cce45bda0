// Package config loads and checks the portal's settings (portal.toml) and the plan's
// targets (targets.toml).
package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/minhtien/portal/pipeline/problem"
)

// Portal is the reporting unit and how its site is published, as declared in portal.toml.
type Portal struct {
	Unit       Unit          `toml:"unit"`
	Plan       Plan          `toml:"plan"`
	Standards  []StandardUse `toml:"standards"`
	Disclosure Disclosure    `toml:"disclosure"`
	Site       Site          `toml:"site"`
	Data       DataSource    `toml:"data"`
	Villages   []Village     `toml:"villages"`
}

// Unit is the administrative unit the portal reports on: a commune (with its
// villages declared below) or a province or the nation (with their communes and
// villages declared in units.toml).
type Unit struct {
	Level        string `toml:"level"`
	Code         string `toml:"code"`
	NameVI       string `toml:"name_vi"`
	NameEN       string `toml:"name_en"`
	DistrictVI   string `toml:"district_vi"`
	DistrictEN   string `toml:"district_en"`
	ProvinceCode string `toml:"province_code"`
	ProvinceVI   string `toml:"province_vi"`
	ProvinceEN   string `toml:"province_en"`
}

// Plan identifies a plan whose targets the portal follows: portal.toml's [plan], and
// each [[plans]] of targets.toml (which have an id).
type Plan struct {
	ID         string `toml:"id"`
	Number     string `toml:"number"`
	Date       string `toml:"date"`
	Implements string `toml:"implements"`
	Period     string `toml:"period"`
	TitleVI    string `toml:"title_vi"`
	TitleEN    string `toml:"title_en"`
	Document   string `toml:"document"`
}

// StandardUse says which poverty standard applies to a range of review years.
type StandardUse struct {
	ID       string `toml:"id"`
	FromYear int    `toml:"from_year"`
	ToYear   int    `toml:"to_year"`
}

// Disclosure holds the small-count threshold and how the audit bounds what a
// reader can deduce.
type Disclosure struct {
	K int `toml:"k"`
	// ExactLP has the audit solve its large blocks with GLPK's glpsol, which must
	// be installed (see disclosure.WithExactLP): exact, and minutes per build at a
	// commune's size.
	ExactLP bool `toml:"exact_lp"`
}

// Site holds publishing settings.
type Site struct {
	BaseURL   string   `toml:"base_url"`
	Languages []string `toml:"languages"`
}

// DataSource says whether the inputs are the synthetic sample and who may decrypt real data.
type DataSource struct {
	Sample     bool     `toml:"sample"`
	Recipients []string `toml:"recipients"`
}

// Village is a village (thôn) of the unit.
type Village struct {
	Code   string `toml:"code"`
	NameVI string `toml:"name_vi"`
	NameEN string `toml:"name_en"`
}

// DefaultK is the disclosure threshold used when portal.toml names none.
const DefaultK = 5

// MinK is the smallest threshold the portal accepts: below it a count points at a family.
const MinK = 3

var (
	communeCode = regexp.MustCompile(`^[0-9]{5}$`)
	villageCode = regexp.MustCompile(`^[A-Za-z0-9_-]{1,16}$`)
)

// LoadPortal reads and checks portal.toml at path.
func LoadPortal(path string) (*Portal, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load portal settings: %w", err)
	}
	return ParsePortal(path, b)
}

// ParsePortal decodes and checks the text of a portal.toml; name is used in messages.
func ParsePortal(name string, b []byte) (*Portal, error) {
	var p Portal
	md, err := toml.Decode(string(b), &p)
	if err != nil {
		return nil, tomlError(name, err)
	}
	unknown := unknownKeys(name, b, md)
	if p.Disclosure.K == 0 {
		p.Disclosure.K = DefaultK
	}
	if len(p.Site.Languages) == 0 {
		p.Site.Languages = []string{"vi", "en"}
	}
	if CheckBaseURL(p.Site.BaseURL) != nil {
		code, args := baseURLProblem(p.Site.BaseURL)
		unknown = errors.Join(unknown, newProblem(name, lineOf(b, toml.Key{"site", "base_url"}), "site.base_url", code, args...))
	}
	if err := errors.Join(unknown, formulaCells(name, b), p.check(name)); err != nil {
		return nil, err
	}
	return &p, nil
}

func (p *Portal) check(name string) error {
	var errs []error
	bad := func(key, code string, args ...any) {
		errs = append(errs, newProblem(name, 0, key, code, args...))
	}
	switch p.Unit.Level {
	case LevelCommune:
		if !communeCode.MatchString(p.Unit.Code) {
			bad("unit.code", "bad_commune_code")
		}
	case LevelProvince, LevelNation:
		// A province or the nation reports on many communes: they and their villages
		// are declared in units.toml.
		if !unitCodes[p.Unit.Level].MatchString(p.Unit.Code) {
			bad("unit.code", "bad_unit_code", p.Unit.Code, p.Unit.Level)
		}
	default:
		bad("unit.level", "bad_level", p.Unit.Level)
	}
	if p.Unit.NameVI == "" || p.Unit.NameEN == "" {
		bad("unit.name_vi", "unit_names")
	}
	if p.Disclosure.K < MinK {
		bad("disclosure.k", "k_too_small", p.Disclosure.K, MinK)
	}
	if p.Unit.Level == LevelCommune && len(p.Villages) == 0 {
		bad("villages", "no_villages")
	}
	if (p.Unit.Level == LevelProvince || p.Unit.Level == LevelNation) && len(p.Villages) > 0 {
		bad("villages", "villages_in_portal", p.Unit.Level)
	}
	seen := map[string]bool{}
	for i, v := range p.Villages {
		key := fmt.Sprintf("villages[%d].code", i)
		if !villageCode.MatchString(v.Code) {
			bad(key, "bad_village_code", v.Code)
		}
		if seen[v.Code] {
			bad(key, "duplicate_village", v.Code)
		}
		seen[v.Code] = true
		if v.NameVI == "" || v.NameEN == "" {
			bad(key, "village_names", v.Code)
		}
	}
	if len(p.Standards) == 0 {
		bad("standards", "no_standards")
	}
	for i, s := range p.Standards {
		if s.FromYear > s.ToYear {
			bad(fmt.Sprintf("standards[%d]", i), "years_reversed")
		}
	}
	for _, l := range p.Site.Languages {
		if l != "vi" && l != "en" {
			bad("site.languages", "bad_language", l)
		}
	}
	if !p.Data.Sample && len(p.Data.Recipients) == 0 {
		bad("data.recipients", "no_recipients")
	}
	return errors.Join(errs...)
}

// Village returns the village with the given code.
func (p *Portal) Village(code string) (Village, bool) {
	for _, v := range p.Villages {
		if v.Code == code {
			return v, true
		}
	}
	return Village{}, false
}

// VillageCodes returns the declared village codes in order of declaration.
func (p *Portal) VillageCodes() []string {
	out := make([]string, len(p.Villages))
	for i, v := range p.Villages {
		out[i] = v.Code
	}
	return out
}

// StandardFor returns the id of the poverty standard that applies to a review year.
func (p *Portal) StandardFor(year int) (string, bool) {
	for _, s := range p.Standards {
		if year >= s.FromYear && year <= s.ToYear {
			return s.ID, true
		}
	}
	return "", false
}

// CheckStandards checks the [[standards]] mapping against the standards that exist
// (known reports whether an id is declared in data/standards.toml): every id must be
// one, and no year may fall under two standards.
func (p *Portal) CheckStandards(name string, known func(id string) bool) error {
	var errs []error
	for i, s := range p.Standards {
		key := fmt.Sprintf("standards[%d].id", i)
		if !known(s.ID) {
			errs = append(errs, newProblem(name, 0, key, "unknown_standard", s.ID))
		}
		for j := range i {
			o := p.Standards[j]
			if s.FromYear <= o.ToYear && o.FromYear <= s.ToYear {
				errs = append(errs, newProblem(name, 0, key, "standards_overlap", s.FromYear, s.ToYear, j, o.FromYear, o.ToYear))
			}
		}
	}
	return errors.Join(errs...)
}

// newProblem is a problem of the settings file name, at key and, when it is known,
// at line (0 when not): a setting's problem is shown at its line's first column.
func newProblem(name string, line int, key, code string, args ...any) problem.Problem {
	p := problem.Problem{Catalogue: messages, File: name, Line: line, Key: key, Code: code, Args: args}
	if line > 0 {
		p.Col = 1
	}
	return p
}

var decodeLine = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// tomlError locates a syntax or type error by line and column.
func tomlError(name string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p := newProblem(name, pe.Position.Line, "", "toml_syntax", pe.Message)
		p.Col = max(pe.Position.Col, p.Col)
		return p
	}
	// A value of the wrong type is reported as text that names the line.
	if m := decodeLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return newProblem(name, line, m[2], "toml_type", m[3])
	}
	return newProblem(name, 0, "", "toml_decode", err.Error())
}

// unknownKeys reports every setting the file has that the portal does not know, each
// at its line. A table that is unknown is reported once, not once per key in it.
func unknownKeys(name string, text []byte, md toml.MetaData) error {
	var keys []toml.Key
	for _, k := range md.Undecoded() {
		if len(keys) > 0 && isUnder(k, keys[len(keys)-1]) {
			continue
		}
		keys = append(keys, k)
	}
	var errs []error
	for _, k := range keys {
		errs = append(errs, newProblem(name, lineOf(text, k), k.String(), "unknown_setting"))
	}
	return errors.Join(errs...)
}

func isUnder(k, parent toml.Key) bool {
	if len(k) <= len(parent) {
		return false
	}
	for i := range parent {
		if k[i] != parent[i] {
			return false
		}
	}
	return true
}

// lineOf finds the line where a key is set, or its table header; 0 if not found.
func lineOf(text []byte, k toml.Key) int {
	last := k[len(k)-1]
	for i, line := range strings.Split(string(text), "\n") {
		t := strings.TrimSpace(line)
		if t == "["+k.String()+"]" || t == "[["+k.String()+"]]" {
			return i + 1
		}
		if rest, ok := strings.CutPrefix(t, last); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 0
}
