package chart

import (
	"math"
	"strconv"
)

// Realistic inputs shared by the golden, accessibility and determinism
// tests. Figures are illustrative, shaped like Vietnam's poverty data.

func povertyLine() Line {
	nat := years(2016, 9.9, 7.9, 6.8, 5.7, 4.8, 4.4, 4.3, 3.4, 2.9)
	rural := years(2016, 12.4, 10.4, 9.0, 7.6, 6.6, 6.0, 5.7, 4.6, 0)
	rural[4].Missing = true // 2020: survey suppressed (COVID-19)
	rural[8].Missing = true // 2024: not yet published
	return Line{
		Title:  "Tỷ lệ hộ nghèo đa chiều, 2016–2024",
		Desc:   "Tỷ lệ hộ nghèo cả nước giảm từ 9,9% năm 2016 xuống 2,9% năm 2024; mục tiêu năm 2025 là dưới 1,5%.",
		XLabel: "Năm", YLabel: "Tỷ lệ hộ nghèo (%)",
		Series: []Series{
			{Name: "Cả nước", Points: nat},
			{Name: "Nông thôn", Points: rural, Dashed: true},
		},
		Target: ptr(1.5), TargetLabel: "Mục tiêu 2025: 1,5%",
		Projection: years(2025, 1.9), ProjectionLabel: "Dự báo",
		Format: viComma,
	}
}

func englishLine() Line {
	return Line{
		Title:  "Households below the poverty line <5% by 2025?",
		Desc:   "Share of poor households, 2010 to 2022, with three regions.",
		XLabel: "Year", YLabel: "Poor households (%)",
		Series: []Series{
			{Name: "Northern midlands & mountains", Points: years(2010, 29.4, 26.7, 23.8, 21.9, 18.4, 16.0, 13.8, 12.0, 9.7, 8.0, 6.9, 6.3, 5.0)},
			{Name: "Central Highlands", Points: years(2010, 22.2, 20.3, 17.8, 15.0, 13.8, 11.5, 9.6, 8.2, 6.6, 5.5, 4.6, 4.2, 3.9)},
			{Name: "Red River Delta", Points: years(2010, 8.3, 7.1, 6.0, 4.9, 3.6, 2.6, 2.3, 1.9, 1.4, 1.2, 1.0, 0.8, 0.6)},
		},
	}
}

func fixedRangeLine() Line {
	return Line{
		Title: "Thu nhập bình quân đầu người (nghìn đồng/tháng)", XLabel: "Năm", YLabel: "Nghìn đồng",
		Series: []Series{{Name: "Cả nước", Points: years(2018, 3876, 4295, 4023, 4205, 4673)}},
		YMin:   ptr(3500), YMax: ptr(4500), // 2022 is above the range and must be clipped
		Format: func(v float64) string { return viComma(v) },
	}
}

func emptyLine() Line {
	return Line{Title: "Chưa có số liệu", Series: []Series{{Name: "Trống"}}}
}

func gapLine() Line {
	return Line{
		Title: "Gap", Series: []Series{{Name: "A", Points: []Point{
			{X: 2016, Y: 5}, {X: 2017, Missing: true}, {X: 2018, Y: 4.5}, {X: 2019, Y: math.NaN()}, {X: 2020, Y: 2},
		}}},
	}
}

func regionBars() Bars {
	return Bars{
		Title:       "Tỷ lệ hộ nghèo theo vùng, 2020–2024",
		Desc:        "Vùng Trung du và miền núi phía Bắc có tỷ lệ hộ nghèo cao nhất. Số liệu năm 2022 của Tây Nguyên chưa công bố.",
		XLabel:      "Năm",
		YLabel:      "Tỷ lệ hộ nghèo (%)",
		SeriesNames: []string{"Trung du và miền núi phía Bắc", "Tây Nguyên", "Đồng bằng sông Hồng"},
		Bars: []Bar{
			{Label: "2020", Values: []float64{14.4, 9.6, 2.0}},
			{Label: "2022", Values: []float64{12.0, 0, 1.6}, Missing: []bool{false, true}},
			{Label: "2024", Values: []float64{10.2, 6.9, 1.1}},
		},
		Format: viComma,
	}
}

func changeBars() Bars {
	return Bars{
		Title:       "Change in poverty rate, 2022–2024 (percentage points)",
		YLabel:      "Percentage points",
		SeriesNames: []string{"Urban", "Rural"},
		Bars: []Bar{
			{Label: "Northern midlands and mountains", Values: []float64{-0.8, -1.9}},
			{Label: "Mekong River Delta", Values: []float64{0.3, -0.6}},
		},
	}
}

// movementBars is shaped like the site's movement chart: many years of
// household counts, whose year labels must be thinned on a phone.
func movementBars() Bars {
	c := Bars{
		Title:       "Biến động hộ nghèo theo năm",
		XLabel:      "Năm",
		YLabel:      "Số hộ",
		SeriesNames: []string{"Thoát nghèo", "Nghèo mới", "Tái nghèo"},
		Format:      func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) },
	}
	for i, v := range []float64{41250, 38900, 35120, 30480, 22310, 26740, 24100, 19870, 17650} {
		c.Bars = append(c.Bars, Bar{Label: strconv.Itoa(2016 + i), Values: []float64{v, v * 0.31, v * 0.07}})
	}
	return c
}

func basicSpark() Spark {
	return Spark{Title: "Tỷ lệ hộ nghèo 2016–2024: giảm từ 9,9% xuống 2,9%", Points: years(2016, 9.9, 7.9, 6.8, 5.7, 4.8, 4.4, 4.3, 3.4, 2.9), Target: ptr(1.5)}
}

func gapSpark() Spark {
	ps := years(2016, 12.4, 10.4, 9.0, 7.6, 6.6, 6.0, 5.7, 4.6)
	ps[4].Missing = true
	ps[6].Missing = true
	return Spark{Title: "Nông thôn (thiếu 2020, 2022)", Points: ps}
}

// moneyBars is the commune's spending by funding group (millions of đồng): one tall
// series of loans beside three short ones, whose labels floated above the tall bar,
// far from their own (issue 17).
func moneyBars() Bars {
	c := Bars{
		Title: "Kinh phí hỗ trợ giảm nghèo theo nguồn vốn", XLabel: "Năm", YLabel: "Triệu đồng",
		SeriesNames: []string{"Ngân sách trung ương", "Ngân sách tỉnh, huyện, xã", "Vốn vay ưu đãi (NHCSXH)", "Quỹ xã hội và nguồn khác"},
		Format:      func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) },
	}
	for i, v := range [][]float64{{920, 595, 3850, 40}, {872, 569, 3858, 35}, {884, 530, 4164, 22}, {823, 455, 3937, 18}} {
		c.Bars = append(c.Bars, Bar{Label: strconv.Itoa(2022 + i), Values: v})
	}
	return c
}

// rangedSpark is a village's sparkline where the audit withheld every other year
// (issue 17: it was drawn as loose dots): each withheld year carries its interval.
func rangedSpark() Spark {
	ps := years(2021, 4.2, 0, 3.1, 0, 2.0, 0)
	for _, i := range []int{1, 3} {
		ps[i].Missing, ps[i].Ranged, ps[i].Lo, ps[i].Hi = true, true, 2.4, 4.1
	}
	ps[5].Missing = true // withheld with no interval: a gap
	return Spark{Title: "Thôn Đông: tỷ lệ hộ nghèo (%)", Points: ps}
}

// phoneWidth is the narrow canvas the site inlines below 36rem.
const phoneWidth = 360

// narrowLine and narrowBars return the phone-width drawing of a fixture.
func narrowLine(c Line) Line { c.Width = phoneWidth; return c }
func narrowBars(c Bars) Bars { c.Width = phoneWidth; return c }

// goldenCases lists every fixture by golden file name; "-narrow" names
// are the phone-width drawings of the same charts.
func goldenCases() []struct {
	name string
	svg  func() string
} {
	return []struct {
		name string
		svg  func() string
	}{
		{"line-poverty-vi", povertyLine().SVG},
		{"line-regions-en", englishLine().SVG},
		{"line-fixed-range", fixedRangeLine().SVG},
		{"line-empty", emptyLine().SVG},
		{"line-gap", gapLine().SVG},
		{"bars-regions-vi", regionBars().SVG},
		{"bars-negative-en", changeBars().SVG},
		{"bars-movement-vi", movementBars().SVG},
		{"line-poverty-vi-narrow", narrowLine(povertyLine()).SVG},
		{"line-regions-en-narrow", narrowLine(englishLine()).SVG},
		{"line-fixed-range-narrow", narrowLine(fixedRangeLine()).SVG},
		{"line-empty-narrow", narrowLine(emptyLine()).SVG},
		{"line-gap-narrow", narrowLine(gapLine()).SVG},
		{"bars-regions-vi-narrow", narrowBars(regionBars()).SVG},
		{"bars-negative-en-narrow", narrowBars(changeBars()).SVG},
		{"bars-movement-vi-narrow", narrowBars(movementBars()).SVG},
		{"spark-basic", basicSpark().SVG},
		{"spark-gaps", gapSpark().SVG},
		{"spark-ranges", rangedSpark().SVG},
		{"bars-money-vi", moneyBars().SVG},
		{"bars-money-vi-narrow", narrowBars(moneyBars()).SVG},
		{"line-break-vi", standardBreakLine().SVG},
		{"line-break-vi-narrow", narrowLine(standardBreakLine()).SVG},
	}
}

// standardBreakLine is the commune's poverty rate across the change of standard
// in 2026: a fall to 1,1 % under the 2022–2025 standard, then 2,4 % under the new
// one, which a joined line would show as a sharp rise.
func standardBreakLine() Line {
	return Line{
		Title: "Tỷ lệ hộ nghèo, 2022–2026", XLabel: "Năm", YLabel: "Tỷ lệ hộ nghèo (%)",
		Series: []Series{{Name: "Xã Minh Tiến", Points: years(2022, 2.9, 2.3, 1.7, 1.1, 2.4)}},
		Target: ptr(1.5), TargetLabel: "Mục tiêu: 1,5%",
		Breaks: []Break{{X: 2026, Label: "Chuẩn nghèo 2026-2030"}},
		Format: viComma,
	}
}
