package review

import (
	"strconv"
)

// Positions of the fixed columns in a Contract's Columns (the order of Record's csv
// tags, which fixedColumns checks); the standard's indicators follow from ciDep0.
const (
	ciYear      = 0
	ciCommune   = 1
	ciVillage   = 2
	ciHousehold = 3
	ciArea      = 4
	ciMembers   = 5
	ciIncome    = 6
	ciStatus    = 7
	ciCause     = 8
	ciGroup0    = 9
	ciChildren  = 13
	ciInSchool  = 14
	ciInsured   = 15
	numFixed    = 16
	ciDep0      = numFixed
)

// idAt is a household id met at a place, kept only while re-checking hash collisions.
type idAt struct {
	line, col int32
	id        string
}

// rowChecker checks the rows of one chunk for the streaming reader. cleanRow, the
// one-pass reader of clean rows, takes the rows that have nothing to report; every other row goes
// through checkRow, the reference checks Parse runs, so a problem is reported by one
// piece of code whichever reader meets it. The duplicate-household check is left to
// the caller (it needs every row of the file): rowChecker records each checked id's
// hash instead.
type rowChecker struct {
	p    *parser
	cols []Column // contract column of each header position
	ci   []int    // its index in the contract
	pos  []int    // header position of each contract column

	batch     *Batch
	hashes    []uint64
	collect   map[uint64]bool // hashes whose ids are wanted (second pass)
	collected []idAt
	accepted  int

	plan               []cellPlan // for cleanRow, in header order
	communes, villages knownCodes
	dep                []uint8 // cleanRow's deprivation flags, reused
	line, avg          [2]int64
	poorDeprivations   int
}

func newRowChecker(p *parser, header []string) *rowChecker {
	c := p.contract
	rc := &rowChecker{p: p, ci: make([]int, len(header)), pos: make([]int, len(c.Columns)), dep: make([]uint8, c.Deprivations())}
	for i, name := range header {
		rc.ci[i] = c.index[name]
		rc.pos[rc.ci[i]] = i
	}
	rc.cols = make([]Column, len(header))
	for i, j := range rc.ci {
		rc.cols[i] = c.Columns[j]
	}
	s := c.Standard
	rc.line = [2]int64{s.PovertyLine.Rural, s.PovertyLine.Urban}
	rc.avg = [2]int64{s.AverageLine.Rural, s.AverageLine.Urban}
	rc.poorDeprivations = s.PoorDeprivations
	rc.plan = plansOf(c, rc.ci)
	return rc
}

// fields checks one record that cleanRow did not take; fcol holds the 1-based byte
// column of each field.
func (rc *rowChecker) fields(f [][]byte, fcol []int32, line int) {
	p := rc.p
	if len(f) != len(rc.ci) {
		p.add(line, 1, "", "ragged_row", len(f), len(rc.ci))
		return
	}
	blank := true
	for _, v := range f {
		if !isSpaceOnly(v) {
			blank = false
			break
		}
	}
	if blank {
		p.add(line, 1, "", "empty_row")
		return
	}
	rec := make([]string, len(f))
	for i, v := range f {
		rec[i] = string(v)
	}
	cs, ok := p.checkRow(rec, func(i int) int { return int(fcol[i]) }, rc.cols, line, nil)
	id, hasID := cs.text["household_id"]
	var h uint64
	if hasID {
		h = HashIDString(id)
		rc.hashes = append(rc.hashes, h)
		if rc.collect != nil && rc.collect[h] {
			rc.collected = append(rc.collected, idAt{int32(line), fcol[rc.pos[ciHousehold]], id})
		}
	}
	if !ok {
		return
	}
	rc.accepted++
	if rc.batch != nil {
		r := p.recordOf(cs)
		rc.batch.addRecord(int32(line), &r, h)
	}
}

// agrees is Standard.Agrees over cleanRow's codes: whether the recorded status
// (an index into Statuses) is the standard's class of the household.
func (rc *rowChecker) agrees(urban bool, income int64, deprived int, status int8) bool {
	a := 0
	if urban {
		a = 1
	}
	got := int8(3) // non_poor
	switch {
	case income <= rc.line[a] && deprived >= rc.poorDeprivations:
		got = 0
	case income <= rc.line[a]:
		got = 1
	}
	if status == 2 && got == 3 && income <= rc.avg[a] {
		return true
	}
	return got == status
}

// number checks a number cell, for both readers: Parse hands it its strings.
func (p *parser) number(c *Column, v []byte, line, col int) (int64, bool) {
	if len(v) == 0 {
		p.add(line, col, c.Name, "required")
		return 0, false
	}
	n, ok := int64(0), len(v) <= 18
	if ok {
		for _, d := range v {
			if !isDigit(d) {
				ok = false
				break
			}
			n = n*10 + int64(d-'0')
		}
	}
	if !ok {
		var err error
		if n, err = strconv.ParseInt(bstr(v), 10, 64); err != nil {
			p.add(line, col, c.Name, "not_int")
			return 0, false
		}
	}
	if c.Kind == KindFlag {
		if n != 0 && n != 1 {
			p.add(line, col, c.Name, "not_flag")
			return 0, false
		}
		return n, true
	}
	if n < c.Min || n > c.Max {
		p.add(line, col, c.Name, "out_of_range", c.Min, c.Max)
		return 0, false
	}
	return n, true
}
