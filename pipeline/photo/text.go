package photo

import (
	"bytes"
	"regexp"
)

// Coordinates written as text, in any free-text field (a JPEG comment, EXIF
// ImageDescription or UserComment, an XMP value, a PNG text chunk): a decimal pair
// ("20.7 106.1", "21.0285 N, 105.8542 E", "20.75;106.16") or degrees and minutes
// ("20°41'N", "20 deg 41' N"). A caption with such a pair is refused: it says where
// the photo was taken as surely as a GPS tag.
var (
	coordinates = regexp.MustCompile(`-?[0-9]{1,3}\.[0-9]+\s*°?\s*[NSns]?\s*[,;/\s]\s*-?[0-9]{1,3}\.[0-9]+`)
	degrees     = regexp.MustCompile(`(?i)[0-9]{1,3}\s*(?:°|º|deg)\s*[0-9]{1,2}\s*['′’]`)
)

// hasCoordinates reports whether free text holds coordinates.
func hasCoordinates(b []byte) bool { return coordinates.Match(b) || degrees.Match(b) }

// EXIF tags holding free text that a phone or an editor fills with a caption:
// ImageDescription, UserComment, and Windows' XPTitle, XPComment, XPKeywords and
// XPSubject (UTF-16).
var exifTextTags = map[uint16]string{
	0x010E: "ImageDescription", 0x9286: "UserComment", 0x9C9B: "XPTitle", 0x9C9C: "XPComment",
	0x9C9E: "XPKeywords", 0x9C9F: "XPSubject",
}

// text reads the value of a free-text EXIF tag (bytes, ASCII or undefined, inline
// when it fits in four bytes) and records coordinates found in it.
func (t *tiff) text(name string, typ uint16, count uint32, value []byte) {
	if typ != 1 && typ != 2 && typ != 7 {
		return
	}
	data := value
	if count > 4 {
		off := int64(t.bo.Uint32(value))
		if off+int64(count) > int64(len(t.b)) {
			t.in.block("unreadable EXIF")
			return
		}
		data = t.b[off : off+int64(count)]
	} else {
		data = value[:count]
	}
	// UTF-16 text (UserComment's UNICODE, the XP tags) of Latin letters and digits
	// reads as ASCII once its zero bytes are dropped.
	data = bytes.ReplaceAll(data, []byte{0}, nil)
	if hasCoordinates(data) {
		t.in.located("EXIF " + name + ": coordinates")
	}
}
