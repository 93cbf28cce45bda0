package review

import (
	"testing"

	"github.com/minhtien/portal/pipeline/standard"
)

// testStandards are the repository's own data/standards.toml.
var testStandards = func() *standard.Set {
	s, err := standard.Load("../../data/standards.toml")
	if err != nil {
		panic(err)
	}
	return s
}()

// std2022 is the 2022-2025 standard, which the fixtures follow.
var std2022, _ = testStandards.Lookup("2022-2025")

// standardFor is the build's mapping of the sample: 2022-2025 up to 2025, the next
// standard from 2026.
func standardFor(year int) (*standard.Standard, bool) {
	id := "2022-2025"
	if year >= 2026 {
		id = "2026-2030"
	}
	s, err := testStandards.Lookup(id)
	return s, err == nil
}

// Columns is the contract of the fixtures' years, in the fixtures' order.
var Columns = ContractFor(std2022).Ordered()

func columnNames() []string {
	var out []string
	for _, c := range Columns {
		out = append(out, c.Name)
	}
	return out
}

// ColumnByName returns a column of the fixtures' contract.
func ColumnByName(name string) (Column, bool) { return ContractFor(std2022).Column(name) }

// DeprivationColumns are the fixtures' standard's indicator columns.
var DeprivationColumns = std2022.Columns()

func TestFixedColumnsFollowRecord(t *testing.T) {
	want := []string{"year", "commune_code", "village_code", "household_id", "area", "members", "income_per_capita",
		"status", "cause", "merit_family", "disabled_member", "female_head", "ethnic_minority",
		"children_6_15", "children_6_15_in_school", "members_insured"}
	if len(FixedColumns) != len(want) {
		t.Fatalf("%d fixed columns, want %d", len(FixedColumns), len(want))
	}
	for i, c := range FixedColumns {
		if c.Name != want[i] {
			t.Errorf("fixed column %d is %s, want %s", i, c.Name, want[i])
		}
	}
}

// testParser is a parser of a 2024 file with header, as the streaming reader makes one.
func testParser(name string, rules Rules, header []string) *parser {
	return &parser{name: name, rules: rules, contract: ContractFor(std2022), year: 2024, header: header}
}

// diffStandard is a standard whose line is a little lower and which needs only 2
// deprivations, so that it disagrees with some of the fixtures' statuses
// (status_mismatch) and every branch of checkQuality runs.
var diffStandard = func() *standard.Standard {
	s := *std2022
	s.ID, s.PoorDeprivations = "diff", 2
	s.PovertyLine.Rural, s.AverageLine.Rural = 1_200_000, 1_800_000
	return &s
}()

func diffStandardFor(int) (*standard.Standard, bool) { return diffStandard, true }
