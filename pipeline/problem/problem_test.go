package problem

import "testing"

func TestRender(t *testing.T) {
	txt := Text{VI: "giá trị %d sai", EN: "value %d is wrong", HintVI: "sửa %s", HintEN: "fix %s"}
	tests := []struct {
		name    string
		at      At
		warning bool
		lang    string
		want    string
	}{
		{"english with position and column", At{"a.csv", 3, 7, "members"}, false, "en", "a.csv:3:7: column members: value 2 is wrong (hint: fix it)"},
		{"vietnamese", At{"a.csv", 3, 7, "members"}, false, "vi", "a.csv:3:7: cột members: giá trị 2 sai (gợi ý: sửa it)"},
		{"whole file", At{File: "a.csv"}, false, "en", "a.csv: value 2 is wrong (hint: fix it)"},
		{"line without column", At{File: "a.csv", Line: 4}, false, "en", "a.csv:4: value 2 is wrong (hint: fix it)"},
		{"warning in english", At{File: "a.csv", Line: 4}, true, "en", "a.csv:4: warning: value 2 is wrong (hint: fix it)"},
		{"warning in vietnamese", At{File: "a.csv", Line: 4}, true, "vi", "a.csv:4: cảnh báo: giá trị 2 sai (gợi ý: sửa it)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Render(tt.at, tt.warning, txt, []any{2}, []any{"it"}, tt.lang); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
