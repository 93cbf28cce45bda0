package publish

import (
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// changelogShown is how many changes of one release the data page lists: a
// revision of the method can change thousands of figures, and changelog.csv has
// every one.
const changelogShown = 50

// releaseView is a release of the changelog as the data page reads it
// (changelog.json): the release, its first changelogShown changes, how many more
// changelog.csv has, and the anchor of its heading.
type releaseView struct {
	releaseChanges
	Changes []changeView `json:"changes"`
	More    int          `json:"more"`
	// Anchor is the version as an HTML id ("2026-1"): a dot in an id would need
	// escaping in every CSS selector and URL fragment that names it.
	Anchor string `json:"anchor"`
}

// changeView is one change with the value before and after as the page prints them.
type changeView struct {
	change
	Before bilingual `json:"before_shown"`
	After  bilingual `json:"after_shown"`
}

// withheldWord is what the changelog prints for a value that was or is withheld: a
// word rather than a marker, since the table has no room for the marker's legend.
var withheldWord = both("bị ẩn", "withheld")

func changelogView(entries []releaseChanges) []releaseView {
	out := make([]releaseView, len(entries))
	for i, e := range entries {
		shown := e.Changes[:min(len(e.Changes), changelogShown)]
		v := releaseView{releaseChanges: e, Changes: make([]changeView, len(shown)),
			More: len(e.Changes) - len(shown), Anchor: strings.ReplaceAll(e.Version, ".", "-")}
		for j, c := range shown {
			v.Changes[j] = changeView{change: c, Before: shownValue(c.BeforeText, c.FlagBefor), After: shownValue(c.AfterText, c.FlagAfter)}
		}
		out[i] = v
	}
	return out
}

// shownValue is a value of the changelog as printed: its text, the word for a
// withheld value, or a dash for one that did not exist.
func shownValue(text bilingual, flag string) bilingual {
	pick := func(t, withheld string) string {
		switch {
		case t != "":
			return t
		case flag == indicator.FlagSuppressed:
			return withheld
		}
		return NotAvailable
	}
	return both(pick(text.VI, withheldWord.VI), pick(text.EN, withheldWord.EN))
}
