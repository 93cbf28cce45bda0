package photo

// The bounds of a story photo, checked before any pixel is decoded: a 1 MB PNG can
// declare 20000 x 20000 pixels, which decode into 1.6 GB.
const (
	// MaxFileBytes is the largest photo file read: a phone's 50-megapixel JPEG is
	// under 20 MB.
	MaxFileBytes = 25 << 20
	// MaxSide is the longest side, in pixels.
	MaxSide = 8000
	// MaxPixels is the largest width x height: 40 megapixels, about 160 MB once
	// decoded.
	MaxPixels = 40_000_000
	// maxInflated bounds what one compressed PNG text chunk may inflate to, and
	// maxInflatedTotal all of them together, so a zip bomb is refused in bounded memory.
	maxInflated      = 4 << 20
	maxInflatedTotal = 16 << 20
	// maxDepth bounds the nesting of pictures inside pictures (an EXIF thumbnail, a
	// JPEG appended to a JPEG).
	maxDepth = 3
)
