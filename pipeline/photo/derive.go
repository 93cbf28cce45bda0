package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// ErrTooLarge is what a *BoundsError is (errors.Is).
var ErrTooLarge = errors.New("photo over the size bounds")

// BoundsError is a photo over the bounds: its file size (Bytes) or its declared
// pixel dimensions.
type BoundsError struct {
	Bytes         int64
	Width, Height int
}

func (e *BoundsError) Error() string {
	if e.Bytes > 0 {
		return fmt.Sprintf("photo: %d MB, more than %d MB", e.Bytes>>20, MaxFileBytes>>20)
	}
	return fmt.Sprintf("photo: %d x %d pixels, more than %d on a side or %d million in all", e.Width, e.Height, MaxSide, MaxPixels/1_000_000)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *BoundsError) Is(target error) bool { return target == ErrTooLarge }

// CheckBounds refuses a photo whose file or declared pixel dimensions are over the
// bounds, from its headers only: nothing is decoded. Every size a header declares
// counts (a WebP's canvas and its frame, every JPEG frame), as well as what the
// standard decoder's DecodeConfig reads.
func CheckBounds(b []byte, r Report) error {
	if len(b) > MaxFileBytes {
		return &BoundsError{Bytes: int64(len(b))}
	}
	sizes := r.Sizes
	cfg, err := decodeConfig(b, r.Format)
	if err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	sizes = append(sizes, [2]int{cfg.Width, cfg.Height})
	for _, s := range sizes {
		w, h := s[0], s[1]
		if w > MaxSide || h > MaxSide || int64(w)*int64(h) > MaxPixels {
			return &BoundsError{Width: w, Height: h}
		}
	}
	return nil
}

func decodeConfig(b []byte, f Format) (image.Config, error) {
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(bytes.NewReader(b))
	case PNG:
		return png.DecodeConfig(bytes.NewReader(b))
	case WebP:
		return webp.DecodeConfig(bytes.NewReader(b))
	}
	return image.Config{}, ErrFormat
}

// Derive returns the copy of a photo that may be published: its pixels decoded,
// turned upright as its EXIF orientation says, and encoded again with no metadata at
// all. A JPEG stays a JPEG (quality 92); a PNG stays a PNG; a WebP, which Go cannot
// encode, becomes a PNG. ext is the extension of the copy (".jpg" or ".png"). The
// bounds are checked before anything is decoded.
func Derive(b []byte) (out []byte, ext string, err error) {
	r, err := Inspect(b)
	if err != nil {
		return nil, "", err
	}
	if err := CheckBounds(b, r); err != nil {
		return nil, "", err
	}
	img, err := decode(b, r.Format)
	if err != nil {
		return nil, "", fmt.Errorf("photo: %w", err)
	}
	img = orient(img, r.Orientation)
	var buf bytes.Buffer
	if r.Format == JPEG {
		err, ext = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}), ".jpg"
	} else {
		err, ext = png.Encode(&buf, img), ".png"
	}
	if err != nil {
		return nil, "", fmt.Errorf("photo: %w", err)
	}
	return buf.Bytes(), ext, nil
}

func decode(b []byte, f Format) (image.Image, error) {
	switch f {
	case JPEG:
		return jpeg.Decode(bytes.NewReader(b))
	case PNG:
		return png.Decode(bytes.NewReader(b))
	case WebP:
		return webp.Decode(bytes.NewReader(b))
	}
	return nil, ErrFormat
}

// Strip returns the photo without any metadata, in its own format, for `portal check
// --fix-photos` to write over the officer's file: a JPEG or PNG is re-encoded as
// Derive does; a WebP keeps its image chunks and loses every other one.
func Strip(b []byte) ([]byte, error) {
	f, ok := Sniff(b)
	if !ok {
		return nil, ErrFormat
	}
	if f != WebP {
		out, _, err := Derive(b)
		return out, err
	}
	r, err := Inspect(b)
	if err != nil {
		return nil, err
	}
	if err := CheckBounds(b, r); err != nil {
		return nil, err
	}
	out, err := stripWebP(b)
	if err != nil {
		return nil, err
	}
	if left, err := Inspect(out); err != nil || len(left.Blocks) > 0 {
		return nil, fmt.Errorf("photo: metadata is left in the WebP after stripping; save it again as JPEG")
	}
	return out, nil
}
