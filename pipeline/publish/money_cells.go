package publish

import (
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/support"
)

// The cells of money.json: amounts, counts and coverage as the pages print them.

// moneyCell is an amount as the page prints it: in millions of đồng, one decimal, or
// the marker of a withheld sum. VND is the exact amount (null when withheld).
type moneyCell struct {
	VND  *int64    `json:"vnd"`
	Flag string    `json:"flag"`
	Text bilingual `json:"text"`
}

// figCell is a count or coverage as the page prints it (figures/figure.html reads it).
type figCell struct {
	Value       *float64  `json:"value"`
	Numerator   *int64    `json:"numerator"`
	Denominator *int64    `json:"denominator"`
	Unit        string    `json:"unit_of_measure"`
	Flag        string    `json:"flag"`
	Text        bilingual `json:"text"`
}

// sum adds amounts; it is withheld when any part is (a sum with a withheld part
// would give it back), shown "x".
type sum struct {
	vnd      int64
	withheld bool
}

func (s *sum) add(f *support.Figure) {
	if f.Flag != "" {
		s.withheld = true
		return
	}
	s.vnd += f.Num
}

func (s sum) cell() moneyCell {
	if s.withheld {
		return moneyCell{Flag: indicator.FlagSuppressed, Text: both(SecondaryMarker, SecondaryMarker)}
	}
	v := s.vnd
	return moneyCell{VND: &v, Text: millions(v)}
}

// millions formats đồng as millions with one decimal, rounded half away from zero.
func millions(vnd int64) bilingual {
	tenths := (vnd + 50_000) / 100_000
	if vnd < 0 {
		tenths = -((-vnd + 50_000) / 100_000)
	}
	return both(indicator.FormatScaled(tenths, 1, "vi"), indicator.FormatScaled(tenths, 1, "en"))
}

func (w *writer) figCell(f *support.Figure) figCell {
	if f == nil {
		return figCell{Flag: indicator.FlagNotAvailable, Text: both(NotAvailable, NotAvailable)}
	}
	k := w.in.Portal.Disclosure.K
	c := figCell{Unit: f.Measure, Flag: f.Flag}
	switch {
	case f.Flag == indicator.FlagSuppressed && f.Secondary:
		c.Text = both(SecondaryMarker, SecondaryMarker)
	case f.Flag == indicator.FlagSuppressed:
		c.Text = both(Marker(k), Marker(k))
	case f.Flag == indicator.FlagNotAvailable:
		c.Text = both(NotAvailable, NotAvailable)
	default:
		s, ok := f.Scaled()
		if !ok {
			c.Flag = indicator.FlagNotAvailable
			c.Text = both(NotAvailable, NotAvailable)
			break
		}
		d := 0
		if f.Measure == indicator.Percent {
			d = 1
			den := f.Den
			c.Denominator = &den
		}
		c.Text = both(indicator.FormatScaled(s, d, "vi"), indicator.FormatScaled(s, d, "en"))
		v := float64(s)
		if d == 1 {
			v /= 10
		}
		num := f.Num
		c.Value, c.Numerator = &v, &num
	}
	return c
}
