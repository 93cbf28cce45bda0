package review

import (
	"bytes"
	"encoding/binary"
)

// cellOp is how cleanRow reads the cells of one column, or of a run of flag columns.
type cellOp uint8

const (
	opFlags   cellOp = iota // n cells of "0" or "1"
	opInt                   // 1 to 18 digits, within the column's range
	opEnum                  // one of the column's values, or empty when optional
	opCommune               // 5 digits
	opCode                  // [A-Za-z0-9_-], within the column's lengths
)

// cellPlan is what cleanRow needs to know of the column at one header position, or
// of a run of flag columns that follow each other in the header and in the contract.
type cellPlan struct {
	op       cellOp
	ci       int16 // contract column (the first of a run)
	n        int16 // columns in a run of flags
	min, max int64
	values   []string
	words    []enumWords // values, for opEnum
	optional bool
}

// enumWords are the first 16 bytes of an enum value as two little-endian words, with
// the masks of the bytes the value fills, so that a cell is compared with the value
// in two operations.
type enumWords struct {
	w, m [2]uint64
	n    int
}

func wordsOf(v string) (enumWords, bool) {
	if len(v) > 16 {
		return enumWords{}, false
	}
	e := enumWords{n: len(v)}
	for i := range len(v) {
		e.w[i/8] |= uint64(v[i]) << (8 * (i % 8))
		e.m[i/8] |= 0xff << (8 * (i % 8))
	}
	return e, true
}

// plansOf returns the plans of a header, given the contract column of each position.
// A flag that follows a flag of the previous column of the contract joins its run,
// except in the last position (see flagRun).
func plansOf(con *Contract, ci []int) []cellPlan {
	var plans []cellPlan
	for i, c := range ci {
		p := planOf(con, c)
		if k := len(plans) - 1; k >= 0 && i < len(ci)-1 && p.op == opFlags && plans[k].continuedBy(c) {
			plans[k].n++
			continue
		}
		plans = append(plans, p)
	}
	return plans
}

// continuedBy reports whether the flag column c comes right after the run p.
func (p *cellPlan) continuedBy(c int) bool {
	return p.op == opFlags && int(p.ci)+int(p.n) == c
}

func planOf(con *Contract, ci int) cellPlan {
	c := &con.Columns[ci]
	p := cellPlan{ci: int16(ci), n: 1, min: c.Min, max: c.Max, values: c.Values, optional: c.Optional}
	switch {
	case c.Kind == KindFlag:
		p.op = opFlags
	case c.Kind == KindInt:
		p.op = opInt
	case c.Kind == KindEnum:
		p.op = opEnum
		for _, v := range c.Values {
			if w, ok := wordsOf(v); ok {
				p.words = append(p.words, w)
			}
		}
	case ci == ciCommune:
		p.op = opCommune
	case ci == ciVillage:
		p.op, p.min, p.max = opCode, 1, 16
	default:
		p.op, p.min, p.max = opCode, 8, 32
	}
	return p
}

// cleanRow checks the line at the start of data, a quote-free chunk's text, in a
// single pass over its bytes, without cutting it into fields first, and records the
// row as row does. It handles only the rows that have nothing to report: every cell
// in its ordinary shape (the shapes of cellOp, which exclude spaces, signs and
// quotes) and every rule between cells kept. It returns the length of the line with
// its end ("\n", "\r\n", or a final "\r"), or 0, having changed nothing, for any other
// row: the caller then runs the full checks, which report the row as Parse does.
func (rc *rowChecker) cleanRow(data []byte, line int) int {
	var v rowValues
	pos, last := 0, len(rc.plan)-1
	for i := range rc.plan {
		// The switch is here rather than in a function of its own: the call cost
		// as much as reading a flag.
		p := &rc.plan[i]
		var end int
		var ok bool
		switch p.op {
		case opFlags:
			end, ok = v.flagRun(p, data, pos, rc.dep)
		case opInt:
			var n int64
			n, end = leadingDigits(data, pos)
			ok = end > pos && end-pos <= 18 && n >= p.min && n <= p.max
			v.ints[p.ci] = n
		case opEnum:
			end, ok = v.enum(p, data, pos)
		case opCommune:
			end, ok = v.communeCode(data, pos)
		default:
			end, ok = v.code(p, data, pos)
		}
		if !ok {
			return 0
		}
		if i == last {
			pos = end
		} else if end >= len(data) || data[end] != ',' {
			return 0
		} else {
			pos = end + 1
		}
	}
	n := lineEnd(data, pos)
	if n == 0 || !rc.cleanRowRules(&v) || !rc.acceptCleanRow(&v, data, line) {
		return 0
	}
	return n
}

// lineEnd returns where the next line starts when the last cell ends at end, or 0
// when something else follows it.
func lineEnd(data []byte, end int) int {
	switch {
	case end == len(data):
		return end
	case data[end] == '\n':
		return end + 1
	case data[end] != '\r':
		return 0
	case end+1 == len(data):
		return end + 1 // a "\r" that ends the file is dropped, as encoding/csv does
	case data[end+1] == '\n':
		return end + 2
	}
	return 0
}

// rowValues are the cells cleanRow has read, by contract column; the standard's
// deprivation flags go to the row checker's dep.
type rowValues struct {
	ints                 [numFixed]int64
	flags                uint32 // bit ci: the flag of fixed column ci
	commune, village, id []byte
}

func (v *rowValues) communeCode(ln []byte, pos int) (int, bool) {
	if len(ln)-pos < 5 || !isCommuneCode(ln[pos:pos+5]) {
		return 0, false
	}
	v.commune = ln[pos : pos+5]
	return pos + 5, true
}

// flagRun reads p.n flags; all but the last must be followed by a comma. Four
// "d," pairs are checked at a time when the text is long enough: the comma after
// the last flag of a run is then checked too, which is right since plansOf puts
// the last column of a line in a run of its own. A run of the standard's indicators
// is written to dep, one byte a flag; a run of fixed flags to v.flags.
func (v *rowValues) flagRun(p *cellPlan, ln []byte, pos int, dep []uint8) (int, bool) {
	ci, n := uint(p.ci), int(p.n)
	set := func(ci uint, bits uint32, k int) {
		if ci < ciDep0 {
			v.flags |= bits << ci
			return
		}
		for j := range k {
			dep[int(ci)-ciDep0+j] = uint8(bits >> j & 1)
		}
	}
	for ; n >= 4 && pos+8 <= len(ln); n -= 4 {
		bits, ok := fourFlags(binary.LittleEndian.Uint64(ln[pos:]))
		if !ok {
			return 0, false
		}
		set(ci, bits, 4)
		ci, pos = ci+4, pos+8
	}
	for ; n > 0; n-- {
		if pos >= len(ln) || ln[pos]-'0' > 1 || n > 1 && (pos+1 >= len(ln) || ln[pos+1] != ',') {
			return 0, false
		}
		set(ci, uint32(ln[pos]-'0'), 1)
		ci++
		pos += 2
	}
	return pos - 1, true
}

// fourFlags reads "d,d,d,d," (d a 0 or a 1) from 8 bytes in little-endian order and
// returns the four flags as bits 0-3.
func fourFlags(w uint64) (uint32, bool) {
	x := w ^ 0x2c302c302c302c30 // "0,0,0,0,"
	if x&0xfffefffefffefffe != 0 {
		return 0, false
	}
	// Move bits 0, 16, 32 and 48 to bits 48-51: no other product lands there.
	b := (x & 0x0001000100010001) * (1<<48 | 1<<33 | 1<<18 | 1<<3)
	return uint32(b>>48) & 0xf, true
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

// enum reads a value of the column: a value is matched when the byte after it can
// end a cell (the caller checks it is the right end), so a longer cell never matches.
func (v *rowValues) enum(p *cellPlan, ln []byte, pos int) (int, bool) {
	rest := ln[pos:]
	if p.optional && (len(rest) == 0 || endsCell(rest[0])) {
		v.ints[p.ci] = -1
		return pos, true
	}
	if len(rest) >= 17 && len(p.words) == len(p.values) {
		w0, w1 := binary.LittleEndian.Uint64(rest), binary.LittleEndian.Uint64(rest[8:])
		for k := range p.words {
			e := &p.words[k]
			if w0&e.m[0] == e.w[0] && w1&e.m[1] == e.w[1] && endsCell(rest[e.n]) {
				v.ints[p.ci] = int64(k)
				return pos + e.n, true
			}
		}
		return 0, false
	}
	for k, val := range p.values {
		if len(rest) >= len(val) && bstr(rest[:len(val)]) == val && (len(rest) == len(val) || endsCell(rest[len(val)])) {
			v.ints[p.ci] = int64(k)
			return pos + len(val), true
		}
	}
	return 0, false
}

func endsCell(c byte) bool { return c == ',' || c == '\n' || c == '\r' }

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
		v.id = cell
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

// cleanRowRules reports whether the rules between cells and the file's rules hold, and
// whether the row would get no quality warning.
func (rc *rowChecker) cleanRowRules(v *rowValues) bool {
	in := &v.ints
	rules := &rc.p.rules
	switch {
	case int(in[ciYear]) != rc.p.year,
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

// columnOfField returns the 1-based byte column of field k of the line at the start of
// data, for the rare problem cleanRow's rows get after the whole file is read.
func columnOfField(data []byte, k int) int32 {
	col := 0
	for ; k > 0; k-- {
		col += bytes.IndexByte(data[col:], ',') + 1
	}
	return int32(col + 1)
}

// knownCodes remembers codes found in a set (the declared communes or villages) in a
// small direct-mapped table: rows come grouped by commune, so the same few codes
// come back row after row, and a slot is cheaper than a map lookup.
type knownCodes struct {
	slot [64]string
}

func (k *knownCodes) has(set map[string]bool, code []byte) bool {
	i := codeSlot(code)
	if k.slot[i] == bstr(code) && len(code) > 0 {
		return true
	}
	if !set[bstr(code)] {
		return false
	}
	k.slot[i] = string(code)
	return true
}

// codeSlot hashes the last two bytes of a code, where the codes of one commune's
// villages differ, to 0-63.
func codeSlot(code []byte) int {
	var x uint32
	if n := len(code); n > 0 {
		x = uint32(code[n-1]) | uint32(code[max(n-2, 0)])<<8 | uint32(n)<<16
	}
	return int(x * 0x9e3779b1 >> 26)
}

// acceptCleanRow classifies the row and records it; it returns false, having recorded
// nothing, when the standard disagrees with the status (a warning the reference
// checks report).
func (rc *rowChecker) acceptCleanRow(v *rowValues, data []byte, line int) bool {
	in := &v.ints
	deprived := 0
	for _, d := range rc.dep {
		deprived += int(d)
	}
	if !rc.agrees(in[ciArea] == 1, in[ciIncome], deprived, int8(in[ciStatus])) {
		return false
	}
	h := HashID(v.id)
	rc.hashes = append(rc.hashes, h)
	if rc.collect != nil && rc.collect[h] {
		rc.collected = append(rc.collected, idAt{int32(line), columnOfField(data, rc.pos[ciHousehold]), string(v.id)})
	}
	rc.accepted++
	if rc.batch != nil {
		rc.batch.addHashed(int32(line), v.commune, v.village, v.id, h, in[ciArea] == 1,
			int16(in[ciMembers]), in[ciIncome], rc.dep, int8(in[ciStatus]), int8(in[ciCause]), uint8(v.flags>>ciGroup0&0xf),
			int16(in[ciChildren]), int16(in[ciInSchool]), int16(in[ciInsured]))
	}
	return true
}
