// Package standard classifies households under Vietnam's multidimensional poverty
// standards, which are read from data/standards.toml so that a new standard (or a
// province's own higher one) is an entry in that file, not a change of code.
package standard

import (
	"fmt"
	"strings"
)

// Standard is one poverty standard: its income lines, its deprivation indicators and
// the number of deprivations that makes a household under the line poor.
type Standard struct {
	ID     string
	Decree string
	// Source says where the definition was checked, and what was not.
	Source string
	// PovertyLine and AverageLine are in VND per person per month, by area.
	PovertyLine Lines
	AverageLine Lines
	Indicators  []Indicator
	// PoorDeprivations is the number of deprivations at or above which a household
	// at or below the income line is poor rather than near-poor.
	PoorDeprivations int
}

// Lines are income lines by area.
type Lines struct {
	Rural int64
	Urban int64
}

// For returns the line of an area ("rural" or "urban").
func (l Lines) For(area string) (int64, bool) {
	switch area {
	case "rural":
		return l.Rural, true
	case "urban":
		return l.Urban, true
	}
	return 0, false
}

// Indicator is one deprivation indicator of a standard.
type Indicator struct {
	Column    string // the review CSV column, d_...
	Dimension string
	NameVI    string
	NameEN    string
	// Weight is the indicator's weight in the Alkire-Foster measures as an integer:
	// the file's weight in thousandths, divided by the greatest common divisor of the
	// standard's weights, so that sums stay exact. Equal weights (or none given) are
	// 1 each.
	Weight int64
}

// Code is the indicator's code in figure names: its column without "d_".
func (i Indicator) Code() string { return strings.TrimPrefix(i.Column, "d_") }

// Columns returns the indicators' review columns, in order.
func (s *Standard) Columns() []string {
	out := make([]string, len(s.Indicators))
	for i, ind := range s.Indicators {
		out[i] = ind.Column
	}
	return out
}

// TotalWeight is the sum of the indicators' weights.
func (s *Standard) TotalWeight() int64 {
	var w int64
	for _, ind := range s.Indicators {
		w += ind.Weight
	}
	return w
}

// Indicator returns the indicator with the given column.
func (s *Standard) Indicator(column string) (Indicator, int, bool) {
	for i, ind := range s.Indicators {
		if ind.Column == column {
			return ind, i, true
		}
	}
	return Indicator{}, -1, false
}

// Household is what classification needs to know of a household.
type Household struct {
	Area         string
	Income       int64
	Deprivations int
}

// Classify returns the status the standard gives a household: "poor", "near_poor" or
// "non_poor" (the average-living class is the board's to give; see Agrees).
func (s *Standard) Classify(h Household) (string, error) {
	line, ok := s.PovertyLine.For(h.Area)
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

// Agrees reports whether a recorded status is consistent with the standard's class,
// and the class: the average-living class can only be given by the board, above the
// poverty line and at or below the average line.
func (s *Standard) Agrees(recorded string, h Household) (bool, string, error) {
	got, err := s.Classify(h)
	if err != nil {
		return false, "", err
	}
	avg, _ := s.AverageLine.For(h.Area)
	if recorded == "average_agri" && got == "non_poor" && h.Income <= avg {
		return true, recorded, nil
	}
	return recorded == got, got, nil
}

// Set is the standards of data/standards.toml, in the file's order.
type Set struct {
	File      string
	Standards []*Standard
}

// Lookup returns the standard with the given id.
func (s *Set) Lookup(id string) (*Standard, error) {
	if s != nil {
		for _, st := range s.Standards {
			if st.ID == id {
				return st, nil
			}
		}
	}
	return nil, fmt.Errorf("standard: unknown poverty standard %q", id)
}
