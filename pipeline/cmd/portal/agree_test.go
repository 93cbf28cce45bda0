package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/sample"
)

// TestCheckAndBuildAgree runs `portal check --content DIR` and `portal build --content
// DIR` on every story fixture (pipeline/story/testdata/fixtures): both refuse it or both
// pass, and a build that passes publishes the very folder that was checked.
func TestCheckAndBuildAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site for each accepted fixture")
	}
	repo, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// A root of its own, so build/ and public/ are the test's, with the synthetic
	// commune's data (never data/, which a live commune seals); the two review years
	// the fixtures' stories cite keep the 150 checks and builds quick.
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := sample.WriteCommune(data); err != nil {
		t.Fatal(err)
	}
	for _, y := range []int{2021, 2022, 2023, 2026} {
		os.Remove(paths.YearCSV(paths.ReviewsIn(data), y))
		os.Remove(paths.YearCSV(paths.SupportIn(data), y))
	}
	t.Chdir(root)
	fixtures, err := filepath.Glob(filepath.Join(repo, "pipeline", "story", "testdata", "fixtures", "*", "*"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range fixtures {
		kind, name := filepath.Base(filepath.Dir(dir)), filepath.Base(dir)
		t.Run(kind+"/"+name, func(t *testing.T) {
			content := filepath.Join(dir, "content")
			out := filepath.Join(root, "public-"+name)
			common := []string{"--lang", "en", "--content", content}
			var cOut, cErr, bOut, bErr bytes.Buffer
			checked := run(context.Background(), append([]string{"check"}, common...), &cOut, &cErr) == 0
			built := run(context.Background(), append([]string{"build", "--site", filepath.Join(repo, "site"), "--out", out}, common...), &bOut, &bErr) == 0
			if checked != built {
				t.Fatalf("check passed: %v, build passed: %v\ncheck: %s%s\nbuild: %s%s", checked, built, cOut.String(), cErr.String(), bOut.String(), bErr.String())
			}
			if want := kind != "refused"; checked != want {
				t.Fatalf("check passed: %v, want %v\n%s%s", checked, want, cOut.String(), cErr.String())
			}
			if !built {
				return
			}
			// The story published is the fixture's, not the repository's stories.
			page, err := os.ReadFile(filepath.Join(out, "stories", "2024-x", "index.html"))
			if err != nil {
				t.Fatalf("the checked story was not built: %v", err)
			}
			if !strings.Contains(string(page), "Một hộ ở Thôn Đông thoát nghèo") {
				t.Error("the built story is not the checked one")
			}
			if _, err := os.Stat(filepath.Join(out, "stories", "2024-nuoi-bo-sinh-san")); err == nil {
				t.Error("the repository's content/ was built instead of --content")
			}
			os.RemoveAll(out)
		})
	}
}
