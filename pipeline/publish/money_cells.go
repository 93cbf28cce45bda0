package publish

import (
	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/support"
)

// The cells of money.json: amounts, counts and coverage as the pages print them.

// moneyCell is an amount as the page prints it: in millions of đồng, one decimal;
// for a withheld sum the range a reader can deduce ("0,0–45,0"), or the word
// "withheld" when nothing published bounds it. VND is the exact amount (null when
// withheld); LowerVND and UpperVND the range's ends (null when published or
// unbounded).
type moneyCell struct {
	VND      *int64    `json:"vnd"`
	LowerVND *int64    `json:"lower_vnd"`
	UpperVND *int64    `json:"upper_vnd"`
	Flag     string    `json:"flag"`
	Text     bilingual `json:"text"`
}

// figCell is a count or coverage as the page prints it (figures/figure.html reads it);
// Lower and Upper are a withheld one's interval (Upper null when unbounded).
type figCell struct {
	Value       *float64  `json:"value"`
	Lower       *float64  `json:"lower"`
	Upper       *float64  `json:"upper"`
	Numerator   *int64    `json:"numerator"`
	Denominator *int64    `json:"denominator"`
	Unit        string    `json:"unit_of_measure"`
	Flag        string    `json:"flag"`
	Text        bilingual `json:"text"`
}

// sum adds amounts. A sum with a withheld part is withheld too (it would give that
// part back) and adds the parts' intervals instead: the sum of their lower and
// upper ends, unbounded when any part is.
type sum struct {
	vnd      int64 // the published parts; with lo and hi, the withheld parts' bounds
	lo, hi   int64
	withheld bool
	open     bool // some withheld part has no upper bound
}

func (s *sum) add(f *support.Figure) {
	if f.Flag == "" {
		s.vnd += f.Num
		return
	}
	s.withheld = true
	if !f.Bounded || f.Upper < 0 {
		s.open = true
	}
	s.lo += f.Lower
	s.hi += max(f.Upper, 0)
}

// merge adds the parts of o to s.
func (s *sum) merge(o sum) {
	s.vnd, s.lo, s.hi = s.vnd+o.vnd, s.lo+o.lo, s.hi+o.hi
	s.withheld, s.open = s.withheld || o.withheld, s.open || o.open
}

func (s sum) cell() moneyCell {
	if !s.withheld {
		v := s.vnd
		return moneyCell{VND: &v, Text: millions(v)}
	}
	lo := s.vnd + s.lo
	c := moneyCell{Flag: indicator.FlagSuppressed, LowerVND: &lo, Text: WithheldWord}
	if !s.open {
		hi := s.vnd + s.hi
		c.UpperVND = &hi
		c.Text = millionsRange(lo, hi)
	}
	return c
}

// WithheldWord is printed for a withheld figure that nothing published bounds from
// above: a word, where a marker such as "x" would have to be looked up.
var WithheldWord = both("đã ẩn", "withheld")

// millionsRange formats an interval of đồng in millions, rounded outward to the
// decimal shown, so the printed range still holds the value.
func millionsRange(lo, hi int64) bilingual {
	l, h := lo/100_000, (hi+99_999)/100_000
	return both(indicator.FormatRange(l, h, 1, "vi"), indicator.FormatRange(l, h, 1, "en"))
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
	case f.Flag == indicator.FlagSuppressed && f.Bounded:
		c.Lower, c.Upper, c.Text = boundsOf(f)
	case f.Flag == indicator.FlagSuppressed && f.Secondary:
		// A release made before intervals were published.
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

// boundsOf is a withheld support count's or coverage's interval and its text: "1–4",
// "0–85,7", "≥ 3", or the word "withheld" when it is only known to be at least 0.
func boundsOf(f *support.Figure) (lower, upper *float64, text bilingual) {
	lo, hi, hasUpper, _ := f.Interval()
	lower = &lo
	d := 0
	if f.Measure == indicator.Percent {
		d = 1
	}
	if hasUpper {
		upper = &hi
	}
	if !hasUpper && f.Lower <= 0 {
		return lower, upper, WithheldWord
	}
	// f.Upper is negative exactly when there is no upper bound, as FormatRange takes it.
	return lower, upper, both(indicator.FormatRange(f.Lower, f.Upper, d, "vi"), indicator.FormatRange(f.Lower, f.Upper, d, "en"))
}
