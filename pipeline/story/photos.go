package story

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bep/imagemeta"
)

// photoFormats are the photo types a story may hold, the ones Hugo can resize.
var photoFormats = map[string]imagemeta.ImageFormat{
	".jpg": imagemeta.JPEG, ".jpeg": imagemeta.JPEG, ".png": imagemeta.PNG, ".webp": imagemeta.WebP,
}

// otherImages are image types a phone or camera produces that Hugo cannot process: they
// would be published as they are, metadata and all, so they are refused.
var otherImages = map[string]bool{
	".heic": true, ".heif": true, ".avif": true, ".tif": true, ".tiff": true, ".gif": true, ".bmp": true,
	".dng": true, ".cr2": true, ".nef": true, ".arw": true, ".raw": true,
}

// Location is what a photo's metadata says about where it was taken.
type Location struct {
	GPS   bool     // EXIF or XMP GPS tags
	Place bool     // IPTC or XMP place names (city, sub-location...)
	Tags  []string // the tag names found, for the message
}

// Found reports whether the photo carries any location.
func (l Location) Found() bool { return l.GPS || l.Place }

// iptcPlaces are IPTC and XMP tags naming where a photo was taken.
var iptcPlaces = map[string]bool{
	"City": true, "Sub-location": true, "SubLocation": true, "Location": true, "Province-State": true, "State": true,
	"Country-PrimaryLocationName": true, "LocationCreated": true, "LocationShown": true,
}

// PhotoLocation reads a photo's EXIF, XMP and IPTC metadata and reports location data.
// An error means the file could not be read well enough to be sure: treat it as unsafe.
func PhotoLocation(path string) (Location, error) {
	var loc Location
	format, ok := photoFormats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return loc, fmt.Errorf("not a JPEG, PNG or WebP file")
	}
	f, err := os.Open(path)
	if err != nil {
		return loc, err
	}
	defer f.Close()
	if err := sniff(f, format); err != nil {
		return loc, err
	}
	seen := map[string]bool{}
	_, err = imagemeta.Decode(imagemeta.Options{
		R:               f,
		ImageFormat:     format,
		Sources:         imagemeta.EXIF | imagemeta.XMP | imagemeta.IPTC,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag: func(ti imagemeta.TagInfo) error {
			gps := strings.HasPrefix(ti.Tag, "GPS") || strings.Contains(ti.Namespace, "GPS")
			place := (ti.Source == imagemeta.IPTC || ti.Source == imagemeta.XMP) && iptcPlaces[ti.Tag]
			if !gps && !place {
				return nil
			}
			loc.GPS = loc.GPS || gps
			loc.Place = loc.Place || place
			if !seen[ti.Tag] {
				seen[ti.Tag] = true
				loc.Tags = append(loc.Tags, ti.Tag)
			}
			return nil
		},
	})
	sort.Strings(loc.Tags)
	return loc, err
}

// sniff checks that the file's first bytes match its extension, so a renamed HEIC or
// TIFF is not waved through as a JPEG with no metadata found.
func sniff(f *os.File, format imagemeta.ImageFormat) error {
	head := make([]byte, 12)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	ok := false
	switch format {
	case imagemeta.JPEG:
		ok = bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF})
	case imagemeta.PNG:
		ok = bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n"))
	case imagemeta.WebP:
		ok = len(head) == 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP"
	}
	if !ok {
		return fmt.Errorf("the file's content does not match its extension")
	}
	return nil
}

// FixPhotos rewrites every story photo that carries location metadata without any
// metadata at all, and returns the files it rewrote, relative to contentDir. JPEG is
// decoded and re-encoded (quality 90) after turning the pixels the way the EXIF
// orientation says, so the photo still stands upright; PNG is re-encoded; WebP, which
// Go cannot encode, has its EXIF and XMP chunks removed.
func FixPhotos(contentDir string) ([]string, error) {
	var fixed []string
	root := filepath.Join(contentDir, "stories")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := photoFormats[strings.ToLower(filepath.Ext(p))]; !ok {
			return nil
		}
		loc, lerr := PhotoLocation(p)
		if lerr == nil && !loc.Found() {
			return nil
		}
		if err := StripPhoto(p); err != nil {
			return fmt.Errorf("fix photo %s: %w", p, err)
		}
		rel, _ := filepath.Rel(contentDir, p)
		fixed = append(fixed, filepath.ToSlash(rel))
		return nil
	})
	return fixed, err
}

// StripPhoto rewrites one photo in place without metadata.
func StripPhoto(p string) error {
	src, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jpg", ".jpeg":
		img, err := jpeg.Decode(bytes.NewReader(src))
		if err != nil {
			return err
		}
		img = orient(img, jpegOrientation(p))
		if err := jpeg.Encode(&out, img, &jpeg.Options{Quality: 90}); err != nil {
			return err
		}
	case ".png":
		img, err := png.Decode(bytes.NewReader(src))
		if err != nil {
			return err
		}
		if err := png.Encode(&out, img); err != nil {
			return err
		}
	case ".webp":
		b, err := stripWebP(src)
		if err != nil {
			return err
		}
		out.Write(b)
	default:
		return fmt.Errorf("unsupported photo type")
	}
	return writeAtomic(p, out.Bytes())
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

// jpegOrientation returns the EXIF orientation (1 to 8) of a JPEG, 1 when absent.
func jpegOrientation(p string) int {
	f, err := os.Open(p)
	if err != nil {
		return 1
	}
	defer f.Close()
	o := 1
	imagemeta.Decode(imagemeta.Options{
		R: f, ImageFormat: imagemeta.JPEG, Sources: imagemeta.EXIF,
		HandleTag: func(ti imagemeta.TagInfo) error {
			if ti.Tag == "Orientation" {
				switch v := ti.Value.(type) {
				case uint16:
					o = int(v)
				case uint32:
					o = int(v)
				case int:
					o = v
				}
			}
			return nil
		},
	})
	if o < 1 || o > 8 {
		o = 1
	}
	return o
}

// orient applies an EXIF orientation to the pixels, so the photo displays upright
// once the orientation tag is gone.
func orient(img image.Image, o int) image.Image {
	if o == 1 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			i := src.PixOffset(x, y)
			j := dst.PixOffset(dx, dy)
			copy(dst.Pix[j:j+4], src.Pix[i:i+4])
		}
	}
	return dst
}

// stripWebP removes the EXIF and XMP chunks of a WebP file and clears their flags.
func stripWebP(b []byte) ([]byte, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return nil, fmt.Errorf("not a WebP file")
	}
	out := append([]byte{}, b[:12]...)
	vp8x := -1
	for i := 12; i+8 <= len(b); {
		id := string(b[i : i+4])
		size := int(binary.LittleEndian.Uint32(b[i+4 : i+8]))
		end := i + 8 + size + size%2
		if size < 0 || end > len(b) {
			return nil, fmt.Errorf("truncated WebP chunk %q", id)
		}
		if id != "EXIF" && id != "XMP " {
			if id == "VP8X" {
				vp8x = len(out)
			}
			out = append(out, b[i:end]...)
		}
		i = end
	}
	if vp8x >= 0 && vp8x+8 < len(out) {
		out[vp8x+8] &^= 0x08 | 0x04 // EXIF and XMP present flags
	}
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(out)-8))
	return out, nil
}
