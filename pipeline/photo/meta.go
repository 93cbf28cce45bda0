package photo

import (
	"bytes"
	"errors"
	"sort"
)

// Format is a photo's container.
type Format string

// The formats a story photo may have.
const (
	JPEG Format = "JPEG"
	PNG  Format = "PNG"
	WebP Format = "WebP"
)

// Report is what Inspect found in a photo.
type Report struct {
	Format Format
	// Blocks names every metadata block met ("EXIF", "XMP", "IPTC", "PNG tEXt",
	// "JPEG comment", "trailing data"...), sorted, each once: a published photo
	// must have none.
	Blocks []string
	// Location names the tags that say where the photo was taken (GPS
	// coordinates, a city, a place), sorted, each once.
	Location []string
	// Sizes are the pixel dimensions each frame or header declares; the largest
	// counts for the bounds.
	Sizes [][2]int
	// Orientation is the EXIF orientation, 1 (upright) to 8.
	Orientation int
}

// HasLocation reports whether the photo says where it was taken.
func (r Report) HasLocation() bool { return len(r.Location) > 0 }

// ErrFormat is returned for a file that is not a JPEG, PNG or WebP.
var ErrFormat = errors.New("not a JPEG, PNG or WebP file")

// Sniff returns the format of a photo from its first bytes, never from its name.
func Sniff(b []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, true
	case bytes.HasPrefix(b, pngSignature):
		return PNG, true
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return WebP, true
	}
	return "", false
}

// inspector gathers what the walkers find.
type inspector struct {
	blocks   map[string]bool
	location map[string]bool
	sizes    [][2]int
	inflated int
	// orientation is the EXIF orientation (1 to 8) of the first EXIF block, 0 for none.
	orientation int
}

func (in *inspector) block(name string)  { in.blocks[name] = true }
func (in *inspector) located(tag string) { in.location[tag] = true }
func (in *inspector) size(w, h int)      { in.sizes = append(in.sizes, [2]int{w, h}) }
func (in *inspector) report(f Format) Report {
	o := in.orientation
	if o < 1 || o > 8 {
		o = 1
	}
	return Report{Format: f, Blocks: keys(in.blocks), Location: keys(in.location), Sizes: in.sizes, Orientation: o}
}

// Inspect reads every metadata block of a whole photo file and reports what it found.
// An error means the file could not be read well enough to be sure: treat the
// photo as unsafe.
func Inspect(b []byte) (Report, error) {
	f, ok := Sniff(b)
	if !ok {
		return Report{}, ErrFormat
	}
	if len(b) > MaxFileBytes {
		return Report{Format: f}, &BoundsError{Bytes: int64(len(b))}
	}
	in := &inspector{blocks: map[string]bool{}, location: map[string]bool{}}
	var err error
	switch f {
	case JPEG:
		err = in.jpeg(b, 0)
	case PNG:
		err = in.png(b)
	case WebP:
		err = in.webp(b)
	}
	in.scan(b)
	return in.report(f), err
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
