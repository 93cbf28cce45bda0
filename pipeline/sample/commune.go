package sample

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/paths"
)

// DefaultSeed is the seed of the committed sample (`portal sample` without --seed).
const DefaultSeed = 20221

// communeSettings are the settings the synthetic commune is generated for: the
// portal.toml, targets.toml, programmes.toml, units.toml and standards.toml the repository ships
// with its sample (sample = true). They are kept here, not read from data/, so the
// sample can be made outside any repository and, once a commune's real data replaces
// data/, the tests still have synthetic data to build.
//
//go:embed commune/*.toml
var communeSettings embed.FS

// SettingsFiles are the settings files of the synthetic commune, in writing order.
var SettingsFiles = []string{paths.PortalFile, paths.TargetsFile, paths.ProgrammesFile, paths.UnitsFile, paths.StandardsFile}

// Settings returns one of the synthetic commune's settings files.
func Settings(name string) ([]byte, error) {
	b, err := communeSettings.ReadFile("commune/" + name)
	if err != nil {
		return nil, fmt.Errorf("sample settings: %w", err)
	}
	return b, nil
}

// CommunePortal is the synthetic commune's portal.toml, parsed.
func CommunePortal() (*config.Portal, error) {
	b, err := Settings(paths.PortalFile)
	if err != nil {
		return nil, err
	}
	return config.ParsePortal(paths.PortalFile, b)
}

// WriteCommune writes a complete data folder for the synthetic commune into dir: its
// settings, reviews/<year>.csv and support/<year>.csv, as the repository ships them.
func WriteCommune(dir string) error {
	for _, name := range SettingsFiles {
		b, err := Settings(name)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	p, err := CommunePortal()
	if err != nil {
		return err
	}
	o := Committed(p.Unit.Code, p.VillageCodes(), DefaultSeed)
	years, err := Generate(o)
	if err != nil {
		return err
	}
	for _, recs := range years {
		s, ok := o.StandardFor(recs[0].Year)
		if !ok {
			return fmt.Errorf("sample: no standard for the %d review", recs[0].Year)
		}
		b, err := CSV(recs, s)
		if err != nil {
			return err
		}
		if err := writeFile(paths.YearCSV(paths.ReviewsIn(dir), recs[0].Year), b); err != nil {
			return err
		}
	}
	support, err := Support(years, p.VillageCodes(), DefaultSeed, o.StandardFor)
	if err != nil {
		return err
	}
	for _, recs := range support {
		b, err := SupportCSV(recs)
		if err != nil {
			return err
		}
		if err := writeFile(paths.YearCSV(paths.SupportIn(dir), recs[0].Year), b); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	return nil
}
