package assemble

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhtien/portal/pipeline/paths"
)

// checkOwned fails when the rendered site does not hold every file of build/static (the
// open data, the API) exactly as the pipeline wrote it: a page written over a path the
// pipeline owns (a front-matter url: /data/indicators.csv, say) would replace it.
// portal check refuses such pages; this makes sure of it after Hugo has run, before the
// new site is published.
func checkOwned(l paths.Layout, site string) error {
	static := l.BuildStatic()
	return filepath.WalkDir(static, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("build: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(static, p)
		if err != nil {
			return fmt.Errorf("build: %w", err)
		}
		same, err := sameFile(p, filepath.Join(site, rel))
		if err != nil {
			return fmt.Errorf("build: %w", err)
		}
		if !same {
			return fmt.Errorf("build: the rendered site's %s is not the file the pipeline wrote: a page is published over a path the pipeline owns (run portal check)", filepath.ToSlash(rel))
		}
		return nil
	})
}

// sameFile reports whether two files hold the same bytes; a missing b is not the same.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer fb.Close()
	sa, _ := fa.Stat()
	sb, _ := fb.Stat()
	if sb.IsDir() || sa.Size() != sb.Size() {
		return false, nil
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if ea != nil || eb != nil {
			return ea != nil && eb != nil, nil
		}
	}
}
