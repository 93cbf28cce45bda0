package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
)

// layoutFlags are the folder flags build, serve and check share.
type layoutFlags struct {
	data, content, site, out string
	lang                     string
}

func (f *layoutFlags) register(fs *flag.FlagSet, withOut bool) {
	fs.StringVar(&f.data, "data", "", "input folder (default data/)")
	fs.StringVar(&f.content, "content", "", "hand-written pages and stories (default content/)")
	if withOut {
		fs.StringVar(&f.site, "site", "", "Hugo project (default site/)")
		fs.StringVar(&f.out, "out", "", "where the website is written (default public/)")
	}
	fs.StringVar(&f.lang, "lang", defaultLang(), "language of messages: vi or en")
}

// layout finds the repository root from the working directory and applies the flags.
func (f *layoutFlags) layout() (paths.Layout, error) {
	root, err := paths.FindRoot(".")
	if err != nil {
		return paths.Layout{}, err
	}
	// Messages name files relative to where the officer ran the command.
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, root); err == nil {
			root = rel
		}
	}
	return paths.New(root, f.data, f.content, f.site, f.out), nil
}

// defaultLang speaks English to a terminal set to an English locale, Vietnamese otherwise.
func defaultLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(l, "en") {
				return "en"
			}
			return "vi"
		}
	}
	return "vi"
}
