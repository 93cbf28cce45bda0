package indicator

// Unit, Spec and the units a spec computes figures for, in publishing order.

import "github.com/minhtien/portal/pipeline/standard"

// Unit is a unit figures are computed for.
type Unit struct {
	Level string
	Code  string
}

// Spec says what to compute: the top unit and the units below it, in publishing
// order (top, provinces, communes, villages).
type Spec struct {
	// Top is the top unit's code: the commune, or for a dataset of many
	// communes the province (or nation) they make up.
	Top      string
	Villages []string
	// Level is the top unit's level; "" means "commune".
	Level string
	// Communes, when not empty, adds a unit for each commune of a dataset of many
	// communes (rows are assigned by their commune_code), published after the top
	// unit (and its provinces) and before the villages.
	Communes []string
	// CommuneOf, when not nil, gives each village's commune: a row whose village is
	// not in its commune_code's commune is refused, since it would be added to a
	// commune and to a village of another. Without it a village belongs to the
	// commune of its first row, and a later row naming another commune is refused.
	CommuneOf map[string]string
	// Provinces, when not empty, adds a level between the top unit (the nation) and
	// the communes; ProvinceOf gives each commune's province.
	Provinces  []string
	ProvinceOf map[string]string
	// StandardFor gives the poverty standard in force for a review year: the
	// deprivation indicators counted, and the weights of the Alkire-Foster measures.
	StandardFor func(year int) (*standard.Standard, bool)
}

func (s Spec) units() []Unit {
	level := s.Level
	if level == "" {
		level = "commune"
	}
	units := []Unit{{level, s.Top}}
	for _, p := range s.Provinces {
		units = append(units, Unit{"province", p})
	}
	for _, c := range s.Communes {
		units = append(units, Unit{"commune", c})
	}
	return append(units, villageUnits(s.Villages)...)
}

func villageUnits(codes []string) []Unit {
	out := make([]Unit, len(codes))
	for i, c := range codes {
		out[i] = Unit{"village", c}
	}
	return out
}
