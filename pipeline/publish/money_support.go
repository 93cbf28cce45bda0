package publish

import (
	"strconv"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/support"
)

// The support downloads: support.csv, .json, .parquet and .xlsx, one row per
// protected support figure.

// supportColumns are the columns of support.csv (and .json, .parquet, .xlsx).
var supportColumns = []column{
	indicatorColumns[0], indicatorColumns[1], indicatorColumns[2], indicatorColumns[3],
	{"programme", "string", "Mã dự án, tiểu dự án hoặc chính sách (programmes.toml)", "Code of the project, sub-project or policy (programmes.toml)"},
	{"support_type", "string", "Loại hỗ trợ; xem danh mục loại hỗ trợ", "Type of support; see the list of support types"},
	{"funding_source", "string", "Nguồn kinh phí của số tiền (central, province, district, commune, social_fund, policy_bank_credit, other); all với số hộ, số người và tỷ lệ bao phủ", "Funding source of the amount (central, province, district, commune, social_fund, policy_bank_credit, other); all for households, people and coverage"},
	{"indicator", "string", "households_reached, people_reached, people_needing, coverage_rate (người được hỗ trợ / người có nhu cầu, %) hoặc amount_vnd", "households_reached, people_reached, people_needing, coverage_rate (people reached / people needing it, %) or amount_vnd"},
	{"value", "number", "Giá trị như trên trang: số đếm và số tiền (đồng) là số nguyên, tỷ lệ % có 1 chữ số thập phân; để trống khi bị ẩn hoặc không có", "The value as on the site: counts and amounts (đồng) as whole numbers, coverage to one decimal; empty when withheld or not available"},
	{"numerator", "integer", "Tử số: số hộ, số người hoặc số tiền; với tỷ lệ bao phủ là số người được hỗ trợ trong số người có nhu cầu; để trống khi bị ẩn", "Numerator: households, people or đồng; for coverage, people reached among those needing it; empty when withheld"},
	{"denominator", "integer", "Mẫu số của tỷ lệ bao phủ (số người có nhu cầu); để trống với số đếm và số tiền, hoặc khi bị ẩn", "Denominator of coverage (people needing it); empty for counts and amounts, or when withheld"},
	{"unit_of_measure", "string", "Đơn vị đo: households, people, percent hoặc vnd", "Unit of measure: households, people, percent or vnd"},
	indicatorColumns[10], indicatorColumns[11], indicatorColumns[12],
	{"money_kind", "string", "Với amount_vnd: spent (tiền đã chi, không hoàn lại) hoặc lent (vốn cho vay ưu đãi, phải hoàn trả: nguồn policy_bank_credit hoặc loại hỗ trợ preferential_credit); hai loại không được cộng với nhau; để trống với số hộ, số người và tỷ lệ", "For amount_vnd: spent (money spent, not repaid) or lent (preferential loans, paid back: source policy_bank_credit or support type preferential_credit); the two are never added together; empty for households, people and coverage"},
}

// SupportColumns are the columns of support.csv, in order.
var SupportColumns = names(supportColumns)

// supportRows returns every support figure in table order, as published.
func (w *writer) supportRows() []tableRow {
	st := w.in.Support
	if st == nil {
		return nil
	}
	out := make([]tableRow, 0, len(st.Figures))
	for i := range st.Figures {
		f := &st.Figures[i]
		var value, num, den any
		valueText, numText, denText := "", "", ""
		if s, ok := f.Scaled(); ok {
			if f.Measure == indicator.Percent {
				valueText, value = csvNumber(indicator.FormatScaled(s, 1, "en"))
			} else {
				valueText = strconv.FormatInt(s, 10)
				value = s
			}
		}
		if f.Flag == "" {
			numText, num = strconv.FormatInt(f.Num, 10), f.Num
			if f.Measure == indicator.Percent {
				denText, den = strconv.FormatInt(f.Den, 10), f.Den
			}
		}
		if f.Flag == indicator.FlagNotAvailable && f.Measure == indicator.Percent {
			// No one needed it: the denominator 0 is published, as for rates.
			denText, den = "0", int64(0)
		}
		loText, lo, hiText, hi := supportBounds(f)
		var kind any
		kindText := ""
		if f.Indicator == support.AmountVND {
			kindText = moneyKind(f)
			kind = kindText
		}
		name := w.unitName(f.UnitCode)
		out = append(out, tableRow{
			cells: []string{strconv.Itoa(f.Year), f.UnitLevel, f.UnitCode, name, f.Programme, f.SupportType,
				f.FundingSource, f.Indicator, valueText, numText, denText, f.Measure, f.Flag, loText, hiText, kindText},
			typed: map[string]any{"year": f.Year, "unit_level": f.UnitLevel, "unit_code": f.UnitCode, "unit_name": name,
				"programme": f.Programme, "support_type": f.SupportType, "funding_source": f.FundingSource,
				"indicator": f.Indicator, "value": value, "numerator": num, "denominator": den,
				"unit_of_measure": f.Measure, "flag": f.Flag, "value_lower": lo, "value_upper": hi, "money_kind": kind},
		})
	}
	return out
}

// supportBounds is a withheld figure's interval as the CSV writes it and as typed
// values: whole counts and đồng, coverage to one decimal; empty (nil) when the
// figure is published, or for the upper end when nothing bounds it.
func supportBounds(f *support.Figure) (loText string, lo any, hiText string, hi any) {
	if !f.Withheld() || !f.Bounded {
		return "", nil, "", nil
	}
	text := func(s int64) (string, any) {
		if f.Measure == indicator.Percent {
			return csvNumber(indicator.FormatScaled(s, 1, "en"))
		}
		return strconv.FormatInt(s, 10), s
	}
	loText, lo = text(f.Lower)
	if f.Upper >= 0 {
		hiText, hi = text(f.Upper)
	}
	return loText, lo, hiText, hi
}

// supportDownloads writes support.csv, .json, .parquet and .xlsx from the same rows.
func (w *writer) supportDownloads() error {
	if w.in.Support == nil {
		return nil
	}
	return w.writeTable(table{
		name: "support", cols: supportColumns, rows: w.supportRows(),
		nullable: func(c column) bool { return c.Name != "year" },
		sheet: &xlsxSheet{
			name:    "support",
			subject: "Hỗ trợ và kinh phí giảm nghèo / Poverty-reduction support and spending",
			readme:  w.supportReadme(),
		},
	})
}

// supportReadme is the README sheet's dictionary part for support.xlsx.
func (w *writer) supportReadme() [][]any {
	rows := [][]any{{"Chỉ số / Indicator", "Đơn vị đo / Unit of measure", "Ý nghĩa", "Meaning"}}
	for _, d := range support.Indicators {
		rows = append(rows, []any{d.Code, d.Measure, d.VI, d.EN})
	}
	rows = append(rows, []any{}, []any{"Loại hỗ trợ / Support type", "Chỉ số bao phủ / Coverage indicator", "Ý nghĩa", "Meaning"})
	for _, t := range support.SupportTypes {
		rows = append(rows, []any{t.Code, t.Indicator, t.VI, t.EN})
	}
	return rows
}
