package story

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/photo"
	"github.com/minhtien/portal/pipeline/problem"
)

// photoFormats are the photo types a story may hold, by extension; the content is
// sniffed as well, so a renamed HEIC or TIFF is not waved through.
var photoFormats = map[string]photo.Format{
	".jpg": photo.JPEG, ".jpeg": photo.JPEG, ".png": photo.PNG, ".webp": photo.WebP,
}

// otherImages are image types a phone or camera produces that the site does not take:
// they are refused, with a hint to save the photo as JPEG.
var otherImages = map[string]bool{
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true, ".gif": true, ".bmp": true,
	".dng": true, ".cr2": true, ".nef": true, ".arw": true, ".raw": true,
}

// Location is what a photo's metadata says about where it was taken.
type Location struct {
	GPS   bool     // EXIF or XMP GPS tags
	Place bool     // IPTC or XMP place names (city, sub-location...), or coordinates in text
	Tags  []string // the tag names found, for the message
}

// Found reports whether the photo carries any location.
func (l Location) Found() bool { return l.GPS || l.Place }

// PhotoLocation reads every metadata block of a photo (see package photo) and reports
// the location data in them. An error means the file could not be read well enough to
// be sure, or is over the bounds: treat the photo as unsafe.
func PhotoLocation(path string) (Location, error) {
	var loc Location
	b, err := readPhoto(path)
	if err != nil {
		return loc, err
	}
	r, err := photo.Inspect(b)
	if err != nil {
		return loc, err
	}
	if err := photo.CheckBounds(b, r); err != nil {
		return loc, err
	}
	for _, t := range r.Location {
		if strings.Contains(strings.ToLower(t), "gps") {
			loc.GPS = true
		} else {
			loc.Place = true
		}
	}
	loc.Tags = r.Location
	return loc, nil
}

// readPhoto reads a photo whose name says JPEG, PNG or WebP and whose first bytes
// agree; a file over photo.MaxFileBytes is refused from its size, unread.
func readPhoto(path string) ([]byte, error) {
	want, ok := photoFormats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return nil, photo.ErrFormat
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > photo.MaxFileBytes {
		return nil, &photo.BoundsError{Bytes: st.Size()}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if got, ok := photo.Sniff(b); !ok || got != want {
		return nil, fmt.Errorf("the file's content does not match its extension")
	}
	return b, nil
}

// photoProblems checks one photo of a bundle: readable, within the bounds, without
// location metadata.
func photoProblems(p string) []problem.Problem {
	loc, err := PhotoLocation(p)
	var be *photo.BoundsError
	switch {
	case errors.As(err, &be) && be.Bytes > 0:
		return []problem.Problem{{Catalogue: messages, File: p, Code: "photo_file_too_big", Args: []any{be.Bytes >> 20}, HintArgs: []any{photo.MaxFileBytes >> 20}}}
	case errors.As(err, &be):
		return []problem.Problem{{Catalogue: messages, File: p, Code: "photo_too_many_pixels", Args: []any{be.Width, be.Height},
			HintArgs: []any{photo.MaxSide, photo.MaxPixels / 1_000_000}}}
	case err != nil:
		return []problem.Problem{{Catalogue: messages, File: p, Code: "photo_unreadable", Args: []any{err}}}
	case loc.Found():
		return []problem.Problem{{Catalogue: messages, File: p, Code: "photo_gps", Args: []any{strings.Join(loc.Tags, ", ")}}}
	}
	return nil
}

// FixPhotos rewrites every story photo that carries any metadata without any at all,
// and returns the files it rewrote, relative to contentDir: a JPEG or PNG is decoded,
// turned upright as its EXIF orientation says and encoded again; a WebP keeps only
// its image chunks (see photo.Strip). A photo over the bounds is left for the check
// to refuse.
func FixPhotos(contentDir string) ([]string, error) {
	var fixed []string
	root := paths.StoriesIn(contentDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || photoFormats[strings.ToLower(filepath.Ext(p))] == "" {
			return nil
		}
		b, err := readPhoto(p)
		if err != nil {
			return nil // refused by the check, with the reason
		}
		if r, err := photo.Inspect(b); err == nil && len(r.Blocks) == 0 {
			return nil
		}
		out, err := photo.Strip(b)
		if errors.Is(err, photo.ErrTooLarge) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("fix photo %s: %w", p, err)
		}
		if err := writeAtomic(p, out); err != nil {
			return fmt.Errorf("fix photo %s: %w", p, err)
		}
		rel, _ := filepath.Rel(contentDir, p)
		fixed = append(fixed, filepath.ToSlash(rel))
		return nil
	})
	return fixed, err
}

func writeAtomic(p string, b []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(p); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".fix-*"+filepath.Ext(p))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}
