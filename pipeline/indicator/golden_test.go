package indicator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
)

// The golden commune "C" has two villages, A and B, and twelve households reviewed in
// 2021, 2022 and 2023. Every expected figure below was worked out by hand from this
// table; the working is in the comments.
//
// Indicators by index: 0 employment, 1 dependency, 2 nutrition, 3 health_insurance,
// 4 adult_education, 5 child_schooling, 6 housing_quality, 7 housing_area, 8 water,
// 9 sanitation, 10 telecom, 11 information_access.
//
//	id   vil mem chi sch ins deprived        groups          2021  2022  2023
//	a1   A   4   2   2   4   {0,4,8}         female_head     poor  poor  non
//	a2   A   2   1   1   2   {0,4,6,9}       disabled        poor  near  poor
//	a3   A   2   0   0   2   {4}             -               near  poor  near
//	a4   A   4   3   2   2   {0,1,4,8,9}     female_head     non   non   poor
//	a5   A   4   1   1   4   {}              merit_family    non   non   non
//	a6   A   2   0   0   2   {10}            -               avg   avg   avg
//	b1   B   3   2   2   2   {0,2,7,8}       female_head,eth poor  --    poor   (absent 2022)
//	b2   B   1   0   0   1   {9}             -               near  near  near
//	b3   B   3   2   2   3   {0,4,11}        disabled        near  poor  poor
//	b4   B   3   1   1   2   {4,6,8}         female_head     poor  near  non
//	b5   B   2   0   0   2   {}              -               non   non   non
//	b6   B   1   0   0   1   {4,8}           -               --    non   near   (new 2022)
//
// (mem members, chi children 6-15, sch of them in school, ins members insured;
// avg = average_agri, non = non_poor, eth = ethnic_minority.)
type goldenHH struct {
	id, village                      string
	members, children, school, insur int
	deprived                         []int
	groups                           []string
	status                           [3]string // "" = absent
}

var goldenHouseholds = []goldenHH{
	{"HH-A-0001", "A", 4, 2, 2, 4, []int{0, 4, 8}, []string{"female_head"}, [3]string{"poor", "poor", "non_poor"}},
	{"HH-A-0002", "A", 2, 1, 1, 2, []int{0, 4, 6, 9}, []string{"disabled_member"}, [3]string{"poor", "near_poor", "poor"}},
	{"HH-A-0003", "A", 2, 0, 0, 2, []int{4}, nil, [3]string{"near_poor", "poor", "near_poor"}},
	{"HH-A-0004", "A", 4, 3, 2, 2, []int{0, 1, 4, 8, 9}, []string{"female_head"}, [3]string{"non_poor", "non_poor", "poor"}},
	{"HH-A-0005", "A", 4, 1, 1, 4, nil, []string{"merit_family"}, [3]string{"non_poor", "non_poor", "non_poor"}},
	{"HH-A-0006", "A", 2, 0, 0, 2, []int{10}, nil, [3]string{"average_agri", "average_agri", "average_agri"}},
	{"HH-B-0001", "B", 3, 2, 2, 2, []int{0, 2, 7, 8}, []string{"female_head", "ethnic_minority"}, [3]string{"poor", "", "poor"}},
	{"HH-B-0002", "B", 1, 0, 0, 1, []int{9}, nil, [3]string{"near_poor", "near_poor", "near_poor"}},
	{"HH-B-0003", "B", 3, 2, 2, 3, []int{0, 4, 11}, []string{"disabled_member"}, [3]string{"near_poor", "poor", "poor"}},
	{"HH-B-0004", "B", 3, 1, 1, 2, []int{4, 6, 8}, []string{"female_head"}, [3]string{"poor", "near_poor", "non_poor"}},
	{"HH-B-0005", "B", 2, 0, 0, 2, nil, nil, [3]string{"non_poor", "non_poor", "non_poor"}},
	{"HH-B-0006", "B", 1, 0, 0, 1, []int{4, 8}, nil, [3]string{"", "non_poor", "near_poor"}},
}

func goldenDataset() (*review.Dataset, indicator.Spec) {
	ds := &review.Dataset{}
	for y := range 3 {
		f := &review.File{Path: fmt.Sprintf("%d.csv", 2021+y), Year: 2021 + y}
		for _, h := range goldenHouseholds {
			if h.status[y] == "" {
				continue
			}
			r := review.Record{Year: f.Year, CommuneCode: "C", VillageCode: h.village, HouseholdID: h.id,
				Area: "rural", Members: h.members, Children6to15: h.children, Children6to15InSchool: h.school,
				MembersInsured: h.insur, Status: h.status[y]}
			r.Dep = make([]uint8, len(std2022.Indicators))
			for _, j := range h.deprived {
				r.Dep[j] = 1
			}
			for _, g := range h.groups {
				switch g {
				case "merit_family":
					r.MeritFamily = 1
				case "disabled_member":
					r.DisabledMember = 1
				case "female_head":
					r.FemaleHead = 1
				case "ethnic_minority":
					r.EthnicMinority = 1
				}
			}
			f.Records = append(f.Records, r)
			f.Lines = append(f.Lines, len(f.Records)+1)
		}
		ds.Files = append(ds.Files, f)
	}
	return ds, indicator.Spec{StandardFor: sample.Standards, Top: "C", Villages: []string{"A", "B"}}
}

// golden is one expected figure: "year unit group indicator num den flag vi en".
// flag is "-" for none, "na" for not_available; text "" when there is no value.
var golden = `
# ---------------- 2021, commune, all households ----------------
# Present: a1-a6, b1-b5 = 11. Poor a1 a2 b1 b4 = 4; near a3 b2 b3 = 3; pn = 7.
# poor_rate 4/11 = 36.36 -> 36.4; near 3/11 = 27.27 -> 27.3.
# First review: escaped, newly_poor, relapsed, recently_escaped are not available (not 0).
2021 C all households                   11 0  - 11 11
2021 C all poor_households               4 0  - 4 4
2021 C all poor_rate                     4 11 - 36,4 36.4
2021 C all near_poor_households          3 0  - 3 3
2021 C all near_poor_rate                3 11 - 27,3 27.3
2021 C all poor_near_poor_households     7 0  - 7 7
2021 C all escaped                       0 0  na "" ""
2021 C all newly_poor                    0 0  na "" ""
2021 C all relapsed                      0 0  na "" ""
2021 C all recently_escaped_households   0 0  na "" ""
# Deprived among the 7 pn (a1{0,4,8} a2{0,4,6,9} b1{0,2,7,8} b4{4,6,8} a3{4} b2{9} b3{0,4,11}):
# 0: a1 a2 b1 b3 = 4 -> 57.14 -> 57.1; 1: none -> 0.0; 2: b1 = 1 -> 14.29 -> 14.3;
# 4: a1 a2 b4 a3 b3 = 5 -> 71.43 -> 71.4; 6: a2 b4 = 2 -> 28.57 -> 28.6; 7: b1 -> 14.3;
# 8: a1 b1 b4 = 3 -> 42.86 -> 42.9; 9: a2 b2 = 2 -> 28.6; 11: b3 -> 14.3; 3,5,10: 0.
2021 C all dep_employment_rate           4 7 - 57,1 57.1
2021 C all dep_dependency_rate           0 7 - 0,0 0.0
2021 C all dep_nutrition_rate            1 7 - 14,3 14.3
2021 C all dep_health_insurance_rate     0 7 - 0,0 0.0
2021 C all dep_adult_education_rate      5 7 - 71,4 71.4
2021 C all dep_child_schooling_rate      0 7 - 0,0 0.0
2021 C all dep_housing_quality_rate      2 7 - 28,6 28.6
2021 C all dep_housing_area_rate         1 7 - 14,3 14.3
2021 C all dep_water_rate                3 7 - 42,9 42.9
2021 C all dep_sanitation_rate           2 7 - 28,6 28.6
2021 C all dep_telecom_rate              0 7 - 0,0 0.0
2021 C all dep_information_access_rate   1 7 - 14,3 14.3
# Censored: poor (a1 a2 b1 b4) and deprived, over all 11 households:
# 0: a1 a2 b1 = 3 -> 27.27 -> 27.3; 2: b1 = 1 -> 9.09 -> 9.1; 4: a1 a2 b4 = 3 -> 27.3;
# 6: a2 b4 = 2 -> 18.18 -> 18.2; 7: b1 -> 9.1; 8: a1 b1 b4 = 3 -> 27.3; 9: a2 -> 9.1; rest 0.
# Sum of censored counts = 3+1+3+2+1+3+1 = 14 = deprivations of the poor (3+4+4+3).
2021 C all censored_employment_rate      3 11 - 27,3 27.3
2021 C all censored_dependency_rate      0 11 - 0,0 0.0
2021 C all censored_nutrition_rate       1 11 - 9,1 9.1
2021 C all censored_health_insurance_rate 0 11 - 0,0 0.0
2021 C all censored_adult_education_rate 3 11 - 27,3 27.3
2021 C all censored_child_schooling_rate 0 11 - 0,0 0.0
2021 C all censored_housing_quality_rate 2 11 - 18,2 18.2
2021 C all censored_housing_area_rate    1 11 - 9,1 9.1
2021 C all censored_water_rate           3 11 - 27,3 27.3
2021 C all censored_sanitation_rate      1 11 - 9,1 9.1
2021 C all censored_telecom_rate         0 11 - 0,0 0.0
2021 C all censored_information_access_rate 0 11 - 0,0 0.0
# H = 4/11 = 36.4; A = 14/(4*12) = 29.17 -> 29.2; M0 = 14/(11*12) = 14/132 = 0.10606 -> 0.106
# (check: H x A = 0.3636 x 0.2917 = 0.1061; sum of censored headcounts / 12 = 14/11/12).
2021 C all mpi_h                         4 11 - 36,4 36.4
2021 C all mpi_a                         14 48 - 29,2 29.2
2021 C all mpi_m0                        14 132 - 0,106 0.106
# Children of pn: a1 2 + a2 1 + b1 2 + b4 1 + b3 2 = 8, all in school -> 100.0.
# Members of pn: a1 4 + a2 2 + b1 3 + b4 3 + a3 2 + b2 1 + b3 3 = 18;
# insured 4+2+2+2+2+1+3 = 16 -> 88.89 -> 88.9.
# Clean water: 7 - 3 deprived = 4 -> 57.1; latrine: 7 - 2 = 5 -> 71.4.
2021 C all school_attendance_rate        8 8 - 100,0 100.0
2021 C all health_insurance_rate         16 18 - 88,9 88.9
2021 C all clean_water_rate              4 7 - 57,1 57.1
2021 C all hygienic_latrine_rate         5 7 - 71,4 71.4

# ---------------- 2022, commune, all households ----------------
# Present: a1-a6, b2-b6 = 11 (b1 absent, b6 new). Poor a1 a3 b3 = 3; near a2 b2 b4 = 3.
# escaped (poor 2021, present and not poor 2022): a2, b4 = 2 (b1 left: not escaped).
# newly_poor: a3, b3 (never poor before) = 2. relapsed: none.
# recently_escaped: escaped in 2022 and not poor now: a2, b4 = 2.
# Flows: 4 + 2 + 0 - 2 = 4, not 3: the poor household b1 left. The flow identity only
# holds when no poor household leaves.
2022 C all households                   11 0 - 11 11
2022 C all poor_households               3 0 - 3 3
2022 C all poor_rate                     3 11 - 27,3 27.3
2022 C all near_poor_rate                3 11 - 27,3 27.3
2022 C all poor_near_poor_households     6 0 - 6 6
2022 C all escaped                       2 0 - 2 2
2022 C all newly_poor                    2 0 - 2 2
2022 C all relapsed                      0 0 - 0 0
2022 C all recently_escaped_households   2 0 - 2 2
# pn a1{0,4,8} a3{4} b3{0,4,11} a2{0,4,6,9} b2{9} b4{4,6,8}:
# 0: a1 b3 a2 = 3/6 = 50.0; 4: a1 a3 b3 a2 b4 = 5/6 = 83.33 -> 83.3; 6: a2 b4 = 2/6 -> 33.3;
# 8: a1 b4 -> 33.3; 9: a2 b2 -> 33.3; 11: b3 = 1/6 = 16.67 -> 16.7.
2022 C all dep_employment_rate           3 6 - 50,0 50.0
2022 C all dep_adult_education_rate      5 6 - 83,3 83.3
2022 C all dep_information_access_rate   1 6 - 16,7 16.7
# Censored (poor a1 a3 b3, over 11): 0: a1 b3 = 2 -> 18.2; 4: a1 a3 b3 = 3 -> 27.3;
# 8: a1 = 1 -> 9.1; 11: b3 -> 9.1. Sum 7 = 3 + 1 + 3.
2022 C all censored_employment_rate      2 11 - 18,2 18.2
2022 C all censored_adult_education_rate 3 11 - 27,3 27.3
2022 C all censored_water_rate           1 11 - 9,1 9.1
# H = 3/11 = 27.3; A = 7/36 = 19.44 -> 19.4; M0 = 7/132 = 0.05303 -> 0.053.
2022 C all mpi_h                         3 11 - 27,3 27.3
2022 C all mpi_a                         7 36 - 19,4 19.4
2022 C all mpi_m0                        7 132 - 0,053 0.053
# Members of pn: a1 4 + a3 2 + b3 3 + a2 2 + b2 1 + b4 3 = 15; insured 4+2+3+2+1+2 = 14
# -> 93.33 -> 93.3. Water: 6 - 2 = 4 -> 66.67 -> 66.7; latrine: 6 - 2 = 4 -> 66.7.
2022 C all health_insurance_rate         14 15 - 93,3 93.3
2022 C all clean_water_rate              4 6 - 66,7 66.7
2022 C all hygienic_latrine_rate         4 6 - 66,7 66.7

# ---------------- 2023, commune, all households ----------------
# All 12 present. Poor a2 a4 b1 b3 = 4; near a3 b2 b6 = 3; pn 7.
# poor_rate 4/12 = 33.3; near_rate 3/12 = 25.0.
# escaped (poor 2022, not poor 2023): a1 (non), a3 (near) = 2; b3 stays poor.
# newly_poor: a4 (never poor) = 1.
# relapsed: a2 (near 2022, poor 2021), b1 (absent 2022, poor 2021) = 2.
# recently_escaped (not poor now, escaped in 2023, 2022 or 2021): a1, a3 (2023), b4 (2022;
# non-poor now); a2 escaped in 2022 but is poor again, so not counted. = 3.
# Flows: 3 + 1 + 2 - 2 = 4 = this year's poor (nobody poor left).
2023 C all households                   12 0 - 12 12
2023 C all poor_households               4 0 - 4 4
2023 C all poor_rate                     4 12 - 33,3 33.3
2023 C all near_poor_households          3 0 - 3 3
2023 C all near_poor_rate                3 12 - 25,0 25.0
2023 C all poor_near_poor_households     7 0 - 7 7
2023 C all escaped                       2 0 - 2 2
2023 C all newly_poor                    1 0 - 1 1
2023 C all relapsed                      2 0 - 2 2
2023 C all recently_escaped_households   3 0 - 3 3
# pn a2{0,4,6,9} a4{0,1,4,8,9} b1{0,2,7,8} b3{0,4,11} a3{4} b2{9} b6{4,8}:
# 0: a2 a4 b1 b3 = 4 -> 57.1; 1: a4 = 1 -> 14.3; 2: b1 -> 14.3; 4: a2 a4 b3 a3 b6 = 5 -> 71.4;
# 6: a2 -> 14.3; 7: b1 -> 14.3; 8: a4 b1 b6 = 3 -> 42.9; 9: a2 a4 b2 = 3 -> 42.9;
# 11: b3 -> 14.3; 3, 5, 10: 0.
2023 C all dep_employment_rate           4 7 - 57,1 57.1
2023 C all dep_dependency_rate           1 7 - 14,3 14.3
2023 C all dep_nutrition_rate            1 7 - 14,3 14.3
2023 C all dep_health_insurance_rate     0 7 - 0,0 0.0
2023 C all dep_adult_education_rate      5 7 - 71,4 71.4
2023 C all dep_child_schooling_rate      0 7 - 0,0 0.0
2023 C all dep_housing_quality_rate      1 7 - 14,3 14.3
2023 C all dep_housing_area_rate         1 7 - 14,3 14.3
2023 C all dep_water_rate                3 7 - 42,9 42.9
2023 C all dep_sanitation_rate           3 7 - 42,9 42.9
2023 C all dep_telecom_rate              0 7 - 0,0 0.0
2023 C all dep_information_access_rate   1 7 - 14,3 14.3
# Censored (poor a2 a4 b1 b3, over 12): 0: 4 -> 33.3; 1: a4 -> 1/12 = 8.33 -> 8.3;
# 2: b1 -> 8.3; 4: a2 a4 b3 = 3 -> 25.0; 6: a2 -> 8.3; 7: b1 -> 8.3; 8: a4 b1 = 2 -> 16.67
# -> 16.7; 9: a2 a4 = 2 -> 16.7; 11: b3 -> 8.3; 3, 5, 10: 0.
# Sum 4+1+1+3+1+1+2+2+1 = 16 = 4 + 5 + 4 + 3 deprivations of the poor.
2023 C all censored_employment_rate      4 12 - 33,3 33.3
2023 C all censored_dependency_rate      1 12 - 8,3 8.3
2023 C all censored_nutrition_rate       1 12 - 8,3 8.3
2023 C all censored_health_insurance_rate 0 12 - 0,0 0.0
2023 C all censored_adult_education_rate 3 12 - 25,0 25.0
2023 C all censored_child_schooling_rate 0 12 - 0,0 0.0
2023 C all censored_housing_quality_rate 1 12 - 8,3 8.3
2023 C all censored_housing_area_rate    1 12 - 8,3 8.3
2023 C all censored_water_rate           2 12 - 16,7 16.7
2023 C all censored_sanitation_rate      2 12 - 16,7 16.7
2023 C all censored_telecom_rate         0 12 - 0,0 0.0
2023 C all censored_information_access_rate 1 12 - 8,3 8.3
# H = 4/12 = 33.3; A = 16/48 = 33.3; M0 = 16/144 = 0.1111 -> 0.111
# (= H x A = 1/3 x 1/3; = sum of censored headcounts / 12 = (16/12)/12).
2023 C all mpi_h                         4 12 - 33,3 33.3
2023 C all mpi_a                         16 48 - 33,3 33.3
2023 C all mpi_m0                        16 144 - 0,111 0.111
# Children of pn: a2 1 + a4 3 + b1 2 + b3 2 = 8; in school 1+2+2+2 = 7 -> 87.5 exactly.
# Members of pn: a2 2 + a4 4 + b1 3 + b3 3 + a3 2 + b2 1 + b6 1 = 16;
# insured 2+2+2+3+2+1+1 = 13 -> 81.25 -> 81.3 (half away from zero; half-even would give 81.2).
# Water: 7 - 3 = 4 -> 57.1; latrine: 7 - 3 = 4 -> 57.1.
2023 C all school_attendance_rate        7 8 - 87,5 87.5
2023 C all health_insurance_rate         13 16 - 81,3 81.3
2023 C all clean_water_rate              4 7 - 57,1 57.1
2023 C all hygienic_latrine_rate         4 7 - 57,1 57.1

# ---------------- villages, all households ----------------
# 2021 A: a1-a6 = 6; poor a1 a2 = 2 (33.3); near a3 = 1. Deprivations of the poor 3+4 = 7:
#   A = 7/24 = 29.17 -> 29.2; M0 = 7/72 = 0.0972 -> 0.097. Movement not available.
2021 A all households                    6 0 - 6 6
2021 A all poor_rate                     2 6 - 33,3 33.3
2021 A all near_poor_households          1 0 - 1 1
2021 A all mpi_a                         7 24 - 29,2 29.2
2021 A all mpi_m0                        7 72 - 0,097 0.097
2021 A all escaped                       0 0 na "" ""
# 2021 B: b1-b5 = 5; poor b1 b4 = 2 -> 40.0; near b2 b3 = 2. Deprivations 4+3 = 7:
#   A = 7/24 -> 29.2; M0 = 7/60 = 0.11667 -> 0.117.
2021 B all households                    5 0 - 5 5
2021 B all poor_rate                     2 5 - 40,0 40.0
2021 B all mpi_a                         7 24 - 29,2 29.2
2021 B all mpi_m0                        7 60 - 0,117 0.117
2021 B all relapsed                      0 0 na "" ""
# 2022 A: 6; poor a1 a3 = 2; escaped a2 = 1; newly a3 = 1; recent a2 = 1.
#   Deprivations of the poor 3 + 1 = 4: A = 4/24 = 16.67 -> 16.7; M0 = 4/72 = 0.0556 -> 0.056.
2022 A all poor_households               2 0 - 2 2
2022 A all escaped                       1 0 - 1 1
2022 A all newly_poor                    1 0 - 1 1
2022 A all relapsed                      0 0 - 0 0
2022 A all recently_escaped_households   1 0 - 1 1
2022 A all mpi_a                         4 24 - 16,7 16.7
2022 A all mpi_m0                        4 72 - 0,056 0.056
# 2022 B: b2-b6 = 5; poor b3 = 1 -> 20.0; escaped b4 = 1; newly b3 = 1; recent b4 = 1.
#   A = 3/12 = 25.0; M0 = 3/60 = 0.05 -> 0.050.
2022 B all households                    5 0 - 5 5
2022 B all poor_rate                     1 5 - 20,0 20.0
2022 B all escaped                       1 0 - 1 1
2022 B all newly_poor                    1 0 - 1 1
2022 B all recently_escaped_households   1 0 - 1 1
2022 B all mpi_a                         3 12 - 25,0 25.0
2022 B all mpi_m0                        3 60 - 0,050 0.050
# 2023 A: 6; poor a2 a4 = 2; escaped a1 a3 = 2; newly a4 = 1; relapsed a2 = 1; recent a1 a3 = 2.
#   Deprivations 4 + 5 = 9: A = 9/24 = 37.5; M0 = 9/72 = 0.125 exactly.
2023 A all escaped                       2 0 - 2 2
2023 A all newly_poor                    1 0 - 1 1
2023 A all relapsed                      1 0 - 1 1
2023 A all recently_escaped_households   2 0 - 2 2
2023 A all mpi_a                         9 24 - 37,5 37.5
2023 A all mpi_m0                        9 72 - 0,125 0.125
# 2023 B: 6; poor b1 b3 = 2; escaped 0 (published as 0, not "not available"); newly 0;
#   relapsed b1 = 1 (absent in 2022, poor in 2021); recent b4 = 1 (escaped 2022).
2023 B all households                    6 0 - 6 6
2023 B all escaped                       0 0 - 0 0
2023 B all newly_poor                    0 0 - 0 0
2023 B all relapsed                      1 0 - 1 1
2023 B all recently_escaped_households   1 0 - 1 1

# ---------------- priority groups ----------------
# merit_family is a5 alone (non-poor). Commune: 1 household, 0 poor -> poor_rate 0/1 = 0.0;
# no poor or near-poor household, so every rate over pn has a zero denominator and is not
# available (not 0); mpi_a has denominator 0 -> not available; M0 = 0/12 = 0.000.
2023 C merit_family households           1 0 - 1 1
2023 C merit_family poor_households      0 0 - 0 0
2023 C merit_family poor_rate            0 1 - 0,0 0.0
2023 C merit_family dep_water_rate       0 0 na "" ""
2023 C merit_family school_attendance_rate 0 0 na "" ""
2023 C merit_family mpi_a                0 0 na "" ""
2023 C merit_family mpi_m0               0 12 - 0,000 0.000
# Village B has no merit family: 0 households, poor_rate not available.
2023 B merit_family households           0 0 - 0 0
2023 B merit_family poor_rate            0 0 na "" ""
# female_head 2023: a1 (non), a4 (poor), b1 (poor), b4 (non) = 4; poor 2 -> 50.0;
# escaped a1 = 1; newly a4 = 1; relapsed b1 = 1; recent a1, b4 = 2.
# Deprivations of the poor: a4 5 + b1 4 = 9 -> A = 9/24 = 37.5; M0 = 9/48 = 0.1875 -> 0.188.
2023 C female_head households            4 0 - 4 4
2023 C female_head poor_rate             2 4 - 50,0 50.0
2023 C female_head escaped               1 0 - 1 1
2023 C female_head newly_poor            1 0 - 1 1
2023 C female_head relapsed              1 0 - 1 1
2023 C female_head recently_escaped_households 2 0 - 2 2
2023 C female_head mpi_a                 9 24 - 37,5 37.5
2023 C female_head mpi_m0                9 48 - 0,188 0.188
# female_head in village B 2023: b1 (poor), b4 (non) = 2; relapsed 1; recent 1.
2023 B female_head households            2 0 - 2 2
2023 B female_head relapsed              1 0 - 1 1
# disabled_member 2022: a2 (near), b3 (poor) = 2; escaped a2 = 1; newly b3 = 1.
2022 C disabled_member households        2 0 - 2 2
2022 C disabled_member poor_households   1 0 - 1 1
2022 C disabled_member escaped           1 0 - 1 1
2022 C disabled_member newly_poor        1 0 - 1 1
# ethnic_minority is b1 alone: absent in 2022 -> 0 households, poor_rate not available,
# movement 0; poor again in 2023 -> relapsed 1.
2022 C ethnic_minority households        0 0 - 0 0
2022 C ethnic_minority poor_rate         0 0 na "" ""
2022 C ethnic_minority escaped           0 0 - 0 0
2023 C ethnic_minority relapsed          1 0 - 1 1
`

func TestGolden(t *testing.T) {
	ds, spec := goldenDataset()
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ln, line := range strings.Split(golden, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var year int
		var unit, group, code, flag, vi, en string
		var num, den int64
		if _, err := fmt.Sscanf(line, "%d %s %s %s %d %d %s %q %q", &year, &unit, &group, &code, &num, &den, &flag, &vi, &en); err != nil {
			if _, err := fmt.Sscanf(line, "%d %s %s %s %d %d %s %s %s", &year, &unit, &group, &code, &num, &den, &flag, &vi, &en); err != nil {
				t.Fatalf("golden line %d %q: %v", ln, line, err)
			}
		}
		switch flag {
		case "-":
			flag = indicator.FlagNone
		case "na":
			flag = indicator.FlagNotAvailable
		}
		k := indicator.Key{Year: year, UnitCode: unit, Group: group, Indicator: code}
		f, ok := tab.Get(k)
		if !ok {
			t.Errorf("%v: missing", k)
			continue
		}
		n++
		if f.Num != num || f.Den != den || f.Flag != flag {
			t.Errorf("%v: got %d/%d %q, hand %d/%d %q", k, f.Num, f.Den, f.Flag, num, den, flag)
		}
		if g := f.Text("vi"); g != vi {
			t.Errorf("%v: vi text %q, hand %q", k, g, vi)
		}
		if g := f.Text("en"); g != en {
			t.Errorf("%v: en text %q, hand %q", k, g, en)
		}
	}
	if n < 150 {
		t.Fatalf("only %d golden figures checked", n)
	}
	// And the reference agrees with the engine on every figure of the golden commune.
	agree(t, ds, spec)
}

// TestGoldenMPIIdentities checks, on the golden commune, M0 = H x A and M0 = sum of
// the standard's censored headcount ratios / their number, exactly (with numerators
// and denominators).
func TestGoldenMPIIdentities(t *testing.T) {
	ds, spec := goldenDataset()
	tab, err := indicator.Compute(ds, spec)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range tab.Figures {
		if f.Indicator != "mpi_m0" || f.Flag != "" {
			continue
		}
		get := func(code string) *indicator.Figure {
			g, _ := tab.Get(indicator.Key{Year: f.Year, UnitCode: f.UnitCode, Group: f.Group, Indicator: code})
			return g
		}
		h, a := get("mpi_h"), get("mpi_a")
		var censored int64
		for _, d := range refDeps {
			c := get("censored_" + d + "_rate")
			censored += c.Num
			if n := int64(len(std2022.Indicators)); c.Den != f.Den/n {
				t.Errorf("%v: censored denominator %d, households %d", c.Key(), c.Den, f.Den/n)
			}
		}
		if censored != f.Num {
			t.Errorf("%v: sum of censored %d, M0 numerator %d", f.Key(), censored, f.Num)
		}
		if a.Flag == "" && h.Num*a.Num*f.Den != f.Num*h.Den*a.Den {
			t.Errorf("%v: M0 %d/%d != H %d/%d x A %d/%d", f.Key(), f.Num, f.Den, h.Num, h.Den, a.Num, a.Den)
		}
	}
}

// TestMovementHistories follows single households through five reviews; "-" is
// absent. Expected: per year (from the second), escaped/newly/relapsed/recent as
// four digits, worked out from DESIGN 5.
func TestMovementHistories(t *testing.T) {
	cases := []struct {
		name    string
		history string // P poor, N near_poor, O non_poor, - absent
		want    string // 4 digits per review from the second: escaped newly relapsed recent
	}{
		// Escaped in review 1; recent in reviews 1, 2, 3 (the escape review and the two
		// after: 36 months); no longer recent in review 4.
		{"escape window", "POOOO", "1001 0001 0001 0000"},
		{"escape to near-poor counts", "PNNNN", "1001 0001 0001 0000"},
		{"poor throughout", "PPPPP", "0000 0000 0000 0000"},
		// Poor, absent, poor again: relapsed (poor in an earlier review).
		{"relapse after absence", "P-P--", "0000 0010 0000 0000"},
		// Poor, absent, non-poor: not escaped (not in the previous review).
		{"no escape after absence", "P-OOO", "0000 0000 0000 0000"},
		// New household that arrives poor is newly poor.
		{"arrives poor", "-POOO", "0100 1001 0001 0001"},
		{"first poor later", "OOPOO", "0000 0100 1001 0001"},
		// Escape, relapse, escape again: recent again after the second escape; the
		// relapse year is not recent (poor now).
		{"escape relapse escape", "PNPNO", "1001 0010 1001 0001"},
		{"left after escape", "PO---", "1001 0000 0000 0000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := &review.Dataset{}
			for y, s := range c.history {
				f := &review.File{Year: 2021 + y}
				if s != '-' {
					st := map[rune]string{'P': "poor", 'N': "near_poor", 'O': "non_poor"}[s]
					f.Records = []review.Record{{Year: f.Year, VillageCode: "A", HouseholdID: "HH-00000001", Members: 1, Status: st, Dep: make([]uint8, 12)}}
				}
				ds.Files = append(ds.Files, f)
			}
			spec := indicator.Spec{StandardFor: sample.Standards, Top: "C", Villages: []string{"A"}}
			tab, err := indicator.Compute(ds, spec)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for y := 1; y < len(c.history); y++ {
				s := ""
				for _, code := range []string{"escaped", "newly_poor", "relapsed", "recently_escaped_households"} {
					f, _ := tab.Get(indicator.Key{Year: 2021 + y, UnitCode: "A", Group: "all", Indicator: code})
					s += fmt.Sprint(f.Num)
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("%s: got %s, want %s", c.history, g, c.want)
			}
			for _, code := range []string{"escaped", "newly_poor", "relapsed", "recently_escaped_households"} {
				f, _ := tab.Get(indicator.Key{Year: 2021, UnitCode: "C", Group: "all", Indicator: code})
				if f.Flag != indicator.FlagNotAvailable {
					t.Errorf("first-year %s flag %q, want not_available", code, f.Flag)
				}
			}
			agree(t, ds, spec)
		})
	}
}

// TestRounding: rates are rounded half away from zero, with integer arithmetic, to one
// decimal; indices to three.
func TestRounding(t *testing.T) {
	cases := []struct {
		num, den int64
		measure  string
		vi, en   string
	}{
		{1, 8, indicator.Percent, "12,5", "12.5"},    // exactly 12.5
		{1, 16, indicator.Percent, "6,3", "6.3"},     // 6.25 -> 6.3 (half-even: 6.2)
		{5, 16, indicator.Percent, "31,3", "31.3"},   // 31.25 -> 31.3
		{3, 16, indicator.Percent, "18,8", "18.8"},   // 18.75 -> 18.8
		{23, 2000, indicator.Percent, "1,2", "1.2"},  // 1.15: float 1.15*10 = 11.4999...
		{29, 2000, indicator.Percent, "1,5", "1.5"},  // 1.45
		{1, 2000, indicator.Percent, "0,1", "0.1"},   // 0.05 -> 0.1
		{1, 2001, indicator.Percent, "0,0", "0.0"},   // 0.04998 -> 0.0
		{1, 6, indicator.Percent, "16,7", "16.7"},    // 16.667
		{5, 6, indicator.Percent, "83,3", "83.3"},    // 83.333
		{2, 3, indicator.Percent, "66,7", "66.7"},    // 66.667
		{1, 1, indicator.Percent, "100,0", "100.0"},  //
		{0, 7, indicator.Percent, "0,0", "0.0"},      //
		{84, 2400, indicator.Percent, "3,5", "3.5"},  // the contract's example
		{1, 16, indicator.Index, "0,063", "0.063"},   // 0.0625 -> 0.063
		{5, 8000, indicator.Index, "0,001", "0.001"}, // 0.000625 -> 0.001
		{1, 8000, indicator.Index, "0,000", "0.000"}, // 0.000125 -> 0.000
		{3, 16, indicator.Index, "0,188", "0.188"},   // 0.1875
		{2400, 0, indicator.Households, "2.400", "2,400"},
		{999, 0, indicator.Households, "999", "999"},
		{1234567, 0, indicator.Households, "1.234.567", "1,234,567"},
	}
	for _, c := range cases {
		f := indicator.Figure{Num: c.num, Den: c.den, Measure: c.measure}
		if g := f.Text("vi"); g != c.vi {
			t.Errorf("%d/%d %s vi: %q, want %q", c.num, c.den, c.measure, g, c.vi)
		}
		if g := f.Text("en"); g != c.en {
			t.Errorf("%d/%d %s en: %q, want %q", c.num, c.den, c.measure, g, c.en)
		}
	}
	// Withheld or missing figures have no text.
	for _, f := range []indicator.Figure{
		{Num: 3, Measure: indicator.Households, Flag: indicator.FlagSuppressed},
		{Num: 0, Den: 0, Measure: indicator.Percent},
		{Measure: indicator.Households, Flag: indicator.FlagNotAvailable},
	} {
		if g := f.Text("vi"); g != "" {
			t.Errorf("%+v: text %q, want none", f, g)
		}
	}
	f := indicator.Figure{Num: 1, Den: 16, Measure: indicator.Percent}
	if v, _ := f.Value(); v != 6.3 {
		t.Errorf("Value 1/16 = %v, want 6.3", v)
	}
	if v, _ := f.Exact(); v != 6.25 {
		t.Errorf("Exact 1/16 = %v, want 6.25", v)
	}
}

func TestFormatScaled(t *testing.T) {
	cases := []struct {
		s        int64
		decimals int
		vi, en   string
	}{
		{35, 1, "3,5", "3.5"},
		{-35, 1, "-3,5", "-3.5"},
		{-5, 1, "-0,5", "-0.5"},
		{0, 1, "0,0", "0.0"},
		{2400, 0, "2.400", "2,400"},
		{24005, 1, "2.400,5", "2,400.5"},
		{1000, 0, "1.000", "1,000"},
		{123, 0, "123", "123"},
		{1234567, 0, "1.234.567", "1,234,567"},
		{-1234567, 0, "-1.234.567", "-1,234,567"},
		{5, 3, "0,005", "0.005"},
		{1106, 3, "1,106", "1.106"},
		{27000000, 0, "27.000.000", "27,000,000"},
		{1000000, 1, "100.000,0", "100,000.0"},
	}
	for _, c := range cases {
		if g := indicator.FormatScaled(c.s, c.decimals, "vi"); g != c.vi {
			t.Errorf("FormatScaled(%d, %d, vi) = %q, want %q", c.s, c.decimals, g, c.vi)
		}
		if g := indicator.FormatScaled(c.s, c.decimals, "en"); g != c.en {
			t.Errorf("FormatScaled(%d, %d, en) = %q, want %q", c.s, c.decimals, g, c.en)
		}
	}
}

// TestFormatRange checks the one way every withheld figure's interval is written:
// the indicators', the support counts' and the money ranges.
func TestFormatRange(t *testing.T) {
	for _, c := range []struct {
		name     string
		lo, hi   int64
		decimals int
		vi, en   string
	}{
		{"count", 1, 4, 0, "1–4", "1–4"},
		{"rate", 2, 9, 1, "0,2–0,9", "0.2–0.9"},
		{"one value", 7, 7, 0, "7", "7"},
		{"no upper bound", 12, -1, 0, "≥ 12", "≥ 12"},
		{"thousands", 1000, 2500, 0, "1.000–2.500", "1,000–2,500"},
		{"money in millions", 0, 450, 1, "0,0–45,0", "0.0–45.0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if g := indicator.FormatRange(c.lo, c.hi, c.decimals, "vi"); g != c.vi {
				t.Errorf("vi: %q, want %q", g, c.vi)
			}
			if g := indicator.FormatRange(c.lo, c.hi, c.decimals, "en"); g != c.en {
				t.Errorf("en: %q, want %q", g, c.en)
			}
		})
	}
}

// TestCatalogue: every computed code is defined once, with the contract's measures.
func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range indicator.Definitions {
		if seen[d.Code] {
			t.Errorf("%s defined twice", d.Code)
		}
		seen[d.Code] = true
		if d.Measure != refMeasure(d.Code) {
			t.Errorf("%s measure %s, want %s", d.Code, d.Measure, refMeasure(d.Code))
		}
		if d.VI == "" || d.EN == "" {
			t.Errorf("%s has no name", d.Code)
		}
		if !indicator.Known(d.Code) {
			t.Errorf("%s not known", d.Code)
		}
	}
	for _, c := range []string{"households", "poor_rate", "escaped", "recently_escaped_households",
		"dep_information_access_rate", "censored_water_rate", "mpi_m0", "hygienic_latrine_rate"} {
		if _, ok := indicator.Lookup(c); !ok {
			t.Errorf("%s missing", c)
		}
	}
	if indicator.Known("poverty") || !indicator.Known("support_coverage_2") {
		t.Error("Known")
	}
	// The two standards share 11 indicators; each has its own others (1 and 2).
	if len(indicator.Definitions) != 10+2*(11+1+2)+3+4 {
		t.Errorf("%d definitions", len(indicator.Definitions))
	}
}
