package assemble

import (
	"fmt"
	"slices"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
	"github.com/minhtien/portal/pipeline/glpk"
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/progress"
	"github.com/minhtien/portal/pipeline/publish"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/support"
)

// Compute computes, protects and assesses: it returns what publish writes. Nothing
// unprotected leaves this function.
func Compute(l paths.Layout, in *Inputs) (*publish.Input, disclosure.Report, error) {
	if len(in.Years) == 0 {
		return nil, disclosure.Report{}, fmt.Errorf("compute: no review data")
	}
	if in.Snapshot != nil {
		// Without the key: the release's figures, protected already.
		table, st, coverage := in.Snapshot.Tables()
		describeYears(table, in.Years, in.StandardFor)
		out, err := assess(in, table, nil, nil, st, coverage)
		return out, disclosure.Report{}, err
	}
	opts, err := protectOptions(in.Portal.Disclosure)
	if err != nil {
		return nil, disclosure.Report{}, err
	}
	var (
		table  *indicator.Table
		parts  []publish.Part
		units  map[string][]progress.Assessment
		report disclosure.Report
	)
	switch {
	case in.atScale():
		n := in.nest
		if n == nil || in.Sums == nil {
			return nil, report, fmt.Errorf("compute: no sums for %s %q", in.Portal.Unit.Level, in.Portal.Unit.Code)
		}
		if len(n.parts) > 0 {
			table, parts, units, report, err = protectParts(in, n, opts)
			break
		}
		table = in.Sums.Table()
		report, err = disclosure.ProtectTree(table, in.Portal.Disclosure.K, n.tree, opts...)
	default:
		if in.Sums != nil {
			table = in.Sums.Table()
		} else if table, err = indicator.Compute(in.Dataset, specOf(in.Portal, in.StandardFor)); err != nil {
			return nil, report, err
		}
		report, err = disclosure.Protect(table, in.Portal.Disclosure.K, opts...)
	}
	if err != nil {
		return nil, report, err
	}
	// Support and spending: aggregated, protected, and the commune's coverage of each
	// support type for the "100% of those who need it" targets.
	sd := in.Support
	if sd == nil {
		sd = &support.Dataset{}
	}
	st, err := support.Compute(sd, in.Portal.Unit.Code, in.Portal.VillageCodes())
	if err != nil {
		return nil, report, err
	}
	sreport, err := support.Protect(st, in.Portal.Disclosure.K)
	if err != nil {
		return nil, report, err
	}
	report.Primary += sreport.Primary
	report.Secondary += sreport.Secondary
	out, err := assess(in, table, parts, units, st, st.Coverage(in.Portal.Unit.Code))
	return out, report, err
}

// describeYears gives a table read back from a release what the engine gives the
// tables it computes: the catalogue of the standards its years were computed under,
// each year's standard and whether that standard weighs its indicators unequally.
// They come from standards.toml and portal.toml, which are public; the downloads'
// standard column and deprivation rows follow them.
func describeYears(t *indicator.Table, years []int, sf func(int) (*standard.Standard, bool)) {
	t.Standards, t.Weighted = map[int]string{}, map[int]bool{}
	var stds []*standard.Standard
	for _, y := range years {
		s, ok := sf(y)
		if !ok {
			continue
		}
		t.Standards[y] = s.ID
		for _, ind := range s.Indicators {
			t.Weighted[y] = t.Weighted[y] || ind.Weight != s.Indicators[0].Weight
		}
		if !slices.Contains(stds, s) {
			stds = append(stds, s)
		}
	}
	t.Definitions = indicator.Catalogue(stds)
}

// assess assesses the targets from the protected figures and dates the release:
// what publish writes, with or without the key. units are the assessments of the
// communes and provinces of a larger build that the protection of its parts made
// (nil: none, or assessed here from table).
func assess(in *Inputs, table *indicator.Table, parts []publish.Part, units map[string][]progress.Assessment, st *support.Table, coverage *indicator.Table) (*publish.Input, error) {
	years := in.Years
	out := &publish.Input{
		Portal: in.Portal, Standards: inUse(in.Portal, in.Standards), StandardFor: in.StandardFor,
		Plans: in.Plans, Targets: in.Targets, Programmes: in.Programmes,
		Table: table, Years: years, Registry: in.Registry, Parts: parts,
		Support: st, Coverage: coverage,
	}
	own := progress.Tables{Figures: table, Years: years, Coverage: coverage}
	if st != nil {
		own.SupportYears = st.Years
	}
	out.Assessments, out.Projections = progress.Targets(in.Targets, own, in.Portal.Unit.Code)
	if in.atScale() {
		if units == nil {
			units = progress.Units(in.Targets, table, years, communeCodes(in.Registry, in.Portal.Unit.Code))
		}
		out.UnitAssessments = units
	}
	rel, err := dated(years)
	if err != nil {
		return nil, err
	}
	out.Release = rel
	return out, nil
}

// communeCodes are the codes of the communes within the unit code, in registry order.
func communeCodes(r *config.Registry, code string) []string {
	var out []string
	for _, c := range r.Communes(code) {
		out = append(out, c.Code)
	}
	return out
}

// dated dates the data release at the close of the latest review (31 December),
// never the clock; publish numbers it against the releases kept in data/releases/.
func dated(years []int) (publish.Release, error) {
	latest := years[len(years)-1]
	return publish.Release{Date: fmt.Sprintf("%d-12-31", latest)}, nil
}

// specOf says which units figures are computed for: the commune and its villages.
func specOf(p *config.Portal, sf func(int) (*standard.Standard, bool)) indicator.Spec {
	return indicator.Spec{Top: p.Unit.Code, Villages: p.VillageCodes(), StandardFor: sf}
}

// protectOptions are the disclosure options portal.toml asks for: the exact LP
// needs glpsol, and a build that cannot run it refuses rather than protect less
// than the maintainers asked.
func protectOptions(d config.Disclosure) ([]disclosure.Option, error) {
	if !d.ExactLP {
		return nil, nil
	}
	solve, err := glpk.Solver()
	if err != nil {
		return nil, fmt.Errorf("compute: data/portal.toml sets disclosure.exact_lp = true, but %w / portal.toml đặt disclosure.exact_lp = true nhưng máy chưa cài glpsol (GLPK): chạy apt-get install glpk-utils", err)
	}
	return []disclosure.Option{disclosure.WithExactLP(solve)}, nil
}
