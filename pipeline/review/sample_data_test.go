package review_test

import (
	"path/filepath"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/sample"
	"github.com/minhtien/portal/pipeline/standard"
)

// TestCommittedSampleData checks that the shipped sample (as sample.WriteCommune
// writes it, never data/reviews, which may hold a commune's sealed data) passes the
// contract with zero errors against the sample's portal.toml.
func TestCommittedSampleData(t *testing.T) {
	root := t.TempDir()
	if err := sample.WriteCommune(root); err != nil {
		t.Fatal(err)
	}
	p, err := config.LoadPortal(filepath.Join(root, "portal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	stds, err := standard.Load(filepath.Join(root, "standards.toml"))
	if err != nil {
		t.Fatal(err)
	}
	villages := map[string]bool{}
	for _, v := range p.Villages {
		villages[v.Code] = true
	}
	d, ps, err := review.Read(filepath.Join(root, "reviews"), review.Rules{CommuneCode: p.Unit.Code, Villages: villages, StandardFor: func(year int) (*standard.Standard, bool) {
		id, ok := p.StandardFor(year)
		s, err := stds.Lookup(id)
		return s, ok && err == nil
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	warnings := 0
	for _, pr := range ps {
		if pr.Severity == problem.SeverityError {
			t.Error(pr.Message("en"))
			continue
		}
		warnings++
	}
	rows := 0
	for _, f := range d.Files {
		rows += len(f.Records)
	}
	if len(d.Files) == 0 || rows == 0 {
		t.Fatalf("no data read")
	}
	t.Logf("%d files, %d rows, years %v, %d warnings", len(d.Files), rows, d.Years(), warnings)
}
