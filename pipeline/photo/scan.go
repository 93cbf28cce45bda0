package photo

import "bytes"

// The XMP packet's start and end markers.
var (
	xmpStarts = [][]byte{[]byte("<x:xmpmeta"), []byte("<?xpacket begin"), []byte("<rdf:RDF")}
	xmpEnds   = [][]byte{[]byte("</x:xmpmeta>"), []byte("<?xpacket end"), []byte("</rdf:RDF>")}
)

// scan searches the whole file for the signatures of EXIF, XMP and Photoshop blocks,
// wherever they are (an unknown chunk, an EXIF thumbnail, bytes after the image's
// end) and reads each one it finds. The signatures are long enough (9 bytes and
// more) not to turn up by chance in compressed pixels.
func (in *inspector) scan(b []byte) {
	for _, sig := range [][]byte{[]byte("Exif\x00\x00II*\x00"), []byte("Exif\x00\x00MM\x00*")} {
		for at := range indexes(b, sig) {
			if in.exif(b[at:]) != nil {
				in.block("unreadable EXIF")
			}
		}
	}
	for _, start := range xmpStarts {
		for at := range indexes(b, start) {
			end := len(b)
			for _, e := range xmpEnds {
				if k := bytes.Index(b[at:], e); k >= 0 && at+k+len(e) < end {
					end = at + k + len(e)
				}
			}
			in.xmp(b[at:end])
		}
	}
	for at := range indexes(b, photoshopHeader) {
		// The resources run to an unknown end: what follows them is not an error.
		_ = in.photoshop(b[at+len(photoshopHeader):])
	}
}

// indexes yields every offset at which sig starts in b.
func indexes(b, sig []byte) func(func(int) bool) {
	return func(yield func(int) bool) {
		for off := 0; ; {
			k := bytes.Index(b[off:], sig)
			if k < 0 || !yield(off+k) {
				return
			}
			off += k + 1
		}
	}
}
