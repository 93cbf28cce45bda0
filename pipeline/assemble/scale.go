package assemble

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
)

// nesting is how a province's or a nation's units nest, read from the unit registry: what the
// engine computes (the province, each commune, each village), what the reader
// accepts (the declared communes and villages) and what disclosure protects.
type nesting struct {
	spec indicator.Spec
	tree disclosure.Tree
	// units are the communes and villages, for the years each exists; byCode
	// indexes them.
	units  []config.AdminUnit
	byCode map[string]config.AdminUnit
	// For a nation: top are the nation and its provinces, whose figures are held
	// at once; parts are the provinces, each protected and published with its
	// communes and villages (partUnits), one after another.
	top       []indicator.Unit
	parts     []disclosure.Part
	partUnits [][]indicator.Unit
}

// rulesFor returns the communes and villages a review of year may hold: those the
// registry says exist that year (a commune merged in 2025 has no 2025 rows; its
// successor has no rows before it was formed). The figures of every declared unit
// are still computed for every year, so a merged commune keeps its history.
func (n *nesting) rulesFor(year int) (communes, villages map[string]bool) {
	communes, villages = map[string]bool{}, map[string]bool{}
	exists := func(u config.AdminUnit) bool {
		return (u.ValidFrom == 0 || year >= u.ValidFrom) && (u.ValidTo == 0 || year <= u.ValidTo)
	}
	for _, u := range n.units {
		if !exists(u) {
			continue
		}
		switch u.Level {
		case config.LevelCommune:
			communes[u.Code] = true
		case config.LevelVillage:
			if c, ok := n.unit(n.spec.CommuneOf[u.Code]); ok && exists(c) {
				villages[u.Code] = true
			}
		}
	}
	return communes, villages
}

func (n *nesting) unit(code string) (config.AdminUnit, bool) {
	u, ok := n.byCode[code]
	return u, ok
}

// atScale reports whether the build reports on many communes: the unit of
// portal.toml is above a commune and the registry declares its communes.
func (in *Inputs) atScale() bool {
	return in.Registry != nil && in.Portal.Unit.Level != config.LevelCommune
}

// Villages is how many villages the build reports on: the commune's, or all the
// villages of a province's communes.
func (in *Inputs) Villages() int {
	if !in.atScale() {
		return len(in.Portal.Villages)
	}
	n := 0
	for _, c := range in.Registry.Communes(in.Portal.Unit.Code) {
		n += len(in.Registry.Children(c.Code))
	}
	return n
}

// nestingOf reads the units below the portal's unit from the registry: a province's
// communes and their villages, or a nation's provinces, their communes and villages.
func nestingOf(p *config.Portal, r *config.Registry) (*nesting, error) {
	top := p.Unit.Code
	n := &nesting{
		spec:   indicator.Spec{Level: p.Unit.Level, Top: top, CommuneOf: map[string]string{}},
		tree:   disclosure.Tree{Top: top, Children: map[string][]string{}},
		byCode: map[string]config.AdminUnit{},
	}
	switch p.Unit.Level {
	case config.LevelProvince:
		n.addCommunes(r, top)
	case config.LevelNation:
		n.spec.ProvinceOf = map[string]string{}
		n.top = []indicator.Unit{{Level: p.Unit.Level, Code: top}}
		for _, pr := range r.Children(top) {
			if pr.Level != config.LevelProvince {
				continue
			}
			n.spec.Provinces = append(n.spec.Provinces, pr.Code)
			n.tree.Children[top] = append(n.tree.Children[top], pr.Code)
			n.units = append(n.units, pr)
			n.byCode[pr.Code] = pr
			n.top = append(n.top, indicator.Unit{Level: pr.Level, Code: pr.Code})
			from := len(n.spec.Communes)
			n.addCommunes(r, pr.Code)
			n.addPart(pr.Code, from)
		}
		if len(n.spec.Provinces) == 0 {
			return nil, fmt.Errorf("load unit registry: nation %q has no province declared", top)
		}
	default:
		return nil, fmt.Errorf("load unit registry: a %s cannot be built from many communes; build its province", p.Unit.Level)
	}
	if len(n.spec.Communes) == 0 {
		return nil, fmt.Errorf("load unit registry: %s %q has no commune declared", p.Unit.Level, top)
	}
	return n, nil
}

// addCommunes adds the communes of parent (a province) and their villages.
func (n *nesting) addCommunes(r *config.Registry, parent string) {
	for _, c := range r.Communes(parent) {
		n.spec.Communes = append(n.spec.Communes, c.Code)
		if n.spec.ProvinceOf != nil {
			n.spec.ProvinceOf[c.Code] = parent
		}
		n.tree.Children[parent] = append(n.tree.Children[parent], c.Code)
		n.units = append(n.units, c)
		n.byCode[c.Code] = c
		for _, v := range r.Children(c.Code) {
			n.units = append(n.units, v)
			n.byCode[v.Code] = v
			n.spec.Villages = append(n.spec.Villages, v.Code)
			n.spec.CommuneOf[v.Code] = c.Code
			n.tree.Children[c.Code] = append(n.tree.Children[c.Code], v.Code)
		}
	}
}

// addPart declares a nation's province as a part protected and published on its
// own: the province, its communes (from the index given) and their villages.
func (n *nesting) addPart(province string, from int) {
	part := disclosure.Part{Code: province, Tree: disclosure.Tree{Top: province, Children: map[string][]string{}}}
	units := []indicator.Unit{{Level: config.LevelProvince, Code: province}}
	communes := n.spec.Communes[from:]
	part.Tree.Children[province] = communes
	for _, c := range communes {
		units = append(units, indicator.Unit{Level: config.LevelCommune, Code: c})
	}
	for _, c := range communes {
		part.Tree.Children[c] = n.tree.Children[c]
		for _, v := range n.tree.Children[c] {
			units = append(units, indicator.Unit{Level: config.LevelVillage, Code: v})
		}
	}
	n.parts = append(n.parts, part)
	n.partUnits = append(n.partUnits, units)
}

// loadScale reads a province's review data: every file is streamed through the
// parallel reader, each row checked against the declared communes and villages, and
// aggregated for the province, each commune and each village. Support data and
// stories belong to a commune's portal and are not read at this scale.
func loadScale(l paths.Layout, getenv func(string) string, lang string, in *Inputs, cache *buildCache) (*Inputs, error) {
	n, err := nestingOf(in.Portal, in.Registry)
	if err != nil {
		return nil, err
	}
	in.nest = n
	n.spec.StandardFor = in.StandardFor
	rulesFor := func(year int) review.Rules {
		communes, villages := n.rulesFor(year)
		return review.Rules{Communes: communes, Villages: villages, StandardFor: in.StandardFor}
	}
	files, err := review.Files(l.Reviews())
	if err != nil {
		return nil, err
	}
	in.Sums, in.Years, in.Rows, in.Problems, err = streamReviews(files, rulesFor, n.spec, opener(getenv), cache)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		in.Problems = append(in.Problems, problem.Problem{Catalogue: review.Messages, File: l.Reviews(), Code: "no_files"})
	}
	for _, f := range in.Findings() {
		if f.Error {
			return in, &InvalidError{Findings: in.Findings(), Lang: lang}
		}
	}
	return in, nil
}
