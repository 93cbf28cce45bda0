package seal

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
)

// skipDirs are folders ClearDataFiles does not enter.
var skipDirs = map[string]bool{".git": true, paths.BuildDir: true, paths.OutDir: true, "node_modules": true}

// ClearDataFiles walks root and lists the clear ".csv" files that sit under a
// folder named "reviews" or "support" at any depth (names compared without
// regard to case), skipping .git, build, public, node_modules and the Go
// packages' testdata folders (synthetic fixtures by Go convention). Sealed
// "*.csv.age" files are not listed. With real data declared
// ([data] sample = false) any file listed here must be refused.
func ClearDataFiles(root string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			if rel, err := filepath.Rel(root, p); err == nil && d.Name() == "testdata" && inGoTestdata(root, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.EqualFold(filepath.Ext(d.Name()), ".csv") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		parts := strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")
		for _, part := range parts {
			if strings.EqualFold(part, paths.ReviewsDir) || strings.EqualFold(part, paths.SupportDir) {
				found = append(found, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("clear data scan %s: %w", root, err)
	}
	return found, nil
}

// ioError wraps a file-system error as "op path: cause" without repeating the
// path that *fs.PathError already carries.
