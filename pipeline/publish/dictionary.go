package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/review"
	"github.com/minhtien/portal/pipeline/standard"
	"github.com/minhtien/portal/pipeline/support"
)

// dictionary is build/data/dictionary.json, read by the data page: the columns of
// each published table, the indicators and the review CSV contract, all taken from
// the definitions the code itself uses (indicatorColumns, indicator.Definitions,
// review.Columns), never copied by hand.
type dictionary struct {
	Files      []dictFile      `json:"files"`
	Indicators []dictIndicator `json:"indicators"`
	Groups     []dictGroup     `json:"groups"`
	Review     []dictReview    `json:"review"`
	// Support is the support CSV contract (data/support/<year>.csv), SupportTypes its
	// support-type vocabulary and SupportIndicators the indicators of support.csv.
	Support           []dictReview      `json:"support"`
	SupportTypes      []dictSupportType `json:"support_types"`
	SupportIndicators []dictIndicator   `json:"support_indicators"`
}

type dictSupportType struct {
	Code      string `json:"code"`
	Indicator string `json:"indicator"`
	VI        string `json:"vi"`
	EN        string `json:"en"`
}

type dictFile struct {
	Name    string    `json:"name"`
	Title   bilingual `json:"title"`
	Columns []column  `json:"columns"`
}

type dictIndicator struct {
	Code    string `json:"code"`
	Measure string `json:"unit_of_measure"`
	VI      string `json:"vi"`
	EN      string `json:"en"`
}

type dictGroup struct {
	Code string `json:"code"`
	VI   string `json:"vi"`
	EN   string `json:"en"`
}

type dictReview struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Values   []string `json:"values"`
	Range    string   `json:"range"` // "1–30" for integers, "" otherwise
	Optional bool     `json:"optional"`
	VI       string   `json:"vi"`
	EN       string   `json:"en"`
	// Standards are the poverty standards whose files have the column (a
	// deprivation indicator); empty for the columns every file has.
	Standards []string `json:"standards"`
}

func kindName(k review.Kind) string {
	switch k {
	case review.KindInt:
		return "integer"
	case review.KindFlag:
		return "flag"
	case review.KindEnum:
		return "enum"
	}
	return "text"
}

func buildDictionary(stds []*standard.Standard, catalogue []indicator.Definition) dictionary {
	d := dictionary{
		Files: []dictFile{
			{"indicators", both("indicators.csv, .json, .parquet, .xlsx", "indicators.csv, .json, .parquet, .xlsx"), indicatorColumns},
			{"targets", both("targets.csv, .json", "targets.csv, .json"), targetColumns},
			{"support", both("support.csv, .json, .parquet, .xlsx", "support.csv, .json, .parquet, .xlsx"), supportColumns},
			{paths.PeriodTotals, both(paths.PeriodTotals+".csv, .json", paths.PeriodTotals+".csv, .json"), periodTotalColumns},
			{"changelog", both("changelog.csv", "changelog.csv"), changelogColumns},
			{"charts", both("charts/<tên biểu đồ>.csv", "charts/<chart name>.csv"), chartColumns},
			{"charts-money", both("charts/money.csv", "charts/money.csv"), moneyChartColumns},
		},
	}
	for _, def := range catalogue {
		d.Indicators = append(d.Indicators, dictIndicator{def.Code, def.Measure, def.VI, def.EN})
	}
	for _, g := range indicator.Groups {
		if g == "all" {
			d.Groups = append(d.Groups, dictGroup{g, "Mọi hộ", "All households"})
			continue
		}
		for _, c := range review.FixedColumns {
			if c.Name == g {
				d.Groups = append(d.Groups, dictGroup{g, c.VI, c.EN})
			}
		}
	}
	for _, c := range review.FixedColumns {
		d.Review = append(d.Review, reviewColumn(c))
	}
	// Each standard's deprivation columns, once each, with the standards that have it.
	at := map[string]int{}
	for _, s := range stds {
		for _, c := range review.ContractFor(s).Columns[len(review.FixedColumns):] {
			if i, ok := at[c.Name]; ok {
				d.Review[i].Standards = append(d.Review[i].Standards, s.ID)
				continue
			}
			at[c.Name] = len(d.Review)
			r := reviewColumn(c)
			r.VI, r.EN = "Thiếu hụt "+indicatorName(s, c.Name, "vi")+" (1 = có)", "Deprived in "+indicatorName(s, c.Name, "en")+" (1 = yes)"
			r.Standards = []string{s.ID}
			d.Review = append(d.Review, r)
		}
	}
	for _, c := range support.Columns {
		r := dictReview{Name: c.Name, Type: support.KindName(c.Kind), Values: c.Values, Optional: c.Optional, VI: c.VI, EN: c.EN}
		if c.Kind == support.KindInt {
			r.Range = strconv.FormatInt(c.Min, 10) + "–" + strconv.FormatInt(c.Max, 10)
		}
		if r.Values == nil {
			r.Values = []string{}
		}
		d.Support = append(d.Support, r)
	}
	for _, t := range support.SupportTypes {
		d.SupportTypes = append(d.SupportTypes, dictSupportType{t.Code, t.Indicator, t.VI, t.EN})
	}
	for _, def := range support.Indicators {
		d.SupportIndicators = append(d.SupportIndicators, dictIndicator{def.Code, def.Measure, def.VI, def.EN})
	}
	return d
}

func (w *writer) dictionary() error {
	d := buildDictionary(w.in.Standards, w.in.Table.Catalogue())
	if w.in.UnitAssessments != nil {
		// A province's or a nation's build also assesses each unit (targets-units.csv).
		d.Files = append(d.Files[:2:2], append([]dictFile{{"targets-units", both("targets-units.csv", "targets-units.csv"), unitTargetColumns}}, d.Files[2:]...)...)
	}
	return w.jsonFile("dictionary.json", d)
}

// reviewColumn is a review column as the dictionary lists it.
func reviewColumn(c review.Column) dictReview {
	r := dictReview{Name: c.Name, Type: kindName(c.Kind), Values: c.Values, Optional: c.Optional, VI: c.VI, EN: c.EN, Standards: []string{}}
	if c.Kind == review.KindInt {
		r.Range = strconv.FormatInt(c.Min, 10) + "–" + strconv.FormatInt(c.Max, 10)
	}
	if r.Values == nil {
		r.Values = []string{}
	}
	return r
}

// indicatorName is the name of a standard's indicator column in lang.
func indicatorName(s *standard.Standard, column, lang string) string {
	ind, _, _ := s.Indicator(column)
	if lang == "en" {
		return ind.NameEN
	}
	return ind.NameVI
}
