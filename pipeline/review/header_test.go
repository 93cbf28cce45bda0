package review

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"ascii", "household_id", "householdid"},
		{"upper case", "HOUSEHOLD_ID", "householdid"},
		{"diacritics", "Họ và tên", "hovaten"},
		{"all tones", "àáảãạ ằắẳẵặ ầấẩẫậ", "aaaaaaaaaaaaaaa"},
		{"horn and breve", "ơ ư ă â ê ô", "ouaaeo"},
		{"d with stroke lower", "địa chỉ", "diachi"},
		{"d with stroke upper", "ĐỊA CHỈ", "diachi"},
		{"SĐT", "SĐT", "sdt"},
		{"decomposed input", "Ho\u0323 te\u0302\u0301n", "hoten"},
		{"digits kept", "children_6_15", "children615"},
		{"punctuation dropped", "birth-date (dd/mm)", "birthdateddmm"},
		{"non-latin dropped", "名字", ""},
		{"empty", "", ""},
		{"spaces only", "  \t", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fold(c.in); got != c.want {
				t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLooksPersonal(t *testing.T) {
	personal := []string{
		// Names.
		"họ tên", "Họ Tên", "HỌ TÊN", "ho ten", "ho_ten", "hoten", "Họ và tên", "ho_va_ten",
		"Name", "name", "NAME", "full name", "Full_Name", "first_name", "last name", "Tên",
		"ten", "Tên chủ hộ", "ten_chu_ho", "chu_ho",
		// Citizen IDs.
		"CCCD", "cccd", "so_cccd", "Số CCCD", "CMND", "so_cmnd", "Số CMND", "CMT", "can_cuoc",
		"Căn cước công dân", "citizen_id", "national id", "ID", "id_card", "passport", "hộ chiếu",
		"so_the_bhyt", "Số BHXH",
		// Phones.
		"phone", "Phone Number", "phone_number", "so_dien_thoai", "Số điện thoại", "Điện thoại",
		"SĐT", "sdt", "SDT", "Số ĐT", "so_dt", "di_dong", "Di động", "mobile", "tel", "email", "zalo",
		// Addresses.
		"dia_chi", "Địa chỉ", "ĐỊA CHỈ", "dia chi", "address", "Home Address", "nơi ở",
		"thuong_tru", "Tạm trú",
		// Birth dates.
		"ngay_sinh", "Ngày sinh", "NGÀY SINH", "ngày tháng năm sinh", "birth date", "Birth_Date",
		"date of birth", "DOB", "năm sinh", "nam_sinh", "tuổi",
	}
	for _, name := range personal {
		t.Run(name, func(t *testing.T) {
			if !LooksPersonal(name) {
				t.Errorf("LooksPersonal(%q) = false, want true", name)
			}
		})
	}
	notPersonal := []string{"", "   ", "ghi_chu", "village_code", "thon", "nam", "status_note", "members_total"}
	for _, c := range Columns {
		notPersonal = append(notPersonal, c.Name, strings.ToUpper(c.Name))
	}
	for _, name := range notPersonal {
		t.Run("not/"+name, func(t *testing.T) {
			if LooksPersonal(name) {
				t.Errorf("LooksPersonal(%q) = true, want false", name)
			}
		})
	}
}

// TestPersonalColumnRefused puts each personal name into a real header: the file is
// refused with personal_column on the header line and column, and the rows' values
// never appear in a message.
func TestPersonalColumnRefused(t *testing.T) {
	names := []string{"họ tên", "ho_ten", "Name", "CCCD", "so_cccd", "CMND", "phone", "so_dien_thoai",
		"SĐT", "sdt", "dia_chi", "Địa chỉ", "address", "ngay_sinh", "birth date", "NGÀY SINH", "Ho Ten"}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			header := "year,commune_code,village_code,household_id," + name + strings.TrimPrefix(strings.Join(columnNames(), ","), "year,commune_code,village_code,household_id")
			row := "2024,12424,T01,MT-T01-0001,Nguyễn Thị Hoa 0912345678" + strings.TrimPrefix(validRow, "2024,12424,T01,MT-T01-0001")
			_, ps := Parse("2024.csv", []byte(header+"\n"+row+"\n"), testRules())
			if len(ps) != 1 {
				t.Fatalf("got %v", ps)
			}
			p := ps[0]
			if p.Code != "personal_column" || p.Line != 1 || p.Col != len("year,commune_code,village_code,household_id,")+1 {
				t.Errorf("got %s at %d:%d", p.Code, p.Line, p.Col)
			}
			for _, lang := range []string{"en", "vi"} {
				m := p.Message(lang)
				if !strings.Contains(m, name) {
					t.Errorf("message does not name the column: %s", m)
				}
				if strings.Contains(m, "Hoa") || strings.Contains(m, "0912345678") {
					t.Errorf("message echoes a value: %s", m)
				}
			}
		})
	}
}

func TestHeaderProblems(t *testing.T) {
	names := columnNames()
	cases := []struct {
		name   string
		header string
		want   []string // code@line:col
	}{
		{"duplicated column", strings.Join(names, ",") + ",status", []string{"duplicate_column@1:" + itoa(len(strings.Join(names, ","))+2)}},
		{"unknown and missing", strings.Join(names[:len(names)-1], ",") + ",Members_Insured", []string{
			"unknown_column@1:" + itoa(len(strings.Join(names[:len(names)-1], ","))+2),
			"missing_column@1:0",
		}},
		{"empty column name", strings.Join(names, ",") + ",", []string{"unknown_column@1:" + itoa(len(strings.Join(names, ","))+2)}},
		{"header after blank lines", "\n\n" + strings.Join(names, ","), nil},
		{"tab separated", strings.Join(names, "\t"), []string{"wrong_separator@1:1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := Parse("2024.csv", []byte(c.header+"\n"+validRow+"\n"), testRules())
			got := codes(ps)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestHeaderAfterBlankLines checks that problems on a header preceded by blank lines
// carry the header's real line.
func TestHeaderAfterBlankLines(t *testing.T) {
	b := "\r\n\r\n" + strings.Join(columnNames(), ",") + ",ghi_chu\r\n" + validRow + ",x\r\n"
	_, ps := Parse("2024.csv", []byte(b), testRules())
	if got := codes(ps); len(got) != 1 || got[0] != "unknown_column@3:"+itoa(len(strings.Join(columnNames(), ","))+2) {
		t.Errorf("got %v", got)
	}
}

func TestUnknownColumnNotEchoedWhenItLooksLikeAnID(t *testing.T) {
	header := strings.Join(columnNames(), ",") + ",001089012345"
	_, ps := Parse("2024.csv", []byte(header+"\n"+validRow+",\n"), testRules())
	if len(ps) != 1 || ps[0].Code != "unknown_column" {
		t.Fatalf("got %v", ps)
	}
	if m := ps[0].Message("vi"); strings.Contains(m, "001089012345") {
		t.Errorf("message echoes the id: %s", m)
	}
}

// TestDataLineAsHeader: when the header is missing, the first line is data, so none of
// its cells is echoed, not even one that looks like a personal column name.
func TestDataLineAsHeader(t *testing.T) {
	b := []byte("2024,12424,T01,MT-T01-0001,Địa chỉ thôn Đông số 5,0912345678\n" + validRow + "\n")
	_, ps := Parse("2024.csv", b, testRules())
	if got := codes(ps); strings.Join(got, " ") != "personal_column@1:28 no_header@1:0" {
		t.Fatalf("got %v", got)
	}
	for _, p := range ps {
		for _, lang := range []string{"en", "vi"} {
			m := strings.TrimPrefix(p.Message(lang), p.File)
			for _, s := range []string{"MT-T01-0001", "thôn Đông", "0912345678"} {
				if strings.Contains(m, s) {
					t.Errorf("message shows %q: %s", s, m)
				}
			}
		}
	}
}
