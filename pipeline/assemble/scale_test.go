package assemble

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// provinceSandbox writes a small province (three communes, two reviews) as
// `portal sample --scale province` does, beside a copy of the committed content and
// site.
func provinceSandbox(t *testing.T) paths.Layout {
	t.Helper()
	s := sample.Province
	s.Communes, s.Households, s.Years = 3, 3000, 2
	return scaleSandbox(t, s)
}

// scaleSandbox writes a sample of a scale as `portal sample --scale` does, beside a
// copy of the committed content and site.
func scaleSandbox(t *testing.T, s sample.Scale) paths.Layout {
	t.Helper()
	l := sandbox(t)
	commune, err := config.LoadPortal(l.PortalConfig())
	if err != nil {
		t.Fatal(err)
	}
	var settings, units bytes.Buffer
	if err := sample.EncodePortal(&settings, sample.ScalePortal(*commune, s)); err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteUnits(&units, s, 3); err != nil {
		t.Fatal(err)
	}
	for path, b := range map[string][]byte{l.PortalConfig(): settings.Bytes(), l.Units(): units.Bytes()} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{l.Reviews(), l.Support(), l.Releases()} {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sample.WriteScale(l.Reviews(), s, 3); err != nil {
		t.Fatal(err)
	}
	return l
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestBuildProvince builds a province's downloads: figures for the province, each
// commune and each village; the province's household counts are the sums of its
// communes'; its all-households figures are published; per-level files are listed
// in the data package and in SHA256SUMS. (Its site is tested in pipeline/sitetest.)
func TestBuildProvince(t *testing.T) {
	l := provinceSandbox(t)
	getenv := func(string) string { return "" }
	res, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: getenv})
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(l.Out, "data")
	rows := readCSV(t, filepath.Join(data, "indicators.csv"))
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	levels := map[string]int{}
	// households: year -> level -> sum of the all-households counts.
	households := map[string]map[string]int64{}
	for _, r := range rows[1:] {
		level := r[col["unit_level"]]
		levels[level]++
		if r[col["group"]] != "all" || r[col["indicator"]] != "households" {
			continue
		}
		if level == "province" && r[col["flag"]] != "" {
			t.Errorf("province households withheld: %v", r)
		}
		n, err := strconv.ParseInt(r[col["numerator"]], 10, 64)
		if err != nil {
			if level == "province" {
				t.Fatalf("province count %q: %v", r[col["numerator"]], err)
			}
			continue
		}
		y := r[col["year"]]
		if households[y] == nil {
			households[y] = map[string]int64{}
		}
		households[y][level] += n
	}
	if levels["province"] == 0 || levels["commune"] == 0 || levels["village"] == 0 {
		t.Fatalf("rows per level: %v", levels)
	}
	for y, h := range households {
		if h["province"] == 0 || h["province"] != h["commune"] {
			t.Errorf("%s: province %d households, communes add up to %d", y, h["province"], h["commune"])
		}
	}
	var pkg struct {
		Resources []struct{ Path string }
	}
	b, err := os.ReadFile(filepath.Join(data, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range pkg.Resources {
		listed[r.Path] = true
	}
	sums, err := os.ReadFile(filepath.Join(data, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"indicators.csv", "indicators-province.csv", "indicators-commune.csv", "indicators-village.csv", "indicators-commune.xlsx", "targets.csv"} {
		t.Run(f, func(t *testing.T) {
			if !listed[f] {
				t.Error("not in datapackage.json")
			}
			if !strings.Contains(string(sums), "  "+f+"\n") {
				t.Error("not in SHA256SUMS")
			}
			if n := len(readCSVIf(t, filepath.Join(data, f))); strings.HasSuffix(f, "-commune.csv") && n-1 != levels["commune"] {
				t.Errorf("%d rows, indicators.csv has %d commune rows", n-1, levels["commune"])
			}
		})
	}
	if len(res.Input.Assessments) != len(res.Input.Targets) || len(res.Input.Targets) == 0 {
		t.Errorf("%d assessments for %d targets", len(res.Input.Assessments), len(res.Input.Targets))
	}
}

// readCSVIf reads a CSV download; other files read as no rows.
func readCSVIf(t *testing.T, path string) [][]string {
	if !strings.HasSuffix(path, ".csv") {
		return nil
	}
	return readCSV(t, path)
}

// TestProvinceRefusesUndeclaredUnits: a row of a commune or village the registry does
// not declare under the province is an error of the data.
func TestProvinceRefusesUndeclaredUnits(t *testing.T) {
	cases := []struct{ name, old, new string }{
		{"undeclared commune", "\n2022,01000,", "\n2022,09999,"},
		{"undeclared village", ",01000-T01,", ",01000-T99,"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := provinceSandbox(t)
			path := filepath.Join(l.Reviews(), "2022.csv")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(b), c.old, c.new, 1)
			if edited == string(b) {
				t.Fatalf("no %q in the file", c.old)
			}
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Load(l, func(string) string { return "" }, "en")
			if _, ok := err.(*InvalidError); !ok {
				t.Fatalf("error %v, want the data refused", err)
			}
		})
	}
}

// TestProvinceRefusesRowsOfAMergedCommune: a commune whose last year is 2021 (merged
// into another) may have no 2022 rows; before its merger its rows are accepted.
func TestProvinceRefusesRowsOfAMergedCommune(t *testing.T) {
	cases := []struct {
		name    string
		validTo int
		refused bool
	}{
		{"merged after the last review", 2022, false},
		{"merged before the second review", 2021, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := provinceSandbox(t)
			b, err := os.ReadFile(l.Units())
			if err != nil {
				t.Fatal(err)
			}
			old := "code = \"01000\"\nlevel = \"commune\"\n"
			edited := strings.Replace(string(b), old, old+"valid_to = "+strconv.Itoa(c.validTo)+"\nsuccessor = \"34000\"\n", 1)
			if edited == string(b) {
				t.Fatalf("no commune 01000 in units.toml:\n%s", b)
			}
			if err := os.WriteFile(l.Units(), []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			in, err := Load(l, func(string) string { return "" }, "en")
			if !c.refused {
				if err != nil {
					t.Fatal(err)
				}
				if in.Registry == nil || len(in.Years) != 2 {
					t.Fatalf("years %v", in.Years)
				}
				return
			}
			var inv *InvalidError
			if !errors.As(err, &inv) || !strings.Contains(err.Error(), "01000") || !strings.Contains(err.Error(), "2022.csv") {
				t.Fatalf("error %v, want the 2022 rows of 01000 refused", err)
			}
		})
	}
}
