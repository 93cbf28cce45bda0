// Package review reads the anonymized results of the annual household reviews and
// checks them against the review contract.
package review

// Record is one household in one annual review: one row of data/reviews/<year>.csv.
// The csv tags are the contract: the column names a file must carry, no more, no fewer.
type Record struct {
	Year            int    `csv:"year"`
	CommuneCode     string `csv:"commune_code"`
	VillageCode     string `csv:"village_code"`
	HouseholdID     string `csv:"household_id"`
	Area            string `csv:"area"`
	Members         int    `csv:"members"`
	IncomePerCapita int64  `csv:"income_per_capita"`

	DEmployment        int `csv:"d_employment"`
	DDependency        int `csv:"d_dependency"`
	DNutrition         int `csv:"d_nutrition"`
	DHealthInsurance   int `csv:"d_health_insurance"`
	DAdultEducation    int `csv:"d_adult_education"`
	DChildSchooling    int `csv:"d_child_schooling"`
	DHousingQuality    int `csv:"d_housing_quality"`
	DHousingArea       int `csv:"d_housing_area"`
	DWater             int `csv:"d_water"`
	DSanitation        int `csv:"d_sanitation"`
	DTelecom           int `csv:"d_telecom"`
	DInformationAccess int `csv:"d_information_access"`

	Status string `csv:"status"`
	Cause  string `csv:"cause"`

	MeritFamily    int `csv:"merit_family"`
	DisabledMember int `csv:"disabled_member"`
	FemaleHead     int `csv:"female_head"`
	EthnicMinority int `csv:"ethnic_minority"`

	Children6to15         int `csv:"children_6_15"`
	Children6to15InSchool int `csv:"children_6_15_in_school"`
	MembersInsured        int `csv:"members_insured"`
}

// Deprivations returns the 12 deprivation flags in the order of DeprivationColumns.
func (r *Record) Deprivations() [12]int {
	return [12]int{
		r.DEmployment, r.DDependency, r.DNutrition, r.DHealthInsurance,
		r.DAdultEducation, r.DChildSchooling, r.DHousingQuality, r.DHousingArea,
		r.DWater, r.DSanitation, r.DTelecom, r.DInformationAccess,
	}
}

// DeprivationColumns are the 12 deprivation indicators of the 2022-2025 standard, as CSV columns.
var DeprivationColumns = [12]string{
	"d_employment", "d_dependency", "d_nutrition", "d_health_insurance",
	"d_adult_education", "d_child_schooling", "d_housing_quality", "d_housing_area",
	"d_water", "d_sanitation", "d_telecom", "d_information_access",
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
