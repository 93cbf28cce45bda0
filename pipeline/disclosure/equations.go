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

// frame lists the years, units and groups present in the table, in table order.
type frame struct {
	years    []int
	commune  string
	villages []string
	groups   []string
}

func (p *protector) frame() frame {
	var fr frame
	seenY, seenU, seenG := map[int]bool{}, map[string]bool{}, map[string]bool{}
	for _, f := range p.t.Figures {
		if !seenY[f.Year] {
			seenY[f.Year] = true
			fr.years = append(fr.years, f.Year)
		}
		if !seenU[f.UnitCode] {
			seenU[f.UnitCode] = true
			if f.UnitLevel == "commune" {
				fr.commune = f.UnitCode
			} else {
				fr.villages = append(fr.villages, f.UnitCode)
			}
		}
		if !seenG[f.Group] {
			seenG[f.Group] = true
			fr.groups = append(fr.groups, f.Group)
		}
	}
	return fr
}

// equations lists the sets of cells tied by a published sum:
//   - villages add up to the commune, for every figure's numerator (and the
//     denominators that are not published as counts of their own);
//   - poor + near-poor = poor and near-poor households;
//   - last year's poor + newly poor + relapsed - escaped = this year's poor;
//   - deprived in water + using clean water = poor and near-poor (likewise sanitation).
func (p *protector) equations() [][]cell {
	fr := p.frame()
	var eqs [][]cell
	add := func(cells []cell) {
		if len(cells) > 1 {
			eqs = append(eqs, cells)
		}
	}
	for _, y := range fr.years {
		for _, g := range fr.groups {
			for _, d := range indicator.Definitions {
				add(p.cells(y, append([]string{fr.commune}, fr.villages...), g, d.Code, num))
				if d.Code == "school_attendance_rate" || d.Code == "health_insurance_rate" {
					add(p.cells(y, append([]string{fr.commune}, fr.villages...), g, d.Code, den))
				}
			}
			for _, u := range append([]string{fr.commune}, fr.villages...) {
				add(p.slotCells(y, u, g, num, "poor_households", "near_poor_households", "poor_near_poor_households"))
				add(p.slotCells(y, u, g, num, "dep_water_rate", "clean_water_rate", "poor_near_poor_households"))
				add(p.slotCells(y, u, g, num, "dep_sanitation_rate", "hygienic_latrine_rate", "poor_near_poor_households"))
			}
		}
	}
	for i := 1; i < len(fr.years); i++ {
		for _, g := range fr.groups {
			for _, u := range append([]string{fr.commune}, fr.villages...) {
				flows := p.slotCells(fr.years[i], u, g, num, "newly_poor", "relapsed", "escaped", "poor_households")
				if prev, ok := p.find(slot{fr.years[i-1], u, g, "poor_households"}); ok {
					flows = append(flows, cell{prev, num})
				}
				add(flows)
			}
		}
	}
	return eqs
}

func (p *protector) cells(year int, units []string, group, ind string, pt part) []cell {
	var out []cell
	for _, u := range units {
		if i, ok := p.find(slot{year, u, group, ind}); ok && p.fig(i).Flag != indicator.FlagNotAvailable {
			out = append(out, cell{i, pt})
		}
	}
	return out
}

func (p *protector) slotCells(year int, unit, group string, pt part, inds ...string) []cell {
	var out []cell
	for _, ind := range inds {
		if i, ok := p.find(slot{year, unit, group, ind}); ok && p.fig(i).Flag != indicator.FlagNotAvailable {
			out = append(out, cell{i, pt})
		}
	}
	return out
}

// linkGroups lists cells that are the same number published in several places, so
// hiding one means hiding all: the poor count and the rates and MPI figures built on
// it; the near-poor count and its rate; the household count and every denominator
// equal to it; the poor-and-near-poor count and every denominator equal to it.
func (p *protector) linkGroups() [][]cell {
	fr := p.frame()
	var groups [][]cell
	for _, y := range fr.years {
		for _, g := range fr.groups {
			for _, u := range append([]string{fr.commune}, fr.villages...) {
				at := func(ind string, pt part) []cell { return p.slotCells(y, u, g, pt, ind) }
				poor := concat(at("poor_households", num), at("poor_rate", num), at("mpi_h", num), at("mpi_a", num), at("mpi_a", den), at("mpi_m0", num))
				near := concat(at("near_poor_households", num), at("near_poor_rate", num))
				households := concat(at("households", num), at("poor_rate", den), at("near_poor_rate", den), at("mpi_h", den), at("mpi_m0", den))
				pn := at("poor_near_poor_households", num)
				for _, d := range indicator.Definitions {
					switch {
					case strings.HasPrefix(d.Code, "censored_"):
						households = append(households, at(d.Code, den)...)
					case strings.HasPrefix(d.Code, "dep_"), d.Code == "clean_water_rate", d.Code == "hygienic_latrine_rate":
						pn = append(pn, at(d.Code, den)...)
					}
				}
				groups = append(groups, poor, near, households, pn)
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
