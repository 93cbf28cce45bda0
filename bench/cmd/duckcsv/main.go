// Command duckcsv times DuckDB reading review files and grouping them by village,
// the yardstick for `portal build --no-site` over the same files (docs/benchmarks.md).
//
//	go run ./cmd/duckcsv '/tmp/prov/reviews/*.csv'
//
// It runs read_csv(glob, header = true) + GROUP BY year (the file), commune_code and
// village_code, with the count of households, poor and near-poor households and the
// sum of every numeric column, then prints the wall time, the rows and the peak
// memory (VmHWM). It does not use the portal's code, so it builds whatever the
// portal's API.
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	_ "github.com/marcboeker/go-duckdb"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: duckcsv 'DIR/reviews/*.csv'")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "duckcsv:", err)
		os.Exit(1)
	}
}

func run(glob string) error {
	start := time.Now()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	src := fmt.Sprintf("read_csv('%s', header = true, filename = true)", strings.ReplaceAll(glob, "'", "''"))
	rows, err := db.Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + src + ")")
	if err != nil {
		return err
	}
	var sums []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return err
		}
		if strings.Contains(typ, "INT") || typ == "DOUBLE" || typ == "BOOLEAN" {
			sums = append(sums, fmt.Sprintf(`sum("%s"::BIGINT)`, name))
		}
	}
	rows.Close()
	q := fmt.Sprintf(`SELECT filename, commune_code, village_code, count(*) AS households,
  count(*) FILTER (WHERE status = 'poor') AS poor, count(*) FILTER (WHERE status = 'near_poor') AS near_poor, %s
FROM %s GROUP BY ALL`, strings.Join(sums, ", "), src)
	res, err := db.Query(q)
	if err != nil {
		return err
	}
	defer res.Close()
	cols, _ := res.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var groups, households int64
	for res.Next() {
		if err := res.Scan(ptrs...); err != nil {
			return err
		}
		groups++
		households += vals[3].(int64)
	}
	if err := res.Err(); err != nil {
		return err
	}
	fmt.Printf("duckdb read_csv + GROUP BY: %d rows, %d groups, %d sums, %.2f s, peak %s\n",
		households, groups, len(sums), time.Since(start).Seconds(), peak())
	return nil
}

// peak is the process's peak resident memory, from /proc/self/status.
func peak() string {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
