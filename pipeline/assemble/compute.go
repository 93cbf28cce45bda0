package assemble

import (
	"fmt"
	"slices"
	"strings"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/disclosure"
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
		out, err := assess(in, table, nil, st, coverage)
		return out, disclosure.Report{}, err
	}
	var (
		table  *indicator.Table
		parts  []publish.Part
		report disclosure.Report
		err    error
	)
	switch {
	case in.atScale():
		n := in.nest
		if n == nil || in.Sums == nil {
			return nil, report, fmt.Errorf("compute: no sums for %s %q", in.Portal.Unit.Level, in.Portal.Unit.Code)
		}
		if len(n.parts) > 0 {
			table, parts, report, err = protectParts(in.Sums, n, in.Portal.Disclosure.K)
			break
		}
		table = in.Sums.Table()
		report, err = disclosure.ProtectTree(table, in.Portal.Disclosure.K, n.tree)
	default:
		if in.Sums != nil {
			table = in.Sums.Table()
		} else if table, err = indicator.Compute(in.Dataset, specOf(in.Portal, in.StandardFor)); err != nil {
			return nil, report, err
		}
		report, err = disclosure.Protect(table, in.Portal.Disclosure.K)
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
	out, err := assess(in, table, parts, st, st.Coverage(in.Portal.Unit.Code))
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
// what publish writes, with or without the key.
func assess(in *Inputs, table *indicator.Table, parts []publish.Part, st *support.Table, coverage *indicator.Table) (*publish.Input, error) {
	years := in.Years
	out := &publish.Input{
		Portal: in.Portal, Standards: inUse(in.Portal, in.Standards), StandardFor: in.StandardFor,
		Plans: in.Plans, Targets: in.Targets, Programmes: in.Programmes,
		Table: table, Years: years, Registry: in.Registry, Parts: parts,
		Support: st, Coverage: coverage,
	}
	for _, t := range in.Targets {
		_, measured := indicator.Lookup(t.Indicator)
		obs := publish.Observations(table, years, in.Portal.Unit.Code, "all", t.Indicator)
		if strings.HasPrefix(t.Indicator, "support_coverage_") {
			// Measured once the support data records a need for the support type.
			obs = publish.Observations(coverage, st.Years, in.Portal.Unit.Code, "all", t.Indicator)
			measured = len(obs) > 0
		}
		a := progress.Assess(t, obs, measured)
		out.Assessments = append(out.Assessments, a)
		out.Projections = append(out.Projections, progress.Project(t, a))
	}
	if in.atScale() {
		out.AssessUnit = unitAssessor(in.Targets, years)
	}
	rel, err := release(years)
	if err != nil {
		return nil, err
	}
	out.Release = rel
	return out, nil
}

// unitAssessor assesses the targets for a commune or province of a larger build
// from its own published figures. The plan's baseline values are the plan's unit's,
// so they are left out: each unit's baseline is its own figure for the baseline
// year (or its earliest). Targets measured by support data are not measured at this
// scale, which reads no support data.
func unitAssessor(targets []config.Target, years []int) func(*indicator.Table, string) []progress.Assessment {
	return func(t *indicator.Table, unit string) []progress.Assessment {
		out := make([]progress.Assessment, len(targets))
		for i, tg := range targets {
			_, measured := indicator.Lookup(tg.Indicator)
			own := tg
			own.Baseline = nil
			out[i] = progress.Assess(own, publish.Observations(t, years, unit, "all", tg.Indicator), measured && !strings.HasPrefix(tg.Indicator, "support_coverage_"))
		}
		return out
	}
}

// release dates the data release at the close of the latest review (31 December),
// never the clock; publish numbers it against the releases kept in data/releases/.
func release(years []int) (publish.Release, error) {
	latest := years[len(years)-1]
	return publish.Release{Date: fmt.Sprintf("%d-12-31", latest)}, nil
}

// specOf says which units figures are computed for: the commune and its villages.
func specOf(p *config.Portal, sf func(int) (*standard.Standard, bool)) indicator.Spec {
	return indicator.Spec{Commune: p.Unit.Code, Villages: p.VillageCodes(), StandardFor: sf}
}
