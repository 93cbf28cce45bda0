package story

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Nuôi bò sinh sản", "nuoi-bo-sinh-san"},
		{"Đường về Thôn Đông", "duong-ve-thon-dong"},
		{"ĐẶNG THỊ ĐÀO", "dang-thi-dao"},
		{"Vụ rau đông: thêm 15 triệu đồng!", "vu-rau-dong-them-15-trieu-dong"},
		{"  Trồng   rau -- vụ đông  ", "trong-rau-vu-dong"},
		{"Ảnh, ổn định, ưu đãi, ợ", "anh-on-dinh-uu-dai-o"},
		{"Nuôi bò sinh sản", "nuoi-bo-sinh-san"}, // precomposed and decomposed input
		{"From day labour to a job", "from-day-labour-to-a-job"},
		{"!!!", ""},
		{"Một câu chuyện rất dài về việc nuôi bò sinh sản giúp một hộ ở Thôn Đông thoát nghèo bền vững", "mot-cau-chuyen-rat-dai-ve-viec-nuoi-bo-sinh-san-giup-mot-ho"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Slug(tt.title); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
			}
			if len(tt.want) > maxSlug {
				t.Errorf("slug longer than %d", maxSlug)
			}
		})
	}
}

func TestClassifyNumber(t *testing.T) {
	tests := []struct{ text, want string }{
		{"0912345678", "phone_number"},
		{"0912 345 678", "phone_number"},
		{"091.234.5678", "phone_number"},
		{"0912-345-678", "phone_number"},
		{"+84 912 345 678", "phone_number"},
		{"84912345678", "phone_number"},
		{"+84-91-234-5678", "phone_number"},
		{"0221 3861 234", "phone_number"}, // a Hưng Yên landline
		{"001234567890", "citizen_id"},
		{"001 234 567 890", "citizen_id"},
		{"123456789", "citizen_id"},
		{"123.456.789", "citizen_id"},
		{"1234567890123", "long_number"},
		{"150.000.000", ""},
		{"2,500,000", ""},
		{"50", ""},
		{"2024", ""},
		{"2024-06-15", ""},
		{"2022-2025", ""},
		{"3.1", ""},
		{"1500000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got, _ := classifyNumber(tt.text); got != tt.want {
				t.Errorf("classifyNumber(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestPersonalNumbersInText(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Gọi 0912345678 hoặc 0987.654.321.", []string{"phone_number", "phone_number"}},
		{"Mã thôn T01, năm 2021, 84 hộ.", nil},
		{"Xem https://example.vn/bai-viet-123456789012.html", nil},
		{"Vay 150.000.000 đồng, tức 150 triệu đồng.", nil},
		// Glued to letters, a number is still judged: a household code has no place in
		// a story either, since it links the story to the open data.
		{"Mã hộ MT000123456", []string{"citizen_id"}},
		{"SĐT0901234567", []string{"phone_number"}},
		// Markdown shows many spaces as one, and a single line break as a space.
		{"Gọi 0912          345          678", []string{"phone_number"}},
		{"Gọi 0912 345\n678 nhé", []string{"phone_number"}},
		{"Năm 2024\n\n15 hộ, 1.500.000 -\n2.000.000 đồng", nil},
		{"- 2021\n- 2022\n- 2023", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := personalNumbers([]byte(tt.line))
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].Code != tt.want[i] {
					t.Errorf("problem %d = %s, want %s", i, got[i].Code, tt.want[i])
				}
			}
		})
	}
}
