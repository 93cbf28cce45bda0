package assemble

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/minhtien/portal/pipeline/paths"
)

// TestOpenDataAtScale: a province's and a nation's tables of figures are published
// in every format the sizes allow, each format with the rows of the CSV (same units,
// same order), and every file is in the data package with its schema.
func TestOpenDataAtScale(t *testing.T) {
	cases := []struct {
		name   string
		layout func(*testing.T) paths.Layout
		tables []string // tables with CSV, Parquet and JSON (or JSON Lines)
	}{
		{"province", provinceSandbox, []string{"indicators-province", "indicators-commune", "indicators-village"}},
		{"nation", nationSandbox, []string{"indicators-nation", "indicators-province", "indicators-commune"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := c.layout(t)
			if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: func(string) string { return "" }}); err != nil {
				t.Fatal(err)
			}
			data := filepath.Join(l.Out, "data")
			schemas := packageSchemas(t, data)
			for _, name := range c.tables {
				rows := readCSV(t, filepath.Join(data, name+".csv"))
				units := make([]string, 0, len(rows)-1)
				for _, r := range rows[1:] {
					units = append(units, r[2])
				}
				if got := parquetRows(t, filepath.Join(data, name+".parquet")); got != int64(len(units)) {
					t.Errorf("%s.parquet: %d rows, the CSV %d", name, got, len(units))
				}
				js, jsonName := jsonUnits(t, data, name)
				if strings.Join(js, ",") != strings.Join(units, ",") {
					t.Errorf("%s: %d rows, the CSV %d, or their units differ", jsonName, len(js), len(units))
				}
				for _, f := range []string{name + ".csv", name + ".parquet", jsonName} {
					if !schemas[f] {
						t.Errorf("%s is not in datapackage.json with a schema", f)
					}
				}
			}
		})
	}
}

// packageSchemas are the files datapackage.json lists with a table schema.
func packageSchemas(t *testing.T, data string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Resources []struct {
			Path   string
			Schema *struct{ Fields []struct{ Name string } }
		}
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, r := range pkg.Resources {
		out[r.Path] = r.Schema != nil && len(r.Schema.Fields) > 0
	}
	return out
}

func parquetRows(t *testing.T, path string) int64 {
	t.Helper()
	r, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return r.NumRows()
}

// jsonUnits are the unit codes of a table's JSON rows, from name.json or, when the
// table is too large for one, name.jsonl.
func jsonUnits(t *testing.T, data, name string) ([]string, string) {
	t.Helper()
	type row struct {
		UnitCode string `json:"unit_code"`
	}
	var units []string
	if b, err := os.ReadFile(filepath.Join(data, name+".json")); err == nil {
		var doc struct{ Rows []row }
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, r := range doc.Rows {
			units = append(units, r.UnitCode)
		}
		return units, name + ".json"
	}
	f, err := os.Open(filepath.Join(data, name+".jsonl"))
	if err != nil {
		t.Fatalf("%s has neither a .json nor a .jsonl twin", name)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		units = append(units, r.UnitCode)
	}
	return units, name + ".jsonl"
}
