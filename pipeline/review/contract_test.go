package review

import (
	"reflect"
	"slices"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// TestRecordMatchesColumns keeps the gocsv tags of Record and the fixed columns in
// step: the same names in the same order, and Go types that fit each column's kind.
func TestRecordMatchesColumns(t *testing.T) {
	rt := reflect.TypeFor[Record]()
	if rt.NumField() != len(FixedColumns)+1 || rt.Field(rt.NumField()-1).Name != "Dep" {
		t.Fatalf("Record has %d fields, FixedColumns %d and Dep", rt.NumField(), len(FixedColumns))
	}
	for i := 0; i < len(FixedColumns); i++ {
		f := rt.Field(i)
		c := FixedColumns[i]
		t.Run(c.Name, func(t *testing.T) {
			if tag := f.Tag.Get("csv"); tag != c.Name {
				t.Errorf("field %d %s has csv tag %q, Columns[%d] is %q", i, f.Name, tag, i, c.Name)
			}
			switch c.Kind {
			case KindInt, KindFlag:
				if k := f.Type.Kind(); k != reflect.Int && k != reflect.Int64 {
					t.Errorf("%s is %s, want an integer", f.Name, f.Type)
				}
			case KindText, KindEnum:
				if f.Type.Kind() != reflect.String {
					t.Errorf("%s is %s, want a string", f.Name, f.Type)
				}
			}
		})
	}
}

func TestColumnsAreConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Columns {
		if seen[c.Name] {
			t.Errorf("column %s twice", c.Name)
		}
		seen[c.Name] = true
		if c.VI == "" || c.EN == "" {
			t.Errorf("column %s lacks its meaning in vi or en", c.Name)
		}
		switch c.Kind {
		case KindInt:
			if c.Min >= c.Max {
				t.Errorf("column %s has range %d-%d", c.Name, c.Min, c.Max)
			}
		case KindEnum:
			if len(c.Values) == 0 {
				t.Errorf("enum column %s has no values", c.Name)
			}
		}
		if LooksPersonal(c.Name) {
			t.Errorf("contract column %s looks personal to the header check", c.Name)
		}
		got, ok := ColumnByName(c.Name)
		if !ok || got.Name != c.Name {
			t.Errorf("ColumnByName(%q) = %v, %v", c.Name, got, ok)
		}
	}
	if _, ok := ColumnByName("nope"); ok {
		t.Error("ColumnByName found an unknown column")
	}
	for _, d := range DeprivationColumns {
		if c, ok := ColumnByName(d); !ok || c.Kind != KindFlag {
			t.Errorf("deprivation %s is not a flag column", d)
		}
	}
	for _, g := range Groups {
		if c, ok := ColumnByName(g); !ok || c.Kind != KindFlag {
			t.Errorf("group %s is not a flag column", g)
		}
	}
	for name, values := range map[string][]string{"status": Statuses, "cause": Causes} {
		if c, _ := ColumnByName(name); !slices.Equal(c.Values, values) {
			t.Errorf("column %s values %v, want %v", name, c.Values, values)
		}
	}
}

// TestRecordAccessors checks GroupFlag against the columns they name.
func TestRecordAccessors(t *testing.T) {
	var r Record
	v := reflect.ValueOf(&r).Elem()
	byTag := map[string]int{}
	for i := 0; i < v.NumField(); i++ {
		byTag[v.Type().Field(i).Tag.Get("csv")] = i
		v.Field(i).SetZero()
		if v.Field(i).CanInt() {
			v.Field(i).SetInt(int64(100 + i)) // a distinct value per field
		}
	}
	for _, g := range Groups {
		if want := int(v.Field(byTag[g]).Int()); r.GroupFlag(g) != want {
			t.Errorf("GroupFlag(%s) = %d, want %d", g, r.GroupFlag(g), want)
		}
	}
	if r.GroupFlag("nope") != 0 {
		t.Error("GroupFlag of an unknown group")
	}
}

// TestCatalogue checks that every message exists in both languages with the same
// verbs, so no translation can drop or reorder an argument.
func TestCatalogue(t *testing.T) {
	verbs := func(s string) []string {
		var out []string
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' {
				out = append(out, s[i:i+2])
				i++
			}
		}
		return out
	}
	for code, m := range Messages {
		if m.VI == "" || m.EN == "" || m.HintVI == "" || m.HintEN == "" {
			t.Errorf("%s lacks a text or a hint", code)
		}
		if !slices.Equal(verbs(m.VI), verbs(m.EN)) {
			t.Errorf("%s: verbs differ: vi %v, en %v", code, verbs(m.VI), verbs(m.EN))
		}
	}
	p := problem.Problem{Catalogue: Messages, File: "f.csv", Code: "no_such_code"}
	if p.Message("en") != "f.csv: no_such_code" || p.Error() != p.Message("en") {
		t.Errorf("unknown code renders as %q", p.Message("en"))
	}
}
