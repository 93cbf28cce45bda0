// Command scalebench times the portal's streaming read+aggregate on a large review
// file and DuckDB running the equivalent read_csv + GROUP BY on the same file, each in
// its own process (so each one's peak memory is its own), alternately, and prints
// them side by side.
//
//	cd bench && go run ./cmd/scalebench -rows 10000000
//
// The file (about 100 bytes a row) is generated once in -dir and kept for the next
// run unless -clean is given.
package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/marcboeker/go-duckdb"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

type result struct {
	Engine  string  `json:"engine"`
	Seconds float64 `json:"seconds"`
	Rows    int64   `json:"rows"`
	Bytes   int64   `json:"bytes"`
	PeakKB  int64   `json:"peak_kb"`
	Check   string  `json:"check"` // households, poor and near-poor in total, to compare the engines
}

func main() {
	rows := flag.Int("rows", 10_000_000, "rows of the generated review file")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "portal-scalebench"), "folder for the generated file")
	rounds := flag.Int("rounds", 3, "runs of each engine, alternating; the median is reported")
	engine := flag.String("engine", "", "internal: run one engine in this process (portal or duckdb)")
	clean := flag.Bool("clean", false, "delete the generated file at the end")
	cpuprofile := flag.String("cpuprofile", "", "with -engine: write a CPU profile")
	flag.Parse()
	path := filepath.Join(*dir, "2025.csv")
	if *engine != "" {
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err == nil {
				pprof.StartCPUProfile(f)
				defer pprof.StopCPUProfile()
			}
		}
		r, err := run(*engine, path, *rows)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	if err := generate(path, *rows); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st, _ := os.Stat(path)
	fmt.Printf("file: %s, %d rows, %.0f MB; %d cores (GOMAXPROCS %d)\n", path, *rows, float64(st.Size())/1e6, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	all := map[string][]result{}
	for i := 0; i < *rounds; i++ {
		for _, e := range []string{"portal", "duckdb"} {
			r, err := child(e, path, *rows, *dir)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Printf("  round %d %-6s %6.2f s  peak %5d MB  %s\n", i+1, e, r.Seconds, r.PeakKB/1024, r.Check)
			all[e] = append(all[e], r)
		}
	}
	fmt.Printf("\n%-8s %10s %12s %10s %10s\n", "engine", "wall (s)", "rows/s", "MB/s", "peak MB")
	med := map[string]result{}
	for _, e := range []string{"portal", "duckdb"} {
		rs := all[e]
		sort.Slice(rs, func(i, j int) bool { return rs[i].Seconds < rs[j].Seconds })
		m := rs[len(rs)/2]
		peak := int64(0)
		for _, r := range rs {
			peak = max(peak, r.PeakKB)
		}
		m.PeakKB = peak
		med[e] = m
		fmt.Printf("%-8s %10.2f %12.0f %10.0f %10d\n", e, m.Seconds, float64(m.Rows)/m.Seconds, float64(m.Bytes)/1e6/m.Seconds, m.PeakKB/1024)
	}
	fmt.Printf("portal/duckdb wall-time ratio: %.2f (below 1: the portal is faster)\n", med["portal"].Seconds/med["duckdb"].Seconds)
	if p, _, _ := strings.Cut(med["portal"].Check, " warnings"); p != med["duckdb"].Check {
		fmt.Printf("WARNING: the engines disagree: %s vs %s\n", med["portal"].Check, med["duckdb"].Check)
	}
	if *clean {
		os.RemoveAll(*dir)
	}
}

// generate writes the file unless a complete one of the same size is there.
func generate(path string, rows int) error {
	marker := path + ".rows"
	if b, err := os.ReadFile(marker); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(rows) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	start := time.Now()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	n, err := sample.WriteRows(f, rows, 2025, 1)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("generated %d rows (%.0f MB) in %.1f s\n", rows, float64(n)/1e6, time.Since(start).Seconds())
	return os.WriteFile(marker, []byte(strconv.Itoa(rows)), 0o644)
}

func child(engine, path string, rows int, dir string) (result, error) {
	exe, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command(exe, "-engine", engine, "-rows", strconv.Itoa(rows), "-dir", dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("%s: %w", engine, err)
	}
	var r result
	return r, json.Unmarshal(out, &r)
}

func run(engine, path string, rows int) (result, error) {
	st, err := os.Stat(path)
	if err != nil {
		return result{}, err
	}
	r := result{Engine: engine, Bytes: st.Size()}
	start := time.Now()
	switch engine {
	case "portal":
		err = runPortal(path, rows, &r)
	case "duckdb":
		err = runDuckDB(path, &r)
	default:
		err = fmt.Errorf("unknown engine %q", engine)
	}
	r.Seconds = time.Since(start).Seconds()
	r.PeakKB = peakKB()
	return r, err
}

// runPortal is the pipeline's read and aggregate stages: the streaming reader with
// every check of the contract (including the classification under the standard and
// the duplicate-household check), and the indicator engine over its batches for the
// province-like top unit, every commune and every village, for all households and the
// four priority groups.
func runPortal(path string, rows int, r *result) error {
	communes := (rows + 7999) / 8000
	spec := indicator.Spec{Commune: "VN", Level: "nation"}
	rules := review.Rules{Communes: map[string]bool{}, Villages: map[string]bool{}, Classify: classify2022}
	for i := 0; i < communes; i++ {
		c := sample.CommuneCode(i)
		spec.Communes = append(spec.Communes, c)
		rules.Communes[c] = true
		for v := 1; v <= 10; v++ {
			code := fmt.Sprintf("%s-T%02d", c, v)
			spec.Villages = append(spec.Villages, code)
			rules.Villages[code] = true
		}
	}
	agg := indicator.NewAggregator(spec, 1, 0)
	if err := agg.StartYear(2025); err != nil {
		return err
	}
	var aggErr error
	res, ps, err := review.StreamFile(path, rules, review.StreamOptions{}, func(b *review.Batch) {
		if err := agg.Add(b); err != nil && aggErr == nil {
			aggErr = err
		}
	})
	if err != nil {
		return err
	}
	if aggErr != nil {
		return aggErr
	}
	for _, p := range ps {
		if p.Severity == review.SeverityError {
			return fmt.Errorf("%s", p.Error())
		}
	}
	agg.EndYear()
	t := agg.Table()
	get := func(ind string) int64 {
		// The top unit's figures for all households come first.
		for _, f := range t.Figures[:len(indicator.Definitions)] {
			if f.Indicator == ind {
				return f.Num
			}
		}
		return -1
	}
	r.Rows = int64(res.Rows)
	r.Check = fmt.Sprintf("households=%d poor=%d near_poor=%d warnings=%d", get("households"), get("poor_households"), get("near_poor_households"), len(ps))
	return nil
}

func classify2022(year int, rec *review.Record) (string, error) {
	s, err := standard.Lookup("2022-2025")
	if err != nil {
		return "", err
	}
	deps := 0
	for _, d := range rec.Deprivations() {
		deps += d
	}
	agrees, got, err := s.Agrees(rec.Status, standard.Household{Area: rec.Area, Income: rec.IncomePerCapita, Deprivations: deps})
	if err != nil || agrees {
		return rec.Status, err
	}
	return got, nil
}

// duckQuery is the same aggregation per village: households, poor and near-poor, and
// the sums over poor and near-poor households the portal's indicators divide.
const duckQuery = `
SELECT commune_code, village_code,
  count(*) AS households,
  count(*) FILTER (WHERE status = 'poor') AS poor,
  count(*) FILTER (WHERE status = 'near_poor') AS near_poor,
  %s,
  sum(members) FILTER (WHERE pn) AS members, sum(members_insured) FILTER (WHERE pn) AS insured,
  sum(children_6_15) FILTER (WHERE pn) AS children, sum(children_6_15_in_school) FILTER (WHERE pn) AS in_school
FROM (SELECT *, status IN ('poor', 'near_poor') AS pn FROM read_csv('%s', header = true))
GROUP BY commune_code, village_code`

func runDuckDB(path string, r *result) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	var deps []string
	for _, d := range review.DeprivationColumns {
		deps = append(deps, fmt.Sprintf("sum(%s) FILTER (WHERE pn) AS %s", d, d))
	}
	q := fmt.Sprintf(duckQuery, strings.Join(deps, ", "), path)
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var hh, poor, near int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		hh += toInt(vals[2])
		poor += toInt(vals[3])
		near += toInt(vals[4])
	}
	r.Rows = hh
	r.Check = fmt.Sprintf("households=%d poor=%d near_poor=%d", hh, poor, near)
	return rows.Err()
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int32:
		return int64(x)
	case uint64:
		return int64(x)
	}
	return 0
}

// peakKB is the process's peak resident memory (VmHWM).
func peakKB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return 0
}
