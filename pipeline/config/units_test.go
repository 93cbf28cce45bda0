package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// validUnits is a small registry: the nation, a province, a district, two communes
// (one merged into the other) and a village. Each [[units]] header's line is in
// the comment after it.
const validUnits = `[[units]] # line 1
code = "VN"
level = "nation"
name_vi = "Việt Nam"
name_en = "Viet Nam"

[[units]] # line 7
code = "33"
level = "province"
parent = "VN"
name_vi = "tỉnh Hưng Yên"
name_en = "Hung Yen province"

[[units]] # line 14
code = "333"
level = "district"
parent = "33"
name_vi = "huyện Phù Cừ"
name_en = "Phu Cu district"
valid_to = 2024

[[units]] # line 22
code = "12424"
level = "commune"
parent = "333"
name_vi = "xã Minh Tiến"
name_en = "Minh Tien commune"
valid_to = 2024
successor = "99001"

[[units]] # line 31
code = "99001"
level = "commune"
parent = "33"
name_vi = "xã Tiên Tiến"
name_en = "Tien Tien commune"
valid_from = 2025

[[units]] # line 39
code = "T01"
level = "village"
parent = "12424"
name_vi = "Thôn Đông"
name_en = "Dong village"
`

func TestParseUnits(t *testing.T) {
	r, err := ParseUnits("units.toml", []byte(validUnits))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		got  any
		want any
	}{
		{"units", len(r.Units), 6},
		{"children of 12424", len(r.Children("12424")), 1},
		{"communes of 33", len(r.Communes("33")), 2},
		{"communes of VN", len(r.Communes("VN")), 2},
		{"communes of 333", len(r.Communes("333")), 1},
		{"T01 within 33", r.Within("T01", "33"), true},
		{"99001 within 333", r.Within("99001", "333"), false},
		{"successor", func() string { u, _ := r.Unit("12424"); return u.Successor }(), "99001"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
}

// TestParseUnitsRules covers each refusal with a small edit of validUnits; every
// problem is reported at the line of its [[units]] table.
func TestParseUnitsRules(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           []wantErr
	}{
		{"unknown parent", `parent = "333"` + "\nname_vi = \"xã Minh", `parent = "334"` + "\nname_vi = \"xã Minh",
			[]wantErr{{key: "units[3].parent", line: 22, col: 1, text: `units.toml:22:1: units[3].parent: parent "334" of unit "12424" is not declared`}}},
		{"duplicate code", `code = "T01"`, `code = "333"`,
			[]wantErr{{key: "units[5].code", line: 39, col: 1, text: `code "333" is declared twice`}}},
		{"village under a district", `parent = "12424"` + "\nname_vi = \"Thôn", `parent = "333"` + "\nname_vi = \"Thôn",
			[]wantErr{{key: "units[5].parent", line: 39, col: 1, text: `the parent of village "T01" is district "333"`}}},
		{"village under the nation", `parent = "12424"` + "\nname_vi = \"Thôn", `parent = "VN"` + "\nname_vi = \"Thôn",
			[]wantErr{{key: "units[5].parent", line: 39, col: 1, text: `the parent of village "T01" is nation "VN"`}}},
		{"province under a commune", `parent = "VN"`, `parent = "12424"`,
			[]wantErr{{key: "units[1].parent", line: 7, col: 1, text: `the parent of province "33" is commune "12424"`}}},
		{"own parent", `parent = "VN"`, `parent = "33"`,
			[]wantErr{{key: "units[1].parent", line: 7, col: 1, text: `unit "33" is its own parent`}}},
		{"nation with a parent", `level = "nation"`, "level = \"nation\"\nparent = \"33\"",
			[]wantErr{{key: "units[0].parent", line: 1, col: 1, text: `the parent of nation "VN" is province "33"`}}},
		{"no parent", "parent = \"333\"\nname_vi = \"xã Minh", "name_vi = \"xã Minh",
			[]wantErr{{key: "units[3].parent", line: 22, col: 1, text: `commune "12424" has no parent`}}},
		{"unknown successor", `successor = "99001"`, `successor = "99002"`,
			[]wantErr{{key: "units[3].successor", line: 22, col: 1, text: `successor "99002" of unit "12424" is not declared`}}},
		{"successor of another level", `successor = "99001"`, `successor = "333"`,
			[]wantErr{{key: "units[3].successor", line: 22, col: 1, text: `commune "12424" has the district "333" as successor`}}},
		{"successor without a last year", "valid_to = 2024\nsuccessor", "successor",
			[]wantErr{{key: "units[3].valid_to", line: 22, col: 1, text: "has a successor but no last year"}}},
		{"successor cycle", `valid_from = 2025`, "valid_to = 2026\nsuccessor = \"12424\"",
			[]wantErr{{key: "units[3].successor", line: 22, col: 1, text: `the successor chain of unit "12424" comes back to it`}}},
		{"years swapped", `valid_from = 2025`, "valid_from = 2025\nvalid_to = 2021",
			[]wantErr{{key: "units[4].valid_from", line: 31, col: 1, text: "valid from 2025, after its last year 2021"}}},
		{"unknown level", `level = "district"`, `level = "huyen"`,
			[]wantErr{{key: "units[2].level", line: 14, col: 1, text: `level "huyen" is unknown`}}},
		{"bad commune code", `code = "99001"`, `code = "9901"`,
			[]wantErr{
				{key: "units[4].code", line: 31, col: 1, text: `code "9901" is not a commune code`},
				{key: "units[3].successor", line: 22, col: 1, text: `successor "99001" of unit "12424" is not declared`},
			}},
		{"missing name", `name_en = "Dong village"`, ``,
			[]wantErr{{key: "units[5].name_vi", line: 39, col: 1, text: `unit "T01" needs name_vi and name_en`}}},
		{"unknown key", `name_en = "Dong village"`, "name_en = \"Dong village\"\nsuccesor = \"x\"",
			[]wantErr{{key: "units.succesor", line: 45, col: 1, text: "unknown setting"}}},
		{"empty", validUnits, "# nothing\n",
			[]wantErr{{key: "units", text: "no unit is declared"}}},
		{"syntax", `code = "VN"`, `code = "VN`,
			[]wantErr{{line: 2, col: 11, text: "units.toml:2:11: strings cannot contain newlines"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(validUnits, c.old, c.new, 1)
			if text == validUnits {
				t.Fatalf("the edit %q -> %q changes nothing", c.old, c.new)
			}
			r, err := ParseUnits("units.toml", []byte(text))
			checkErrors(t, err, c.want)
			if err != nil && r != nil {
				t.Error("a refused registry was returned")
			}
		})
	}
}

// TestCommittedUnits: the committed registry loads and agrees with portal.toml.
func TestCommittedUnits(t *testing.T) {
	r, err := LoadUnits(filepath.Join("..", "..", "data", "units.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := LoadPortal(filepath.Join("..", "..", "data", "portal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.CheckPortal(p); err != nil {
		t.Error(err)
	}
	u, _ := r.Unit(p.Unit.Code)
	if u.Successor == "" || u.ValidTo != 2024 {
		t.Errorf("the merger of Minh Tiến is not recorded: %+v", u)
	}
}
