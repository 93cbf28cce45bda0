package assemble

import "testing"

// TestCountWord checks the word the summary line of problems uses: Vietnamese has
// no plural; English says "1 error" and "2 errors".
func TestCountWord(t *testing.T) {
	cases := []struct {
		n    int
		errs bool
		lang string
		want string
	}{
		{1, true, "en", "error"},
		{2, true, "en", "errors"},
		{0, false, "en", "warnings"},
		{1, false, "en", "warning"},
		{1, true, "vi", "lỗi"},
		{3, false, "vi", "cảnh báo"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := countWord(c.n, c.errs, c.lang); got != c.want {
				t.Errorf("countWord(%d, %v, %q) = %q, want %q", c.n, c.errs, c.lang, got, c.want)
			}
		})
	}
}
