package assemble

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/publish"
	"github.com/minhtien/portal/pipeline/sample"
)

// repoRoot is the repository holding this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := paths.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// sandbox writes the synthetic commune's data (never data/, which may hold a
// commune's sealed data) and copies the content and the site into a temporary
// repository, so a test can build, break and rebuild without touching the working
// tree.
func sandbox(t testing.TB) paths.Layout {
	t.Helper()
	src := repoRoot(t)
	dst := t.TempDir()
	if err := sample.WriteCommune(filepath.Join(dst, "data")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"content", "site"} {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(src, dir))); err != nil {
			t.Fatal(err)
		}
	}
	return paths.New(dst, "", "", "", "")
}

// computeSample loads the synthetic commune in a sandbox and computes its figures,
// for the tests that check what the sample publishes.
func computeSample(t testing.TB) (*Inputs, *publish.Input) {
	t.Helper()
	l := sandbox(t)
	in, err := Load(l, func(string) string { return "" }, "en")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := Compute(l, in)
	if err != nil {
		t.Fatal(err)
	}
	return in, out
}

func build(t testing.TB, l paths.Layout, baseURL string) (*Result, error) {
	t.Helper()
	return Build(context.Background(), Options{Layout: l, BaseURL: baseURL, Lang: "en", Getenv: func(string) string { return "" }})
}

// treeHash fingerprints every file under dir by path and content.
func treeHash(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// poorRate2021 computes the commune's 2021 poor-household rate straight from the CSV,
// with no code of the pipeline, and formats it as the Vietnamese page shows it.
func poorRate2021(t testing.TB, l paths.Layout) (vi, en string) {
	t.Helper()
	f, err := os.Open(filepath.Join(l.Reviews(), "2021.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "status" {
			col = i
		}
	}
	poor := 0
	for _, r := range rows[1:] {
		if r[col] == "poor" {
			poor++
		}
	}
	tenths := (poor*2000 + len(rows) - 1) / (2 * (len(rows) - 1))
	en = strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10)
	return strings.Replace(en, ".", ",", 1), en
}

func TestBuildSampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	l := sandbox(t)
	if _, err := build(t, l, ""); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, p := range []string{"index.html", "en/index.html", "data/indicators.csv", "data/indicators.json",
		"targets/index.html", "villages/index.html", "stories/index.html", "data/index.html",
		"en/targets/index.html", "en/villages/index.html", "en/data/index.html", "targets/poverty-rate/index.html"} {
		if _, err := os.Stat(filepath.Join(l.Out, p)); err != nil {
			t.Errorf("missing %s: %v", p, err)
		}
	}
	vi, en := poorRate2021(t, l)
	// The home page's trend table: after the year's standard, the first figure of the
	// 2021 row is the rate.
	row := regexp.MustCompile(`<th scope="row">2021</th>\s*<td>2022-2025</td>\s*<td class="num"><span class="fig">([^<]+)</span>`)
	for page, want := range map[string]string{"index.html": vi, "en/index.html": en} {
		b, err := os.ReadFile(filepath.Join(l.Out, page))
		if err != nil {
			t.Fatal(err)
		}
		m := row.FindSubmatch(b)
		if m == nil || string(m[1]) != want {
			t.Errorf("%s: 2021 poor-household rate on the page = %q, computed from the CSV = %q", page, m, want)
		}
	}
	checkContains(t, filepath.Join(l.Out, "data/indicators.csv"), "2021,commune,12424,xã Minh Tiến,all,poor_rate,"+en+",")
	checkContains(t, filepath.Join(l.Out, "index.html"), "lang=\"vi\"", "Giảm nghèo")
	checkMoneyPage(t, l)

	first := treeHash(t, l.Out)
	if _, err := build(t, l, ""); err != nil {
		t.Fatalf("second build: %v", err)
	}
	second := treeHash(t, l.Out)
	if len(first) != len(second) {
		t.Fatalf("second build wrote %d files, first %d", len(second), len(first))
	}
	for p, h := range first {
		if second[p] != h {
			t.Errorf("%s differs between two builds of the same inputs", p)
		}
	}
}

func checkContains(t *testing.T, path string, wants ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range wants {
		if !bytes.Contains(b, []byte(w)) {
			t.Errorf("%s does not contain %q", path, w)
		}
	}
}

func TestBrokenDataLeavesSiteUntouched(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	l := sandbox(t)
	if _, err := build(t, l, ""); err != nil {
		t.Fatalf("build: %v", err)
	}
	before := treeHash(t, l.Out)
	path := filepath.Join(l.Reviews(), "2023.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	lines[5] = strings.Replace(lines[5], ",rural,", ",rurall,", 1)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build(t, l, "")
	var invalid *InvalidError
	if !errors.As(err, &invalid) {
		t.Fatalf("build of broken data: got %v, want an InvalidError", err)
	}
	if want := "2023.csv:6:"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not point at %s", err, want)
	}
	after := treeHash(t, l.Out)
	if len(after) != len(before) {
		t.Fatalf("public/ has %d files after a refused build, %d before", len(after), len(before))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed after a refused build", p)
		}
	}
}

// TestConcurrentBuildRefused: while another build holds the lock, a build is refused
// with the lock's path and writes nothing; once it is released (as the system does
// when a build dies) a build goes ahead, whatever the file still says.
func TestConcurrentBuildRefused(t *testing.T) {
	l := sandbox(t)
	getenv := func(string) string { return "" }
	release, err := lockBuild(l.BuildLock())
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: getenv})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), l.BuildLock()) || !strings.Contains(err.Error(), fmt.Sprint(os.Getpid())) {
		t.Fatalf("error %v, want ErrBusy naming %s and process %d", err, l.BuildLock(), os.Getpid())
	}
	if _, err := os.Stat(l.Build); err == nil {
		t.Error("the refused build wrote build/")
	}
	release()
	if _, err := Build(context.Background(), Options{Layout: l, NoSite: true, Getenv: getenv}); err != nil {
		t.Fatalf("after the lock was released: %v", err)
	}
}
