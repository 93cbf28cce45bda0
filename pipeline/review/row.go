package review

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/standard"
)

var (
	householdID = regexp.MustCompile(`^[A-Za-z0-9_-]{8,32}$`)
	communeCode = regexp.MustCompile(`^[0-9]{5}$`)
	villageCode = regexp.MustCompile(`^[A-Za-z0-9_-]{1,16}$`) // as portal.toml declares them
	enumLike    = regexp.MustCompile(`^[A-Za-z_]{1,24}$`)     // a value shaped like a code
	digitRuns   = regexp.MustCompile(`[0-9]+`)
)

// cells are the values of a row that passed their own checks, by column name.
type cells struct {
	ints map[string]int64
	text map[string]string
}

// checkRow checks one row's cells and the rules between them, the reference checks
// of the contract: Parse runs them on every row, and Stream on the rows cleanRow
// leaves. colOf returns the 1-based byte column of field i. seen maps the ids met so
// far to their line; when it is nil the caller checks duplicates itself. It returns
// the checked cells and whether the row is free of errors.
func (p *parser) checkRow(rec []string, colOf func(int) int, cols []Column, line int, seen map[string]int) (cells, bool) {
	before := len(p.problems)
	cs := cells{ints: make(map[string]int64, len(cols)), text: make(map[string]string, 4)}
	ints, text := cs.ints, cs.text
	for i, c := range cols {
		col := colOf(i)
		v := rec[i]
		if strings.TrimSpace(v) != v {
			// " 4" or "T01 ": refused rather than guessed, and never echoed.
			p.add(line, col, c.Name, "spaces")
			continue
		}
		switch c.Kind {
		case KindInt, KindFlag:
			n, ok := p.checkNumber(c, v, line, col)
			if ok {
				ints[c.Name] = n
				// gocsv reads integers with base prefixes ("010" is octal 8): hand
				// it the value the check read.
				rec[i] = strconv.FormatInt(n, 10)
			}
		case KindEnum:
			p.checkEnum(c, v, line, col)
			text[c.Name] = v
		case KindText:
			if p.checkText(c, v, line, col) {
				text[c.Name] = v
			}
		}
	}
	pos := func(name string) int { return colOf(slices.Index(p.header, name)) }
	if y, ok := ints["year"]; ok && int(y) != p.year {
		p.add(line, pos("year"), "year", "year_mismatch", int(y), p.year)
	}
	if cc, ok := text["commune_code"]; ok {
		switch {
		case !communeCode.MatchString(cc):
			p.add(line, pos("commune_code"), "commune_code", "bad_commune_code")
		case p.rules.Communes != nil && !p.rules.Communes[cc]:
			p.add(line, pos("commune_code"), "commune_code", "undeclared_commune", cc)
		case p.rules.Communes == nil && p.rules.CommuneCode != "" && cc != p.rules.CommuneCode:
			p.add(line, pos("commune_code"), "commune_code", "wrong_commune", cc, p.rules.CommuneCode)
		}
	}
	if vc, ok := text["village_code"]; ok {
		switch {
		case !villageCode.MatchString(vc):
			p.add(line, pos("village_code"), "village_code", "bad_village_code")
		case p.rules.Villages != nil && !p.rules.Villages[vc]:
			p.add(line, pos("village_code"), "village_code", "undeclared_village", vc)
		}
	}
	if id, ok := text["household_id"]; ok && seen != nil {
		if first, dup := seen[id]; dup {
			p.add(line, pos("household_id"), "household_id", "duplicate_household", first)
		} else {
			seen[id] = line
		}
	}
	p.checkCounts(ints, line, pos)
	if len(p.problems) > before && problem.HasErrors(p.problems[before:]) {
		return cs, false
	}
	p.checkQuality(cs, line, pos)
	return cs, true
}

func (p *parser) checkNumber(c Column, v string, line, col int) (int64, bool) {
	// number reads the digits itself and falls back on strconv.ParseInt, so it
	// accepts and refuses what ParseInt does (FuzzStreamMatchesParse).
	return p.number(&c, unsafe.Slice(unsafe.StringData(v), len(v)), line, col)
}

func (p *parser) checkEnum(c Column, v string, line, col int) {
	if v == "" {
		if !c.Optional {
			p.add(line, col, c.Name, "required")
		}
		return
	}
	if slices.Contains(c.Values, v) {
		return
	}
	// Only a value shaped like a code is echoed: anything else (a name typed in the
	// wrong column, a number) could be personal.
	shown := v
	if c.Sensitive || !enumLike.MatchString(v) {
		shown = "…"
	}
	p.add(line, col, c.Name, "bad_enum", shown, strings.Join(c.Values, ", "))
}

// checkText checks an id or code cell; it reports whether the value may be used.
func (p *parser) checkText(c Column, v string, line, col int) bool {
	if v == "" {
		p.add(line, col, c.Name, "required")
		return false
	}
	if kind := LooksLikeIdentifier(v); kind != "" {
		p.add(line, col, c.Name, kind)
		return false
	}
	if c.Name == "household_id" && !householdID.MatchString(v) {
		p.add(line, col, c.Name, "bad_household_id")
		return false
	}
	return true
}

// LooksLikeIdentifier returns "looks_like_id" when a text value holds a citizen-ID
// or old identity-card number (see idnumber.go for when it does), "looks_like_phone"
// when it holds what could be a Vietnamese mobile number, and "" otherwise. The
// digits may be grouped by spaces, dots, dashes, underscores, slashes or brackets, as
// people write them.
func LooksLikeIdentifier(v string) string {
	compact := separators.Replace(v)
	for _, d := range append(digitRuns.FindAllString(v, -1), digitRuns.FindAllString(compact, -1)...) {
		if isMobile(d) && !isHexWord([]byte(v)) {
			return "looks_like_phone"
		}
	}
	if groupsHoldID(v) {
		return "looks_like_id"
	}
	for _, d := range append(digitRuns.FindAllString(v, -1), digitRuns.FindAllString(compact, -1)...) {
		if len(d) == 12 && hasCitizenStructure([]byte(d)) && !isHexWord([]byte(v)) {
			return "looks_like_id"
		}
	}
	return ""
}

// separators are the characters people write inside ID and phone numbers.
var separators = strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "", "_", "", "/", "", "(", "", ")", "")

// isMobile matches Vietnamese mobile numbers: 0 or 84 followed by a 3, 5, 7, 8 or 9
// prefix and eight more digits.
func isMobile(d string) bool {
	switch {
	case len(d) == 10 && d[0] == '0':
		return strings.ContainsRune("35789", rune(d[1]))
	case len(d) == 11 && strings.HasPrefix(d, "84"):
		return strings.ContainsRune("35789", rune(d[2]))
	}
	return false
}

func (p *parser) checkCounts(ints map[string]int64, line int, pos func(string) int) {
	members, okM := ints["members"]
	children, okC := ints["children_6_15"]
	if inSchool, ok := ints["children_6_15_in_school"]; ok && okC && inSchool > children {
		p.add(line, pos("children_6_15_in_school"), "children_6_15_in_school", "in_school_gt_children")
	}
	if okC && okM && children > members {
		p.add(line, pos("children_6_15"), "children_6_15", "children_gt_members")
	}
	if insured, ok := ints["members_insured"]; ok && okM && insured > members {
		p.add(line, pos("members_insured"), "members_insured", "insured_gt_members")
	}
}

// checkQuality adds the warnings that do not stop a build: a status that differs from
// the standard's classification, and a cause given for a household that is not poor.
func (p *parser) checkQuality(cs cells, line int, pos func(string) int) {
	village := cs.text["village_code"]
	status := cs.text["status"]
	if cs.text["cause"] != "" && status != "poor" && status != "near_poor" {
		p.warn(line, pos("cause"), "cause", village, "cause_not_poor")
	}
	r := p.recordOf(cs)
	h := standard.Household{Area: r.Area, Income: r.IncomePerCapita, Deprivations: r.Deprived()}
	if agrees, got, err := p.contract.Standard.Agrees(status, h); err == nil && !agrees {
		p.warn(line, pos("status"), "status", village, "status_mismatch", status, got)
	}
}

// recordOf builds a Record from checked cells.
func (p *parser) recordOf(cs cells) Record {
	in, tx := cs.ints, cs.text
	r := Record{
		Year: int(in["year"]), CommuneCode: tx["commune_code"], VillageCode: tx["village_code"], HouseholdID: tx["household_id"],
		Area: tx["area"], Members: int(in["members"]), IncomePerCapita: in["income_per_capita"],
		Status: tx["status"], Cause: tx["cause"],
		MeritFamily: int(in["merit_family"]), DisabledMember: int(in["disabled_member"]), FemaleHead: int(in["female_head"]), EthnicMinority: int(in["ethnic_minority"]),
		Children6to15: int(in["children_6_15"]), Children6to15InSchool: int(in["children_6_15_in_school"]), MembersInsured: int(in["members_insured"]),
	}
	dep := p.contract.Columns[ciDep0:]
	r.Dep = make([]uint8, len(dep))
	for j, c := range dep {
		r.Dep[j] = uint8(in[c.Name])
	}
	return r
}
