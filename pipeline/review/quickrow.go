package review

import (
	"bytes"
)

// cellOp is how quickRow reads the cells of one column.
type cellOp uint8

const (
	opFlag    cellOp = iota // "0" or "1"
	opInt                   // 1 to 18 digits, within the column's range
	opEnum                  // one of the column's values, or empty when optional
	opCommune               // 5 digits
	opCode                  // [A-Za-z0-9_-], within the column's lengths
)

// cellPlan is what quickRow needs to know of the column at one header position.
type cellPlan struct {
	op       cellOp
	ci       int8 // contract column
	min, max int64
	values   []string
	optional bool
}

func planOf(ci int) cellPlan {
	c := &Columns[ci]
	p := cellPlan{ci: int8(ci), min: c.Min, max: c.Max, values: c.Values, optional: c.Optional}
	switch {
	case c.Kind == KindFlag:
		p.op = opFlag
	case c.Kind == KindInt:
		p.op = opInt
	case c.Kind == KindEnum:
		p.op = opEnum
	case ci == ciCommune:
		p.op = opCommune
	case ci == ciVillage:
		p.op, p.min, p.max = opCode, 1, 16
	default:
		p.op, p.min, p.max = opCode, 8, 32
	}
	return p
}

// quickRow checks one line of a quote-free chunk in a single pass over its bytes,
// without cutting it into fields first, and records the row as row does. It handles
// only the rows that have nothing to report: every cell in its ordinary shape (the
// shapes of cellOp, which exclude spaces, signs and quotes) and every rule between
// cells kept. For any other row it returns false, having changed nothing, and the
// caller runs the full checks, which report the row exactly as Parse does.
func (rc *rowChecker) quickRow(ln []byte, line int) bool {
	var v rowValues
	pos, last := 0, len(rc.plan)-1
	for i := range rc.plan {
		end, ok := v.cell(&rc.plan[i], ln, pos)
		if !ok {
			return false
		}
		if i == last {
			if end != len(ln) {
				return false
			}
		} else if end >= len(ln) || ln[end] != ',' {
			return false
		}
		pos = end + 1
	}
	if !rc.quickRules(&v) {
		return false
	}
	return rc.quickAccept(&v, line)
}

// rowValues are the cells quickRow has read, by contract column.
type rowValues struct {
	ints                 [numColumns]int64
	commune, village, id []byte
	yearCol, idCol       int32 // for the problems found after the whole file is read
}

// cell reads the cell that starts at pos; it returns where the cell ends and whether
// it has its ordinary shape.
func (v *rowValues) cell(p *cellPlan, ln []byte, pos int) (int, bool) {
	switch p.op {
	case opFlag:
		if pos >= len(ln) || ln[pos]-'0' > 1 {
			return 0, false
		}
		v.ints[p.ci] = int64(ln[pos] - '0')
		return pos + 1, true
	case opInt:
		n, end := leadingDigits(ln, pos)
		if end == pos || end-pos > 18 || n < p.min || n > p.max {
			return 0, false
		}
		v.ints[p.ci] = n
		if p.ci == ciYear {
			v.yearCol = int32(pos + 1)
		}
		return end, true
	case opEnum:
		return v.enum(p, ln, pos)
	case opCommune:
		if len(ln)-pos < 5 || !isCommuneCode(ln[pos:pos+5]) {
			return 0, false
		}
		v.commune = ln[pos : pos+5]
		return pos + 5, true
	}
	return v.code(p, ln, pos)
}

// leadingDigits reads the decimal digits from pos, at most 19 of them (one more than
// number reads itself, so that a longer run is seen to be too long).
func leadingDigits(ln []byte, pos int) (int64, int) {
	n, end := int64(0), pos
	for end < len(ln) && end-pos < 19 {
		d := ln[end] - '0'
		if d > 9 {
			break
		}
		n = n*10 + int64(d)
		end++
	}
	return n, end
}

func (v *rowValues) enum(p *cellPlan, ln []byte, pos int) (int, bool) {
	end := len(ln)
	if i := bytes.IndexByte(ln[pos:], ','); i >= 0 {
		end = pos + i
	}
	s := bstr(ln[pos:end])
	if s == "" {
		v.ints[p.ci] = -1
		return end, p.optional
	}
	for k, val := range p.values {
		if s == val {
			v.ints[p.ci] = int64(k)
			return end, true
		}
	}
	return 0, false
}

// code reads a village code or a household id. Only a cell with a run of 9 or more
// digits (separators '-' and '_' included, as LooksLikeIdentifier drops them) can
// look like an ID or phone number, so only such a cell is walked again.
func (v *rowValues) code(p *cellPlan, ln []byte, pos int) (int, bool) {
	end, run, longest := pos, 0, 0
	for ; end < len(ln); end++ {
		switch codeClass[ln[end]] {
		case classDigit:
			run++
			longest = max(longest, run)
		case classSeparator:
		case classLetter:
			run = 0
		default:
			goto done
		}
	}
done:
	cell := ln[pos:end]
	if n := int64(len(cell)); n < p.min || n > p.max {
		return 0, false
	}
	if longest >= 9 && looksLikeIdentifierBytes(cell) != "" {
		return 0, false
	}
	if p.ci == ciVillage {
		v.village = cell
	} else {
		v.id, v.idCol = cell, int32(pos+1)
	}
	return end, true
}

const (
	classOther = iota
	classDigit
	classSeparator // '-' and '_', the separators LooksLikeIdentifier drops that a code may hold
	classLetter
)

var codeClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = classLetter, classLetter
	}
	t['-'], t['_'] = classSeparator, classSeparator
	return t
}()

// quickRules reports whether the rules between cells and the file's rules hold, and
// whether the row would get no quality warning.
func (rc *rowChecker) quickRules(v *rowValues) bool {
	in := &v.ints
	rules := &rc.p.rules
	switch {
	case int(in[ciYear]) != rc.year,
		in[ciInSchool] > in[ciChildren], in[ciChildren] > in[ciMembers], in[ciInsured] > in[ciMembers],
		in[ciCause] >= 0 && in[ciStatus] > 1:
		return false
	case rules.Communes != nil:
		if !rc.communes.has(rules.Communes, v.commune) {
			return false
		}
	case rules.CommuneCode != "" && bstr(v.commune) != rules.CommuneCode:
		return false
	}
	return rules.Villages == nil || rc.villages.has(rules.Villages, v.village)
}

// lastMember remembers the last code found in a set: rows come grouped by commune
// and village, so most lookups are the previous row's.
type lastMember struct {
	code []byte
	ok   bool
}

func (m *lastMember) has(set map[string]bool, code []byte) bool {
	if m.ok && bytes.Equal(code, m.code) {
		return true
	}
	if !set[bstr(code)] {
		return false
	}
	m.code, m.ok = append(m.code[:0], code...), true
	return true
}

// quickAccept classifies the row and records it, as the end of row does; it returns
// false, having recorded nothing, when the standard disagrees with the status (a
// warning the full checks report).
func (rc *rowChecker) quickAccept(v *rowValues, line int) bool {
	in := &v.ints
	dep := deprivationBits(in)
	if rc.p.rules.Classify != nil {
		got, err := rc.classify(in, dep)
		switch {
		case err != nil:
			rc.classifyFail = append(rc.classifyFail, lineCol{int32(line), v.yearCol})
		case got != Statuses[in[ciStatus]]:
			return false
		}
	}
	h := HashID(v.id)
	rc.hashes = append(rc.hashes, h)
	if rc.collect != nil && rc.collect[h] {
		rc.collected = append(rc.collected, idAt{int32(line), v.idCol, string(v.id)})
	}
	rc.accepted++
	if rc.batch != nil {
		rc.batch.addHashed(int32(line), v.commune, v.village, v.id, h, in[ciArea] == 1,
			int16(in[ciMembers]), in[ciIncome], dep, int8(in[ciStatus]), int8(in[ciCause]), groupBits(in),
			int16(in[ciChildren]), int16(in[ciInSchool]), int16(in[ciInsured]))
	}
	return true
}
