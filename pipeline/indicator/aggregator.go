package indicator

// Aggregator: the year-by-year sums, fed batch by batch.

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

// Aggregator computes the figures year by year from batches of checked rows, so a
// year of a province or the whole country never has to be held as Records: memory
// is the accumulators (a few hundred bytes per unit and group and review) plus the
// history's few bytes per household. Each row is added to its village only; at the
// end of a review the villages' sums are added up into their communes, provinces and
// the top unit, so every parent is recomputed from its households' counts, never from
// rates. Use: StartYear, Add each batch of the year (in any order), EndYear; then
// Table or TableOf. An Aggregator is not safe for concurrent use.
type Aggregator struct {
	spec     Spec
	units    []Unit
	unitAt   map[Unit]int
	parent   []int32 // each unit's parent, -1 for the top unit
	villages map[string]int32
	communes map[string]int32
	years    int // how many reviews the dataset holds (0: unknown)
	h        *history
	specErr  error

	yi      int // index of the current review
	year    int
	std     *measures // of the current review
	open    bool
	leaf    []acc // the current review's village sums: village*len(Groups) + group
	sums    []yearSums
	t       *Table  // every figure, built on first use
	village []int32 // scratch columns, per batch
	moves   []int8
	recent  []uint8
	dictV   []int32
	dictC   []int32
	// villageCommune is each village's commune index, -1 while unknown.
	villageCommune []int32
	back           []int32
	reappeared     []Reappearance
}

// Reappearance is a household missing from a review that comes back in a later one:
// worth a warning, since its id may have changed or it may have been left out.
type Reappearance struct {
	Year    int // the review it comes back in
	Line    int // its line in that review's file
	Village string
	Missing int // the review it was missing from (the previous one)
}

// Reappeared returns the households that came back after missing a review, in the
// order they were met.
func (a *Aggregator) Reappeared() []Reappearance { return a.reappeared }

// yearSums are one review's sums for every unit: unit*len(Groups) + group.
type yearSums struct {
	year  int
	first bool
	std   *measures
	accs  []acc
}

// measures is what the engine counts under one standard: its indicators, their
// weights, and where the water and sanitation indicators are among them (-1 when the
// standard has none, and their coverage rates are not available).
type measures struct {
	std               *standard.Standard
	defs              []Definition
	weights           []int64
	total             int64
	water, sanitation int
	// depCodes and censoredCodes are the codes of each indicator's two figures,
	// built once per standard rather than once per figure.
	depCodes, censoredCodes []string
}

func measuresOf(s *standard.Standard) *measures {
	m := &measures{std: s, defs: yearDefinitions(s), total: s.TotalWeight()}
	for _, ind := range s.Indicators {
		m.weights = append(m.weights, ind.Weight)
		m.depCodes = append(m.depCodes, "dep_"+ind.Code()+"_rate")
		m.censoredCodes = append(m.censoredCodes, "censored_"+ind.Code()+"_rate")
	}
	_, m.water, _ = s.Indicator("d_water")
	_, m.sanitation, _ = s.Indicator("d_sanitation")
	return m
}

// newAccs returns n accumulators for the standard, their deprivation counts cut
// from one allocation.
func (m *measures) newAccs(n int) []acc {
	k := len(m.weights)
	slab := make([]int64, 2*k*n)
	out := make([]acc, n)
	for i := range out {
		out[i].depPN = slab[2*k*i : 2*k*i+k : 2*k*i+k]
		out[i].depPoor = slab[2*k*i+k : 2*k*(i+1) : 2*k*(i+1)]
	}
	return out
}

// NewAggregator returns an aggregator for spec. years is the number of reviews the
// dataset holds (0 if unknown): the last one's new households are not remembered.
// households is a size hint for the history (0 if unknown).
func NewAggregator(spec Spec, years, households int) *Aggregator {
	a := &Aggregator{spec: spec, units: spec.units(), years: years, h: newHistory(households), yi: -1,
		villages: make(map[string]int32, len(spec.Villages)), communes: make(map[string]int32, len(spec.Communes))}
	for i, v := range spec.Villages {
		a.villages[v] = int32(i)
	}
	for i, c := range spec.Communes {
		a.communes[c] = int32(i)
	}
	a.villageCommune = make([]int32, len(spec.Villages))
	for i, v := range spec.Villages {
		c := int32(-1)
		if spec.CommuneOf != nil {
			if ci, ok := a.communes[spec.CommuneOf[v]]; ok {
				c = ci
			}
		}
		a.villageCommune[i] = c
	}
	// unitAt is built here, not on first use: TableOf may be called concurrently.
	a.unitAt = make(map[Unit]int, len(a.units))
	for i, u := range a.units {
		a.unitAt[u] = i
	}
	a.parent = make([]int32, len(a.units))
	a.parent[0] = -1
	for i := 1; i < len(a.units); i++ {
		a.parent[i] = 0
	}
	provinces := map[string]int32{}
	for i, p := range spec.Provinces {
		provinces[p] = int32(1 + i)
	}
	for i, c := range spec.Communes {
		if len(spec.Provinces) == 0 {
			continue
		}
		p, ok := provinces[spec.ProvinceOf[c]]
		if !ok {
			a.specErr = fmt.Errorf("compute: commune %q is in no declared province", c)
		}
		a.parent[a.communeUnit(int32(i))] = p
	}
	return a
}

func (a *Aggregator) communeUnit(c int32) int32 { return int32(1+len(a.spec.Provinces)) + c }

func (a *Aggregator) villageUnit(v int) int {
	return 1 + len(a.spec.Provinces) + len(a.spec.Communes) + v
}

// StartYear begins the next review; years must increase.
func (a *Aggregator) StartYear(year int) error {
	if a.specErr != nil {
		return a.specErr
	}
	if a.yi >= 0 && year <= a.year {
		return fmt.Errorf("compute: review %d follows %d; reviews must be in increasing year order", year, a.year)
	}
	if a.years > 0 && a.yi+1 >= a.years {
		// The last review's history is dropped at its EndYear; a further one would be
		// followed without it.
		return fmt.Errorf("compute: review %d is one more than the %d the aggregator was made for", year, a.years)
	}
	if a.yi+1 >= maxReviews {
		return fmt.Errorf("compute: more than %d reviews, at most %d can be followed", maxReviews, maxReviews)
	}
	var s *standard.Standard
	if a.spec.StandardFor != nil {
		s, _ = a.spec.StandardFor(year)
	}
	if s == nil {
		return fmt.Errorf("compute: no poverty standard is in force for %d", year)
	}
	a.yi++
	a.year = year
	if a.std == nil || a.std.std != s {
		a.std = measuresOf(s)
	}
	a.leaf = a.std.newAccs(len(a.spec.Villages) * len(Groups))
	a.open = true
	return nil
}

// Add aggregates one batch of the current review.
func (a *Aggregator) Add(b *review.Batch) error {
	if !a.open {
		return fmt.Errorf("compute: Add outside StartYear/EndYear")
	}
	if b.Len() == 0 {
		return nil // no household: nothing to count or to follow
	}
	if b.NDep != len(a.std.weights) {
		return fmt.Errorf("compute %d: the batch has %d deprivation indicators, standard %s has %d", a.year, b.NDep, a.std.std.ID, len(a.std.weights))
	}
	n := b.Len()
	a.dictV = a.dictV[:0]
	for _, code := range b.VillageDict {
		i, ok := a.villages[code]
		if !ok {
			i = -1
		}
		a.dictV = append(a.dictV, i)
	}
	a.dictC = a.dictC[:0]
	for _, code := range b.CommuneDict {
		i, ok := a.communes[code]
		if !ok {
			i = -1
		}
		a.dictC = append(a.dictC, i)
	}
	a.village = resize(a.village, n)
	a.moves, a.recent = resize(a.moves, n), resize(a.recent, n)
	for i := 0; i < n; i++ {
		v := a.dictV[b.Village[i]]
		if v < 0 {
			return fmt.Errorf("compute %d: line %d: village %q is not declared", a.year, b.Line[i], b.VillageDict[b.Village[i]])
		}
		a.village[i] = v
		if len(a.spec.Communes) == 0 {
			continue
		}
		c := a.dictC[b.Commune[i]]
		if c < 0 {
			return fmt.Errorf("compute %d: line %d: commune %q is not declared", a.year, b.Line[i], b.CommuneDict[b.Commune[i]])
		}
		if a.spec.CommuneOf == nil && a.villageCommune[v] < 0 {
			a.villageCommune[v] = c
		}
		if a.villageCommune[v] != c {
			return fmt.Errorf("compute %d: line %d: village %q is not a village of commune %q", a.year, b.Line[i], b.VillageDict[b.Village[i]], b.CommuneDict[b.Commune[i]])
		}
	}
	last := a.years > 0 && a.yi == a.years-1
	if a.yi == 0 && last {
		clear(a.moves)
		clear(a.recent)
	} else {
		a.back = a.h.observe(a.yi, last, b.ID, b.Status, a.moves, a.recent, a.back[:0])
		for _, i := range a.back {
			a.reappeared = append(a.reappeared, Reappearance{Year: a.year, Line: int(b.Line[i]),
				Village: b.VillageDict[b.Village[i]], Missing: a.sums[len(a.sums)-1].year})
		}
	}
	rec := toArrow(b, a.village, a.moves, a.recent)
	defer rec.Release()
	aggregate(rec, a.leaf, a.std)
	return nil
}

// EndYear closes the review: the villages' sums are added up into every parent.
func (a *Aggregator) EndYear() {
	g := len(Groups)
	all := a.std.newAccs(len(a.units) * g)
	for i := range a.leaf {
		all[a.villageUnit(0)*g+i].merge(&a.leaf[i])
	}
	for v, c := range a.villageCommune {
		if c >= 0 {
			a.parent[a.villageUnit(v)] = a.communeUnit(c)
		}
	}
	// Parents come before their children in the unit order, so one pass from the
	// end adds every unit into its parent after its own children were added to it.
	for u := len(a.units) - 1; u > 0; u-- {
		p := int(a.parent[u])
		for gi := range g {
			all[p*g+gi].merge(&all[u*g+gi])
		}
	}
	a.sums = append(a.sums, yearSums{a.year, a.yi == 0, a.std, all})
	a.leaf = nil
	a.t = nil
	a.open = false
	if a.years > 0 && a.yi == a.years-1 {
		// No review follows: the history (a few bytes per household, 47 MB at a
		// province) would only stay alive through protection, the build's peak.
		a.h = nil
		a.moves, a.recent, a.back = nil, nil, nil
	}
}

// Standards returns the standard each year of the table was computed under, by year;
// nil for a table made otherwise.
func (a *Aggregator) Standards() map[int]*standard.Standard {
	out := map[int]*standard.Standard{}
	for _, ys := range a.sums {
		out[ys.year] = ys.std.std
	}
	return out
}

func (a *Aggregator) unitIndex(u Unit) int { return a.unitAt[u] }

// Units returns the units figures are computed for, top first.
func (a *Aggregator) Units() []Unit { return a.units }

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
