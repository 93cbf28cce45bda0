package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// photoshopHeader starts a JPEG APP13 segment holding Photoshop image resources.
var photoshopHeader = []byte("Photoshop 3.0\x00")

// The Photoshop image resources that hold metadata.
const (
	resIPTC  = 0x0404
	resEXIF1 = 0x0422
	resEXIF3 = 0x0423
	resXMP   = 0x0424
)

// iptcPlaces are the IPTC IIM datasets of record 2 that name a place.
var iptcPlaces = map[byte]string{
	26: "IPTC Content-Location-Code", 27: "IPTC Content-Location-Name", 90: "IPTC City",
	92: "IPTC Sub-location", 95: "IPTC Province-State", 100: "IPTC Country-Code", 101: "IPTC Country-Name",
}

// photoshop reads a run of Photoshop image resources ("8BIM" blocks) and the IPTC,
// EXIF and XMP blocks inside them.
func (in *inspector) photoshop(b []byte) error {
	in.block("Photoshop resources")
	for len(b) > 0 {
		if len(b) < 7 || string(b[:4]) != "8BIM" {
			return fmt.Errorf("photoshop: a resource does not start with 8BIM")
		}
		id := binary.BigEndian.Uint16(b[4:6])
		name := 1 + int(b[6]) // Pascal string, padded to an even length
		name += name % 2
		at := 6 + name
		if at+4 > len(b) {
			return fmt.Errorf("photoshop: resource 0x%04x is cut short", id)
		}
		size := int64(binary.BigEndian.Uint32(b[at:]))
		at += 4
		if int64(at)+size > int64(len(b)) {
			return fmt.Errorf("photoshop: resource 0x%04x is cut short", id)
		}
		data := b[at : at+int(size)]
		switch id {
		case resIPTC:
			if err := in.iptc(data); err != nil {
				return err
			}
		case resEXIF1, resEXIF3:
			if err := in.exif(data); err != nil {
				return err
			}
		case resXMP:
			in.xmp(data)
		}
		next := at + int(size) + int(size%2)
		if next > len(b) {
			next = len(b)
		}
		b = b[next:]
	}
	return nil
}

// iptc reads IPTC IIM datasets and records those that name a place.
func (in *inspector) iptc(b []byte) error {
	in.block("IPTC")
	for len(b) > 0 {
		if b[0] != 0x1C {
			// Padding after the last dataset.
			if len(bytes.Trim(b, "\x00")) == 0 {
				return nil
			}
			return fmt.Errorf("iptc: a dataset does not start with 0x1C")
		}
		if len(b) < 5 {
			return fmt.Errorf("iptc: a dataset is cut short")
		}
		rec, ds := b[1], b[2]
		size := int64(binary.BigEndian.Uint16(b[3:5]))
		at := int64(5)
		if size&0x8000 != 0 { // extended length: the next size&0x7FFF bytes hold it
			n := size & 0x7FFF
			if n > 4 || at+n > int64(len(b)) {
				return fmt.Errorf("iptc: a dataset's length is not readable")
			}
			size = 0
			for _, c := range b[at : at+n] {
				size = size<<8 | int64(c)
			}
			at += n
		}
		if at+size > int64(len(b)) {
			return fmt.Errorf("iptc: dataset %d:%d is cut short", rec, ds)
		}
		if name, ok := iptcPlaces[ds]; ok && rec == 2 && size > 0 {
			in.located(name)
		}
		b = b[at+size:]
	}
	return nil
}
