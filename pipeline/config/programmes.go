package config

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/BurntSushi/toml"
)

// Programme is a project, sub-project or policy of the plan, from programmes.toml.
type Programme struct {
	Code      string   `toml:"code"`
	Parent    string   `toml:"parent"`
	TitleVI   string   `toml:"title_vi"`
	TitleEN   string   `toml:"title_en"`
	InScope   bool     `toml:"in_scope"`
	OfficeVI  string   `toml:"office_vi"`
	OfficeEN  string   `toml:"office_en"`
	Funding   []string `toml:"funding"`
	SummaryVI string   `toml:"summary_vi"`
	SummaryEN string   `toml:"summary_en"`
}

// FundingSources are the funding-source codes of the support data and programmes.
var FundingSources = []string{"central", "province", "district", "commune", "social_fund", "policy_bank_credit", "other"}

// LoadProgrammes reads and checks programmes.toml.
func LoadProgrammes(path string) ([]Programme, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load programmes: %w", err)
	}
	return ParseProgrammes(path, b)
}

// ParseProgrammes decodes and checks the text of a programmes.toml.
func ParseProgrammes(path string, b []byte) ([]Programme, error) {
	var f struct {
		Programmes []Programme `toml:"programmes"`
	}
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, tomlError(path, err)
	}
	errs := []error{unknownKeys(path, b, md), formulaCells(path, b)}
	seen := map[string]bool{}
	for i, p := range f.Programmes {
		key := fmt.Sprintf("programmes[%d]", i)
		if p.Code == "" || seen[p.Code] {
			errs = append(errs, newProblem(path, 0, key+".code", "bad_programme_code", p.Code))
		}
		seen[p.Code] = true
		if p.TitleVI == "" || p.TitleEN == "" {
			errs = append(errs, newProblem(path, 0, key+".title_vi", "programme_titles"))
		}
		for _, s := range p.Funding {
			if !slices.Contains(FundingSources, s) {
				errs = append(errs, newProblem(path, 0, key+".funding", "unknown_funding", s))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return f.Programmes, nil
}
