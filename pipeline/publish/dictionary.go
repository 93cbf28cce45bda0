package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/review"
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

func buildDictionary() dictionary {
	d := dictionary{
		Files: []dictFile{
			{"indicators", both("indicators.csv, .json, .parquet, .xlsx", "indicators.csv, .json, .parquet, .xlsx"), indicatorColumns},
			{"targets", both("targets.csv, .json", "targets.csv, .json"), targetColumns},
			{"changelog", both("changelog.csv", "changelog.csv"), changelogColumns},
			{"charts", both("charts/<tên biểu đồ>.csv", "charts/<chart name>.csv"), chartColumns},
		},
	}
	for _, def := range indicator.Definitions {
		d.Indicators = append(d.Indicators, dictIndicator{def.Code, def.Measure, def.VI, def.EN})
	}
	for _, g := range indicator.Groups {
		if g == "all" {
			d.Groups = append(d.Groups, dictGroup{g, "Mọi hộ", "All households"})
			continue
		}
		if c, ok := review.ColumnByName(g); ok {
			d.Groups = append(d.Groups, dictGroup{g, c.VI, c.EN})
		}
	}
	for _, c := range review.Columns {
		r := dictReview{Name: c.Name, Type: kindName(c.Kind), Values: c.Values, Optional: c.Optional, VI: c.VI, EN: c.EN}
		if c.Kind == review.KindInt {
			r.Range = strconv.FormatInt(c.Min, 10) + "–" + strconv.FormatInt(c.Max, 10)
		}
		if r.Values == nil {
			r.Values = []string{}
		}
		d.Review = append(d.Review, r)
	}
	return d
}

func (w *writer) dictionary() error {
	return w.jsonFile("dictionary.json", buildDictionary())
}
