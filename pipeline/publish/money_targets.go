package publish

import "github.com/minhtien/portal/pipeline/support"

// Money next to outcomes (issue 17): each target's page shows the programmes and money
// aimed at it, and each programme's page the targets its support serves. A support
// type serves a target when support.Serves says so for the target's indicator; a
// programme is aimed at a target when it delivered support of such a type in the
// commune. Every amount is a sum of the protected commune figures, withheld when any
// part is (as everywhere on the money pages), so no sum gives back a withheld part.

// targetMoney is the money aimed at one target.
type targetMoney struct {
	// All says every support type serves the target (the plan's aim, the poverty
	// rate): the page then says the figures are the plan's whole spending.
	All bool `json:"all"`
	// Sources are the funding sources spent from, the columns of Years' by_source.
	Sources []codeName `json:"sources"`
	// Programmes are the programmes aimed at the target, one entry per kind of money
	// (a programme that spent and lent has two, the loans marked Lent).
	Programmes []targetProgramme `json:"programmes"`
	Years      []targetYear      `json:"years"`
	// Lends says some of the money aimed at the target was lent.
	Lends bool `json:"lends"`
	// Coverage is the share of those who need it reached, for a target of "100% of
	// those who need it"; nil for others.
	Coverage *coverageSeries `json:"coverage"`
}

// targetProgramme is one programme aimed at a target: the support types through which
// it serves it and what it spent on them, one cell per year of money.json's years.
type targetProgramme struct {
	Code         string      `json:"code"`
	Name         bilingual   `json:"name"`
	SupportTypes []codeName  `json:"support_types"`
	ByYear       []moneyCell `json:"by_year"`
	// Lent says ByYear is what the programme lent, not what it spent.
	Lent bool `json:"lent"`
}

// targetYear is the money aimed at a target in one year: Total what was spent and
// Lent what was lent, never added together, and the spending by source (one cell per
// targetMoney.Sources).
type targetYear struct {
	Year     int         `json:"year"`
	Total    moneyCell   `json:"total"`
	Lent     moneyCell   `json:"lent"`
	BySource []moneyCell `json:"by_source"`
}

// servedTarget is a target a programme's support serves, with its assessment.
type servedTarget struct {
	ID     string    `json:"id"`
	Title  bilingual `json:"title"`
	Status string    `json:"status"`
	Final  bool      `json:"final"`
}

// targetLinks fills m.ByTarget and m.TargetsOf.
func (w *writer) targetLinks(m *moneyJSON) {
	for i, t := range w.in.Targets {
		tm := w.targetMoney(t.Indicator, *m)
		m.ByTarget[t.ID] = tm
		st := servedTarget{ID: t.ID, Title: both(t.TitleVI, t.TitleEN)}
		if i < len(w.in.Assessments) {
			st.Status, st.Final = w.in.Assessments[i].Status, w.in.Assessments[i].Final
		}
		for j, p := range tm.Programmes {
			if j == 0 || tm.Programmes[j-1].Code != p.Code {
				m.TargetsOf[p.Code] = append(m.TargetsOf[p.Code], st)
			}
		}
	}
}

// targetMoney gathers the commune's support that serves the indicator ind.
func (w *writer) targetMoney(ind string, m moneyJSON) targetMoney {
	tm := targetMoney{All: support.ServesAll(ind), Sources: []codeName{}, Programmes: []targetProgramme{}, Years: []targetYear{}}
	types := map[string]map[string]bool{} // programme -> support types serving ind
	// Sums by year and programme, by year and source, and by year alone (both "").
	type key struct {
		year                    int
		programme, source, kind string
	}
	sums := map[key]*sum{}
	spent, kinds := map[string]bool{}, map[string]map[string]bool{}
	st := w.in.Support
	for i := range st.Figures {
		f := &st.Figures[i]
		if f.UnitCode != w.in.Portal.Unit.Code || !support.Serves(f.SupportType, ind) {
			continue
		}
		if types[f.Programme] == nil {
			types[f.Programme] = map[string]bool{}
		}
		types[f.Programme][f.SupportType] = true
		if f.Indicator != support.AmountVND {
			continue
		}
		kind := moneyKind(f)
		if kind == kindSpent {
			spent[f.FundingSource] = true
		}
		if kinds[f.Programme] == nil {
			kinds[f.Programme] = map[string]bool{}
		}
		kinds[f.Programme][kind] = true
		tm.Lends = tm.Lends || kind == kindLent
		for _, k := range []key{{f.Year, f.Programme, "", kind}, {f.Year, "", f.FundingSource, kind}, {f.Year, "", "", kind}} {
			if sums[k] == nil {
				sums[k] = &sum{}
			}
			sums[k].add(f)
		}
	}
	cell := func(k key) moneyCell {
		if s := sums[k]; s != nil {
			return s.cell()
		}
		return sum{}.cell()
	}
	for _, s := range m.Sources {
		if spent[s.Code] {
			tm.Sources = append(tm.Sources, s)
		}
	}
	for _, p := range m.Programmes {
		if types[p.Code] == nil {
			continue
		}
		var served []codeName
		for _, t := range m.SupportTypes {
			if types[p.Code][t.Code] {
				served = append(served, t)
			}
		}
		for _, kind := range []string{kindSpent, kindLent} {
			// A programme that delivered support without money (counts only) keeps a
			// row of its spending, 0.
			if !kinds[p.Code][kind] && (kind == kindLent || kinds[p.Code][kindLent]) {
				continue
			}
			tp := targetProgramme{Code: p.Code, Name: p.Name, SupportTypes: append([]codeName{}, served...), Lent: kind == kindLent}
			for _, y := range m.Years {
				tp.ByYear = append(tp.ByYear, cell(key{y.Year, p.Code, "", kind}))
			}
			tm.Programmes = append(tm.Programmes, tp)
		}
	}
	for _, y := range m.Years {
		ty := targetYear{Year: y.Year, Total: cell(key{y.Year, "", "", kindSpent}), Lent: cell(key{y.Year, "", "", kindLent}), BySource: []moneyCell{}}
		for _, s := range tm.Sources {
			ty.BySource = append(ty.BySource, cell(key{y.Year, "", s.Code, kindSpent}))
		}
		tm.Years = append(tm.Years, ty)
	}
	for i := range m.Coverage {
		if m.Coverage[i].Indicator == ind {
			c := m.Coverage[i]
			tm.Coverage = &c
		}
	}
	return tm
}
