package publish

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/config"
	"github.com/minhtien/portal/pipeline/indicator"
)

func TestOrgNameByLevel(t *testing.T) {
	for _, c := range []struct {
		name   string
		unit   config.Unit
		vi, en string
	}{
		{"commune with its district and province",
			config.Unit{Level: "commune", NameVI: "xã Minh Tiến", NameEN: "Minh Tien commune", DistrictVI: "huyện Phù Cừ", DistrictEN: "Phu Cu district", ProvinceVI: "tỉnh Hưng Yên", ProvinceEN: "Hung Yen province"},
			"Ủy ban nhân dân xã Minh Tiến, huyện Phù Cừ, tỉnh Hưng Yên", "People's Committee of Minh Tien commune, Phu Cu district, Hung Yen province"},
		{"province with nothing above it",
			config.Unit{Level: "province", NameVI: "tỉnh Hưng Yên", NameEN: "Hung Yen province"},
			"Ủy ban nhân dân tỉnh Hưng Yên", "People's Committee of Hung Yen province"},
		{"nation has no People's Committee",
			config.Unit{Level: "nation", NameVI: "Việt Nam", NameEN: "Viet Nam"},
			"Việt Nam", "Viet Nam"},
		{"province above named in one language only",
			config.Unit{Level: "commune", NameVI: "xã A", NameEN: "A commune", DistrictVI: "huyện B", ProvinceVI: "tỉnh C"},
			"Ủy ban nhân dân xã A, huyện B, tỉnh C", "People's Committee of A commune"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := orgName(c.unit)
			if got.VI != c.vi || got.EN != c.en {
				t.Errorf("orgName = %q / %q, want %q / %q", got.VI, got.EN, c.vi, c.en)
			}
		})
	}
}

// TestCitationURL: the citation names the published address, whatever path the
// site was built for (a preview under /portal/ once cited .../portal/portal/data/).
func TestCitationURL(t *testing.T) {
	for _, c := range []struct {
		name, base, vi, en string
	}{
		{"no base_url: the page cites itself", "", "", ""},
		{"root", "https://example.org/", "https://example.org/data/", "https://example.org/en/data/"},
		{"sub-path", "https://owner.github.io/portal/", "https://owner.github.io/portal/data/", "https://owner.github.io/portal/en/data/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := citationURL(c.base)
			if got.VI != c.vi || got.EN != c.en {
				t.Errorf("citationURL(%q) = %q / %q, want %q / %q", c.base, got.VI, got.EN, c.vi, c.en)
			}
		})
	}
}

func TestGapWording(t *testing.T) {
	gap := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		name string
		t    targetJSON
		want string
	}{
		{"achieved, whatever the gap", targetJSON{Status: "achieved", Comparator: "<", Gap: gap(0.4)}, "achieved"},
		{"below target still above its value", targetJSON{Status: "off_track", Comparator: "<", Gap: gap(0.4)}, "to_cut"},
		{"at-most target still above its value", targetJSON{Status: "on_track", Comparator: "<=", Gap: gap(0.1)}, "to_cut"},
		{"below target under its value, not yet achieved", targetJSON{Status: "on_track", Comparator: "<", Gap: gap(-0.3)}, "gap"},
		{"below target exactly at its value", targetJSON{Status: "not_achieved", Comparator: "<", Gap: gap(0)}, "gap"},
		{"at-least target: a positive gap is nothing to cut", targetJSON{Status: "on_track", Comparator: ">=", Gap: gap(2)}, "gap"},
		{"no latest value", targetJSON{Status: "not_yet_measured", Comparator: "<"}, "gap"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := gapWording(c.t); got != c.want {
				t.Errorf("gapWording = %q, want %q", got, c.want)
			}
		})
	}
}

// TestTargetPointsAreFlagged: every component of a target is a flagged point with
// the text of targets.json, so figures/figure.html never guesses from the text.
func TestTargetPointsAreFlagged(t *testing.T) {
	in := testInput(t)
	w := &writer{in: in, lang: in.Portal.Site.Languages}
	for _, tj := range w.targets() {
		t.Run(tj.ID, func(t *testing.T) {
			pts := targetPoints(tj)
			if got, want := slices.Sorted(maps.Keys(pts)), slices.Sorted(maps.Keys(tj.Text)); !slices.Equal(got, want) {
				t.Fatalf("points %v, text %v: every component needs a point", got, want)
			}
			for k, p := range pts {
				if p.Text != tj.Text[k] {
					t.Errorf("%s: point text %v, targets text %v", k, p.Text, tj.Text[k])
				}
				if dash := p.Text.EN == NotAvailable; dash != (p.Flag == indicator.FlagNotAvailable) {
					t.Errorf("%s: text %q with flag %q", k, p.Text.EN, p.Flag)
				}
			}
		})
	}
	none := targetPoints(targetJSON{Text: map[string]bilingual{"gap": number(nil, 1)}})
	if none["gap"].Flag != indicator.FlagNotAvailable || none["target"].Flag != "" {
		t.Errorf("a missing gap is %q, the target %q", none["gap"].Flag, none["target"].Flag)
	}
}

func TestSuffix(t *testing.T) {
	in := testInput(t)
	w := &writer{in: in}
	for _, c := range []struct{ name, ind, want string }{
		{"a rate", "poor_rate", "%"},
		{"a count", "households", ""},
		{"no series: the plan's targets are rates", "no_such_indicator", "%"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := w.suffix(c.ind); got != c.want {
				t.Errorf("suffix(%s) = %q, want %q", c.ind, got, c.want)
			}
		})
	}
}

func TestHome(t *testing.T) {
	in := testInput(t)
	w := &writer{in: in}
	latest := in.Years[len(in.Years)-1]
	t.Run("latest figures of the top unit", func(t *testing.T) {
		h := w.home()
		for name, f := range map[string]*figureJSON{"poor_rate": h.Rate, "poor_households": h.Poor, "households": h.Households} {
			want, ok := in.Table.Get(indicator.Key{Year: latest, UnitCode: "12424", Group: "all", Indicator: name})
			if !ok || f == nil {
				t.Fatalf("%s: figure %v, in the table %v", name, f, ok)
			}
			if f.Year != latest || f.Text != both(figureText(want, 5, "vi"), figureText(want, 5, "en")) {
				t.Errorf("%s: %+v, want the %d figure %q", name, f, latest, figureText(want, 5, "en"))
			}
		}
		if h.Target != "poverty-rate" || h.StandardDiffers {
			t.Errorf("target %q, standard differs %v; want poverty-rate under one standard", h.Target, h.StandardDiffers)
		}
	})
	t.Run("target found by indicator, not by id", func(t *testing.T) {
		in := testInput(t)
		in.Targets[0].ID = "renamed"
		in.Targets[0], in.Targets[1] = in.Targets[1], in.Targets[0]
		in.Assessments[0], in.Assessments[1] = in.Assessments[1], in.Assessments[0]
		if got := (&writer{in: in}).home().Target; got != "renamed" {
			t.Errorf("target %q, want renamed", got)
		}
	})
	t.Run("target measured under another standard", func(t *testing.T) {
		in := testInput(t)
		in.Assessments[0].Standard = "2016-2020"
		if h := (&writer{in: in}).home(); !h.StandardDiffers || h.Standard != "2022-2025" {
			t.Errorf("standard %q, differs %v", h.Standard, h.StandardDiffers)
		}
	})
	t.Run("no headline target", func(t *testing.T) {
		in := testInput(t)
		in.Targets, in.Assessments = in.Targets[1:], in.Assessments[1:]
		if h := (&writer{in: in}).home(); h.Target != "" || h.StandardDiffers {
			t.Errorf("target %q, differs %v", h.Target, h.StandardDiffers)
		}
	})
}

// TestFigureWithoutValueIsFlagged: a figure with neither a value nor a flag prints the
// dash, and says why.
func TestFigureWithoutValueIsFlagged(t *testing.T) {
	w := &writer{in: testInput(t)}
	for _, c := range []struct {
		name string
		f    indicator.Figure
		flag string
	}{
		{"rate of nobody", indicator.Figure{Indicator: "poor_rate", Measure: indicator.Percent, Num: 0, Den: 0}, indicator.FlagNotAvailable},
		{"rate", indicator.Figure{Indicator: "poor_rate", Measure: indicator.Percent, Num: 1, Den: 8}, ""},
		{"withheld count", indicator.Figure{Indicator: "poor_households", Measure: indicator.Households, Num: 2, Flag: indicator.FlagSuppressed}, indicator.FlagSuppressed},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := w.figureJSON(&c.f).Flag; got != c.flag {
				t.Errorf("flag %q, want %q", got, c.flag)
			}
		})
	}
}

func TestChangelogView(t *testing.T) {
	t.Run("values as printed", func(t *testing.T) {
		for _, c := range []struct {
			name string
			text bilingual
			flag string
			want bilingual
		}{
			{"a value", both("1,4", "1.4"), "", both("1,4", "1.4")},
			{"withheld", both("", ""), indicator.FlagSuppressed, withheldWord},
			{"not available", both("", ""), indicator.FlagNotAvailable, both(NotAvailable, NotAvailable)},
			{"absent from the release", both("", ""), "", both(NotAvailable, NotAvailable)},
		} {
			t.Run(c.name, func(t *testing.T) {
				if got := shownValue(c.text, c.flag); got != c.want {
					t.Errorf("shownValue = %v, want %v", got, c.want)
				}
			})
		}
	})
	t.Run("long release cut to the shown changes", func(t *testing.T) {
		long := releaseChanges{Version: "2026.1", Changes: make([]change, changelogShown+7)}
		long.Changes[0] = change{FlagAfter: indicator.FlagSuppressed, BeforeText: both("3,5", "3.5")}
		v := changelogView([]releaseChanges{long, {Version: "2025.1"}})
		if len(v[0].Changes) != changelogShown || v[0].More != 7 || v[0].Anchor != "2026-1" {
			t.Errorf("%d shown, %d more, anchor %q", len(v[0].Changes), v[0].More, v[0].Anchor)
		}
		if c := v[0].Changes[0]; c.Before.EN != "3.5" || c.After != withheldWord {
			t.Errorf("before %v, after %v", c.Before, c.After)
		}
		if len(v[1].Changes) != 0 || v[1].More != 0 || strings.Contains(v[1].Anchor, ".") {
			t.Errorf("an empty release: %+v", v[1])
		}
	})
}

// TestPlace: the unit with what is above it, and no empty parts (a province's page
// description once read "tỉnh Hưng Yên, , :").
func TestPlace(t *testing.T) {
	for _, c := range []struct {
		name   string
		unit   config.Unit
		vi, en string
	}{
		{"commune", config.Unit{NameVI: "xã A", NameEN: "A commune", DistrictVI: "huyện B", DistrictEN: "B district", ProvinceVI: "tỉnh C", ProvinceEN: "C province"},
			"xã A, huyện B, tỉnh C", "A commune, B district, C province"},
		{"commune of a province without districts", config.Unit{NameVI: "xã A", NameEN: "A commune", ProvinceVI: "tỉnh C", ProvinceEN: "C province"},
			"xã A, tỉnh C", "A commune, C province"},
		{"province", config.Unit{Level: "province", NameVI: "tỉnh C", NameEN: "C province"}, "tỉnh C", "C province"},
		{"nation", config.Unit{Level: "nation", NameVI: "Việt Nam", NameEN: "Viet Nam"}, "Việt Nam", "Viet Nam"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := place(c.unit)
			if got.VI != c.vi || got.EN != c.en {
				t.Errorf("place = %q / %q, want %q / %q", got.VI, got.EN, c.vi, c.en)
			}
		})
	}
}

func TestSizeText(t *testing.T) {
	for _, c := range []struct {
		name   string
		bytes  int64
		vi, en string
	}{
		{"bytes", 521, "521 B", "521 B"},
		{"just under a kilobyte", 999, "999 B", "999 B"},
		{"a kilobyte", 1000, "1,0 kB", "1.0 kB"},
		{"kilobytes", 31_649, "31,6 kB", "31.6 kB"},
		{"rounds up", 2_750, "2,8 kB", "2.8 kB"},
		{"just under a megabyte", 999_949, "999,9 kB", "999.9 kB"},
		{"rounds to a thousand kilobytes", 999_999, "1.000,0 kB", "1,000.0 kB"},
		{"megabytes", 122_712_345, "122,7 MB", "122.7 MB"},
		{"thousands of megabytes are grouped", 1_234_567_890, "1.234,6 MB", "1,234.6 MB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if vi, en := sizeText(c.bytes, "vi"), sizeText(c.bytes, "en"); vi != c.vi || en != c.en {
				t.Errorf("sizeText(%d) = %q / %q, want %q / %q", c.bytes, vi, en, c.vi, c.en)
			}
		})
	}
	if d := downloadViews([]Download{{Path: "data/by-province/indicators-33.csv"}})[0]; d.Name != "by-province/indicators-33.csv" {
		t.Errorf("name %q", d.Name)
	}
}

func TestVillageNames(t *testing.T) {
	got := villageNames([]config.Village{{Code: "T01", NameVI: "Thôn Đông", NameEN: "Dong village"}, {Code: "T02", NameVI: "Thôn Tây", NameEN: "Tay village"}})
	if len(got) != 2 || got["T01"] != both("Thôn Đông", "Dong village") || got["T02"].EN != "Tay village" {
		t.Errorf("villageNames = %v", got)
	}
	if got := villageNames(nil); got == nil || len(got) != 0 {
		t.Errorf("no villages: %v, want an empty map (an object in JSON)", got)
	}
}
