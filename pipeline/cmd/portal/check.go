package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/review"
)

type checkCommand struct {
	stdout, stderr io.Writer
}

func (c *checkCommand) Name() string { return "check" }
func (c *checkCommand) Synopsis() string {
	return "validate every input and story and list every problem; writes nothing"
}

func (c *checkCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Name(), c.Synopsis(), c.stderr)
	var lf layoutFlags
	lf.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	in, err := assemble.Load(l, os.Getenv, lf.lang)
	if err != nil {
		return err
	}
	c.summary(in, lf.lang)
	return nil
}

// summary prints what was checked and the data-quality warnings, counted per village.
func (c *checkCommand) summary(in *assemble.Inputs, lang string) {
	rows := 0
	for _, f := range in.Dataset.Files {
		rows += len(f.Records)
	}
	years := in.Dataset.Years()
	perVillage := map[string]int{}
	warnings := 0
	for _, p := range in.Problems {
		if p.Severity == review.SeverityWarning {
			warnings++
			perVillage[p.Village]++
		}
	}
	en := lang == "en"
	if en {
		fmt.Fprintf(c.stdout, "ok: %d files, %d rows, years %s, %d villages, %d data-quality warnings\n",
			len(in.Dataset.Files), rows, yearRange(years), len(in.Portal.Villages), warnings)
	} else {
		fmt.Fprintf(c.stdout, "hợp lệ: %d tệp, %d dòng, các năm %s, %d thôn, %d cảnh báo chất lượng dữ liệu\n",
			len(in.Dataset.Files), rows, yearRange(years), len(in.Portal.Villages), warnings)
	}
	if warnings == 0 {
		return
	}
	var vs []string
	for v := range perVillage {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	var parts []string
	for _, v := range vs {
		name := v
		if name == "" {
			name = "-"
		}
		parts = append(parts, fmt.Sprintf("%s: %d", name, perVillage[v]))
	}
	fmt.Fprintln(c.stdout, "  "+strings.Join(parts, ", "))
	fmt.Fprintln(c.stdout, assemble.Describe(in.Problems, lang, review.SeverityWarning))
}

func yearRange(ys []int) string {
	if len(ys) == 0 {
		return "-"
	}
	return fmt.Sprintf("%d-%d", ys[0], ys[len(ys)-1])
}
