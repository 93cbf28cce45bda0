package photo

import (
	"encoding/binary"
	"fmt"
)

// webp walks every chunk of a WebP file. The VP8X flags that say whether EXIF and
// XMP are present are not trusted: a writer may clear them and keep the chunks.
func (in *inspector) webp(b []byte) error {
	for i := 12; i+8 <= len(b); {
		id := string(b[i : i+4])
		n := int64(binary.LittleEndian.Uint32(b[i+4:]))
		if int64(i)+8+n > int64(len(b)) {
			return fmt.Errorf("webp: chunk %q is cut short", id)
		}
		data := b[i+8 : i+8+int(n)]
		i += 8 + int(n) + int(n%2)
		switch id {
		case "EXIF":
			if err := in.exif(data); err != nil {
				return err
			}
		case "XMP ":
			in.xmp(data)
		case "VP8X":
			if n >= 10 {
				in.size(1+int(uint24(data[4:])), 1+int(uint24(data[7:])))
			}
		case "VP8 ":
			if n >= 10 {
				in.size(int(binary.LittleEndian.Uint16(data[6:])&0x3FFF), int(binary.LittleEndian.Uint16(data[8:])&0x3FFF))
			}
		case "VP8L":
			if n >= 5 {
				bits := binary.LittleEndian.Uint32(data[1:])
				in.size(int(bits&0x3FFF)+1, int(bits>>14&0x3FFF)+1)
			}
		case "ALPH", "ANIM", "ANMF", "ICCP":
		default:
			in.block("WebP " + id)
		}
	}
	return nil
}

func uint24(b []byte) uint32 { return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 }
