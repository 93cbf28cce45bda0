package sitetest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// tableProblems is run in the page: for every shown table, each cell that reaches
// past the screen must sit in a box that scrolls sideways and can be found and used
// without a mouse (issue 17: three tables and the SHA-256 column were cut at
// 375 px with nothing to say more was there). Such a box fits the screen, is
// focusable (tabindex), has a name (aria-label or aria-labelledby), and shows a cue
// that it scrolls: the .table-wrap scroll shadows (background gradients that move
// with the content). It returns one line per problem.
const tableProblems = `(() => {
  const vw = document.documentElement.clientWidth, out = [];
  const named = el => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    return ids.some(id => { const l = document.getElementById(id); return l && l.textContent.trim() !== ''; });
  };
  const scroller = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'auto' || ox === 'scroll') return p;
    }
    return null;
  };
  document.querySelectorAll('table').forEach((table, ti) => {
    if (!table.offsetParent) return; // not shown (another sort order)
    const cap = (table.caption ? table.caption.textContent : 'table ' + ti).trim().slice(0, 60);
    const cut = Array.from(table.querySelectorAll('th, td')).filter(c => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && (r.right > vw + 1 || r.left < -1 || c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX === 'hidden');
    });
    if (cut.length === 0) return;
    const box = scroller(table);
    const first = cut[0].textContent.trim().slice(0, 30);
    if (!box) { out.push(cap + ': ' + cut.length + ' cells cut, in no scrolling box (first: "' + first + '")'); return; }
    const br = box.getBoundingClientRect();
    if (br.right > vw + 1 || br.left < -1) out.push(cap + ': its scrolling box is wider than the screen');
    if (!box.hasAttribute('tabindex') || box.tabIndex < 0) out.push(cap + ': its scrolling box cannot be reached with the keyboard');
    if (!named(box)) out.push(cap + ': its scrolling box has no name');
    const bg = getComputedStyle(box).backgroundImage;
    if (!bg.includes('gradient') || !getComputedStyle(box).backgroundAttachment.includes('local')) out.push(cap + ': its scrolling box shows no cue that it scrolls');
  });
  return out;
})()`

// TestTablesReadableAtPhoneWidth opens every page type, and the money page, in both
// languages at 375 px and fails for any table cell that reaches past the screen
// unseen (see tableProblems).
func TestTablesReadableAtPhoneWidth(t *testing.T) {
	ctx, srv, col := browser(t)
	s := site(t, mainSite)
	if err := setColorScheme(ctx, ""); err != nil {
		t.Fatal(err)
	}
	cases := append(pageCases(t, s), pageCase{"money", "money/", true}, pageCase{"village-print", "villages/t02/", true})
	for _, lang := range []string{"vi", "en"} {
		for _, pc := range cases {
			t.Run(fmt.Sprintf("%s/%s", lang, pc.name), func(t *testing.T) {
				p := langPath(s, lang, pc.path)
				if _, err := visit(ctx, col, srv, p, 375); err != nil {
					t.Fatal(err)
				}
				problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](tableProblems))
				if err != nil {
					t.Fatal(err)
				}
				for _, pr := range problems {
					t.Errorf("%s at 375 px: %s", p, pr)
				}
			})
		}
	}
}
