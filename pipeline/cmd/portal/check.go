package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/assemble"
	"github.com/minhtien/portal/pipeline/story"
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
	fixPhotos := fs.Bool("fix-photos", false, "rewrite story photos that carry location data without any metadata, then check")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := lf.layout()
	if err != nil {
		return err
	}
	if *fixPhotos {
		fixed, err := story.FixPhotos(l.Content)
		if err != nil {
			return err
		}
		for _, f := range fixed {
			fmt.Fprintf(c.stdout, "đã xoá siêu dữ liệu / metadata removed: %s\n", f)
		}
	}
	in, err := assemble.Load(l, os.Getenv, lf.lang)
	if err != nil {
		return err
	}
	if in.Snapshot != nil {
		c.keylessSummary(in, lf.lang)
		return nil
	}
	c.summary(in, lf.lang)
	return nil
}

// keylessSummary says what was checked without the key, and what needs it.
func (c *checkCommand) keylessSummary(in *assemble.Inputs, lang string) {
	v := in.Snapshot.Version
	if lang == "en" {
		fmt.Fprintf(c.stdout, "ok without the key: settings, %d stories, %d sealed files (each sealed for the %d recipients of portal.toml), the same files release %s was computed from\n",
			in.Stories, len(in.Sealed), len(in.Portal.Data.Recipients), v)
		fmt.Fprintln(c.stdout, "  needs the key: checking the household rows, the data-quality warnings, new figures")
		return
	}
	fmt.Fprintf(c.stdout, "hợp lệ khi không có khoá: cấu hình, %d câu chuyện, %d tệp đã mã hoá (mỗi tệp cho đúng %d người nhận trong portal.toml), đúng các tệp bản phát hành %s được tính từ\n",
		in.Stories, len(in.Sealed), len(in.Portal.Data.Recipients), v)
	fmt.Fprintln(c.stdout, "  cần khoá: kiểm tra từng dòng dữ liệu hộ, cảnh báo chất lượng dữ liệu, số liệu mới")
}

// summary prints what was checked and the data-quality warnings, counted per village.
func (c *checkCommand) summary(in *assemble.Inputs, lang string) {
	rows := in.Rows
	years := in.Years
	perVillage := map[string]int{}
	warnings := 0
	for _, f := range in.Findings() {
		if !f.Error {
			warnings++
			perVillage[f.Village]++
		}
	}
	en := lang == "en"
	stories := in.Stories
	if en {
		fmt.Fprintf(c.stdout, "ok: %d files, %d rows, years %s, %d villages, %d stories, %d warnings\n",
			len(years), rows, yearRange(years), in.Villages(), stories, warnings)
	} else {
		fmt.Fprintf(c.stdout, "hợp lệ: %d tệp, %d dòng, các năm %s, %d thôn, %d câu chuyện, %d cảnh báo\n",
			len(years), rows, yearRange(years), in.Villages(), stories, warnings)
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
	fmt.Fprintln(c.stdout, assemble.Describe(in.Findings(), lang, false))
}

func yearRange(ys []int) string {
	if len(ys) == 0 {
		return "-"
	}
	return fmt.Sprintf("%d-%d", ys[0], ys[len(ys)-1])
}
