package disclosure

import (
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// slot locates a figure independent of its position in the table.
type slot struct {
	year      int
	unit      string
	group     string
	indicator string
}

func (p *protector) find(s slot) (int, bool) {
	return p.t.Index(indicator.Key{Year: s.year, UnitCode: s.unit, Group: s.group, Indicator: s.indicator})
}

// frame lists the years, units and groups present in the table, in table order, and
// how the units nest.
type frame struct {
	years []int
	top   string
	// topProtected: see Tree.TopProtected.
	topProtected bool
	units        []string // every unit, in table order
	groups       []string
	// parents lists each unit with children, top first, then in table order, and
	// children[parent] its children.
	parents  []string
	children map[string][]string
}

func (p *protector) frame(tree Tree) frame {
	var fr frame
	seenY, seenU, seenG := map[int]bool{}, map[string]bool{}, map[string]bool{}
	for _, f := range p.t.Figures {
		if !seenY[f.Year] {
			seenY[f.Year] = true
			fr.years = append(fr.years, f.Year)
		}
		if !seenU[f.UnitCode] {
			seenU[f.UnitCode] = true
			fr.units = append(fr.units, f.UnitCode)
		}
		if !seenG[f.Group] {
			seenG[f.Group] = true
			fr.groups = append(fr.groups, f.Group)
		}
	}
	if tree.Top == "" {
		// A commune and its villages: the commune first, the villages in table order.
		for _, f := range p.t.Figures {
			if f.UnitLevel == "commune" {
				tree.Top = f.UnitCode
			}
		}
		if tree.Top == "" && len(fr.units) > 0 {
			tree.Top = fr.units[0]
		}
		var rest []string
		for _, u := range fr.units {
			if u != tree.Top {
				rest = append(rest, u)
			}
		}
		fr.units = append([]string{tree.Top}, rest...)
		tree.Children = map[string][]string{tree.Top: rest}
	}
	fr.top, fr.children, fr.topProtected = tree.Top, tree.Children, tree.TopProtected
	fr.parents = []string{tree.Top}
	for _, u := range fr.units {
		if u != tree.Top && len(tree.Children[u]) > 0 {
			fr.parents = append(fr.parents, u)
		}
	}
	return fr
}

// equations lists the sets of cells tied by a published sum:
//   - children add up to their parent (villages to the commune; at scale communes to
//     the province too), for every figure's numerator (and the denominators that are
//     not published as counts of their own);
//   - poor + near-poor = poor and near-poor households;
//   - last year's poor + newly poor + relapsed - escaped = this year's poor;
//   - deprived in water + using clean water = poor and near-poor (likewise sanitation);
//   - the 12 censored counts add up to the numerator of mpi_a and mpi_m0 (the
//     Alkire-Foster identity M0 = sum of censored headcounts / 12);
//   - recently escaped = escaped in this review and the two before, less those poor
//     again or gone: exact in the second review (recently escaped = escaped), and
//     exact whenever nobody relapsed or left, which a reader may assume.
//
// The flow and recently-escaped relations are not exact when households leave, but a
// reader cannot tell, so they are protected as if they were.
func (p *protector) equations() [][]cell {
	fr, qs := p.fr, p.quantities()
	var eqs [][]cell
	add := func(cells []cell) {
		if len(cells) > 1 {
			eqs = append(eqs, cells)
		}
	}
	years, units, groups := ids(&qs.years, fr.years), ids(&qs.units, fr.units), ids(&qs.groups, fr.groups)
	var families [][]int32 // each parent, then its children
	for _, parent := range fr.parents {
		families = append(families, append([]int32{qs.units.id(parent)}, ids(&qs.units, fr.children[parent])...))
	}
	censored := censoredSum(p.t)
	for yi, y := range fr.years {
		for _, g := range groups {
			for _, family := range families {
				for _, d := range p.t.Catalogue() {
					add(p.cells(qname{years[yi], -1, g, -1}, family, d.Code, num))
					if d.Code == "school_attendance_rate" || d.Code == "health_insurance_rate" {
						add(p.cells(qname{years[yi], -1, g, -1}, family, d.Code, den))
					}
				}
			}
			for _, u := range units {
				at := qname{years[yi], u, g, -1}
				add(p.slotCells(at, num, "poor_households", "near_poor_households", "poor_near_poor_households"))
				add(p.slotCells(at, num, "dep_water_rate", "clean_water_rate", "poor_near_poor_households"))
				add(p.slotCells(at, num, "dep_sanitation_rate", "hygienic_latrine_rate", "poor_near_poor_households"))
				if !p.t.Weighted[y] {
					// Under unequal weights mpi_a's numerator is a weighted sum, which
					// this equation of plain sums cannot state; it is left out.
					add(p.slotCells(at, num, censored...))
				}
			}
		}
	}
	for i := 1; i < len(fr.years); i++ {
		for _, g := range groups {
			for _, u := range units {
				at := func(yi int) qname { return qname{years[yi], u, g, -1} }
				flows := p.slotCells(at(i), num, "newly_poor", "relapsed", "escaped", "poor_households")
				if prev, ok := p.figure(at(i-1), "poor_households"); ok {
					flows = append(flows, cell{prev, num})
				}
				add(flows)
				recent := p.slotCells(at(i), num, "recently_escaped_households")
				for back := 0; back < 3 && i-back >= 1; back++ {
					recent = append(recent, p.slotCells(at(i-back), num, "escaped")...)
				}
				add(recent)
			}
		}
	}
	return eqs
}

// censoredSum lists the figures of the censored-headcount identity: the censored
// numerators of the table's standards and mpi_a's numerator (mpi_m0's is the same
// number, linked to it). A year has only its own standard's; with equal weights
// (every committed standard) their sum is mpi_a's numerator.
func censoredSum(t *indicator.Table) []string {
	out := []string{"mpi_a"}
	for _, d := range t.Catalogue() {
		if strings.HasPrefix(d.Code, "censored_") {
			out = append(out, d.Code)
		}
	}
	return out
}

// absent reports whether a figure takes no part in any equation: a count that is not
// available (the first review's movement). A rate that is not available stays in: it
// reads as a 0 over 0, and is withheld with its denominator when that is hidden.
func (p *protector) absent(i int) bool {
	f := p.fig(i)
	return f.Flag == indicator.FlagNotAvailable && f.IsCount()
}

// cells lists the cells of indicator ind of each of units in a year and group (at:
// its unit unused), leaving out those absent.
func (p *protector) cells(at qname, units []int32, ind string, pt part) []cell {
	out := make([]cell, 0, len(units)) // a province's equations are kept to the end
	for _, u := range units {
		at.unit = u
		if i, ok := p.figure(at, ind); ok && !p.absent(i) {
			out = append(out, cell{i, pt})
		}
	}
	return out
}

// slotCells lists the cells of the indicators inds of one year, unit and group,
// leaving out those absent.
func (p *protector) slotCells(at qname, pt part, inds ...string) []cell {
	out := make([]cell, 0, len(inds))
	for _, ind := range inds {
		if i, ok := p.figure(at, ind); ok && !p.absent(i) {
			out = append(out, cell{i, pt})
		}
	}
	return out
}

// linkGroups lists cells that are the same number published in several places, so
// hiding one means hiding all: the poor count, the numerators of poor_rate and mpi_h
// and mpi_a's denominator (12 x poor); the deprivations of the poor, numerator of both
// mpi_a and mpi_m0; the near-poor count and its rate; the household count and every
// denominator equal to it; the poor-and-near-poor count and every denominator equal
// to it. Hiding mpi_a's denominator hides its numerator too (see hide), so a hidden
// poor count withholds mpi_a and mpi_m0 as well.
func (p *protector) linkGroups() [][]cell {
	fr, qs := p.fr, p.quantities()
	var groups [][]cell
	for _, y := range ids(&qs.years, fr.years) {
		for _, g := range ids(&qs.groups, fr.groups) {
			for _, u := range ids(&qs.units, fr.units) {
				// Not-available rates are linked too: "not available" says the
				// denominator is 0, so a hidden zero must withhold them as well.
				at := func(ind string, pt part) []cell {
					if i, ok := p.figure(qname{y, u, g, -1}, ind); ok {
						return []cell{{i, pt}}
					}
					return nil
				}
				poor := concat(at("poor_households", num), at("poor_rate", num), at("mpi_h", num), at("mpi_a", den))
				intensity := concat(at("mpi_a", num), at("mpi_m0", num))
				near := concat(at("near_poor_households", num), at("near_poor_rate", num))
				households := concat(at("households", num), at("poor_rate", den), at("near_poor_rate", den), at("mpi_h", den), at("mpi_m0", den))
				pn := at("poor_near_poor_households", num)
				for _, d := range p.t.Catalogue() {
					switch {
					case strings.HasPrefix(d.Code, "censored_"):
						households = append(households, at(d.Code, den)...)
					case strings.HasPrefix(d.Code, "dep_"), d.Code == "clean_water_rate", d.Code == "hygienic_latrine_rate":
						pn = append(pn, at(d.Code, den)...)
					}
				}
				groups = append(groups, poor, intensity, near, households, pn)
			}
		}
	}
	return groups
}

func concat(parts ...[]cell) []cell {
	var out []cell
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
