// Package standard classifies households under Vietnam's national multidimensional
// poverty standards, which are kept as data so that a new standard is an entry, not a rewrite.
package standard

import (
	"fmt"
)

// Standard is one national poverty standard: its income lines, its deprivation
// indicators and the number of deprivations that makes a household poor.
type Standard struct {
	ID     string
	Decree string
	// Income lines in VND per person per month, by area ("rural", "urban").
	PovertyLine map[string]int64
	// AverageLine is the upper bound of the average living standard for
	// agricultural households.
	AverageLine map[string]int64
	// Indicators are the deprivation indicators, as review CSV columns.
	Indicators []string
	// PoorDeprivations is the number of deprivations at or above which a household
	// under the income line is poor rather than near-poor.
	PoorDeprivations int
}

// Standards are the standards the portal knows, by id.
var Standards = map[string]*Standard{
	"2022-2025": {
		ID:               "2022-2025",
		Decree:           "07/2021/NĐ-CP",
		PovertyLine:      map[string]int64{"rural": 1_500_000, "urban": 2_000_000},
		AverageLine:      map[string]int64{"rural": 2_250_000, "urban": 3_000_000},
		PoorDeprivations: 3,
		Indicators: []string{
			"d_employment", "d_dependency", "d_nutrition", "d_health_insurance",
			"d_adult_education", "d_child_schooling", "d_housing_quality", "d_housing_area",
			"d_water", "d_sanitation", "d_telecom", "d_information_access",
		},
	},
	"2027-2030": {
		ID:               "2027-2030",
		Decree:           "351/2025/NĐ-CP",
		PovertyLine:      map[string]int64{"rural": 2_200_000, "urban": 2_800_000},
		AverageLine:      map[string]int64{"rural": 3_300_000, "urban": 4_200_000},
		PoorDeprivations: 3,
		// The information-devices indicator gives way to digital services and
		// household waste treatment.
		Indicators: []string{
			"d_employment", "d_dependency", "d_nutrition", "d_health_insurance",
			"d_adult_education", "d_child_schooling", "d_housing_quality", "d_housing_area",
			"d_water", "d_sanitation", "d_telecom", "d_digital_services", "d_waste_treatment",
		},
	},
}

// Lookup returns the standard with the given id.
func Lookup(id string) (*Standard, error) {
	s, ok := Standards[id]
	if !ok {
		return nil, fmt.Errorf("standard: unknown poverty standard %q", id)
	}
	return s, nil
}

// Household is what classification needs to know of a household.
type Household struct {
	Area         string
	Income       int64
	Deprivations int
}

// Classify returns the status the standard gives a household: "poor", "near_poor",
// "average_agri" (at most the average line; the review board decides whether the
// household lives from agriculture, so the standard alone can only say it may be) or
// "non_poor".
func (s *Standard) Classify(h Household) (string, error) {
	line, ok := s.PovertyLine[h.Area]
	if !ok {
		return "", fmt.Errorf("standard %s: unknown area %q", s.ID, h.Area)
	}
	switch {
	case h.Income <= line && h.Deprivations >= s.PoorDeprivations:
		return "poor", nil
	case h.Income <= line:
		return "near_poor", nil
	default:
		return "non_poor", nil
	}
}

// Agrees reports whether a recorded status is consistent with the standard's class:
// the average-living class can only be given by the board, above the poverty line and
// at or below the average line.
func (s *Standard) Agrees(recorded string, h Household) (bool, string, error) {
	got, err := s.Classify(h)
	if err != nil {
		return false, "", err
	}
	if recorded == "average_agri" && got == "non_poor" && h.Income <= s.AverageLine[h.Area] {
		return true, recorded, nil
	}
	return recorded == got, got, nil
}
