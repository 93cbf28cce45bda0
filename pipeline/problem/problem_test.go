package problem

import (
	"errors"
	"testing"
)

func TestRender(t *testing.T) {
	txt := Text{VI: "giá trị %d sai", EN: "value %d is wrong", HintVI: "sửa %s", HintEN: "fix %s"}
	tests := []struct {
		name    string
		at      At
		warning bool
		lang    string
		want    string
	}{
		{"english with position and column", At{File: "a.csv", Line: 3, Col: 7, Column: "members"}, false, "en", "a.csv:3:7: column members: value 2 is wrong (hint: fix it)"},
		{"vietnamese", At{File: "a.csv", Line: 3, Col: 7, Column: "members"}, false, "vi", "a.csv:3:7: cột members: giá trị 2 sai (gợi ý: sửa it)"},
		{"whole file", At{File: "a.csv"}, false, "en", "a.csv: value 2 is wrong (hint: fix it)"},
		{"line without column", At{File: "a.csv", Line: 4}, false, "en", "a.csv:4: value 2 is wrong (hint: fix it)"},
		{"warning in english", At{File: "a.csv", Line: 4}, true, "en", "a.csv:4: warning: value 2 is wrong (hint: fix it)"},
		{"setting key", At{File: "portal.toml", Line: 2, Col: 1, Key: "unit.code"}, false, "vi", "portal.toml:2:1: unit.code: giá trị 2 sai (gợi ý: sửa it)"},
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

func TestInLanguage(t *testing.T) {
	cat := Catalogue{"bad": {VI: "sai %d", EN: "wrong %d", HintVI: "sửa", HintEN: "fix"}}
	a := Problem{File: "a.toml", Line: 2, Col: 1, Key: "k", Code: "bad", Args: []any{1}, Catalogue: cat}
	b := Problem{File: "a.toml", Code: "bad", Args: []any{2}, Catalogue: cat}
	other := errors.New("disk full")
	tests := []struct {
		name string
		err  error
		lang string
		want string
	}{
		{"one problem in vietnamese", a, "vi", "a.toml:2:1: k: sai 1 (gợi ý: sửa)"},
		{"joined problems in vietnamese", errors.Join(a, b), "vi", "a.toml:2:1: k: sai 1 (gợi ý: sửa)\na.toml: sai 2 (gợi ý: sửa)"},
		{"english is the errors' own text", errors.Join(a, b), "en", errors.Join(a, b).Error()},
		{"another error keeps its text", errors.Join(a, other), "vi", "a.toml:2:1: k: sai 1 (gợi ý: sửa)\ndisk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := InLanguage(tt.err, tt.lang)
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			var p Problem
			if !errors.As(err, &p) || p.Code != "bad" {
				t.Errorf("errors.As found %v", p)
			}
		})
	}
	if InLanguage(nil, "vi") != nil {
		t.Error("a nil error became a problem")
	}
}
