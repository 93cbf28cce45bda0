package photo

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// placeNames are the local names of XMP properties that say where a photo was taken,
// lower-cased, whatever their namespace prefix: photoshop:City, photoshop:State,
// Iptc4xmpCore:Location, Iptc4xmpExt:LocationShown and LocationCreated (whose
// structures hold City, Sublocation, ProvinceState...), exif:GPSLatitude and every
// other GPS property. The prefix is the writer's choice, so it is not looked at.
var placeNames = map[string]bool{
	"city": true, "sublocation": true, "location": true, "locationshown": true, "locationcreated": true,
	"provincestate": true, "state": true, "country": true, "countryname": true, "countrycode": true,
	"worldregion": true, "locationname": true, "locationid": true, "latitude": true, "longitude": true,
	"gpslatitude": true, "gpslongitude": true, "coverage": true, "shotlocation": true,
}

// isPlace reports whether a local name is a location property.
func isPlace(local string) bool {
	l := strings.ToLower(local)
	// Any property whose name holds "location" (xmpDM:shotLocation, a vendor's
	// photoLocation...) is a place.
	return placeNames[l] || strings.HasPrefix(l, "gps") || strings.Contains(l, "location")
}

// xmp reads an XMP packet and records its location properties, as elements or as
// the attributes of the rdf:Description shorthand. A packet that is not well-formed
// XML is searched as text for the same names, so a broken packet cannot hide one.
func (in *inspector) xmp(b []byte) {
	in.block("XMP")
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			in.placeWords(b, "XMP")
			return
		}
		if cd, ok := tok.(xml.CharData); ok && hasCoordinates(cd) {
			in.located("XMP text: coordinates")
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		in.xmpName(el.Name)
		for _, a := range el.Attr {
			if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
				in.xmpName(a.Name)
				if hasCoordinates([]byte(a.Value)) {
					in.located("XMP text: coordinates")
				}
			}
		}
	}
}

func (in *inspector) xmpName(n xml.Name) {
	if isPlace(n.Local) {
		tag := n.Local
		if n.Space != "" {
			tag = n.Space + ":" + n.Local
		}
		in.located("XMP " + tag)
	}
}

// placeWords searches free text (a PNG text chunk, a JPEG comment, a broken XMP
// packet) for the words a location is written with.
func (in *inspector) placeWords(b []byte, where string) {
	low := bytes.ToLower(b)
	for _, w := range []string{"gps", "latitude", "longitude", "city", "location", "provincestate", "sublocation"} {
		if bytes.Contains(low, []byte(w)) {
			in.located(where + " text: " + w)
		}
	}
	if hasCoordinates(b) {
		in.located(where + " text: coordinates")
	}
}
