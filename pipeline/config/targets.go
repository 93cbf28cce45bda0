package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"

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
	// Plan is the id of the plan the target belongs to; it may be left out when
	// targets.toml declares one plan (or none: then portal.toml's [plan]).
	Plan string `toml:"plan"`
}

// TargetFile is targets.toml: the plans and their targets.
type TargetFile struct {
	Plans   []Plan   `toml:"plans"`
	Targets []Target `toml:"targets"`
}

type targetsFile = TargetFile

var planPeriod = regexp.MustCompile(`^([0-9]{4})-([0-9]{4})$`)

// PeriodYears returns the first and last year of a plan's period ("2022-2025").
func (p Plan) PeriodYears() (int, int, bool) {
	m := planPeriod.FindStringSubmatch(p.Period)
	if m == nil {
		return 0, 0, false
	}
	from, _ := strconv.Atoi(m[1])
	to, _ := strconv.Atoi(m[2])
	return from, to, from <= to
}

// LoadTargetFile reads and checks targets.toml at path, its plans included.
func LoadTargetFile(path string, known func(string) bool) (*TargetFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load targets: %w", err)
	}
	return ParseTargetFile(path, b, known)
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

// ParseTargets decodes and checks the text of a targets.toml and returns its targets.
func ParseTargets(name string, b []byte, known func(string) bool) ([]Target, error) {
	f, err := ParseTargetFile(name, b, known)
	if err != nil {
		return nil, err
	}
	return f.Targets, nil
}

// ParseTargetFile decodes and checks the text of a targets.toml.
func ParseTargetFile(name string, b []byte, known func(string) bool) (*TargetFile, error) {
	var f targetsFile
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, tomlError(name, err)
	}
	errs := []error{unknownKeys(name, b, md), formulaCells(name, b)}
	plans, planErrs := checkPlans(name, f.Plans)
	errs = append(errs, planErrs...)
	seen := map[string]bool{}
	for i := range f.Targets {
		t := &f.Targets[i]
		if t.Method == "" {
			t.Method = "linear"
		}
		bad := func(key, code string, args ...any) {
			errs = append(errs, newProblem(name, 0, fmt.Sprintf("targets[%d].%s", i, key), code, args...))
		}
		if !targetID.MatchString(t.ID) {
			bad("id", "bad_target_id", t.ID)
		}
		if seen[t.ID] {
			bad("id", "duplicate_target", t.ID)
		}
		seen[t.ID] = true
		if t.TitleVI == "" || t.TitleEN == "" {
			bad("title_vi", "target_titles")
		}
		if known != nil && !known(t.Indicator) {
			bad("indicator", "unknown_indicator", t.Indicator)
		}
		switch t.Comparator {
		case "<", "<=", ">=", ">":
		default:
			bad("comparator", "bad_comparator", t.Comparator)
		}
		switch t.Method {
		case "linear", "cagr":
		default:
			bad("method", "bad_method", t.Method)
		}
		if t.Year < 2000 || t.Year > 2100 {
			bad("year", "bad_target_year", t.Year)
		}
		if t.Baseline != nil && t.BaselineYear == 0 {
			bad("baseline_year", "baseline_no_year")
		}
		switch {
		case t.Plan == "" && len(f.Plans) == 1:
			t.Plan = f.Plans[0].ID
		case t.Plan == "" && len(f.Plans) > 1:
			bad("plan", "target_no_plan")
		case t.Plan != "" && !plans[t.Plan]:
			bad("plan", "unknown_plan", t.Plan)
		}
	}
	if len(f.Targets) == 0 {
		errs = append(errs, newProblem(name, 0, "", "no_targets"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &f, nil
}

// checkPlans checks the [[plans]] of a targets.toml and returns their ids.
func checkPlans(name string, list []Plan) (map[string]bool, []error) {
	var errs []error
	plans := map[string]bool{}
	for i, p := range list {
		bad := func(key, code string, args ...any) {
			errs = append(errs, newProblem(name, 0, fmt.Sprintf("plans[%d].%s", i, key), code, args...))
		}
		switch {
		case !targetID.MatchString(p.ID):
			bad("id", "bad_plan_id", p.ID)
		case plans[p.ID]:
			bad("id", "duplicate_plan", p.ID)
		}
		plans[p.ID] = true
		if _, _, ok := p.PeriodYears(); !ok {
			bad("period", "bad_period", p.Period)
		}
		if p.TitleVI == "" || p.TitleEN == "" {
			bad("title_vi", "plan_titles")
		}
	}
	return plans, errs
}
