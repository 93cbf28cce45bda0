// Package phototest checks, for tests, that photo files carry no metadata: by the
// photo package's reader always, and by exiftool when it is installed.
package phototest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/photo"
)

// harmless are the tags exiftool reports for a file with no metadata: the file
// system's, the picture's own header (PNG IHDR, WebP VP8, JPEG JFIF) and its sums.
var harmless = map[string]bool{
	"SourceFile": true, "ExifTool": true, "System": true, "File": true, "Composite": true, "JFIF": true, "RIFF": true,
}

var pngHeader = map[string]bool{
	"ImageWidth": true, "ImageHeight": true, "BitDepth": true, "ColorType": true,
	"Compression": true, "Filter": true, "Interlace": true,
}

// Exiftool returns, for each path, the metadata tags exiftool reads in it (group:name)
// beyond the harmless ones. ok is false when exiftool is not installed.
func Exiftool(t testing.TB, paths ...string) (tags map[string][]string, ok bool) {
	t.Helper()
	if _, err := exec.LookPath("exiftool"); err != nil || len(paths) == 0 {
		return nil, false
	}
	out, err := exec.Command("exiftool", append([]string{"-j", "-a", "-G1", "-ee", "-n", "-q"}, paths...)...).Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("exiftool: %v", err)
	}
	var v []map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("exiftool: %v", err)
	}
	tags = map[string][]string{}
	for _, file := range v {
		src, _ := file["SourceFile"].(string)
		for k := range file {
			g, name, _ := strings.Cut(k, ":")
			if harmless[g] || (g == "PNG" && pngHeader[name]) {
				continue
			}
			tags[src] = append(tags[src], k)
		}
		sort.Strings(tags[src])
	}
	return tags, true
}

// AssertClean fails the test for each file that carries metadata.
func AssertClean(t testing.TB, paths ...string) {
	t.Helper()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := photo.Inspect(b)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if len(r.Blocks) > 0 || r.HasLocation() {
			t.Errorf("%s: metadata left: blocks %v, location %v", p, r.Blocks, r.Location)
		}
	}
	if tags, ok := Exiftool(t, paths...); ok {
		for p, ts := range tags {
			if len(ts) > 0 {
				t.Errorf("%s: exiftool sees metadata: %v", p, ts)
			}
		}
	}
}

// HugePNG is a valid grey PNG of w x h pixels, small on disk: its rows are zeros,
// compressed as they are written, so it is made in little memory.
func HugePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	row := make([]byte, w+1)
	for range h {
		z.Write(row)
	}
	z.Close()
	var b bytes.Buffer
	b.Write([]byte("\x89PNG\r\n\x1a\n"))
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bit depth; colour type 0 (grey)
	chunk("IHDR", ihdr)
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}
