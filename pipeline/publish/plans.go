package publish

import (
	"sort"

	"github.com/minhtien/portal/pipeline/config"
)

// planJSON is one plan as the site shows it: the current plan first, then the
// finished ones, archived with their final verdicts.
type planJSON struct {
	ID       string    `json:"id"`
	Period   string    `json:"period"`
	Title    bilingual `json:"title"`
	Document string    `json:"document"`
	// Finished: the review of the plan's last year is in, so its targets' verdicts
	// are final. Current: the first plan, by period, that is not finished.
	Finished bool     `json:"finished"`
	Current  bool     `json:"current"`
	Targets  []string `json:"targets"`
}

// plansOf returns the plans the targets belong to: targets.toml's, or portal.toml's
// [plan] for all of them when targets.toml declares none.
func (w *writer) plansOf() []config.Plan {
	if len(w.in.Plans) > 0 {
		return w.in.Plans
	}
	p := w.in.Portal.Plan
	p.ID = p.Period
	return []config.Plan{p}
}

// planOf returns the id of a target's plan.
func (w *writer) planOf(t config.Target) string {
	if t.Plan != "" {
		return t.Plan
	}
	return w.plansOf()[0].ID
}

// plans returns the plans in the order the site shows them: those not finished by
// period (the first of them is current), then the finished ones, latest first.
func (w *writer) plans() []planJSON {
	latest := 0
	if n := len(w.in.Years); n > 0 {
		latest = w.in.Years[n-1]
	}
	var open, done []planJSON
	for _, p := range w.plansOf() {
		_, to, _ := p.PeriodYears()
		pj := planJSON{ID: p.ID, Period: p.Period, Title: both(p.TitleVI, p.TitleEN), Document: p.Document,
			Finished: latest >= to, Targets: []string{}}
		for _, t := range w.in.Targets {
			if w.planOf(t) == p.ID {
				pj.Targets = append(pj.Targets, t.ID)
			}
		}
		if pj.Finished {
			done = append(done, pj)
		} else {
			open = append(open, pj)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Period < open[j].Period })
	sort.SliceStable(done, func(i, j int) bool { return done[i].Period > done[j].Period })
	if len(open) > 0 {
		open[0].Current = true
	}
	return append(open, done...)
}
