package disclosure

// relationList is DESIGN 6's relations between a table's quantities, listed once
// by name-free keys. They do not depend on what is withheld, and a province's
// audit had rebuilt its 1.9 million rows from names (a lookup for every quantity
// of every relation) in each of its twenty rounds.
//
// It is held while the table is protected, so it is kept small: a coefficient is
// an index into the few distinct ones (1, -1 and each year's total score), and
// right-hand sides are all 0 but for the odd one.
type relationList struct {
	start []int32 // relation i names keys[start[i]:start[i+1]], times coefs
	keys  []qkey
	coefs []uint8 // into coefOf
	eq    []bool
	// coefOf lists the distinct coefficients, and coefIndex finds them.
	coefOf    []float64
	coefIndex map[float64]uint8
	rhs       map[int32]float64 // the non-zero right-hand sides, by relation
}

// add records one relation; lin has already left out those naming a quantity the
// table does not have.
func (l *relationList) add(eq bool, ks []qkey, cs []float64, rhs float64) {
	if len(l.start) == 0 {
		l.start = append(l.start, 0)
		l.coefIndex, l.rhs = map[float64]uint8{}, map[int32]float64{}
	}
	if rhs != 0 {
		l.rhs[int32(len(l.eq))] = rhs
	}
	l.keys = append(l.keys, ks...)
	for _, c := range cs {
		l.coefs = append(l.coefs, l.coef(c))
	}
	l.start = append(l.start, int32(len(l.keys)))
	l.eq = append(l.eq, eq)
}

// coef is c's index in coefOf, added if new.
func (l *relationList) coef(c float64) uint8 {
	if i, ok := l.coefIndex[c]; ok {
		return i
	}
	if len(l.coefOf) == 256 {
		// relations states sums, inclusions and the score identity: a handful
		// of coefficients, whatever the size of the table.
		panic("disclosure: more than 256 distinct coefficients in the relations")
	}
	l.coefIndex[c] = uint8(len(l.coefOf))
	l.coefOf = append(l.coefOf, c)
	return l.coefIndex[c]
}

// listRelations lists the relations relations(fr) states, in its order.
func listRelations(m *model, fr frame) *relationList {
	l := &relationList{}
	m.rec = l
	m.relations(fr)
	m.rec = nil
	return l
}

// addRows adds the relations to m as lin would, one after the other: published
// quantities moved to the right-hand side, a relation left with no variable left
// out. It counts first, so that the rows and their terms are allocated once and
// exactly (appending a province's rows one by one had copied them as they grew), with
// room for spare more rows after them.
func (l *relationList) addRows(m *model, spare int) {
	rows, terms, known := 0, 0, 0
	for i := range l.eq {
		ks := l.keys[l.start[i]:l.start[i+1]]
		if nt := m.withheld(ks); nt > 0 {
			rows, terms, known = rows+1, terms+nt, known+len(ks)-nt
		}
	}
	if m.rows == nil {
		m.rows = make([]row, 0, rows+spare)
	}
	termBuf, keyBuf := make([]term, terms), make([]qkey, known)
	ti, ki := 0, 0
	for i := range l.eq {
		ks, cs := l.keys[l.start[i]:l.start[i+1]], l.coefs[l.start[i]:l.start[i+1]]
		if m.withheld(ks) == 0 {
			continue
		}
		r := row{eq: l.eq[i], rhs: l.rhs[int32(i)]}
		t0, k0 := ti, ki
		for j, k := range ks {
			c := l.coefOf[cs[j]]
			if v := m.varOf[k]; v >= 0 {
				termBuf[ti] = term{int(v), c}
				ti++
				continue
			}
			r.rhs -= c * float64(m.known[k])
			keyBuf[ki] = k
			ki++
		}
		r.terms = termBuf[t0:ti:ti]
		if ki > k0 {
			r.known = keyBuf[k0:ki:ki]
		}
		m.rows = append(m.rows, r)
	}
}

// withheld counts the withheld quantities of ks.
func (m *model) withheld(ks []qkey) int {
	n := 0
	for _, k := range ks {
		if m.varOf[k] >= 0 {
			n++
		}
	}
	return n
}
