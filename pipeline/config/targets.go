package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"

	"github.com/BurntSushi/toml"
)

// Target is one target of the plan, as declared in targets.toml.
type Target struct {
	ID           string   `toml:"id"`
	TitleVI      string   `toml:"title_vi"`
	TitleEN      string   `toml:"title_en"`
	Section      string   `toml:"section"`
	Indicator    string   `toml:"indicator"`
	Comparator   string   `toml:"comparator"`
	Value        float64  `toml:"value"`
	Year         int      `toml:"year"`
	BaselineYear int      `toml:"baseline_year"`
	Baseline     *float64 `toml:"baseline"`
	Method       string   `toml:"method"`
	Keep         bool     `toml:"keep"`
}

type targetsFile struct {
	Targets []Target `toml:"targets"`
}

var targetID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadTargets reads and checks targets.toml at path. known reports whether an
// indicator code exists, so a target cannot name a figure the portal never computes.
func LoadTargets(path string, known func(string) bool) ([]Target, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load targets: %w", err)
	}
	return ParseTargets(path, b, known)
}

// ParseTargets decodes and checks the text of a targets.toml.
func ParseTargets(name string, b []byte, known func(string) bool) ([]Target, error) {
	var f targetsFile
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, tomlError(name, err)
	}
	errs := []error{unknownKeys(name, b, md), formulaCells(name, b)}
	seen := map[string]bool{}
	for i := range f.Targets {
		t := &f.Targets[i]
		if t.Method == "" {
			t.Method = "linear"
		}
		bad := func(key, msg, hint string) {
			errs = append(errs, &Error{File: name, Key: fmt.Sprintf("targets[%d].%s", i, key), Msg: msg, Hint: hint})
		}
		if !targetID.MatchString(t.ID) {
			bad("id", fmt.Sprintf("target id %q must be lowercase words joined by -", t.ID), `for example id = "poverty-rate"`)
		}
		if seen[t.ID] {
			bad("id", fmt.Sprintf("target id %q is used twice", t.ID), "give each target its own id")
		}
		seen[t.ID] = true
		if t.TitleVI == "" || t.TitleEN == "" {
			bad("title_vi", "a target needs title_vi and title_en", "add both titles")
		}
		if known != nil && !known(t.Indicator) {
			bad("indicator", fmt.Sprintf("indicator %q is not computed by the portal", t.Indicator), "use a code from the data dictionary")
		}
		switch t.Comparator {
		case "<", "<=", ">=", ">":
		default:
			bad("comparator", fmt.Sprintf("comparator %q is not one of < <= >= >", t.Comparator), `for example comparator = "<"`)
		}
		switch t.Method {
		case "linear", "cagr":
		default:
			bad("method", fmt.Sprintf("method %q is not linear or cagr", t.Method), `use method = "linear"`)
		}
		if t.Year < 2000 || t.Year > 2100 {
			bad("year", fmt.Sprintf("target year %d is not plausible", t.Year), "use the plan's final year, e.g. 2025")
		}
		if t.Baseline != nil && t.BaselineYear == 0 {
			bad("baseline_year", "a baseline value needs its year", "add baseline_year")
		}
	}
	if len(f.Targets) == 0 {
		errs = append(errs, &Error{File: name, Msg: "no target is declared", Hint: "add one [[targets]] table per target of the plan"})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return f.Targets, nil
}
