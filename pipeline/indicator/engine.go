package indicator

import (
	"fmt"
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

// Unit is a unit figures are computed for.
type Unit struct {
	Level string
	Code  string
}

// Spec says what to compute: the top unit and the units below it, in publishing
// order (top, provinces, communes, villages).
type Spec struct {
	// Commune is the top unit's code: the commune, or for a dataset of many
	// communes the province (or nation) they make up.
	Commune  string
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
	units := []Unit{{level, s.Commune}}
	for _, p := range s.Provinces {
		units = append(units, Unit{"province", p})
	}
	for _, c := range s.Communes {
		units = append(units, Unit{"commune", c})
	}
	return append(units, villageUnits(s.Villages)...)
}

// Table is every figure the engine computed, in a fixed order: year, unit, group,
// indicator (as in Definitions).
type Table struct {
	Figures []Figure
	// Definitions are the indicators of the standards the table's years were
	// computed under (Catalogue); nil for a table made otherwise, whose catalogue is
	// the package's Definitions (see Catalogue).
	Definitions []Definition
	// Standards gives the id of the standard each year was computed under, and
	// Weighted whether that standard weighs its indicators unequally (then mpi_a's
	// numerator is a weighted sum of the censored counts, not their sum); nil for a
	// table made otherwise.
	Standards map[int]string
	Weighted  map[int]bool
	index     map[Key]int
	// grid, for a table the engine built, finds a figure by arithmetic on its
	// position instead of a map of every key (which for a province's million
	// figures would take as much memory as the figures themselves).
	grid *grid
}

// grid is the layout of a table built year by year, unit by unit, group by group,
// indicator by indicator.
type grid struct {
	years, units, groups, inds map[string]int
	yearAt                     map[int]int
}

func (g *grid) size() int {
	return len(g.yearAt) * len(g.units) * len(g.groups) * len(g.inds)
}

func (g *grid) find(k Key) (int, bool) {
	y, ok1 := g.yearAt[k.Year]
	u, ok2 := g.units[k.UnitCode]
	gr, ok3 := g.groups[k.Group]
	d, ok4 := g.inds[k.Indicator]
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, false
	}
	return ((y*len(g.units)+u)*len(g.groups)+gr)*len(g.inds) + d, true
}

// Catalogue returns the definitions of the table's indicators, in publishing order.
func (t *Table) Catalogue() []Definition {
	if t.Definitions != nil {
		return t.Definitions
	}
	return Definitions
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

// Get returns the figure with the given key.
func (t *Table) Get(k Key) (*Figure, bool) {
	i, ok := t.Index(k)
	if !ok {
		return nil, false
	}
	return &t.Figures[i], true
}

// Index returns the position of the figure with the given key.
func (t *Table) Index(k Key) (int, bool) {
	if t.grid != nil && t.grid.size() == len(t.Figures) {
		i, ok := t.grid.find(k)
		if ok && t.Figures[i].Key() == k {
			return i, true
		}
		if ok {
			// Reordered since it was built: fall back on a map.
			t.grid = nil
			t.index = nil
		} else {
			return 0, false
		}
	}
	if t.index == nil {
		t.Reindex()
	}
	i, ok := t.index[k]
	return i, ok
}

// Reindex rebuilds the key index after figures were added.
func (t *Table) Reindex() {
	if t.grid != nil && t.grid.size() == len(t.Figures) {
		return
	}
	t.grid = nil
	t.index = make(map[Key]int, len(t.Figures))
	for i := range t.Figures {
		t.index[t.Figures[i].Key()] = i
	}
}

// Compute computes every indicator for every year of the dataset, for the commune,
// each village and each group: each year's records go through the Aggregator as one
// batch, as the streaming reader's batches do.
func Compute(ds *review.Dataset, spec Spec) (*Table, error) {
	if err := checkYears(ds.Years()); err != nil {
		return nil, err
	}
	hint := 0
	if len(ds.Files) > 1 {
		hint = len(ds.Files[0].Records) + len(ds.Files[0].Records)/8
	}
	a := NewAggregator(spec, len(ds.Files), hint)
	for _, f := range ds.Files {
		if err := a.StartYear(f.Year); err != nil {
			return nil, err
		}
		if err := a.Add(review.BatchOf(f.Year, f.Records, f.Lines)); err != nil {
			return nil, err
		}
		a.EndYear()
	}
	t := a.Table()
	t.Reindex()
	return t, nil
}

// checkYears refuses more reviews than the history follows and years out of order.
func checkYears(years []int) error {
	if len(years) > maxReviews {
		return fmt.Errorf("compute: %d reviews, at most %d can be followed", len(years), maxReviews)
	}
	for i := 1; i < len(years); i++ {
		if years[i] <= years[i-1] {
			return fmt.Errorf("compute: review %d follows %d; reviews must be in increasing year order", years[i], years[i-1])
		}
	}
	return nil
}

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
}

func measuresOf(s *standard.Standard) *measures {
	m := &measures{std: s, defs: yearDefinitions(s), total: s.TotalWeight()}
	for _, ind := range s.Indicators {
		m.weights = append(m.weights, ind.Weight)
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
}

// Table returns every figure computed so far, in the order year, unit, group,
// indicator; its key index is built on first use.
func (a *Aggregator) Table() *Table {
	if a.t == nil {
		a.t = a.table(a.units)
	}
	return a.t
}

// TableOf returns the figures of the given units only, in the order year, unit (as
// given), group, indicator: a part of a large dataset (a province of the nation) can
// be protected and published without every figure of the whole existing at once.
// Once the last review has ended, TableOf is safe for concurrent use.
func (a *Aggregator) TableOf(units []Unit) (*Table, error) {
	for _, u := range units {
		if _, ok := a.unitAt[u]; !ok {
			return nil, fmt.Errorf("compute: no figures for %s %q", u.Level, u.Code)
		}
	}
	return a.table(units), nil
}

func (a *Aggregator) table(units []Unit) *Table {
	n := 0
	for _, ys := range a.sums {
		n += len(units) * len(Groups) * len(ys.std.defs)
	}
	var stds []*standard.Standard
	for _, ys := range a.sums {
		if !slices.Contains(stds, ys.std.std) {
			stds = append(stds, ys.std.std)
		}
	}
	t := &Table{Figures: make([]Figure, 0, n), Definitions: Catalogue(stds), Standards: map[int]string{}, Weighted: map[int]bool{}}
	for _, ys := range a.sums {
		t.Standards[ys.year] = ys.std.std.ID
		for _, w := range ys.std.weights {
			t.Weighted[ys.year] = t.Weighted[ys.year] || w != ys.std.weights[0]
		}
	}
	g := &grid{units: map[string]int{}, groups: map[string]int{}, inds: map[string]int{}, yearAt: map[int]int{}}
	for i, ys := range a.sums {
		g.yearAt[ys.year] = i
	}
	for i, u := range units {
		g.units[u.Code] = i
	}
	for i, gr := range Groups {
		g.groups[gr] = i
	}
	uniform := true // every year under one standard: the grid's arithmetic holds
	for _, ys := range a.sums {
		uniform = uniform && ys.std.std == a.sums[0].std.std
	}
	if len(a.sums) > 0 {
		for i, d := range a.sums[0].std.defs {
			g.inds[d.Code] = i
		}
	}
	if len(g.units) == len(units) && uniform {
		t.grid = g
	}
	ng := len(Groups)
	for _, ys := range a.sums {
		for _, u := range units {
			ui := a.unitIndex(u)
			for gi, group := range Groups {
				t.Figures = ys.accs[ui*ng+gi].figures(t.Figures, ys.std, ys.year, u, group, ys.first)
			}
		}
	}
	return t
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

func villageUnits(codes []string) []Unit {
	out := make([]Unit, len(codes))
	for i, c := range codes {
		out[i] = Unit{"village", c}
	}
	return out
}

// acc accumulates one unit and group over one year. depPN and depPoor hold, for
// each of the standard's indicators in order, the poor and near-poor households and
// the poor households deprived in it; depSumPoor is the weighted sum of the poor's
// deprivations.
type acc struct {
	households, poor, near               int64
	escaped, newly, relapsed, recent     int64
	depPN, depPoor                       []int64
	depSumPoor                           int64
	children, inSchool, members, insured int64
	waterOK, latrineOK                   int64
}

// aggregate makes one pass over a batch's columns, adding each household to its
// village, for all households and for each group it belongs to: village v, group g
// is leaf[v*len(Groups)+g].
func aggregate(rec arrow.RecordBatch, leaf []acc, m *measures) {
	vil := rec.Column(0).(*array.Int32).Int32Values()
	st := rec.Column(1).(*array.Int8).Int8Values()
	dep := rec.Column(2).(*array.FixedSizeList).ListValues().(*array.Uint8).Uint8Values()
	grp := rec.Column(3).(*array.Uint8).Uint8Values()
	mem := rec.Column(4).(*array.Int16).Int16Values()
	ins := rec.Column(5).(*array.Int16).Int16Values()
	chi := rec.Column(6).(*array.Int16).Int16Values()
	sch := rec.Column(7).(*array.Int16).Int16Values()
	mov := rec.Column(8).(*array.Int8).Int8Values()
	recent := rec.Column(9).(*array.Uint8).Uint8Values()
	ng := len(Groups)
	k := len(m.weights)
	for i := range vil {
		row := rowValues{st[i], dep[i*k : (i+1)*k], mem[i], ins[i], chi[i], sch[i], mov[i], recent[i] != 0}
		unit := leaf[int(vil[i])*ng : int(vil[i])*ng+ng]
		unit[0].add(&row, m)
		for g := 0; g < ng-1; g++ {
			if grp[i]&(1<<g) != 0 {
				unit[g+1].add(&row, m)
			}
		}
	}
}

type rowValues struct {
	status                               int8
	dep                                  []uint8
	members, insured, children, inSchool int16
	move                                 int8
	recent                               bool
}

func (a *acc) add(r *rowValues, m *measures) {
	a.households++
	switch r.move {
	case moveEscaped:
		a.escaped++
	case moveNewlyPoor:
		a.newly++
	case moveRelapsed:
		a.relapsed++
	}
	if r.recent {
		a.recent++
	}
	if r.status != statusPoor && r.status != statusNearPoor {
		return
	}
	poor := r.status == statusPoor
	if poor {
		a.poor++
	} else {
		a.near++
	}
	for j, d := range r.dep {
		if d == 0 {
			continue
		}
		a.depPN[j]++
		if poor {
			a.depPoor[j]++
			a.depSumPoor += m.weights[j]
		}
	}
	a.children += int64(r.children)
	a.inSchool += int64(r.inSchool)
	a.members += int64(r.members)
	a.insured += int64(r.insured)
	if m.water >= 0 && r.dep[m.water] == 0 {
		a.waterOK++
	}
	if m.sanitation >= 0 && r.dep[m.sanitation] == 0 {
		a.latrineOK++
	}
}

// merge adds b's sums to a's.
func (a *acc) merge(b *acc) {
	a.households += b.households
	a.poor += b.poor
	a.near += b.near
	a.escaped += b.escaped
	a.newly += b.newly
	a.relapsed += b.relapsed
	a.recent += b.recent
	for j := range a.depPN {
		a.depPN[j] += b.depPN[j]
		a.depPoor[j] += b.depPoor[j]
	}
	a.depSumPoor += b.depSumPoor
	a.children += b.children
	a.inSchool += b.inSchool
	a.members += b.members
	a.insured += b.insured
	a.waterOK += b.waterOK
	a.latrineOK += b.latrineOK
}
