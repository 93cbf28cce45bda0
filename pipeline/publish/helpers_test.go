package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/opendata"
)

// listFiles returns every file under root, relative, with "/" separators, sorted.
func listFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(files)
	return files, err
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// typedIndicatorRows are the figures as one map a row, as publish built them before
// the figures were held as columns: the reference the columns are checked against.
func typedIndicatorRows(w *writer, figs []indicator.Figure) []tableRow {
	var out []tableRow
	for i := range figs {
		f := &figs[i]
		var value, lo, hi any
		valueText, loText, hiText := "", "", ""
		if f.Flag == indicator.FlagNone {
			valueText, value = csvNumber(f.Text("en"))
		}
		if f.Bounded {
			loText, lo = csvNumber(indicator.FormatScaled(f.Lower, f.Decimals(), "en"))
			if f.Upper >= 0 {
				hiText, hi = csvNumber(indicator.FormatScaled(f.Upper, f.Decimals(), "en"))
			}
		}
		num, den := published(f)
		opt := func(p *int64) any {
			if p == nil {
				return nil
			}
			return *p
		}
		name, std := w.unitName(f.UnitCode), w.standardID(f.Year)
		out = append(out, tableRow{
			cells: []string{strconv.Itoa(f.Year), f.UnitLevel, f.UnitCode, name, f.Group, f.Indicator, valueText,
				intCell(num), intCell(den), f.Measure, f.Flag, loText, hiText, std},
			typed: map[string]any{
				"year": f.Year, "unit_level": f.UnitLevel, "unit_code": f.UnitCode, "unit_name": name,
				"group": f.Group, "indicator": f.Indicator, "value": value, "numerator": opt(num),
				"denominator": opt(den), "unit_of_measure": f.Measure, "flag": f.Flag, "standard": std,
				"value_lower": lo, "value_upper": hi,
			},
		})
	}
	return out
}

// TestIndicatorColumnsMatchRows: every format written from the figures' columns is
// byte for byte the file written from one typed map a row (the way every table was
// written before), so moving to columns changed no published byte.
func TestIndicatorColumnsMatchRows(t *testing.T) {
	in := testInput(t)
	in.Release = Release{Version: "2025.1", Date: "2025-12-31"}
	w := &writer{in: in}
	rows := typedIndicatorRows(w, in.Table.Figures)
	ref, err := columnsOf(indicatorColumns, rows)
	if err != nil {
		t.Fatal(err)
	}
	cols := w.indicatorTable(in.Table.Figures)
	rel := w.release()
	formats := []struct {
		name  string
		write func(b *bytes.Buffer, t *opendata.Table, csvRows [][]string) error
	}{
		{"csv", func(b *bytes.Buffer, t *opendata.Table, csvRows [][]string) error {
			c, _ := opendata.NewCSV(b, IndicatorColumns)
			if csvRows != nil {
				for _, r := range csvRows {
					c.Row(r)
				}
			} else if err := c.Table(t); err != nil {
				return err
			}
			return c.Flush()
		}},
		{"json", func(b *bytes.Buffer, t *opendata.Table, _ [][]string) error { return opendata.WriteJSON(b, t, rel) }},
		{"parquet", func(b *bytes.Buffer, t *opendata.Table, _ [][]string) error {
			return opendata.WriteParquet(b, t, indicatorNullable, rel)
		}},
		{"xlsx", func(b *bytes.Buffer, t *opendata.Table, _ [][]string) error {
			return opendata.WriteXLSX(b, t, w.workbook(w.indicatorSheet(t)))
		}},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := f.write(&got, cols, nil); err != nil {
				t.Fatal(err)
			}
			if err := f.write(&want, ref, cells(rows)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("from columns %d bytes, from rows %d, and they differ", got.Len(), want.Len())
			}
		})
	}
}
