package review

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// checkHeader checks the column names and returns, for each position, its contract column.
func (p *parser) checkHeader(header []string) []Column {
	cols := make([]Column, len(header))
	seen := map[string]bool{}
	for i, raw := range header {
		name := strings.TrimSpace(raw)
		header[i] = name
		if name != raw {
			p.warn(1, i+1, "", "", "header_spaces", name)
		}
		if LooksPersonal(name) {
			p.add(1, i+1, "", "personal_column", name)
			continue
		}
		c, ok := ColumnByName(name)
		if !ok {
			p.add(1, i+1, "", "unknown_column", name)
			continue
		}
		if seen[name] {
			p.add(1, i+1, "", "duplicate_column", name)
		}
		seen[name] = true
		cols[i] = c
	}
	for _, c := range Columns {
		if !seen[c.Name] {
			p.add(1, 0, "", "missing_column", c.Name)
		}
	}
	p.header = header
	return cols
}

// personalExact are folded column names that are personal on their own; personalParts
// are folded fragments that make any column name personal.
var (
	personalExact = map[string]bool{
		"ten": true, "name": true, "sdt": true, "dt": true, "dob": true, "tel": true,
		"mobile": true, "email": true, "id": true, "idcard": true, "namsinh": true,
	}
	personalParts = []string{
		"hoten", "hovaten", "fullname", "firstname", "lastname", "tenchuho", "chuho",
		"cccd", "cmnd", "cancuoc", "chungminh", "citizenid", "nationalid", "passport",
		"phone", "dienthoai", "sodienthoai", "didong",
		"address", "diachi", "noio", "thuongtru", "tamtru",
		"ngaysinh", "birth", "sinhngay",
	}
)

// LooksPersonal reports whether a column name looks like it holds personal data, in
// Vietnamese or English, with or without diacritics, in any case.
func LooksPersonal(name string) bool {
	f := fold(name)
	if f == "" {
		return false
	}
	if personalExact[f] {
		return true
	}
	for _, part := range personalParts {
		if strings.Contains(f, part) {
			return true
		}
	}
	return false
}

// fold lowercases, strips Vietnamese diacritics (đ included) and drops everything
// but letters and digits, so "Họ và tên", "ho_va_ten" and "HOVATEN" compare equal.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(out) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
