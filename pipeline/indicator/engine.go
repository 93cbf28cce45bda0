package indicator

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/minhtien/portal/pipeline/review"
)

// Unit is a unit figures are computed for.
type Unit struct {
	Level string
	Code  string
}

// Spec says what to compute: the commune and its villages, in publishing order.
type Spec struct {
	Commune  string
	Villages []string
}

// Table is every figure the engine computed, in a fixed order: year, unit, group,
// indicator (as in Definitions).
type Table struct {
	Figures []Figure
	index   map[Key]int
}

// Get returns the figure with the given key.
func (t *Table) Get(k Key) (*Figure, bool) {
	if t.index == nil {
		t.Reindex()
	}
	i, ok := t.index[k]
	if !ok {
		return nil, false
	}
	return &t.Figures[i], true
}

// Index returns the position of the figure with the given key.
func (t *Table) Index(k Key) (int, bool) {
	if t.index == nil {
		t.Reindex()
	}
	i, ok := t.index[k]
	return i, ok
}

// Reindex rebuilds the key index after figures were added.
func (t *Table) Reindex() {
	t.index = make(map[Key]int, len(t.Figures))
	for i := range t.Figures {
		t.index[t.Figures[i].Key()] = i
	}
}

// Compute computes every indicator for every year of the dataset, for the commune,
// each village and each group. Each year is turned into Arrow columns and aggregated
// in one pass over them.
func Compute(ds *review.Dataset, spec Spec) (*Table, error) {
	units := append([]Unit{{"commune", spec.Commune}}, villageUnits(spec.Villages)...)
	villageIndex := make(map[string]int32, len(spec.Villages))
	for i, v := range spec.Villages {
		villageIndex[v] = int32(i)
	}
	village := func(code string) int32 {
		if i, ok := villageIndex[code]; ok {
			return i
		}
		return -1
	}
	// Movement follows the files in order, one bit per review in the history.
	if len(ds.Files) > maxReviews {
		return nil, fmt.Errorf("compute: %d reviews, at most %d can be followed", len(ds.Files), maxReviews)
	}
	for i := 1; i < len(ds.Files); i++ {
		if ds.Files[i].Year <= ds.Files[i-1].Year {
			return nil, fmt.Errorf("compute: review %d follows %d; reviews must be in increasing year order", ds.Files[i].Year, ds.Files[i-1].Year)
		}
	}
	mem := memory.NewGoAllocator()
	h := newHistory()
	t := &Table{}
	for yi, f := range ds.Files {
		moves, recent := h.observe(yi, f.Records)
		rec := toArrow(mem, f.Records, village, moves, recent)
		accs, err := aggregate(rec, len(spec.Villages))
		rec.Release()
		if err != nil {
			return nil, fmt.Errorf("compute %d: %w", f.Year, err)
		}
		for ui, u := range units {
			for gi, g := range Groups {
				t.Figures = append(t.Figures, accs[ui][gi].figures(f.Year, u, g, yi == 0)...)
			}
		}
	}
	t.Reindex()
	return t, nil
}

func villageUnits(codes []string) []Unit {
	out := make([]Unit, len(codes))
	for i, c := range codes {
		out[i] = Unit{"village", c}
	}
	return out
}

// acc accumulates one unit and group over one year.
type acc struct {
	households, poor, near               int64
	escaped, newly, relapsed, recent     int64
	depPN, depPoor                       [12]int64
	depSumPoor                           int64
	children, inSchool, members, insured int64
	waterOK, latrineOK                   int64
}

// aggregate makes one pass over the year's columns, adding each household to its
// commune and village, for all households and for each group it belongs to.
func aggregate(rec arrow.RecordBatch, villages int) ([][]acc, error) {
	accs := make([][]acc, villages+1)
	for i := range accs {
		accs[i] = make([]acc, len(Groups))
	}
	vil := rec.Column(0).(*array.Int32).Int32Values()
	st := rec.Column(1).(*array.Int8).Int8Values()
	dep := rec.Column(2).(*array.Uint16).Uint16Values()
	grp := rec.Column(3).(*array.Uint8).Uint8Values()
	mem := rec.Column(4).(*array.Int16).Int16Values()
	ins := rec.Column(5).(*array.Int16).Int16Values()
	chi := rec.Column(6).(*array.Int16).Int16Values()
	sch := rec.Column(7).(*array.Int16).Int16Values()
	mov := rec.Column(8).(*array.Int8).Int8Values()
	recent := rec.Column(9).(*array.Boolean)
	for i := range vil {
		if vil[i] < 0 {
			return nil, fmt.Errorf("row %d: village is not declared", i+1)
		}
		row := rowValues{st[i], dep[i], mem[i], ins[i], chi[i], sch[i], mov[i], recent.Value(i)}
		targets := [2]*[]acc{&accs[0], &accs[vil[i]+1]}
		for _, unit := range targets {
			(*unit)[0].add(&row)
			for g := 0; g < len(Groups)-1; g++ {
				if grp[i]&(1<<g) != 0 {
					(*unit)[g+1].add(&row)
				}
			}
		}
	}
	return accs, nil
}

type rowValues struct {
	status                               int8
	dep                                  uint16
	members, insured, children, inSchool int16
	move                                 int8
	recent                               bool
}

func (a *acc) add(r *rowValues) {
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
	for j := 0; j < 12; j++ {
		if r.dep&(1<<j) == 0 {
			continue
		}
		a.depPN[j]++
		if poor {
			a.depPoor[j]++
			a.depSumPoor++
		}
	}
	a.children += int64(r.children)
	a.inSchool += int64(r.inSchool)
	a.members += int64(r.members)
	a.insured += int64(r.insured)
	if r.dep&(1<<8) == 0 {
		a.waterOK++
	}
	if r.dep&(1<<9) == 0 {
		a.latrineOK++
	}
}
