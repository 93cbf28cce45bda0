package support

import (
	"fmt"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

// The indicators of the support table.
const (
	HouseholdsReached = "households_reached"
	PeopleReached     = "people_reached"
	PeopleNeeding     = "people_needing"
	CoverageRate      = "coverage_rate"
	AmountVND         = "amount_vnd"
)

// VND is the unit of measure of amounts.
const VND = "vnd"

// AllSources is the funding_source of figures that do not depend on the source.
const AllSources = "all"

// Indicators lists the support indicators in publishing order, with their unit of
// measure and meaning, for the data dictionary.
var Indicators = []indicator.Definition{
	{Code: HouseholdsReached, Measure: indicator.Households, VI: "Số hộ được hỗ trợ", EN: "Households reached"},
	{Code: PeopleReached, Measure: indicator.People, VI: "Số người được hỗ trợ", EN: "People reached"},
	{Code: PeopleNeeding, Measure: indicator.People, VI: "Số người có nhu cầu (chỉ với hỗ trợ \"100% người có nhu cầu\")", EN: "People needing it (only for \"100% of those who need it\" supports)"},
	{Code: CoverageRate, Measure: indicator.Percent, VI: "Tỷ lệ bao phủ: người được hỗ trợ / người có nhu cầu, %", EN: "Coverage: people reached / people needing it, %"},
	{Code: AmountVND, Measure: VND, VI: "Số tiền đã chi hoặc cho vay từ một nguồn, đồng", EN: "Amount spent or lent from one source, đồng"},
}

// Figure is one published support number: an indicator for a year, a unit, a
// programme, a support type and (for amounts) a funding source.
type Figure struct {
	Year          int
	UnitLevel     string // "commune" or "village"
	UnitCode      string
	Programme     string
	SupportType   string
	FundingSource string // AllSources except for amounts
	Indicator     string
	Num           int64 // the count or amount; for coverage, people reached among those needing it
	Den           int64 // for coverage only: people needing it
	Measure       string
	Flag          string // "" or indicator.FlagSuppressed
	// Secondary marks a figure withheld only so that another one cannot be worked out
	// by subtraction; a primary one is a count from 1 to k-1.
	Secondary bool
	// Bounded says Lower and Upper hold a withheld figure's interval, in units of its
	// last decimal (as Scaled returns: tenths for coverage): the smallest and largest
	// value a reader can deduce from the published figures and sums (bounds.go).
	// Upper is -1 when nothing bounds it from above.
	Bounded      bool
	Lower, Upper int64
}

// Key identifies a support figure.
type Key struct {
	Year          int
	UnitCode      string
	Programme     string
	SupportType   string
	FundingSource string
	Indicator     string
}

// Key returns the figure's key.
func (f *Figure) Key() Key {
	return Key{f.Year, f.UnitCode, f.Programme, f.SupportType, f.FundingSource, f.Indicator}
}

// Withheld reports whether the figure is not published.
func (f *Figure) Withheld() bool { return f.Flag == indicator.FlagSuppressed }

// Scaled returns the published value in units of its last decimal (tenths for
// coverage), rounded half away from zero, or false when withheld or undefined.
func (f *Figure) Scaled() (int64, bool) {
	if f.Flag != "" {
		return 0, false
	}
	if f.Measure != indicator.Percent {
		return f.Num, true
	}
	if f.Den == 0 {
		return 0, false
	}
	return (f.Num*2000 + f.Den) / (2 * f.Den), true
}

// Table is every support figure, in a fixed order: year, unit (the commune, then the
// villages in portal.toml order), programme and support type (contract order), then
// the indicators of Indicators, amounts by funding source in config order.
type Table struct {
	Figures []Figure
	Years   []int
	index   map[Key]int
}

// Get returns the figure with the given key.
func (t *Table) Get(k Key) (*Figure, bool) {
	if t.index == nil {
		t.reindex()
	}
	i, ok := t.index[k]
	if !ok {
		return nil, false
	}
	return &t.Figures[i], true
}

func (t *Table) reindex() {
	t.index = make(map[Key]int, len(t.Figures))
	for i := range t.Figures {
		t.index[t.Figures[i].Key()] = i
	}
}

// Support is one (programme, support type) pair delivered in a year.
type Support struct{ Programme, SupportType string }

// Supports returns the (programme, support type) pairs of a year, in table order.
func (t *Table) Supports(year int) []Support {
	var out []Support
	seen := map[Support]bool{}
	for i := range t.Figures {
		f := &t.Figures[i]
		s := Support{f.Programme, f.SupportType}
		if f.Year == year && f.UnitLevel == "commune" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// cellAgg is the aggregate of one year, unit, programme and support type.
type cellAgg struct {
	households, people int64
	needing            int64
	hasNeeding         bool
	covered            int64 // people reached where the need is known
	amounts            map[string]int64
}

// Compute aggregates the support records for the commune and every declared village.
// For each year, every (programme, support type) delivered anywhere in the commune
// gets a figure in every village, zero where nothing was delivered: a withheld village
// figure next to implicit zeros could otherwise be read off the commune total. Amounts
// likewise for every funding source that paid for the support somewhere.
func Compute(ds *Dataset, commune string, villages []string) (*Table, error) {
	t := &Table{}
	vindex := map[string]int{}
	for i, v := range villages {
		vindex[v] = i
	}
	for _, f := range ds.Files {
		t.Years = append(t.Years, f.Year)
		y, err := aggregateYear(f, vindex)
		if err != nil {
			return nil, err
		}
		for u := -1; u < len(villages); u++ {
			level, code := "village", ""
			if u < 0 {
				level, code = "commune", commune
			} else {
				code = villages[u]
			}
			for _, prog := range Programmes {
				for _, st := range SupportTypes {
					if y.present[Support{prog, st.Code}] {
						t.addCell(f.Year, level, code, y, aggKey{u, prog, st.Code})
					}
				}
			}
		}
	}
	t.reindex()
	return t, nil
}

// aggKey names one cell of a year's aggregate.
type aggKey struct {
	unit  int // index into the villages, -1 for the commune
	prog  string
	stype string
}

// yearAgg is the aggregate of one year's support records.
type yearAgg struct {
	cells   map[aggKey]*cellAgg
	sources map[Support]map[string]bool // funding sources that paid for each support
	present map[Support]bool            // supports delivered anywhere in the commune
	// needSeen marks the village cells whose need is counted: needing is the same on
	// every row of a support in a village, so it is counted once.
	needSeen map[aggKey]bool
}

// cell returns the aggregate of k, created empty on first use.
func (y *yearAgg) cell(k aggKey) *cellAgg {
	a := y.cells[k]
	if a == nil {
		a = &cellAgg{amounts: map[string]int64{}}
		y.cells[k] = a
	}
	return a
}

// aggregateYear sums a year's records into their village's cells and the commune's.
func aggregateYear(f *File, vindex map[string]int) (*yearAgg, error) {
	y := &yearAgg{cells: map[aggKey]*cellAgg{}, sources: map[Support]map[string]bool{},
		present: map[Support]bool{}, needSeen: map[aggKey]bool{}}
	for _, r := range f.Records {
		vi, ok := vindex[r.VillageCode]
		if !ok {
			return nil, fmt.Errorf("support: %s: village %s is not declared", f.Path, r.VillageCode)
		}
		s := Support{r.Programme, r.SupportType}
		y.present[s] = true
		if y.sources[s] == nil {
			y.sources[s] = map[string]bool{}
		}
		y.sources[s][r.FundingSource] = true
		vk := aggKey{vi, r.Programme, r.SupportType}
		ck := aggKey{-1, r.Programme, r.SupportType}
		for _, k := range []aggKey{vk, ck} {
			a := y.cell(k)
			a.households += r.HouseholdsReached
			a.people += r.PeopleReached
			a.amounts[r.FundingSource] += r.AmountVND
			if r.PeopleNeeding != nil {
				a.hasNeeding = true
				a.covered += r.PeopleReached
			}
		}
		if r.PeopleNeeding != nil && !y.needSeen[vk] {
			y.needSeen[vk] = true
			y.cell(vk).needing += *r.PeopleNeeding
			y.cell(ck).needing += *r.PeopleNeeding
		}
	}
	return y, nil
}

// addCell appends the figures of one unit, programme and support type in a year:
// reach, need and coverage where the support measures coverage, and the amount of
// each funding source that paid for the support somewhere.
func (t *Table) addCell(year int, level, code string, y *yearAgg, k aggKey) {
	a := y.cells[k]
	if a == nil {
		a = &cellAgg{amounts: map[string]int64{}}
	}
	// A support measures coverage when any village gave its need.
	hasNeed := y.cells[aggKey{-1, k.prog, k.stype}].hasNeeding
	add := func(ind, src string, num, den int64, measure string) {
		t.Figures = append(t.Figures, Figure{Year: year, UnitLevel: level, UnitCode: code,
			Programme: k.prog, SupportType: k.stype, FundingSource: src, Indicator: ind,
			Num: num, Den: den, Measure: measure})
	}
	add(HouseholdsReached, AllSources, a.households, 0, indicator.Households)
	add(PeopleReached, AllSources, a.people, 0, indicator.People)
	if hasNeed {
		add(PeopleNeeding, AllSources, a.needing, 0, indicator.People)
		add(CoverageRate, AllSources, a.covered, a.needing, indicator.Percent)
		if a.needing == 0 {
			// No one needed it here: coverage is not available, not 0%.
			last := &t.Figures[len(t.Figures)-1]
			last.Flag, last.Num = indicator.FlagNotAvailable, 0
		}
	}
	for _, src := range config.FundingSources {
		if y.sources[Support{k.prog, k.stype}][src] {
			add(AmountVND, src, a.amounts[src], 0, VND)
		}
	}
}

// Coverage returns the commune's coverage of each support type that records a need,
// every programme together, as indicator figures (reached among those needing it /
// needing it), keyed by the coverage indicator code. Progress assessment reads the
// coverage targets from it. Commune figures are never withheld.
func (t *Table) Coverage(commune string) *indicator.Table {
	out := &indicator.Table{}
	for _, y := range t.Years {
		for _, st := range SupportTypes {
			var num, den int64
			found := false
			for i := range t.Figures {
				f := &t.Figures[i]
				if f.Year == y && f.UnitCode == commune && f.SupportType == st.Code && f.Indicator == CoverageRate {
					num += f.Num
					den += f.Den
					found = true
				}
			}
			if !found {
				continue
			}
			fig := indicator.Figure{Year: y, UnitLevel: "commune", UnitCode: commune, Group: "all",
				Indicator: CoverageIndicator(st.Code), Num: num, Den: den, Measure: indicator.Percent}
			if den == 0 {
				fig.Flag, fig.Num = indicator.FlagNotAvailable, 0
			}
			out.Figures = append(out.Figures, fig)
		}
	}
	out.Reindex()
	return out
}
