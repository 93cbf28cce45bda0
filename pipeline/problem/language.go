package problem

import "strings"

// InLanguage returns err with the problems it holds rendered in lang: err itself a
// Problem, or an errors.Join of them, as the settings loaders return. Any other error
// keeps its own text. errors.As still finds the problems beneath.
func InLanguage(err error, lang string) error {
	if err == nil {
		return nil
	}
	return inLanguage{err, lang}
}

type inLanguage struct {
	err  error
	lang string
}

func (l inLanguage) Error() string { return render(l.err, l.lang) }

func (l inLanguage) Unwrap() error { return l.err }

func render(err error, lang string) string {
	if p, ok := err.(Problem); ok {
		return p.Message(lang)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		parts := make([]string, 0, len(j.Unwrap()))
		for _, e := range j.Unwrap() {
			parts = append(parts, render(e, lang))
		}
		return strings.Join(parts, "\n") // as errors.Join writes them
	}
	return err.Error()
}
