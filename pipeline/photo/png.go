package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngText are the chunks that hold text, and so possibly a location.
var pngText = map[string]bool{"tEXt": true, "zTXt": true, "iTXt": true}

// png walks every chunk of a PNG, the ones after the image data included.
func (in *inspector) png(b []byte) error {
	i := len(pngSignature)
	for i+8 <= len(b) {
		n := int64(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if int64(i)+12+n > int64(len(b)) {
			return fmt.Errorf("png: chunk %q is cut short", typ)
		}
		data := b[i+8 : i+8+int(n)]
		i += 12 + int(n)
		switch {
		case typ == "IHDR" && n >= 8:
			in.size(int(binary.BigEndian.Uint32(data)), int(binary.BigEndian.Uint32(data[4:])))
		case typ == "eXIf":
			if err := in.exif(data); err != nil {
				return err
			}
		case pngText[typ]:
			key, text, err := in.pngText(typ, data)
			if err != nil {
				return err
			}
			if err := in.pngTextBlock(typ, key, text); err != nil {
				return err
			}
		case typ == "IEND":
			in.trailing(b[i:], maxDepth)
			return nil
		}
	}
	return nil
}

// pngText returns the keyword and the text of a text chunk, inflated when compressed.
func (in *inspector) pngText(typ string, data []byte) (string, []byte, error) {
	k := bytes.IndexByte(data, 0)
	if k < 0 {
		return "", nil, fmt.Errorf("png: %s chunk has no keyword", typ)
	}
	key, rest := string(data[:k]), data[k+1:]
	switch typ {
	case "tEXt":
		return key, rest, nil
	case "zTXt":
		if len(rest) < 1 {
			return "", nil, fmt.Errorf("png: zTXt chunk is cut short")
		}
		t, err := in.inflate(rest[1:])
		return key, t, err
	}
	// iTXt: compression flag, method, language\0, translated keyword\0, text.
	if len(rest) < 2 {
		return "", nil, fmt.Errorf("png: iTXt chunk is cut short")
	}
	compressed := rest[0] == 1
	rest = rest[2:]
	for range 2 {
		j := bytes.IndexByte(rest, 0)
		if j < 0 {
			return "", nil, fmt.Errorf("png: iTXt chunk is cut short")
		}
		rest = rest[j+1:]
	}
	if !compressed {
		return key, rest, nil
	}
	t, err := in.inflate(rest)
	return key, t, err
}

// inflate decompresses zlib data, refusing more than maxInflated bytes for one
// chunk and maxInflatedTotal for the file.
func (in *inspector) inflate(b []byte) ([]byte, error) {
	z, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("png: compressed text: %w", err)
	}
	defer z.Close()
	limit := min(maxInflated, maxInflatedTotal-in.inflated)
	out, err := io.ReadAll(io.LimitReader(z, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("png: compressed text: %w", err)
	}
	if len(out) > limit {
		return nil, fmt.Errorf("png: compressed text inflates to more than %d bytes", limit)
	}
	in.inflated += len(out)
	return out, nil
}

// pngTextBlock reads a text chunk's content: XMP, the hex "raw profiles" that
// ImageMagick and exiftool write for EXIF and IPTC, or free text.
func (in *inspector) pngTextBlock(typ, key string, text []byte) error {
	in.block("PNG " + typ)
	switch key {
	case "XML:com.adobe.xmp":
		in.xmp(text)
		return nil
	case "Raw profile type exif", "Raw profile type APP1", "Raw profile type iptc", "Raw profile type 8bim", "Raw profile type xmp":
		raw, err := rawProfile(text)
		if err != nil {
			return err
		}
		switch key {
		case "Raw profile type iptc", "Raw profile type 8bim":
			if bytes.HasPrefix(raw, []byte("8BIM")) {
				return in.photoshop(raw)
			}
			return in.iptc(raw)
		case "Raw profile type xmp":
			in.xmp(raw)
			return nil
		}
		return in.exif(raw)
	}
	in.placeWords([]byte(key), "PNG "+typ+" keyword")
	in.placeWords(text, "PNG "+typ)
	return nil
}

// rawProfile decodes "\n<name>\n<length>\n<hex, in lines>".
func rawProfile(text []byte) ([]byte, error) {
	lines := bytes.SplitN(bytes.TrimLeft(text, "\n"), []byte("\n"), 3)
	if len(lines) < 3 {
		return nil, fmt.Errorf("png: raw profile is cut short")
	}
	h := bytes.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, lines[2])
	out := make([]byte, hex.DecodedLen(len(h)))
	if _, err := hex.Decode(out, h); err != nil {
		return nil, fmt.Errorf("png: raw profile: %w", err)
	}
	return out, nil
}
