package story

import "testing"

// TestNumbersInDisguise: each way of writing a phone or ID number that a reader still
// reads as one is found, and the years, dates, amounts and counts of an ordinary story
// are not.
func TestNumbersInDisguise(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"en-dashes", "Gọi 0912–345–678.", "phone_number"},
		{"em-dashes-spaced", "Gọi 0912 — 345 — 678.", "phone_number"},
		{"colons", "Gọi 0912:345:678.", "phone_number"},
		{"plus-signs", "Gọi 0912+345+678.", "phone_number"},
		{"middle-dots", "Gọi 0912·345·678.", "phone_number"},
		{"bullets-and-ellipsis", "Gọi 0912 • 345 … 678.", "phone_number"},
		{"dotted-leader", "Gọi 0912 . . . 345 678.", "phone_number"},
		{"arabic-indic", "Gọi ٠٩١٢٣٤٥٦٧٨.", "phone_number"},
		{"devanagari", "Gọi ०९१२३४५६७८.", "phone_number"},
		{"bengali", "Gọi ০৯১২৩৪৫৬৭৮.", "phone_number"},
		{"combining-underline", "Gọi 0\u03329\u03321\u03322\u0332345678.", "phone_number"},
		{"keycaps", "Gọi 0\ufe0f\u20e39\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e3345678.", "phone_number"},
		{"variation-selectors", "Gọi 0\ufe0e9\ufe0e1\ufe0e2\ufe0e345678.", "phone_number"},
		{"letters-O-and-l", "Gọi O9l2 345 678.", "phone_number"},
		{"letters-o-and-I", "Gọi o9I2 345 678.", "phone_number"},
		{"split-by-link", "Gọi [0912](https://example.org/) 345 678.", "phone_number"},
		{"split-by-reference-link", "Gọi [0912][a] 345 678.", "phone_number"},
		{"mailto-body", "[thư](mailto:a@example.org?body=0912%20345%20678)", "phone_number"},
		{"url-percent-encoded", "<https://example.org/%30%39%31%32%33%34%35%36%37%38>", "phone_number"},
		{"url-0084", "<https://zalo.me/0084912345678>", "phone_number"},
		{"url-84-0", "<https://zalo.me/840912345678>", "phone_number"},
		{"ndash-entities", "Gọi 0912&ndash;345&ndash;678.", "phone_number"},
		{"heading-id", "## Liên hệ {#sdt-0912–345–678}", "phone_number"},
		{"date-glued-before-phone", "Ngày 15/06/2024 – 0912 345 678.", "phone_number"},
		{"year-inside-phone", "Gọi 0912 2023 45.", "phone_number"},
		{"vietnamese-words", "Gọi không chín một hai ba bốn năm sáu bảy tám.", "phone_number"},
		{"vietnamese-words-no-accents", "goi khong chin mot hai, ba bon nam, sau bay tam", "phone_number"},
		{"cccd-words", "CCCD: không không một hai không không không một hai ba bốn lăm", "citizen_id"},
		{"cccd-en-dashes", "CCCD 001–200–012–345", "citizen_id"},
		{"yaml-hex-escapes", "---\ntitle: \"Gọi \\x30\\x39\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\"\n---\n", "phone_number"},
		{"yaml-unicode-escapes", "---\nsummary: \"\\u0030\\u0039\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038\"\n---\n", "phone_number"},
		{"yaml-binary", "---\ntitle: !!binary R+G7jWkgMDkxMjM0NTY3OA==\n---\n", "yaml_tag"},
		{"yaml-custom-tag", "---\ntitle: !x \"Gọi\"\n---\n", "yaml_tag"},
		{"yaml-folded", "---\nsummary: >\n  Gọi 0912 345\n\n  678\n---\n", "phone_number"},
		{"yaml-in-list", "---\nphotos:\n  - alt: \"\\x30\\x39\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\"\n---\n", "phone_number"},
		{"digits-and-words-mixed", "Gọi 0912 ba bốn năm 678.", "phone_number"},
		{"table-cells", "| 0912 | 345 | 678 |", "phone_number"},
		{"tel-link", "[gọi](tel:+84912345678)", "phone_number"},
		{"account-groups", "STK: 1234-5678-9012", "long_number"},
		{"english-words", "Call zero nine one two, three four five, six seven eight.", "phone_number"},
		{"footnote-reference-inside", "Gọi 0912[^1] 345 678.\n\n[^1]: x", "phone_number"},
		// Ordinary text: nothing.
		{"english-counts", "One or two households, then three; five of the nine villages.", ""},
		{"year-word-before-years", "Năm 2021 2022 2023 2024 2025, năm 2021, 84 hộ.", ""},
		{"document-numbers", "Nghị định 07/2021/NĐ-CP ngày 27/01/2021; Quyết định số 1719/QĐ-TTg ngày 14/10/2021.", ""},
		{"periods", "giai đoạn 2021-2025, 2026-2030", ""},
		{"date-range", "Từ 15/06/2024 – 20/07/2024, từ 01.03.2023 đến 2024-12-31.", ""},
		{"years-and-counts", "Năm 2022: 45 hộ; năm 2023: 38 hộ; năm 2024: 30 hộ – giảm 15 hộ (33,3%).", ""},
		{"amounts", "Hộ nhận 3.500.000 đồng/tháng, tổng 42.000.000 đồng (12 tháng × 3.500.000).", ""},
		{"calculation", "(12,5 − 3,5) / 4 = 2,25 điểm; (1.2 − 3.5) / 4 = −0.575.", ""},
		{"table-row", "| T02 | 98 | 31 | 31,6 |", ""},
		{"times", "lúc 7:30 - 11:00 và 13:30 - 17:00 mỗi ngày", ""},
		{"number-words-in-prose", "Một hai ba, bà con cùng làm; năm ba lần họp, sáu bảy hộ.", ""},
		{"words-with-o-and-l", "Lô 12, lợn 10 con, Io 5", ""},
		{"yaml-plain-tags", "---\ntitle: \"Năm 2024\"\ndate: 2024-06-15\nconsent: true\ndraft: false\nphotos: []\n---\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := personalNumbers([]byte(tt.src))
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("ordinary text refused: %v", got)
				}
				return
			}
			for _, p := range got {
				if p.Code == tt.want {
					return
				}
			}
			t.Errorf("want %s, got %v", tt.want, got)
		})
	}
}
