package assemble

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
)

// nesting is how a province's units nest, read from the unit registry: what the
// engine computes (the province, each commune, each village), what the reader
// accepts (the declared communes and villages) and what disclosure protects.
type nesting struct {
	spec indicator.Spec
	tree disclosure.Tree
	// units are the communes and villages, for the years each exists; byCode
	// indexes them.
	units  []config.AdminUnit
	byCode map[string]config.AdminUnit
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

// nestingOf reads the communes of the portal's unit and their villages from the
// registry. Only a province is supported: the engine computes one level of communes
// between the top unit and the villages, and a nation has provinces in between.
func nestingOf(p *config.Portal, r *config.Registry) (*nesting, error) {
	if p.Unit.Level != config.LevelProvince {
		return nil, fmt.Errorf("load unit registry: a %s is not supported yet; build each province", p.Unit.Level)
	}
	top := p.Unit.Code
	n := &nesting{
		spec:   indicator.Spec{Level: p.Unit.Level, Commune: top, CommuneOf: map[string]string{}},
		tree:   disclosure.Tree{Top: top, Children: map[string][]string{}},
		byCode: map[string]config.AdminUnit{},
	}
	for _, c := range r.Communes(top) {
		n.spec.Communes = append(n.spec.Communes, c.Code)
		n.tree.Children[top] = append(n.tree.Children[top], c.Code)
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
	if len(n.spec.Communes) == 0 {
		return nil, fmt.Errorf("load unit registry: %s %q has no commune declared", p.Unit.Level, top)
	}
	return n, nil
}

// loadScale reads a province's review data: every file is streamed through the
// parallel reader, each row checked against the declared communes and villages, and
// aggregated for the province, each commune and each village. Support data and
// stories belong to a commune's portal and are not read at this scale.
func loadScale(l paths.Layout, getenv func(string) string, lang string, in *Inputs) (*Inputs, error) {
	n, err := nestingOf(in.Portal, in.Registry)
	if err != nil {
		return nil, err
	}
	classify := classifier(in.Portal)
	rulesFor := func(year int) review.Rules {
		communes, villages := n.rulesFor(year)
		return review.Rules{Communes: communes, Villages: villages, Classify: classify}
	}
	files, err := review.Files(l.Reviews())
	if err != nil {
		return nil, err
	}
	in.Table, in.Years, in.Rows, in.Problems, err = streamReviews(files, rulesFor, n.spec, opener(getenv))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		in.Problems = append(in.Problems, review.Problem{File: l.Reviews(), Code: "no_files"})
	}
	for _, f := range in.Findings() {
		if f.Error {
			return in, &InvalidError{Findings: in.Findings(), Lang: lang}
		}
	}
	return in, nil
}
