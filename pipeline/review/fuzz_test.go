package review

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// FuzzParse feeds arbitrary bytes to Parse as a file named 2024.csv. Parse must never
// panic; when it reports no error, every record it returns must keep the contract; and
// no message may carry something that looks like an ID or phone number.
func FuzzParse(f *testing.F) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "reviews", "*", "2024.csv"))
	if err != nil || len(dirs) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, path := range dirs {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(file(validRow, row("household_id", "MT-T01-0002", "status", "poor", "cause", "illness", "income_per_capita", "800000")))
	f.Add([]byte("\ufeff" + strings.Join(columnNames(), ",") + "\r\n" + validRow + "\r\n"))
	f.Add([]byte("year\n\"2024\n"))

	rules := testRules()
	idx := map[string]int{} // the Record field of each fixed column
	rt := reflect.TypeFor[Record]()
	for i := range rt.NumField() {
		idx[rt.Field(i).Tag.Get("csv")] = i
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ps := Parse("2024.csv", b, rules)
		for _, p := range ps {
			if p.File != "2024.csv" || p.Line < 0 || p.Col < 0 {
				t.Fatalf("bad location: %+v", p)
			}
			for _, lang := range []string{"en", "vi"} {
				m := p.Message(lang)
				if strings.Contains(m, "%!") {
					t.Fatalf("badly formatted: %s", m)
				}
				body := m[strings.Index(m, ": ")+2:]
				if LooksLikeIdentifier(body) != "" {
					t.Fatalf("message carries an identifier: %q", m)
				}
			}
		}
		if problem.HasErrors(ps) {
			if got != nil && len(got.Records) > 0 {
				t.Fatalf("records returned with errors: %v", ps)
			}
			return
		}
		if got == nil || got.Year != 2024 || len(got.Records) == 0 || len(got.Records) != len(got.Lines) {
			t.Fatalf("accepted file is incomplete: %+v", got)
		}
		seen := map[string]bool{}
		for i, r := range got.Records {
			if i > 0 && got.Lines[i] <= got.Lines[i-1] || got.Lines[i] < 2 {
				t.Fatalf("lines not increasing: %v", got.Lines)
			}
			if r.Year != 2024 {
				t.Fatalf("record %d has year %d", i, r.Year)
			}
			checkRecord(t, &r, idx)
			if seen[r.HouseholdID] {
				t.Fatalf("duplicate household accepted")
			}
			seen[r.HouseholdID] = true
			if r.CommuneCode != rules.CommuneCode || !rules.Villages[r.VillageCode] {
				t.Fatalf("record %d has commune %q village %q", i, r.CommuneCode, r.VillageCode)
			}
		}
	})
}

// checkRecord fails when a decoded record breaks a rule of the contract.
func checkRecord(t *testing.T, r *Record, idx map[string]int) {
	t.Helper()
	v := reflect.ValueOf(r).Elem()
	for _, c := range Columns {
		if _, j, ok := std2022.Indicator(c.Name); ok {
			if r.Dep[j] > 1 {
				t.Fatalf("%s = %d is not a flag", c.Name, r.Dep[j])
			}
			continue
		}
		fv := v.Field(idx[c.Name])
		switch c.Kind {
		case KindInt:
			if n := fv.Int(); n < c.Min || n > c.Max {
				t.Fatalf("%s = %d outside %d-%d", c.Name, n, c.Min, c.Max)
			}
		case KindFlag:
			if n := fv.Int(); n != 0 && n != 1 {
				t.Fatalf("%s = %d is not a flag", c.Name, n)
			}
		case KindEnum:
			s := fv.String()
			if !(s == "" && c.Optional) && !slices.Contains(c.Values, s) {
				t.Fatalf("%s = %q not allowed", c.Name, s)
			}
		case KindText:
			s := fv.String()
			if s == "" || strings.TrimSpace(s) != s || LooksLikeIdentifier(s) != "" {
				t.Fatalf("%s = %q accepted", c.Name, s)
			}
		}
	}
	if !householdID.MatchString(r.HouseholdID) {
		t.Fatalf("household id %q accepted", r.HouseholdID)
	}
	if r.Children6to15InSchool > r.Children6to15 || r.Children6to15 > r.Members || r.MembersInsured > r.Members {
		t.Fatalf("contradictory counts accepted: %+v", r)
	}
}
