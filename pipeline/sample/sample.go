// Package sample generates deterministic synthetic household reviews that look like a
// real commune's, so the portal can be built, tested and shown without real data.
package sample

import (
	"fmt"
	"github.com/minhtien/portal/pipeline/config"
	"math/rand/v2"
	"sync"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
)

// Options shape a generated dataset.
type Options struct {
	Seed        uint64
	CommuneCode string
	Villages    []string
	FirstYear   int
	Years       int
	Households  int
	// PoorRates is the share of poor households per year, in percent.
	PoorRates []float64
	// LaterRates are the poor shares of reviews after the first Years, generated
	// after the first year's calibration so that the first Years stay as they were.
	LaterRates []float64
	// StandardFor gives the standard of each year: its indicators are the columns
	// written, and incomes are drawn around its lines.
	StandardFor func(year int) (*standard.Standard, bool)
}

// Commune returns the options of the committed sample: about 2,400 households in the
// given villages, reviewed 2021-2025, with the poor-household rate falling from 3.5%
// toward the plan's 1.2% target.
func Commune(code string, villages []string, seed uint64) Options {
	return Options{
		Seed:        seed,
		CommuneCode: code,
		Villages:    villages,
		FirstYear:   2021,
		Years:       5,
		Households:  2400,
		PoorRates:   []float64{3.5, 2.9, 2.3, 1.7, 1.1},
		StandardFor: Standards,
	}
}

// Committed returns the options of the committed sample (data/reviews): Commune's
// reviews, then a 2026 review under the next standard, whose higher income line makes
// more households poor (2.4%), so that the site shows the break in the series.
func Committed(code string, villages []string, seed uint64) Options {
	o := Commune(code, villages, seed)
	o.LaterRates = []float64{2.4}
	return o
}

// SchoolBaseline is the plan's 2021 school-attendance rate for children of poor and
// near-poor households, 98.41%, which the sample reproduces as 62 in school per 63.
const (
	schoolInSchoolPer = 62
	schoolChildrenPer = 63
)

// household is the generator's state of one household across years.
type household struct {
	id       string
	village  int
	members  int
	children int
	flags    [4]int
	wasPoor  bool
	status   string
	leftYear int
}

// Generate returns one slice of records per year, in household-id order.
func Generate(o Options) ([][]review.Record, error) {
	if len(o.PoorRates) != o.Years {
		return nil, fmt.Errorf("sample: %d poor rates for %d years", len(o.PoorRates), o.Years)
	}
	if len(o.Villages) == 0 {
		return nil, fmt.Errorf("sample: no villages")
	}
	if o.StandardFor == nil {
		return nil, fmt.Errorf("sample: no poverty standards")
	}
	g := &generator{o: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))}
	g.initial()
	rates := append(append([]float64(nil), o.PoorRates...), o.LaterRates...)
	g.rates = rates
	out := make([][]review.Record, len(rates))
	for y := range rates {
		if y > 0 {
			g.churn()
		}
		g.assignStatuses(y)
		recs, err := g.records(o.FirstYear + y)
		if err != nil {
			return nil, err
		}
		out[y] = recs
		if y == o.Years-1 {
			first, _ := o.StandardFor(o.FirstYear)
			if err := calibrateSchool(out[0], first, g.rng); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

type generator struct {
	o     generatorOptions
	rates []float64 // poor shares of every review, the later ones included
	rng   *rand.Rand
	hh    []*household
	seq   []int
	level []float64 // per-village relative poverty level, so villages differ
}

type generatorOptions = Options

func (g *generator) initial() {
	g.seq = make([]int, len(g.o.Villages))
	g.level = make([]float64, len(g.o.Villages))
	for v := range g.level {
		g.level[v] = 0.5 + g.rng.Float64()*1.5
	}
	for i := 0; i < g.o.Households; i++ {
		g.hh = append(g.hh, g.newHousehold(g.villageFor(i)))
	}
}

// villageFor spreads households unevenly over villages, as real villages differ in size.
func (g *generator) villageFor(i int) int {
	n := len(g.o.Villages)
	w := i % (n * (n + 1) / 2)
	for v := 0; v < n; v++ {
		if w < n-v/2 {
			return v
		}
		w -= n - v/2
	}
	return g.rng.IntN(n)
}

func (g *generator) newHousehold(v int) *household {
	g.seq[v]++
	h := &household{
		id:      fmt.Sprintf("MT-%s-%04d", g.o.Villages[v], g.seq[v]),
		village: v,
		members: 1 + g.rng.IntN(6),
		status:  "non_poor",
	}
	h.children = min(h.members-1, g.rng.IntN(3))
	if h.members == 1 {
		h.children = 0
	}
	h.flags = [4]int{g.bern(0.04), g.bern(0.05), g.bern(0.18), g.bern(0.006)}
	return h
}

func (g *generator) bern(p float64) int {
	if g.rng.Float64() < p {
		return 1
	}
	return 0
}

// churn moves some households away and adds new ones (young couples setting up home).
func (g *generator) churn() {
	for _, h := range g.active() {
		if g.rng.Float64() < 0.004 {
			h.leftYear = 1
		}
	}
	for i := 0; i < 8+g.rng.IntN(6); i++ {
		g.hh = append(g.hh, g.newHousehold(g.rng.IntN(len(g.o.Villages))))
	}
}

func (g *generator) active() []*household {
	var out []*household
	for _, h := range g.hh {
		if h.leftYear == 0 {
			out = append(out, h)
		}
	}
	return out
}

// Standards are the sample's standards: the synthetic commune's standards.toml,
// applied to each year as its portal.toml says (2022-2025 up to the 2025 review, the
// next national standard after). They are the sample's own, never data/'s, so the
// sample is the same inside a repository, outside one, and once a commune's real
// data replaces data/. `portal sample` replaces them with the data folder's mapping.
func Standards(year int) (*standard.Standard, bool) {
	repoOnce.Do(func() {
		b, err := Settings(paths.StandardsFile)
		if err != nil {
			return
		}
		set, err := standard.Parse("sample/standards.toml", b)
		if err != nil {
			return
		}
		p, err := CommunePortal()
		if err != nil {
			return
		}
		repoSet, repoPortal = set, p
	})
	if repoSet == nil {
		return nil, false
	}
	id, ok := repoPortal.StandardFor(year)
	if !ok {
		return nil, false
	}
	s, err := repoSet.Lookup(id)
	return s, err == nil
}

var (
	repoOnce   sync.Once
	repoSet    *standard.Set
	repoPortal *config.Portal
)
