package publish

import (
	"strconv"
	"strings"

	"github.com/minhtien/portal/pipeline/indicator"
)

// downloadView is a download as the data page lists it (downloads.json): its path
// under public/, its name inside data/ (as SHA256SUMS names it) and its size for
// people.
type downloadView struct {
	Download
	Name string    `json:"name"`
	Size bilingual `json:"size"`
}

func downloadViews(list []Download) []downloadView {
	out := make([]downloadView, len(list))
	for i, d := range list {
		out[i] = downloadView{Download: d, Name: strings.TrimPrefix(d.Path, "data/"), Size: both(sizeText(d.Bytes, "vi"), sizeText(d.Bytes, "en"))}
	}
	return out
}

// sizeText is a file size for people in lang: "521 B", "12,3 kB" in Vietnamese, "12.3
// kB" in English, in decimal units as `ls --si` prints them. The tenths are those of
// the nearest one-decimal rendering of the exact quotient, as strconv rounds.
func sizeText(bytes int64, lang string) string {
	if bytes < 1000 {
		return indicator.FormatScaled(bytes, 0, lang) + " B"
	}
	unit, div := "kB", 1000.0
	if bytes >= 1000000 {
		unit, div = "MB", 1000000.0
	}
	s := strconv.FormatFloat(float64(bytes)/div, 'f', 1, 64)
	tenths, err := strconv.ParseInt(strings.Replace(s, ".", "", 1), 10, 64)
	if err != nil {
		return s + " " + unit // not reached: FormatFloat wrote digits and one dot
	}
	return indicator.FormatScaled(tenths, 1, lang) + " " + unit
}
