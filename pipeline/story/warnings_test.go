package story

import "testing"

// TestWarningsNotRaised: ordinary sentences of a story raise no warning.
func TestWarningsNotRaised(t *testing.T) {
	for _, line := range []string{
		"Bài viết bằng tiếng Anh.\nNgày 5 hộ họp.",
		"Anh em trong thôn giúp nhau dựng chuồng.",
		"Tổng số 12 hộ ở thôn Đông đã thoát nghèo.",
		"Hộ được vay 50 triệu đồng năm 2022.",
		"Chị chủ hộ nuôi hai con bò.",
		"Các cháu đều được đi học.",
	} {
		t.Run(line, func(t *testing.T) {
			if ps := personalWarnings([]byte(line), 1); len(ps) > 0 {
				t.Errorf("warnings for %q:\n%s", line, render(ps, "en"))
			}
		})
	}
}
