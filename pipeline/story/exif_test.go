package story

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// tinyJPEG encodes a small coloured picture with no metadata.
func tinyJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + 4*x), uint8(120 + 2*y), 60, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gpsExif builds an EXIF APP1 payload (big-endian TIFF) whose IFD0 points at a GPS IFD
// holding latitude 20°45'N and longitude 106°10'E, roughly the commune, and an
// orientation tag.
func gpsExif(orientation uint16) []byte {
	be := binary.BigEndian
	var b bytes.Buffer
	w16 := func(v uint16) { binary.Write(&b, be, v) }
	w32 := func(v uint32) { binary.Write(&b, be, v) }
	b.WriteString("MM")
	w16(42)
	w32(8) // IFD0 offset
	// IFD0: two entries. 8 + 2 + 2*12 + 4 = 38 is where the GPS IFD starts.
	w16(2)
	w16(0x0112) // Orientation, SHORT, 1, value left-justified
	w16(3)
	w32(1)
	w16(orientation)
	w16(0)
	w16(0x8825) // GPSInfo IFD pointer, LONG
	w16(4)
	w32(1)
	w32(38)
	w32(0) // no IFD1
	// GPS IFD at 38: four entries, 2 + 4*12 + 4 = 54 bytes, data from 92.
	w16(4)
	w16(1) // GPSLatitudeRef "N\0"
	w16(2)
	w32(2)
	b.WriteString("N\x00\x00\x00")
	w16(2) // GPSLatitude, 3 RATIONAL at 92
	w16(5)
	w32(3)
	w32(92)
	w16(3) // GPSLongitudeRef "E\0"
	w16(2)
	w32(2)
	b.WriteString("E\x00\x00\x00")
	w16(4) // GPSLongitude, 3 RATIONAL at 116
	w16(5)
	w32(3)
	w32(116)
	w32(0)
	for _, v := range []uint32{20, 1, 45, 1, 0, 1, 106, 1, 10, 1, 0, 1} {
		w32(v)
	}
	return append([]byte("Exif\x00\x00"), b.Bytes()...)
}

// withAPP1 inserts an APP1 segment right after the SOI marker of a JPEG.
func withAPP1(jpg, payload []byte) []byte {
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// gpsJPEG is a small JPEG carrying GPS coordinates in its EXIF block.
func gpsJPEG(t testing.TB) []byte {
	return withAPP1(tinyJPEG(t, 24, 16), gpsExif(1))
}
