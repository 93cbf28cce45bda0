package sample

import (
	"math"
	"sort"
)

// assignStatuses decides each active household's status for review year index y,
// hitting the year's poor-household rate while keeping movement realistic: most poor
// households stay poor or escape, a few relapse, a few become poor for the first time.
func (g *generator) assignStatuses(y int) {
	act := g.active()
	target := int(math.Round(g.rates[y] * float64(len(act)) / 100))
	nearTarget := int(math.Round((5.6 - 0.55*float64(y)) * float64(len(act)) / 100))
	var poor, others []*household
	for _, h := range act {
		if h.status == "poor" {
			poor = append(poor, h)
		} else {
			others = append(others, h)
		}
	}
	next := map[*household]bool{}
	if y == 0 {
		for _, h := range g.pick(others, target, g.poorWeight) {
			next[h] = true
		}
	} else {
		relapse := g.pick(filter(others, func(h *household) bool { return h.wasPoor }), 1+g.rng.IntN(3), g.poorWeight)
		fresh := g.pick(filter(others, func(h *household) bool { return !h.wasPoor }), 2+g.rng.IntN(3), g.poorWeight)
		stay := max(0, target-len(relapse)-len(fresh))
		for _, h := range g.pick(poor, stay, g.poorWeight) {
			next[h] = true
		}
		for _, h := range append(relapse, fresh...) {
			next[h] = true
		}
		if len(next) < target {
			for _, h := range g.pick(filter(others, func(h *household) bool { return !next[h] }), target-len(next), g.poorWeight) {
				next[h] = true
			}
		}
	}
	g.assignOthers(act, next, nearTarget)
}

// assignOthers sets near-poor, average and non-poor statuses around the chosen poor.
func (g *generator) assignOthers(act []*household, poor map[*household]bool, nearTarget int) {
	var near, rest []*household
	for _, h := range act {
		switch {
		case poor[h]:
		case h.status == "near_poor" || h.status == "poor":
			near = append(near, h)
		default:
			rest = append(rest, h)
		}
	}
	keep := g.pick(near, min(len(near), nearTarget*9/10), g.poorWeight)
	nearSet := map[*household]bool{}
	for _, h := range keep {
		nearSet[h] = true
	}
	if len(nearSet) < nearTarget {
		for _, h := range g.pick(rest, nearTarget-len(nearSet), g.poorWeight) {
			nearSet[h] = true
		}
	}
	for _, h := range act {
		switch {
		case poor[h]:
			h.status = "poor"
			h.wasPoor = true
		case nearSet[h]:
			h.status = "near_poor"
		case g.rng.Float64() < 0.07:
			h.status = "average_agri"
		default:
			h.status = "non_poor"
		}
	}
}

// poorWeight makes poverty likelier in poorer villages and in households with a
// disabled member or a woman at the head, as the plan observes.
func (g *generator) poorWeight(h *household) float64 {
	w := g.level[h.village]
	if h.flags[1] == 1 {
		w *= 2.5
	}
	if h.flags[2] == 1 {
		w *= 1.6
	}
	return w
}

// pick draws n distinct households with probability proportional to weight
// (Efraimidis-Spirakis keys), deterministic for a given generator state.
func (g *generator) pick(from []*household, n int, weight func(*household) float64) []*household {
	if n <= 0 || len(from) == 0 {
		return nil
	}
	type keyed struct {
		h *household
		k float64
	}
	ks := make([]keyed, len(from))
	for i, h := range from {
		ks[i] = keyed{h, math.Pow(g.rng.Float64(), 1/weight(h))}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].k > ks[j].k })
	n = min(n, len(ks))
	out := make([]*household, n)
	for i := range out {
		out[i] = ks[i].h
	}
	return out
}

func filter(hs []*household, keep func(*household) bool) []*household {
	var out []*household
	for _, h := range hs {
		if keep(h) {
			out = append(out, h)
		}
	}
	return out
}
