package story

import (
	"html"
	"net/url"
	"regexp"
	"strings"
)

// linkSchemes are the only schemes a link may use; an image may use none (it must be a
// photo of the story's folder).
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

var schemePrefix = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.\-]*):`)

// checkDestination judges a link or image address and returns the problem code, or ""
// when it is allowed. A browser strips spaces and control characters from an address
// and ignores the case of its scheme; a renderer may decode entities or percent-escapes:
// every such reading must give an allowed scheme, so "java&#x09;script:", "JavaScript:",
// " data:" and "javascript%3A" are all refused. An address with no scheme must parse the
// way the render hook parses it, and must not start with // or \ (another host).
func checkDestination(dest string, image bool) string {
	if _, err := url.Parse(dest); err != nil {
		return "bad_link"
	}
	for _, form := range readings(dest) {
		if m := schemePrefix.FindStringSubmatch(form); m != nil {
			if image {
				// A web address is another site's image; any other scheme
				// (javascript:, data:) is no photo at all.
				if s := strings.ToLower(m[1]); s == "http" || s == "https" {
					return "image_other_host"
				}
				return "image_scheme"
			}
			if !linkSchemes[strings.ToLower(m[1])] {
				return "link_scheme"
			}
			continue
		}
		if strings.HasPrefix(form, "//") || strings.Contains(form, `\`) {
			if image {
				return "image_other_host"
			}
			return "link_other_host"
		}
	}
	return ""
}

// readings are the forms an address may take on its way to a browser: as written,
// entity-decoded, percent-decoded, each without the spaces and control characters a
// browser drops.
func readings(dest string) []string {
	forms := []string{dest, html.UnescapeString(dest)}
	for _, f := range forms[:2] {
		if d, err := url.PathUnescape(f); err == nil {
			forms = append(forms, d)
		}
	}
	for i, f := range forms {
		forms[i] = strings.Map(func(r rune) rune {
			if r <= 0x20 || r == 0x7f || zeroWidth(r) || r == '\u00a0' {
				return -1
			}
			return r
		}, f)
	}
	return forms
}
