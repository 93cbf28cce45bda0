package review

import (
	"encoding/csv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/minhtien/portal/pipeline/csvfile"
)

// checkHeader checks the column names against the file's contract and returns, for
// each position, its contract column.
func (p *parser) checkHeader(r *csv.Reader, header []string) ([]Column, []int) {
	p.header = header
	idx := csvfile.CheckHeader(r, header, p.contract.header, p.fault)
	return csvfile.Pick(p.contract.Columns, idx), idx
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
