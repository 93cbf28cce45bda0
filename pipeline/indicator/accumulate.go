package indicator

// One pass over a batch's columns into the villages' accumulators.

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

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
