package story

import (
	"github.com/minhtien/portal/pipeline/paths"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/minhtien/portal/pipeline/problem"
)

// Page is a hand-written page the maintainers own: its file under content/ without the
// language and extension ("about/index" is about/index.vi.md and about/index.en.md), and
// the front-matter keys it may set.
type Page struct {
	Path string
	Keys []string
}

// pageKeys are the front-matter keys of a maintainer's page: what the templates read.
// Keys that change where or how Hugo publishes a page (url, aliases, outputs, build,
// cascade, layout, type...) are never among them.
var pageKeys = []string{"title", "description", "weight"}

// MaintainerPages lists every hand-written page content/ may hold besides the stories.
// It is the one list: to add a page, add it here (and write its files); anything under
// content/ that is neither on it nor part of a story is refused.
var MaintainerPages = []Page{
	{Path: "about/index", Keys: pageKeys},
	{Path: "methodology/index", Keys: pageKeys},
	{Path: "huong-dan/index", Keys: pageKeys},
	{Path: "figures/_index", Keys: []string{"title", "description"}},
	{Path: paths.StoriesDir + "/_index", Keys: []string{"title", "description"}},
}

// maintainerPage returns the page a content file (slash path relative to content/) is
// a language version of.
func maintainerPage(rel string) (Page, bool) {
	for _, pg := range MaintainerPages {
		for _, lang := range Languages {
			if rel == pg.Path+"."+lang+".md" {
				return pg, true
			}
		}
	}
	return Page{}, false
}

// pageFolder reports whether dir (slash path relative to content/) holds a maintainer's
// page or the stories, so walking into it is expected.
func pageFolder(dir string) bool {
	if dir == paths.StoriesDir {
		return true
	}
	for _, pg := range MaintainerPages {
		if d := path.Dir(pg.Path); d == dir || strings.HasPrefix(d, dir+"/") {
			return true
		}
	}
	return false
}

// Check accounts for every file under contentDir and checks it: each story bundle under
// stories/, each maintainer's page of MaintainerPages. Any other file or folder, a hidden
// file or a symbolic link is refused, since Hugo would publish what nothing has read.
// Problems are sorted by file, line and column, and name files starting with contentDir
// as given, so pass the path the officer should see.
func Check(contentDir string, v Vocab) []problem.Problem {
	var out []problem.Problem
	err := filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == contentDir {
				return filepath.SkipAll
			}
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "read_failed", Args: []any{err}})
			return nil
		}
		if p == contentDir {
			return nil
		}
		rel := relSlash(contentDir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "symlink"})
		case strings.HasPrefix(d.Name(), "."):
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "hidden_file", Args: []any{d.Name()}})
		case d.IsDir() && path.Dir(rel) == paths.StoriesDir:
			out = append(out, checkBundle(p, v)...)
			return filepath.SkipDir
		case d.IsDir() && pageFolder(rel):
			return nil
		case !d.Type().IsRegular() && !d.IsDir():
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "unknown_content", Args: []any{rel}})
		default:
			if pg, ok := maintainerPage(rel); ok {
				out = append(out, checkPage(p, pg)...)
				return nil
			}
			out = append(out, problem.Problem{Catalogue: messages, File: p, Code: "unknown_content", Args: []any{rel}})
		}
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		out = append(out, problem.Problem{Catalogue: messages, File: contentDir, Code: "read_failed", Args: []any{err}})
	}
	sortProblems(out)
	return out
}

func relSlash(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

func sortProblems(out []problem.Problem) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
