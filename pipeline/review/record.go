// Package review reads the anonymized results of the annual household reviews and
// checks them against the review contract of the poverty standard in force.
package review

// Record is one household in one annual review: one row of data/reviews/<year>.csv.
// The csv tags are the fixed part of the contract, the columns every file carries
// whatever its standard; the deprivation columns are the standard's (see Contract)
// and are read into Dep.
type Record struct {
	Year            int    `csv:"year"`
	CommuneCode     string `csv:"commune_code"`
	VillageCode     string `csv:"village_code"`
	HouseholdID     string `csv:"household_id"`
	Area            string `csv:"area"`
	Members         int    `csv:"members"`
	IncomePerCapita int64  `csv:"income_per_capita"`

	Status string `csv:"status"`
	Cause  string `csv:"cause"`

	MeritFamily    int `csv:"merit_family"`
	DisabledMember int `csv:"disabled_member"`
	FemaleHead     int `csv:"female_head"`
	EthnicMinority int `csv:"ethnic_minority"`

	Children6to15         int `csv:"children_6_15"`
	Children6to15InSchool int `csv:"children_6_15_in_school"`
	MembersInsured        int `csv:"members_insured"`

	// Dep holds the deprivation flags (0 or 1) in the order of the standard's
	// indicators.
	Dep []uint8 `csv:"-"`
}

// Deprived returns how many of the standard's indicators the household is deprived in.
func (r *Record) Deprived() int {
	n := 0
	for _, d := range r.Dep {
		n += int(d)
	}
	return n
}

// Statuses are the review board's possible decisions.
var Statuses = []string{"poor", "near_poor", "average_agri", "non_poor"}

// Causes are the main causes recorded for poor and near-poor households.
var Causes = []string{"lack_capital", "lack_land", "lack_labour", "lack_tools", "lack_skills", "illness", "disability", "other"}

// Groups are the priority-group flag columns named in the plan.
var Groups = []string{"merit_family", "disabled_member", "female_head", "ethnic_minority"}

// GroupFlag returns the value of a priority-group flag by its column name.
func (r *Record) GroupFlag(group string) int {
	switch group {
	case "merit_family":
		return r.MeritFamily
	case "disabled_member":
		return r.DisabledMember
	case "female_head":
		return r.FemaleHead
	case "ethnic_minority":
		return r.EthnicMinority
	}
	return 0
}
