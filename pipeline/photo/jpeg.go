package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// The APP1 headers of XMP and of the extended XMP that continues a large packet.
var (
	xmpHeader    = []byte("http://ns.adobe.com/xap/1.0/\x00")
	xmpExtHeader = []byte("http://ns.adobe.com/xmp/extension/\x00")
)

// jpeg walks every segment of a JPEG: the ones before the first scan, the ones
// between scans (a progressive JPEG may put an APP segment there), and, after the
// end-of-image marker, a second picture (phones append one) or any other bytes.
func (in *inspector) jpeg(b []byte, depth int) error {
	var app13 []byte
	var extXMP []byte
	i := 2
	for i < len(b) {
		if b[i] != 0xFF {
			return fmt.Errorf("jpeg: no marker at byte %d", i)
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			break
		}
		m := b[i]
		i++
		if m == 0xD9 { // end of image
			in.trailing(b[i:], depth)
			break
		}
		if m == 0x01 || (m >= 0xD0 && m <= 0xD7) || m == 0xD8 { // no length
			continue
		}
		if i+2 > len(b) {
			return fmt.Errorf("jpeg: segment 0x%02X is cut short", m)
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return fmt.Errorf("jpeg: segment 0x%02X is cut short", m)
		}
		seg := b[i+2 : i+n]
		i += n
		switch {
		case m == 0xE1 && bytes.HasPrefix(seg, exifHeader):
			if err := in.exif(seg); err != nil {
				return err
			}
		case m == 0xE1 && bytes.HasPrefix(seg, xmpHeader):
			in.xmp(seg[len(xmpHeader):])
		case m == 0xE1 && bytes.HasPrefix(seg, xmpExtHeader):
			// GUID (32), full length (4), offset (4), then a piece of the packet.
			if rest := seg[len(xmpExtHeader):]; len(rest) > 40 {
				extXMP = append(extXMP, rest[40:]...)
			}
		case m == 0xED:
			app13 = append(app13, bytes.TrimPrefix(seg, photoshopHeader)...)
		case m == 0xFE:
			in.block("JPEG comment")
			in.placeWords(seg, "JPEG comment")
		case m >= 0xE2 && m <= 0xEF && m != 0xEE:
			// ICC profiles (APP2), Adobe (APP14 is 0xEE, kept as harmless colour
			// information), others: not location, but metadata all the same.
			in.block(fmt.Sprintf("JPEG APP%d", m-0xE0))
		case m == 0xE1:
			in.block("JPEG APP1")
		case isSOF(m) && len(seg) >= 5:
			in.size(int(binary.BigEndian.Uint16(seg[3:])), int(binary.BigEndian.Uint16(seg[1:])))
		case m == 0xDA:
			i = scanEnd(b, i)
		}
	}
	if len(extXMP) > 0 {
		in.xmp(extXMP)
	}
	if len(app13) > 0 {
		return in.photoshop(app13)
	}
	return nil
}

// isSOF reports whether a marker starts a frame (SOF0 to SOF15 but DHT, JPG and DAC).
func isSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
}

// scanEnd returns where the entropy-coded data starting at i ends: at the first
// marker that is neither a stuffed 0xFF00 nor a restart marker.
func scanEnd(b []byte, i int) int {
	for i+1 < len(b) {
		j := bytes.IndexByte(b[i:], 0xFF)
		if j < 0 || i+j+1 >= len(b) {
			return len(b)
		}
		i += j
		if n := b[i+1]; n != 0x00 && n != 0xFF && (n < 0xD0 || n > 0xD7) {
			return i
		}
		i++
	}
	return len(b)
}

// trailing looks at the bytes after a JPEG's end: a second JPEG is walked like the
// first; anything else is metadata of unknown form (the final scan finds the EXIF
// or XMP blocks in it).
func (in *inspector) trailing(b []byte, depth int) {
	if len(bytes.Trim(b, "\x00\r\n ")) == 0 {
		return
	}
	in.block("trailing data")
	if k := bytes.Index(b, []byte{0xFF, 0xD8, 0xFF}); k >= 0 && depth < maxDepth {
		if err := in.jpeg(b[k:], depth+1); err != nil {
			in.block("unreadable appended picture")
		}
	}
}
