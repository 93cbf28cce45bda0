package assemble

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// nationSandbox is a small nation: six communes, one per province, two reviews.
func nationSandbox(t *testing.T) paths.Layout {
	t.Helper()
	s := sample.National
	s.Communes, s.Households, s.Years = 6, 6000, 2
	return scaleSandbox(t, s)
}

// TestBuildNation builds a nation's downloads province by province: the nation's
// households are the sum of its provinces' and of its communes'; each province's
// own file holds the province, its communes and villages, with the province's and
// communes' rows identical (withheld alike) to those of the whole-country files; the
// partitioned Parquet files, the per-level files and the province files are all in
// the data package and in SHA256SUMS.
func TestBuildNation(t *testing.T) {
	l := nationSandbox(t)
	getenv := func(string) string { return "" }
	res, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: getenv})
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(l.Out, "data")
	nation := readCSV(t, filepath.Join(data, "indicators-nation.csv"))
	provinces := readCSV(t, filepath.Join(data, "indicators-province.csv"))
	communes := readCSV(t, filepath.Join(data, "indicators-commune.csv"))
	for _, year := range []string{"2021", "2022"} {
		n := sumColumn(t, nation, "nation", "households", year)
		if p, c := sumColumn(t, provinces, "province", "households", year), sumColumn(t, communes, "commune", "households", year); n == 0 || p != n || c != n {
			t.Errorf("%s: nation %d households, provinces %d, communes %d", year, n, p, c)
		}
	}
	whole := map[string]bool{}
	for _, rows := range [][][]string{provinces, communes} {
		for _, r := range rows[1:] {
			whole[strings.Join(r, ",")] = true
		}
	}
	parts, err := filepath.Glob(filepath.Join(data, "by-province", "indicators-*.csv"))
	if err != nil || len(parts) != 6 {
		t.Fatalf("%d province files (%v), want 6", len(parts), err)
	}
	villages, rows := 0, len(nation)-1
	for _, p := range parts {
		code := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "indicators-"), ".csv")
		levels := map[string]int{}
		for _, r := range readCSV(t, p)[1:] {
			levels[r[1]]++
			rows++
			if r[1] != "village" && !whole[strings.Join(r, ",")] {
				t.Fatalf("%s: row %v differs from the whole-country files", p, r)
			}
		}
		if levels["province"] == 0 || levels["commune"] == 0 || levels["village"] == 0 || levels["nation"] != 0 {
			t.Errorf("%s: rows by level %v", p, levels)
		}
		villages += levels["village"]
		pq := filepath.Join(data, "by-province", "parquet", "province="+code, "indicators.parquet")
		if st, err := os.Stat(pq); err != nil || st.Size() == 0 {
			t.Errorf("no Parquet partition for %s: %v", code, err)
		}
	}
	if villages == 0 {
		t.Error("no village figures in the province files")
	}
	if n := res.Input.FigureCount(); n != rows {
		t.Errorf("%d figures counted, %d rows published", n, rows)
	}
	pkg, err := os.ReadFile(filepath.Join(data, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(data, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := listAll(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f == "SHA256SUMS" {
			continue
		}
		if !strings.Contains(string(sums), " "+f+"\n") {
			t.Errorf("%s is not in SHA256SUMS", f)
		}
		if f != "datapackage.json" && !strings.Contains(string(pkg), `"path": "`+f+`"`) {
			t.Errorf("%s is not in datapackage.json", f)
		}
	}
	// Every commune and province is assessed against every target, in targets-units.csv.
	units := readCSV(t, filepath.Join(data, "targets-units.csv"))
	if want := (6 + 6) * len(res.Input.Targets); len(units)-1 != want {
		t.Errorf("targets-units.csv has %d rows, want %d (6 provinces and 6 communes, %d targets)", len(units)-1, want, len(res.Input.Targets))
	}
	if !slices.Contains(files, "by-province/parquet/province=01/indicators.parquet") {
		t.Errorf("files: %v", files)
	}
}

func listAll(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	return out, err
}

// sumColumn adds up the numerators of an indicator for group all at a level.
func sumColumn(t *testing.T, rows [][]string, level, indicator, year string) int64 {
	t.Helper()
	var n int64
	for _, r := range rows[1:] {
		if r[1] == level && r[4] == "all" && r[5] == indicator && r[0] == year {
			v, err := strconv.ParseInt(r[7], 10, 64)
			if err != nil {
				t.Fatalf("%v: %v", r, err)
			}
			n += v
		}
	}
	return n
}
