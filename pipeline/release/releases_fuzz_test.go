package release

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// wholeFileError is the form of readIndicators' own errors: they name a column of the
// format, never a cell of the file.
var wholeFileError = regexp.MustCompile(`^(empty indicators\.csv|indicators\.csv has no [a-z_]+ column)$`)

// FuzzReadIndicators feeds arbitrary bytes to the reader of a recorded release's
// indicators.csv (the release history is committed data, which a careless edit can
// break), seeded with the recorded releases and hostile files. It must never panic;
// a CSV error is located by a line inside the file, any other error names only the
// format; a file read back compares with itself without a figure added or removed,
// and with nothing changed when its figures' keys are distinct.
func FuzzReadIndicators(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "data", "releases", "*", "indicators.csv"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	head := "year,unit_level,unit_code,unit_name,group,indicator,value,numerator,denominator,unit_of_measure,flag\n"
	for _, s := range []string{
		head + "2024,commune,12424,xã Minh Tiến,all,poor_rate,3.5,84,2400,percent,\n",
		"\ufeff" + head + "2024,commune,12424,x,all,poor_rate,3.5,84,2400,percent,\r\n",
		head + "2024,commune,12424,x,all,poor_rate,,,,percent,suppressed\n",
		head + "2024,commune,12424,x,all,poor_rate,NaN,84,2400,percent,\n",
		head + "2024,commune,12424,x,all,poor_rate,1e308,84,2400,percent,\n2024,commune,12424,x,all,poor_rate,-1e308,1,2,percent,\n",
		head + "2024,commune,12424,\"Nguyễn \"\"An\"\", 0912345678\",all,poor_rate,3.5,84,2400,percent,\n",
		head + "2024,commune,12424,x,all,poor_rate,3.5\n",
		head + "2024,commune,\"12424,x,all\n",
		"year,value\n2024,3\n",
		"",
		"\ufeff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		figs, err := readIndicators(b)
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe):
				if lines := bytes.Count(b, []byte{'\n'}) + 1; pe.Line < 1 || pe.Line > lines {
					t.Fatalf("CSV error outside the file's %d lines: %v", lines, err)
				}
			case !wholeFileError.MatchString(err.Error()):
				t.Fatalf("error %q is neither located nor about the format", err)
			}
			return
		}
		_, changed, added, removed, _ := compare(figs, figs)
		if added != 0 || removed != 0 {
			t.Fatalf("a file compared with itself: %d added, %d removed", added, removed)
		}
		keys := map[[4]string]bool{}
		for _, fg := range figs {
			keys[fg.key] = true
		}
		if len(keys) == len(figs) && changed != 0 {
			t.Fatalf("a file with distinct keys compared with itself: %d changed", changed)
		}
		changes, _, added, removed, _ := compare(nil, figs)
		if added != len(figs) || removed != 0 || len(changes) != len(figs) {
			t.Fatalf("from nothing: %d added, %d removed, %d changes of %d figures", added, removed, len(changes), len(figs))
		}
		for _, c := range changes {
			if c.Kind != "added" {
				t.Fatalf("from nothing, a change of kind %q", c.Kind)
			}
		}
	})
}
