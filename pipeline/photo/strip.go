package photo

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
)

// webpImageChunks are the chunks a WebP needs to be displayed; every other chunk
// (EXIF, XMP, ICC profile, unknown ones) is dropped.
var webpImageChunks = map[string]bool{"VP8X": true, "VP8 ": true, "VP8L": true, "ALPH": true, "ANIM": true, "ANMF": true}

// stripWebP keeps only the image chunks of a WebP and clears the VP8X flags of the
// chunks removed. Bytes after the RIFF end are dropped.
func stripWebP(b []byte) ([]byte, error) {
	if len(b) < 12 {
		return nil, fmt.Errorf("photo: not a WebP file")
	}
	end := min(len(b), 8+int(binary.LittleEndian.Uint32(b[4:8])))
	out := append([]byte{}, b[:12]...)
	vp8x := -1
	for i := 12; i+8 <= end; {
		id := string(b[i : i+4])
		n := int(binary.LittleEndian.Uint32(b[i+4 : i+8]))
		next := i + 8 + n + n%2
		if n < 0 || i+8+n > end {
			return nil, fmt.Errorf("photo: WebP chunk %q is cut short", id)
		}
		if webpImageChunks[id] {
			if id == "VP8X" {
				vp8x = len(out)
			}
			out = append(out, b[i:min(next, end)]...)
			if next > end {
				out = append(out, 0)
			}
		}
		i = next
	}
	if vp8x >= 0 && vp8x+8 < len(out) {
		out[vp8x+8] &^= 0x20 | 0x08 | 0x04 // ICC, EXIF and XMP present
	}
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(out)-8))
	return out, nil
}

// orient applies an EXIF orientation (2 to 8) to the pixels, so the photo displays
// upright once the orientation tag is gone.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src, ok := img.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		src = image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	}
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := turn(o, x, y, w, h)
			i, j := src.PixOffset(x, y), dst.PixOffset(dx, dy)
			copy(dst.Pix[j:j+4], src.Pix[i:i+4])
		}
	}
	return dst
}

// turn is where pixel (x, y) of a w x h picture goes under orientation o.
func turn(o, x, y, w, h int) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	}
	return y, w - 1 - x // 8
}
