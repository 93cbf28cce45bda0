package disclosure_test

import (
	"fmt"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// This file is the attacker: written from DESIGN 6 and the build contract, not from
// equations.go. It lists every linear relation a reader of the published figures can
// use, and finds the ones with exactly one withheld number, which the reader can
// then recover by subtraction.

// acell is one number a reader sees (or does not): a figure's numerator (and with it
// its value) or its denominator.
type acell struct {
	k   indicator.Key
	den bool
}

func (c acell) String() string {
	s := fmt.Sprintf("%d/%s/%s/%s", c.k.Year, c.k.UnitCode, c.k.Group, c.k.Indicator)
	if c.den {
		s += ".den"
	}
	return s
}

// relation is a set of numbers tied by a published sum or identity.
type relation struct {
	family string
	cells  []acell
}

// attackerRelations lists every relation among the figures of t.
func attackerRelations(t *indicator.Table) []relation {
	var years []int
	var units []string // the commune first, as the table orders them
	seenY, seenU := map[int]bool{}, map[string]bool{}
	for _, f := range t.Figures {
		if !seenY[f.Year] {
			seenY[f.Year] = true
			years = append(years, f.Year)
		}
		if !seenU[f.UnitCode] {
			seenU[f.UnitCode] = true
			units = append(units, f.UnitCode)
		}
	}
	sort.Ints(years)
	// A not-available figure stays in its relations as a known 0: "not available"
	// tells the reader its denominator (and numerator) is 0.
	exists := func(c acell) bool {
		f, ok := t.Get(c.k)
		return ok && (!c.den || !f.IsCount())
	}
	var out []relation
	add := func(family string, cells ...acell) {
		var keep []acell
		for _, c := range cells {
			if exists(c) {
				keep = append(keep, c)
			}
		}
		if len(keep) > 1 {
			out = append(out, relation{family, keep})
		}
	}
	n := func(y int, u, g, code string) acell {
		return acell{indicator.Key{Year: y, UnitCode: u, Group: g, Indicator: code}, false}
	}
	d := func(y int, u, g, code string) acell {
		return acell{indicator.Key{Year: y, UnitCode: u, Group: g, Indicator: code}, true}
	}
	var deps []string
	for _, def := range indicator.Definitions {
		if strings.HasPrefix(def.Code, "dep_") {
			deps = append(deps, strings.TrimSuffix(strings.TrimPrefix(def.Code, "dep_"), "_rate"))
		}
	}
	for yi, y := range years {
		for _, g := range indicator.Groups {
			// Villages add up to the commune: every numerator and every denominator.
			for _, def := range indicator.Definitions {
				for _, den := range []bool{false, true} {
					var cells []acell
					for _, u := range units {
						cells = append(cells, acell{indicator.Key{Year: y, UnitCode: u, Group: g, Indicator: def.Code}, den})
					}
					add("villages", cells...)
				}
			}
			for _, u := range units {
				add("poor+near", n(y, u, g, "poor_households"), n(y, u, g, "near_poor_households"), n(y, u, g, "poor_near_poor_households"))
				add("water", n(y, u, g, "dep_water_rate"), n(y, u, g, "clean_water_rate"), n(y, u, g, "poor_near_poor_households"))
				add("sanitation", n(y, u, g, "dep_sanitation_rate"), n(y, u, g, "hygienic_latrine_rate"), n(y, u, g, "poor_near_poor_households"))
				// Same number published under several names.
				for _, c := range []acell{n(y, u, g, "poor_rate"), n(y, u, g, "mpi_h"), d(y, u, g, "mpi_a")} {
					add("same:poor", n(y, u, g, "poor_households"), c)
				}
				add("same:near", n(y, u, g, "near_poor_households"), n(y, u, g, "near_poor_rate"))
				hh := []acell{d(y, u, g, "poor_rate"), d(y, u, g, "near_poor_rate"), d(y, u, g, "mpi_h"), d(y, u, g, "mpi_m0")}
				pn := []acell{d(y, u, g, "clean_water_rate"), d(y, u, g, "hygienic_latrine_rate")}
				censored := []acell{n(y, u, g, "mpi_a")}
				for _, dep := range deps {
					hh = append(hh, d(y, u, g, "censored_"+dep+"_rate"))
					pn = append(pn, d(y, u, g, "dep_"+dep+"_rate"))
					censored = append(censored, n(y, u, g, "censored_"+dep+"_rate"))
				}
				for _, c := range hh {
					add("same:households", n(y, u, g, "households"), c)
				}
				for _, c := range pn {
					add("same:pn", n(y, u, g, "poor_near_poor_households"), c)
				}
				add("same:intensity", n(y, u, g, "mpi_a"), n(y, u, g, "mpi_m0"))
				// The Alkire-Foster check: the censored counts add up to M0's numerator.
				add("censored", censored...)
				if yi == 0 {
					continue
				}
				// Last year's poor + newly poor + relapsed - escaped = this year's poor
				// (exact unless a poor household left; the reader cannot tell).
				add("flows", n(years[yi-1], u, g, "poor_households"), n(y, u, g, "newly_poor"), n(y, u, g, "relapsed"),
					n(y, u, g, "escaped"), n(y, u, g, "poor_households"))
				// Recently escaped = escaped in this review and the two before, less those
				// poor again or gone (in the second review it is exactly the escaped).
				window := []acell{n(y, u, g, "recently_escaped_households")}
				for back := 0; back < 3 && yi-back >= 1; back++ {
					window = append(window, n(years[yi-back], u, g, "escaped"))
				}
				add("recent", window...)
			}
		}
	}
	return out
}

// hiddenCell reports whether the reader cannot see the number.
func hiddenCell(t *indicator.Table, c acell) bool {
	f, _ := t.Get(c.k)
	if f.Flag != indicator.FlagSuppressed {
		return false
	}
	return !c.den || f.HideDen
}

// recoverable lists the relations in which exactly one number is withheld.
func recoverable(t *indicator.Table) []string {
	var out []string
	for _, r := range attackerRelations(t) {
		var hidden []acell
		for _, c := range r.cells {
			if hiddenCell(t, c) {
				hidden = append(hidden, c)
			}
		}
		if len(hidden) == 1 {
			var all []string
			for _, c := range r.cells {
				all = append(all, c.String())
			}
			out = append(out, fmt.Sprintf("%s: %s recoverable from %s", r.family, hidden[0], strings.Join(all, ", ")))
		}
	}
	return out
}

// exposedSmall lists published figures that show a count from 1 to k-1 at a protected
// level (a village, or a priority group anywhere): a count, a rate's numerator or
// denominator, or the complement a rate gives away (denominator - numerator).
func exposedSmall(t *indicator.Table, k int64) []string {
	small := func(n int64) bool { return n >= 1 && n < k }
	var out []string
	for _, f := range t.Figures {
		if f.UnitLevel == "commune" && f.Group == "all" {
			continue
		}
		if f.Flag != indicator.FlagNone {
			continue
		}
		switch {
		case f.IsCount():
			if small(f.Num) {
				out = append(out, fmt.Sprintf("%v count %d", f.Key(), f.Num))
			}
		case f.Indicator == "mpi_a" || f.Indicator == "mpi_m0":
			// Numerators are sums of deprivations, protected through the poor count and
			// the censored counts; denominators are 12x the poor / household count.
			if small(f.Den / 12) {
				out = append(out, fmt.Sprintf("%v denominator %d/12", f.Key(), f.Den))
			}
		default:
			if small(f.Num) || small(f.Den) || small(f.Den-f.Num) {
				out = append(out, fmt.Sprintf("%v rate %d/%d", f.Key(), f.Num, f.Den))
			}
		}
	}
	for _, f := range t.Figures {
		if f.Flag == indicator.FlagSuppressed && !f.HideDen && !f.IsCount() && small(f.Den) {
			out = append(out, fmt.Sprintf("%v small denominator %d shown", f.Key(), f.Den))
		}
	}
	return out
}
