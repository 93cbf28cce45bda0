package indicator

// Saving and restoring an Aggregator's sums, so that a build whose reviews did not
// change need not read them again (the build cache under build/).

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/minhtien/portal/pipeline/standard"
)

// sumsFormat is the version of MarshalSums's bytes; bump it whenever what they hold
// or how changes, so an older cache is recomputed rather than misread.
const sumsFormat = 1

// accScalars is how many counts an acc holds besides its per-indicator ones.
const accScalars = 14

// MarshalSums returns what the aggregator derived from its reviews once the last one
// has ended: each review's sums for every unit and group, each village's commune and
// the reappearances. Only counts over households and the codes of units; never the
// households' history, which stays in memory (it holds a hash of every household's
// id and is not needed once the last review is read).
func (a *Aggregator) MarshalSums() ([]byte, error) {
	if a.open {
		return nil, errors.New("save sums: a review is still open")
	}
	b := binary.AppendUvarint(nil, sumsFormat)
	b = binary.AppendUvarint(b, uint64(len(a.units)))
	b = binary.AppendUvarint(b, uint64(len(a.sums)))
	for _, ys := range a.sums {
		b = binary.AppendVarint(b, int64(ys.year))
		b = appendBool(b, ys.first)
		b = appendString(b, ys.std.std.ID)
		b = binary.AppendUvarint(b, uint64(len(ys.std.weights)))
		b = binary.AppendUvarint(b, uint64(len(ys.accs)))
		for i := range ys.accs {
			b = ys.accs[i].append(b)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(a.villageCommune)))
	for _, c := range a.villageCommune {
		b = binary.AppendVarint(b, int64(c))
	}
	b = binary.AppendUvarint(b, uint64(len(a.reappeared)))
	for _, r := range a.reappeared {
		b = binary.AppendVarint(b, int64(r.Year))
		b = binary.AppendVarint(b, int64(r.Line))
		b = binary.AppendVarint(b, int64(r.Missing))
		b = appendString(b, r.Village)
	}
	b = binary.AppendVarint(b, int64(a.yi))
	return binary.AppendVarint(b, int64(a.year)), nil
}

// RestoreAggregator returns an aggregator for spec holding the sums MarshalSums
// saved, as if every review had been read again; years is the number of reviews.
// It refuses bytes that do not fit spec (another set of units or standards) or are
// damaged, and never allocates more than the spec's units call for.
func RestoreAggregator(spec Spec, years int, data []byte) (*Aggregator, error) {
	a := NewAggregator(spec, years, 0)
	if a.specErr != nil {
		return nil, a.specErr
	}
	r := &sumsReader{b: data}
	if v := r.uvarint(); v != sumsFormat {
		return nil, fmt.Errorf("restore sums: format %d, this portal reads %d", v, sumsFormat)
	}
	if n := r.uvarint(); r.err == nil && n != uint64(len(a.units)) {
		return nil, fmt.Errorf("restore sums: %d units saved, the spec has %d", n, len(a.units))
	}
	if err := a.restoreYears(r); err != nil {
		return nil, err
	}
	if n := r.uvarint(); r.err == nil && n != uint64(len(a.villageCommune)) {
		return nil, fmt.Errorf("restore sums: %d villages saved, the spec has %d", n, len(a.villageCommune))
	}
	for v := range a.villageCommune {
		c := r.varint()
		if c < -1 || c >= int64(len(spec.Communes)) {
			r.fail()
		}
		a.villageCommune[v] = int32(c)
		if c >= 0 {
			a.parent[a.villageUnit(v)] = a.communeUnit(int32(c))
		}
	}
	n := r.count(4) // a reappearance takes at least 4 bytes
	for range n {
		re := Reappearance{Year: int(r.varint()), Line: int(r.varint()), Missing: int(r.varint())}
		re.Village = r.string()
		a.reappeared = append(a.reappeared, re)
	}
	a.yi, a.year = int(r.varint()), int(r.varint())
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
	}
	if a.yi != len(a.sums)-1 {
		return nil, fmt.Errorf("restore sums: review index %d for %d reviews", a.yi, len(a.sums))
	}
	return a, nil
}

// restoreYears reads each review's sums, checking each against the standard the
// spec puts in force for its year.
func (a *Aggregator) restoreYears(r *sumsReader) error {
	n := r.count(5)
	if n > maxReviews {
		return fmt.Errorf("restore sums: %d reviews, at most %d can be followed", n, maxReviews)
	}
	byStd := map[*standard.Standard]*measures{}
	for range n {
		year, first, id := int(r.varint()), r.bool(), r.string()
		k, accs := r.uvarint(), r.uvarint()
		if r.err != nil {
			return r.err
		}
		var s *standard.Standard
		if a.spec.StandardFor != nil {
			s, _ = a.spec.StandardFor(year)
		}
		if s == nil || s.ID != id || k != uint64(len(s.Indicators)) {
			return fmt.Errorf("restore sums: review %d was computed under another standard than the one now in force", year)
		}
		if accs != uint64(len(a.units)*len(Groups)) {
			return fmt.Errorf("restore sums: review %d has %d sums, the spec %d", year, accs, len(a.units)*len(Groups))
		}
		m := byStd[s]
		if m == nil {
			m = measuresOf(s)
			byStd[s] = m
		}
		ys := yearSums{year: year, first: first, std: m, accs: m.newAccs(int(accs))}
		for i := range ys.accs {
			ys.accs[i].read(r)
		}
		if r.err != nil {
			return r.err
		}
		a.sums = append(a.sums, ys)
		a.std = m
	}
	return nil
}

// append writes the accumulator's counts, scalars first, then depPN and depPoor.
func (a *acc) append(b []byte) []byte {
	for _, v := range [accScalars]int64{a.households, a.poor, a.near, a.escaped, a.newly, a.relapsed, a.recent,
		a.depSumPoor, a.children, a.inSchool, a.members, a.insured, a.waterOK, a.latrineOK} {
		b = binary.AppendVarint(b, v)
	}
	for _, v := range a.depPN {
		b = binary.AppendVarint(b, v)
	}
	for _, v := range a.depPoor {
		b = binary.AppendVarint(b, v)
	}
	return b
}

// read is append's inverse; depPN and depPoor are already sized.
func (a *acc) read(r *sumsReader) {
	for _, p := range [accScalars]*int64{&a.households, &a.poor, &a.near, &a.escaped, &a.newly, &a.relapsed, &a.recent,
		&a.depSumPoor, &a.children, &a.inSchool, &a.members, &a.insured, &a.waterOK, &a.latrineOK} {
		*p = r.varint()
	}
	for j := range a.depPN {
		a.depPN[j] = r.varint()
	}
	for j := range a.depPoor {
		a.depPoor[j] = r.varint()
	}
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// sumsReader reads MarshalSums's bytes; after the first damaged value every read
// returns zero and err says so.
type sumsReader struct {
	b   []byte
	err error
}

func (r *sumsReader) fail() {
	if r.err == nil {
		r.err = errors.New("restore sums: the saved sums are damaged")
	}
	r.b = nil
}

func (r *sumsReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *sumsReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of items each taking at least min bytes, refusing one the
// remaining bytes cannot hold (so damaged bytes never ask for a huge allocation).
func (r *sumsReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *sumsReader) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *sumsReader) string() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
