package config

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// formulaStarts are the first characters that make a spreadsheet read a cell as a
// formula (OWASP's list for CSV injection): a name such as "=HYPERLINK(...)" in a
// TOML input would reach the CSV and XLSX downloads and run in the reader's Excel.
const formulaStarts = "=+-@\t\r"

// closedKeys are settings whose values come from a fixed list checked elsewhere
// (a comparator is "<", "<=", ">=" or ">"), so they are never free text.
var closedKeys = map[string]bool{"comparator": true}

// formulaCells refuses every text value of a TOML file that starts like a formula,
// whatever its key: the files' texts (names, titles, codes) all reach the downloads.
func formulaCells(name string, text []byte) error {
	var m map[string]any
	if _, err := toml.Decode(string(text), &m); err != nil {
		return nil // reported by the typed decoding
	}
	var errs []error
	walkStrings(toml.Key{}, m, func(k toml.Key, v string) {
		if closedKeys[k[len(k)-1]] {
			return
		}
		if v != "" && strings.ContainsRune(formulaStarts, rune(v[0])) {
			errs = append(errs, newProblem(name, lineOf(text, k), k.String(), "formula_text", v[:1]))
		}
	})
	return errors.Join(errs...)
}

// walkStrings calls f with every string in v (a decoded TOML value) and its key,
// tables in key order so the errors come in a stable order.
func walkStrings(k toml.Key, v any, f func(toml.Key, string)) {
	switch v := v.(type) {
	case string:
		f(k, v)
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			walkStrings(append(k[:len(k):len(k)], key), v[key], f)
		}
	case []map[string]any:
		for _, e := range v {
			walkStrings(k, e, f)
		}
	case []any:
		for _, e := range v {
			walkStrings(k, e, f)
		}
	}
}

// CheckBaseURL accepts the address the site is published at: empty (the site's
// own "/"), a path from the root ("/portal/"), or an http or https URL with a host
// and nothing after its path. Any other scheme (javascript:, data:, file:) would
// end up in every link of the site and the downloads.
// Its error is in English, as the --baseURL flag's errors are; portal.toml's base_url
// is reported in both languages from the same check.
func CheckBaseURL(s string) error {
	if code, args := baseURLProblem(s); code != "" {
		return errors.New(fmt.Sprintf(messages[code].EN, args...))
	}
	return nil
}

// baseURLProblem returns the code of what is wrong with base URL s, and the
// message's arguments; "" when s is accepted.
func baseURLProblem(s string) (string, []any) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return "base_url_not_url", []any{s, err}
	}
	switch {
	case u.Scheme == "" && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && u.RawQuery == "" && u.Fragment == "":
		return "", nil
	case u.Scheme != "http" && u.Scheme != "https":
		return "base_url_scheme", []any{s}
	case u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
		return "base_url_not_plain", []any{s}
	}
	return "", nil
}
