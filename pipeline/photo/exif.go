package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// exifHeader starts an EXIF block in a JPEG APP1 segment (and in some WebP and PNG
// writers' chunks); the TIFF structure follows it.
var exifHeader = []byte("Exif\x00\x00")

// The TIFF tags that point at other IFDs.
const (
	tagExifIFD     = 0x8769
	tagGPSIFD      = 0x8825
	tagInteropIFD  = 0xA005
	tagSubIFDs     = 0x014A
	tagOrientation = 0x0112
)

// gpsNames are the names exiftool gives the tags of the GPS IFD, for the message.
var gpsNames = map[uint16]string{
	0: "GPSVersionID", 1: "GPSLatitudeRef", 2: "GPSLatitude", 3: "GPSLongitudeRef", 4: "GPSLongitude",
	5: "GPSAltitudeRef", 6: "GPSAltitude", 7: "GPSTimeStamp", 18: "GPSMapDatum", 20: "GPSDestLatitude",
	22: "GPSDestLongitude", 27: "GPSProcessingMethod", 28: "GPSAreaInformation", 29: "GPSDateStamp",
}

// exif reads a TIFF structure (an EXIF block without its "Exif\0\0" header, which
// is dropped when present) and records its GPS tags.
func (in *inspector) exif(b []byte) error {
	b = bytes.TrimPrefix(b, exifHeader)
	in.block("EXIF")
	if len(b) < 8 {
		return fmt.Errorf("exif: %d bytes, too short", len(b))
	}
	var bo binary.ByteOrder
	switch string(b[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return fmt.Errorf("exif: no TIFF header")
	}
	t := tiff{b: b, bo: bo, seen: map[uint32]bool{}, in: in}
	t.first = in.orientation == 0
	return t.ifd(bo.Uint32(b[4:8]), false)
}

type tiff struct {
	b    []byte
	bo   binary.ByteOrder
	seen map[uint32]bool // IFD offsets walked, so a loop of pointers ends
	in   *inspector
	// first says this is the first EXIF block met, whose IFD0 orientation counts.
	first bool
	// gpsTags counts the GPS tags met in this structure.
	gpsTags int
}

// ifd walks the IFD at off, the IFDs it points at and the IFDs chained after it.
// gps says it is a GPS IFD, whose every tag is a position.
func (t *tiff) ifd(off uint32, gps bool) error {
	for off != 0 {
		if t.seen[off] || len(t.seen) > 64 {
			return nil
		}
		t.seen[off] = true
		if int64(off)+2 > int64(len(t.b)) {
			return fmt.Errorf("exif: IFD at %d is past the end", off)
		}
		n := int(t.bo.Uint16(t.b[off:]))
		end := int64(off) + 2 + 12*int64(n)
		if end+4 > int64(len(t.b)) {
			return fmt.Errorf("exif: IFD at %d is cut short", off)
		}
		for i := 0; i < n; i++ {
			e := t.b[int64(off)+2+12*int64(i):]
			if err := t.entry(t.bo.Uint16(e), t.bo.Uint16(e[2:]), t.bo.Uint32(e[4:]), e[8:12], gps); err != nil {
				return err
			}
		}
		off = t.bo.Uint32(t.b[end:])
		t.first = false // IFD1 is the thumbnail's
	}
	return nil
}

// entry records one tag and follows it when it points at another IFD.
func (t *tiff) entry(tag, typ uint16, count uint32, value []byte, gps bool) error {
	if gps {
		name, ok := gpsNames[tag]
		if !ok {
			name = fmt.Sprintf("GPS tag 0x%04x", tag)
		}
		t.in.located(name)
		t.gpsTags++
		return nil
	}
	if name, ok := exifTextTags[tag]; ok {
		t.text(name, typ, count, value)
		return nil
	}
	switch tag {
	case tagOrientation:
		if t.first && typ == 3 {
			t.in.orientation = int(t.bo.Uint16(value))
		}
	case tagGPSIFD:
		// The pointer alone is named only when the GPS IFD it points at names nothing.
		before := t.gpsTags
		err := t.ifd(t.bo.Uint32(value), true)
		if t.gpsTags == before {
			t.in.located("GPSInfo")
		}
		return err
	case tagExifIFD, tagInteropIFD:
		return t.ifd(t.bo.Uint32(value), false)
	case tagSubIFDs:
		if count == 1 && (typ == 4 || typ == 13) {
			return t.ifd(t.bo.Uint32(value), false)
		}
	}
	return nil
}
