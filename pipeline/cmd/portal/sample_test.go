package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/sample"
)

// tinyProvince is the province scale shrunk to three small communes, for tests.
func tinyProvince(name string) (sample.Scale, bool) {
	s, ok := sample.ScaleByName(name)
	s.Communes, s.Households, s.Years = 3, 1500, 2
	return s, ok
}

func mustScale(t *testing.T) sample.Scale {
	s, ok := tinyProvince("province")
	if !ok {
		t.Fatal("no province scale")
	}
	return s
}

// TestSampleProvinceWritesADataFolder: `portal sample --scale province --out DIR`
// writes settings, registry, targets, programmes and reviews that load together.
func TestSampleProvinceWritesADataFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "province")
	var out, errOut bytes.Buffer
	c := &sampleCommand{stdout: &out, stderr: &errOut, scaleOf: tinyProvince}
	if err := c.Run(context.Background(), []string{"--scale", "province", "--out", dir}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	files := []string{"portal.toml", "units.toml", "targets.toml", "programmes.toml", "reviews/2021.csv", "reviews/2022.csv"}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Error(err)
			}
		})
	}
	p, err := config.LoadPortal(filepath.Join(dir, "portal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := config.LoadUnits(filepath.Join(dir, "units.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.CheckPortal(p); err != nil {
		t.Error(err)
	}
	if p.Unit.Level != config.LevelProvince || p.Unit.Code != "33" || !p.Data.Sample || len(r.Communes("33")) != 3 {
		t.Errorf("unit %+v, sample %v, %d communes", p.Unit, p.Data.Sample, len(r.Communes("33")))
	}
	villages := 0
	for _, u := range sample.Units(mustScale(t), 20221) {
		villages += len(u.Villages)
	}
	var checkOut, checkErr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--data", dir, "--lang", "en"}, &checkOut, &checkErr); code != 0 {
		t.Fatalf("portal check of the sample: exit %d: %s", code, checkErr.String())
	}
	if want := fmt.Sprintf("years 2021-2022, %d villages", villages); !strings.HasPrefix(checkOut.String(), "ok: 2 files") || !strings.Contains(checkOut.String(), want) {
		t.Errorf("portal check says %q, want %q", checkOut.String(), want)
	}
	if err := c.Run(context.Background(), []string{"--scale", "province"}); err == nil {
		t.Error("a province sample without --out was accepted")
	}
}

// TestSampleHouseholds: --households sets the size of a scale sample's first review,
// and a number too small for its communes is refused with the minimum.
func TestSampleHouseholds(t *testing.T) {
	for _, tc := range []struct {
		name       string
		households string
		wantErr    string
		wantRows   int
	}{
		{"smaller sample", "900", "", 900},
		{"too few for the communes", "100", "at least 600", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "province")
			var out, errOut bytes.Buffer
			c := &sampleCommand{stdout: &out, stderr: &errOut, scaleOf: tinyProvince}
			err := c.Run(context.Background(), []string{"--scale", "province", "--out", dir, "--households", tc.households})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut.String())
			}
			b, err := os.ReadFile(filepath.Join(dir, "reviews", "2021.csv"))
			if err != nil {
				t.Fatal(err)
			}
			rows := strings.Count(string(b), "\n") - 1
			if rows < tc.wantRows*95/100 || rows > tc.wantRows*105/100 {
				t.Errorf("%d households in the first review, want about %d", rows, tc.wantRows)
			}
		})
	}
}

// TestSampleOutsideARepository: `portal sample` needs no repository; outside one it
// uses the synthetic commune's own settings.
func TestSampleOutsideARepository(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"province", []string{"--scale", "province", "--out", "prov"}, []string{"prov/portal.toml", "prov/targets.toml", "prov/reviews/2022.csv"}},
		{"commune", []string{"--out", "commune/reviews"}, []string{"commune/reviews/2025.csv", "commune/support/2025.csv"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			cmd := &sampleCommand{stdout: &out, stderr: &errOut, scaleOf: tinyProvince}
			if err := cmd.Run(context.Background(), c.args); err != nil {
				t.Fatalf("%v\n%s", err, errOut.String())
			}
			for _, f := range c.want {
				if _, err := os.Stat(f); err != nil {
					t.Error(err)
				}
			}
		})
	}
	var out, errOut bytes.Buffer
	cmd := &sampleCommand{stdout: &out, stderr: &errOut}
	if err := cmd.Run(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("commune sample outside a repository without --out: %v, want a usage error naming --out", err)
	}
}
