package disclosure

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/indicator"
)

// qkey is one quantity of the table: its position in the protector's list of
// quantities (see quantities), in the order the table first shows them. A
// province's model names its quantities tens of millions of times; as small ints
// they index slices where a key of strings had to be hashed into maps.
type qkey int32

// noKey stands for a quantity the table does not have.
const noKey qkey = -1

// qname names a quantity by the ids its year, unit, group and quantity have in the
// protector's dictionaries; an id of -1 is a name the table does not have.
type qname struct{ year, unit, group, q int32 }

// interner numbers the distinct values it is given, from 0, in the order it first
// sees them.
type interner[T comparable] struct {
	ids   map[T]int32
	names []T
}

func (n *interner[T]) add(v T) int32 {
	if id, ok := n.ids[v]; ok {
		return id
	}
	if n.ids == nil {
		n.ids = map[T]int32{}
	}
	id := int32(len(n.names))
	n.ids[v] = id
	n.names = append(n.names, v)
	return id
}

// id is v's number, or -1 when v was never added.
func (n *interner[T]) id(v T) int32 {
	if id, ok := n.ids[v]; ok {
		return id
	}
	return -1
}

// quantities is every quantity a table's published cells show (each figure's
// numerator and, for a rate, its denominator), with the cells that show it. Which
// quantities there are and which cells show them depends only on the table, not on
// what is withheld, so it is built once per protection and shared by every model.
type quantities struct {
	years  interner[int]
	units  interner[string]
	groups interner[string]
	quants interner[quantity]
	inds   interner[string] // indicators
	// figs finds a figure by its year, unit, group and indicator ids, on the
	// position of a qname (its q the indicator) in a grid of them, or by figMap
	// when the grid would be too sparse.
	figs   []int32
	figMap map[qname]int32
	// at gives each figure's year, unit and group ids (q unused).
	at    []qname
	names []qname  // by qkey
	value []int64  // by qkey: the value its first cell shows
	cells [][]cell // by qkey: the cells that show it, in table order
	// shown gives each figure's numerator and denominator quantity (noKey for
	// none, and for a figure that is not available) and the value each shows.
	shown []shownBy
	// dense finds a qkey by its name's position (see pos) when the table has few
	// enough years x units x groups x quantities; sparse otherwise.
	dense  []qkey
	sparse map[qname]qkey
}

// shownBy is what one figure shows: a quantity in its numerator and one in its
// denominator, with the values it gives them.
type shownBy struct {
	key [2]qkey // by part
	val [2]int64
}

// maxDenseSlots bounds the dense index, which holds one entry for every possible
// name: a table whose names are that many more than its figures keeps a map.
var maxDenseSlots = func(figures int) int { return 16*figures + 1<<16 }

// quantities builds the protector's list of quantities, once (see quantities).
func (p *protector) quantities() *quantities {
	if p.qs != nil {
		return p.qs
	}
	qs := &quantities{at: make([]qname, len(p.t.Figures)), shown: make([]shownBy, len(p.t.Figures))}
	for _, y := range p.fr.years {
		qs.years.add(y)
	}
	for _, u := range p.fr.units {
		qs.units.add(u)
	}
	for _, g := range p.fr.groups {
		qs.groups.add(g)
	}
	shownQ := make([][2]int32, len(p.t.Figures)) // each figure's quantity ids, by part
	for i := range p.t.Figures {
		f := p.fig(i)
		qs.at[i] = qname{qs.years.add(f.Year), qs.units.add(f.UnitCode), qs.groups.add(f.Group), -1}
		qs.shown[i].key = [2]qkey{noKey, noKey}
		shownQ[i] = [2]int32{-1, -1}
		if f.Flag == indicator.FlagNotAvailable {
			// A figure that is not available publishes no number, and its zeros
			// are not always the truth (a rate the year's standard does not
			// measure).
			continue
		}
		nq, dq, mult := shows(f.Indicator, p.total(f.Year))
		if nq == "" {
			continue
		}
		shownQ[i][num] = qs.quants.add(nq)
		qs.shown[i].val[num] = f.Num
		if dq != "" {
			shownQ[i][den] = qs.quants.add(dq)
			qs.shown[i].val[den] = f.Den / mult
		}
	}
	qs.index(shownQ)
	qs.indexFigures(p.t)
	p.qs = qs
	return qs
}

// indexFigures lets figure find the table's figures by their ids.
func (qs *quantities) indexFigures(t *indicator.Table) {
	ind := make([]int32, len(t.Figures))
	for i := range t.Figures {
		ind[i] = qs.inds.add(t.Figures[i].Indicator)
	}
	size := len(qs.years.names) * len(qs.units.names) * len(qs.groups.names) * len(qs.inds.names)
	if size > maxDenseSlots(len(t.Figures)) {
		qs.figMap = make(map[qname]int32, len(t.Figures))
	} else {
		qs.figs = make([]int32, size)
		for i := range qs.figs {
			qs.figs[i] = -1
		}
	}
	for i, at := range qs.at {
		at.q = ind[i]
		if qs.figMap != nil {
			qs.figMap[at] = int32(i)
			continue
		}
		qs.figs[qs.figPos(at)] = int32(i)
	}
}

func (qs *quantities) figPos(n qname) int {
	return ((int(n.year)*len(qs.units.names)+int(n.unit))*len(qs.groups.names)+int(n.group))*len(qs.inds.names) + int(n.q)
}

// figure finds the figure of indicator ind in at's year, unit and group.
func (p *protector) figure(at qname, ind string) (int, bool) {
	qs := p.quantities()
	at.q = qs.inds.id(ind)
	if at.year < 0 || at.unit < 0 || at.group < 0 || at.q < 0 {
		return 0, false
	}
	if qs.figMap != nil {
		i, ok := qs.figMap[at]
		return int(i), ok
	}
	i := qs.figs[qs.figPos(at)]
	return int(i), i >= 0
}

// index numbers the quantities the figures show, in the order they first show
// them, and lists the cells showing each. It numbers them first and fills the
// lists after, so that every list is allocated at its size.
func (qs *quantities) index(shownQ [][2]int32) {
	qs.alloc(len(shownQ))
	n := 0
	for i, ids := range shownQ {
		for pt, id := range ids {
			if id < 0 {
				continue
			}
			name := qs.at[i]
			name.q = id
			k := qs.find(name)
			if k == noKey {
				k = qkey(n)
				qs.put(name, k)
				n++
			}
			qs.shown[i].key[pt] = k
		}
	}
	qs.names, qs.value = make([]qname, n), make([]int64, n)
	ncells := make([]int32, n)
	total := 0
	for i, s := range qs.shown {
		for pt, k := range s.key {
			if k == noKey {
				continue
			}
			if ncells[k] == 0 {
				qs.names[k] = qs.at[i]
				qs.names[k].q = shownQ[i][pt]
				qs.value[k] = s.val[pt]
			}
			ncells[k]++
			total++
		}
	}
	// The cells of every quantity share one array.
	all := make([]cell, 0, total)
	qs.cells = make([][]cell, n)
	for k, c := range ncells {
		qs.cells[k] = all[len(all) : len(all) : len(all)+int(c)]
		all = all[:len(all)+int(c)]
	}
	for i, s := range qs.shown {
		for pt, k := range s.key {
			if k != noKey {
				qs.cells[k] = append(qs.cells[k], cell{i, part(pt)})
			}
		}
	}
}

// alloc chooses the dense or the sparse index, once every name is interned.
func (qs *quantities) alloc(figures int) {
	size := len(qs.years.names) * len(qs.units.names) * len(qs.groups.names) * len(qs.quants.names)
	if size <= maxDenseSlots(figures) {
		qs.dense = make([]qkey, size)
		for i := range qs.dense {
			qs.dense[i] = noKey
		}
		return
	}
	qs.sparse = map[qname]qkey{}
}

func (qs *quantities) pos(n qname) int {
	return ((int(n.year)*len(qs.units.names)+int(n.unit))*len(qs.groups.names)+int(n.group))*len(qs.quants.names) + int(n.q)
}

// find returns the quantity of a name, or noKey when the table has none.
func (qs *quantities) find(n qname) qkey {
	if n.year < 0 || n.unit < 0 || n.group < 0 || n.q < 0 {
		return noKey
	}
	if qs.dense != nil {
		return qs.dense[qs.pos(n)]
	}
	if k, ok := qs.sparse[n]; ok {
		return k
	}
	return noKey
}

func (qs *quantities) put(n qname, k qkey) {
	if qs.dense != nil {
		qs.dense[qs.pos(n)] = k
		return
	}
	qs.sparse[n] = k
}

// key returns the quantity q of figure i's year, unit and group: the call sites'
// way of naming a quantity (noKey when the table has none).
func (p *protector) key(i int, q quantity) qkey {
	qs := p.quantities()
	n := qs.at[i]
	n.q = qs.quants.id(q)
	return qs.find(n)
}

// describeKey names a quantity as year/unit/group/quantity, for messages.
func (m *model) describeKey(k qkey) string {
	qs := m.qs
	n := qs.names[k]
	return fmt.Sprintf("%d/%s/%s/%s", qs.years.names[n.year], qs.units.names[n.unit], qs.groups.names[n.group], qs.quants.names[n.q])
}

// keyLess orders quantities by their names (year, unit, group, quantity), so that
// ties break the same way on every build.
func (m *model) keyLess(a, b qkey) bool {
	qs := m.qs
	x, y := qs.names[a], qs.names[b]
	if x.year != y.year {
		return qs.years.names[x.year] < qs.years.names[y.year]
	}
	if x.unit != y.unit {
		return qs.units.names[x.unit] < qs.units.names[y.unit]
	}
	if x.group != y.group {
		return qs.groups.names[x.group] < qs.groups.names[y.group]
	}
	return qs.quants.names[x.q] < qs.quants.names[y.q]
}
