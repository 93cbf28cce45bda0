package review

import (
	"strconv"
)

// Positions of the contract's columns in Columns.
const (
	ciYear      = 0
	ciCommune   = 1
	ciVillage   = 2
	ciHousehold = 3
	ciArea      = 4
	ciMembers   = 5
	ciIncome    = 6
	ciDep0      = 7
	ciStatus    = 19
	ciCause     = 20
	ciGroup0    = 21
	ciChildren  = 25
	ciInSchool  = 26
	ciInsured   = 27
	numColumns  = 28
)

// lineCol is a place in a file.
type lineCol struct{ line, col int32 }

// idAt is a household id met at a place, kept only while re-checking hash collisions.
type idAt struct {
	line, col int32
	id        string
}

// rowChecker is checkRow for the streaming reader: the same checks in the same order
// with the same problems, over byte slices, without maps or allocations for a valid
// row. The duplicate-household check is left to the caller (it needs every row of
// the file): rowChecker records each checked id's hash instead, and the lines whose
// classification failed, since "no_standard" is reported once per file.
type rowChecker struct {
	p    *parser
	year int
	ci   []int           // contract column of each header position
	pos  [numColumns]int // header position of each contract column

	batch        *Batch
	hashes       []uint64
	classifyFail []lineCol
	collect      map[uint64]bool // hashes whose ids are wanted (second pass)
	collected    []idAt
	accepted     int
	rec          Record // handed to Classify, reused

	plan               []cellPlan // for quickRow, in header order
	communes, villages knownCodes
}

func newRowChecker(p *parser, year int, header []string) *rowChecker {
	rc := &rowChecker{p: p, year: year, ci: make([]int, len(header))}
	for i, name := range header {
		for j := range Columns {
			if Columns[j].Name == name {
				rc.ci[i] = j
				rc.pos[j] = i
			}
		}
	}
	rc.plan = plansOf(rc.ci)
	return rc
}

// fields checks one record; fcol holds the 1-based byte column of each field.
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
	rc.row(f, fcol, line)
}

func (rc *rowChecker) row(f [][]byte, fcol []int32, line int) {
	p := rc.p
	before := len(p.problems)
	var has uint32
	var ints [numColumns]int64
	for i, v := range f {
		ci := rc.ci[i]
		c := &Columns[ci]
		col := int(fcol[i])
		if hasOuterSpace(v) {
			p.add(line, col, c.Name, "spaces")
			continue
		}
		switch c.Kind {
		case KindInt, KindFlag:
			if n, ok := p.number(c, v, line, col); ok {
				ints[ci] = n
				has |= 1 << ci
			}
		case KindEnum:
			k := -1
			for j, val := range c.Values {
				if bstr(v) == val {
					k = j
					break
				}
			}
			if k < 0 {
				p.checkEnum(*c, string(v), line, col)
			}
			ints[ci] = int64(k)
			has |= 1 << ci
		case KindText:
			if rc.text(c, v, line, col) {
				has |= 1 << ci
			}
		}
	}
	at := func(ci int) int { return int(fcol[rc.pos[ci]]) }
	ok := func(ci int) bool { return has&(1<<ci) != 0 }
	if ok(ciYear) && int(ints[ciYear]) != rc.year {
		p.add(line, at(ciYear), "year", "year_mismatch", int(ints[ciYear]), rc.year)
	}
	rules := &p.rules
	if ok(ciCommune) {
		cc := f[rc.pos[ciCommune]]
		switch {
		case !isCommuneCode(cc):
			p.add(line, at(ciCommune), "commune_code", "bad_commune_code")
		case rules.Communes != nil && !rules.Communes[bstr(cc)]:
			p.add(line, at(ciCommune), "commune_code", "undeclared_commune", string(cc))
		case rules.Communes == nil && rules.CommuneCode != "" && bstr(cc) != rules.CommuneCode:
			p.add(line, at(ciCommune), "commune_code", "wrong_commune", string(cc), rules.CommuneCode)
		}
	}
	if ok(ciVillage) {
		vc := f[rc.pos[ciVillage]]
		switch {
		case !codeLike(vc, 1, 16):
			p.add(line, at(ciVillage), "village_code", "bad_village_code")
		case rules.Villages != nil && !rules.Villages[bstr(vc)]:
			p.add(line, at(ciVillage), "village_code", "undeclared_village", string(vc))
		}
	}
	var id []byte
	var h uint64
	if ok(ciHousehold) {
		id = f[rc.pos[ciHousehold]]
		h = HashID(id)
		rc.hashes = append(rc.hashes, h)
		if rc.collect != nil && rc.collect[h] {
			rc.collected = append(rc.collected, idAt{int32(line), int32(at(ciHousehold)), string(id)})
		}
	}
	members, children := ints[ciMembers], ints[ciChildren]
	if ok(ciInSchool) && ok(ciChildren) && ints[ciInSchool] > children {
		p.add(line, at(ciInSchool), "children_6_15_in_school", "in_school_gt_children")
	}
	if ok(ciChildren) && ok(ciMembers) && children > members {
		p.add(line, at(ciChildren), "children_6_15", "children_gt_members")
	}
	if ok(ciInsured) && ok(ciMembers) && ints[ciInsured] > members {
		p.add(line, at(ciInsured), "members_insured", "insured_gt_members")
	}
	if len(p.problems) > before {
		return // every problem so far is an error
	}
	status := int8(ints[ciStatus])
	cause := int8(ints[ciCause])
	if cause >= 0 && status > 1 {
		p.warn(line, at(ciCause), "cause", string(f[rc.pos[ciVillage]]), "cause_not_poor")
	}
	dep := deprivationBits(&ints)
	if rules.Classify != nil {
		got, err := rc.classify(&ints, dep)
		switch {
		case err != nil:
			rc.classifyFail = append(rc.classifyFail, lineCol{int32(line), int32(at(ciYear))})
		case got != Statuses[status]:
			p.warn(line, at(ciStatus), "status", string(f[rc.pos[ciVillage]]), "status_mismatch", Statuses[status], got)
		}
	}
	rc.accepted++
	if rc.batch == nil {
		return
	}
	rc.batch.addHashed(int32(line), f[rc.pos[ciCommune]], f[rc.pos[ciVillage]], id, h, ints[ciArea] == 1,
		int16(members), ints[ciIncome], dep, status, cause, groupBits(&ints),
		int16(children), int16(ints[ciInSchool]), int16(ints[ciInsured]))
}

// deprivationBits packs the 12 deprivation flags, bit j for DeprivationColumns[j].
func deprivationBits(ints *[numColumns]int64) uint16 {
	var dep uint16
	for j := range 12 {
		dep |= uint16(ints[ciDep0+j]) << j
	}
	return dep
}

// groupBits packs the 4 priority-group flags, bit g for Groups[g].
func groupBits(ints *[numColumns]int64) uint8 {
	var grp uint8
	for g := range 4 {
		grp |= uint8(ints[ciGroup0+g]) << g
	}
	return grp
}

// classify hands Rules.Classify the fields of a Record it needs, from checked cells;
// the other fields are zero, as in the record Parse hands it. The record is reused
// and set field by field: assigning a whole Record literal to it took 17 ns a row
// on the 10-million-row benchmark.
func (rc *rowChecker) classify(ints *[numColumns]int64, dep uint16) (string, error) {
	r := &rc.rec
	if notClassified(r) {
		*r = Record{} // Classify wrote to a field it is not given
	}
	r.Area = Columns[ciArea].Values[ints[ciArea]]
	r.Members = int(ints[ciMembers])
	r.IncomePerCapita = ints[ciIncome]
	flags := [12]*int{
		&r.DEmployment, &r.DDependency, &r.DNutrition, &r.DHealthInsurance,
		&r.DAdultEducation, &r.DChildSchooling, &r.DHousingQuality, &r.DHousingArea,
		&r.DWater, &r.DSanitation, &r.DTelecom, &r.DInformationAccess,
	}
	for j, f := range flags {
		*f = int(dep >> j & 1)
	}
	r.Status = Statuses[ints[ciStatus]]
	return rc.p.rules.Classify(rc.year, r)
}

// notClassified reports whether one of the fields Classify is not given is set: it
// can only have been set by Classify itself, on an earlier row.
func notClassified(r *Record) bool {
	return r.Year|r.MeritFamily|r.DisabledMember|r.FemaleHead|r.EthnicMinority|
		r.Children6to15|r.Children6to15InSchool|r.MembersInsured != 0 ||
		r.CommuneCode != "" || r.VillageCode != "" || r.HouseholdID != "" || r.Cause != ""
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

func (rc *rowChecker) text(c *Column, v []byte, line, col int) bool {
	p := rc.p
	if len(v) == 0 {
		p.add(line, col, c.Name, "required")
		return false
	}
	if kind := looksLikeIdentifierBytes(v); kind != "" {
		p.add(line, col, c.Name, kind)
		return false
	}
	if c.Name == "household_id" && !codeLike(v, 8, 32) {
		p.add(line, col, c.Name, "bad_household_id")
		return false
	}
	return true
}
