package review

import (
	"encoding/csv"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// checkHeader checks the column names and returns, for each position, its contract column.
func (p *parser) checkHeader(r *csv.Reader, header []string) []Column {
	cols := make([]Column, len(header))
	p.header = header
	hline, _ := r.FieldPos(0)
	if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
		p.add(hline, 1, "", "wrong_separator")
		return cols
	}
	raw := slices.Clone(header)
	known := 0
	for i := range header {
		header[i] = strings.TrimSpace(raw[i])
		if _, ok := ColumnByName(header[i]); ok {
			known++
		}
	}
	seen := map[string]bool{}
	for i, name := range header {
		line, col := r.FieldPos(i)
		if name != raw[i] && known > 0 {
			p.warn(line, col, "", "", "header_spaces", shownName(name))
		}
		if LooksPersonal(name) {
			shown := shownName(name)
			if known == 0 {
				// Without a single contract name the line is probably data: an
				// "address" here may be a family's address.
				shown = "…"
			}
			p.add(line, col, "", "personal_column", shown)
			continue
		}
		c, ok := ColumnByName(name)
		if !ok {
			if known > 0 {
				p.add(line, col, "", "unknown_column", shownName(name))
			}
			continue
		}
		if seen[name] {
			p.add(line, col, "", "duplicate_column", name)
		}
		seen[name] = true
		cols[i] = c
	}
	if known == 0 {
		// No name of the contract at all: the first line is data, not a header.
		p.add(hline, 0, "", "no_header")
		return cols
	}
	for _, c := range Columns {
		if !seen[c.Name] {
			p.add(hline, 0, "", "missing_column", c.Name)
		}
	}
	return cols
}

// shownName is a column name as a message may print it: a header cell that holds what
// looks like an ID or phone number (a data row used as header) is not echoed.
func shownName(name string) string {
	if LooksLikeIdentifier(name) != "" {
		return "…"
	}
	return name
}

// personalExact are folded column names that are personal on their own; personalParts
// are folded fragments that make any column name personal.
var (
	personalExact = map[string]bool{
		"ten": true, "name": true, "sdt": true, "dt": true, "dob": true, "tel": true,
		"mobile": true, "email": true, "id": true, "idcard": true,
		"cmt": true, "tuoi": true, "age": true, "gps": true,
	}
	personalParts = []string{
		"hoten", "hovaten", "fullname", "firstname", "lastname", "tenchuho", "chuho",
		"cccd", "cmnd", "cancuoc", "chungminh", "citizenid", "nationalid", "passport",
		"socmt", "hochieu", "bhxh", "bhyt", "masothue",
		"phone", "dienthoai", "sodienthoai", "didong", "sodt", "email", "zalo",
		"address", "diachi", "noio", "thuongtru", "tamtru", "toado", "kinhdo", "vido",
		"ngaysinh", "namsinh", "birth", "sinhngay",
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
	// NFD splits each accented letter into its base and its marks; only a-z and 0-9
	// are kept afterwards, so the marks (and every other character) drop out.
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		r = unicode.ToLower(r)
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
