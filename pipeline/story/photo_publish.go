package story

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/photo"
)

// PublishPhotos writes the copy of every story photo that the site may publish into
// dir: decoded, turned upright and encoded again by photo.Derive, so it carries no
// metadata at all. Hugo never sees an original (site/hugo.toml leaves photos out of
// the content mount); its templates find each copy through index, which PublishPhotos
// returns and maps the photo's path under contentDir ("stories/2024-x/cho.jpg") to
// the copy's path under dir ("stories/2024-x/cho.jpg", or ".../cho.webp.png" for a
// WebP, which Go cannot encode). dir is removed first, so no copy outlives its photo.
func PublishPhotos(contentDir, dir string) (index map[string]string, err error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("publish photos: %w", err)
	}
	index = map[string]string{}
	root := paths.StoriesIn(contentDir)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == root {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || photoFormats[strings.ToLower(filepath.Ext(p))] == "" {
			return nil
		}
		rel, err := filepath.Rel(contentDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		b, err := readPhoto(p)
		if err != nil {
			return err
		}
		out, ext, err := photo.Derive(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		name := rel
		if !strings.EqualFold(path.Ext(rel), ext) && !(ext == ".jpg" && strings.EqualFold(path.Ext(rel), ".jpeg")) {
			name += ext
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		index[rel] = name
		return os.WriteFile(dst, out, 0o644)
	})
	if err != nil {
		return nil, fmt.Errorf("publish photos: %w", err)
	}
	return index, nil
}

// WritePhotoIndex writes index as JSON (encoding/json sorts the keys, so the file
// is the same for the same photos) for Hugo's data.
func WritePhotoIndex(file string, index map[string]string) error {
	b, err := json.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}
