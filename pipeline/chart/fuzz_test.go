package chart

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"testing"
)

// fuzzPoints decodes data into points: 2 bytes of year offset, 8 bytes of
// float64 bits (so NaN, ±Inf, huge and subnormal values all occur), with
// the lowest bit of the first byte marking the point Missing.
func fuzzPoints(data []byte, base int) []Point {
	var ps []Point
	for len(data) >= 10 {
		ps = append(ps, Point{
			X:       base + int(int16(binary.LittleEndian.Uint16(data))),
			Y:       math.Float64frombits(binary.LittleEndian.Uint64(data[2:])),
			Missing: data[0]&1 == 1,
		})
		data = data[10:]
	}
	return ps
}

// encodePoint is the inverse of fuzzPoints, for the seed corpus.
func encodePoint(off int16, y float64, missing bool) []byte {
	b := make([]byte, 10)
	binary.LittleEndian.PutUint16(b, uint16(off))
	if missing {
		b[0] |= 1
	}
	binary.LittleEndian.PutUint64(b[2:], math.Float64bits(y))
	return b
}

// FuzzLine checks that no input panics and every output is well-formed,
// at the fuzzed canvas width (0, tiny, negative, huge and non-finite
// widths must all give a canvas within the documented bounds).
func FuzzLine(f *testing.F) {
	seed := func(pts ...[]byte) []byte { return []byte(strings.Join(bytesToStrings(pts), "")) }
	f.Add("Tỷ lệ <5%", seed(encodePoint(0, 9.9, false), encodePoint(1, 0, true), encodePoint(2, 2.9, false)), 2016, 1.5, 0.0, 0.0, uint8(1), 0.0)
	f.Add("Tỷ lệ <5%", seed(encodePoint(0, 9.9, false), encodePoint(1, 0, true), encodePoint(2, 2.9, false)), 2016, 1.5, 0.0, 0.0, uint8(21), 360.0)
	f.Add("", []byte{}, 0, math.NaN(), math.Inf(1), math.Inf(-1), uint8(3), math.NaN())
	f.Add("huge", seed(encodePoint(0, math.MaxFloat64, false), encodePoint(1, -math.MaxFloat64, false)), math.MaxInt, 1e308, -1e308, 1e308, uint8(2), 1e308)
	f.Add("neg", seed(encodePoint(-5, -3, false), encodePoint(5, math.NaN(), false), encodePoint(0, math.Inf(1), false)), math.MinInt, -1.0, 5.0, 1.0, uint8(7), -360.0)
	f.Add("\x00\xff bad utf8", seed(encodePoint(0, 5e-324, false)), 2020, 5e-324, 0.0, 1e-300, uint8(255), 5e-324)
	f.Add("inf", seed(encodePoint(0, 1, false)), 2020, 1.0, 0.0, 1.0, uint8(60), math.Inf(1))
	f.Add("tiny", seed(encodePoint(0, 1, false), encodePoint(30, 2, false)), 1990, 1.0, 0.0, 1.0, uint8(28), 1.0)
	f.Fuzz(func(t *testing.T, title string, data []byte, base int, target, ymin, ymax float64, flags uint8, width float64) {
		pts := fuzzPoints(data, base)
		n := int(flags%4) + 1 // series count
		c := Line{Title: title, Desc: title, XLabel: title, YLabel: title, TargetLabel: title, ProjectionLabel: title, Width: width}
		for i := range n {
			var own []Point
			for j := i; j < len(pts); j += n {
				own = append(own, pts[j])
			}
			c.Series = append(c.Series, Series{Name: title, Points: own, Dashed: i%2 == 1})
		}
		if flags&4 != 0 {
			c.Target = &target
		}
		if flags&8 != 0 {
			c.YMin, c.YMax = &ymin, &ymax
		}
		if flags&16 != 0 && len(pts) > 0 {
			c.Projection = pts[len(pts)/2:]
		}
		if flags&32 != 0 {
			c.Format = func(float64) string { return title }
		}
		checkCanvas(t, c.SVG(), width)
		check(t, Spark{Title: title, Points: pts, Target: c.Target}.SVG())
		bars := fuzzBars(title, pts, n)
		bars.Width = width
		checkCanvas(t, bars.SVG(), width)
	})
}

// checkCanvas checks svg like check does, and that its viewBox is the
// default 640x360 for a width that is not a positive number, or else a
// width clamped to [minViewW, maxViewW] and a height between narrowH and
// the growth cap.
func checkCanvas(t *testing.T, svg string, width float64) {
	t.Helper()
	check(t, svg)
	var vb string
	if i := strings.Index(svg, `viewBox="`); i >= 0 {
		vb = svg[i+len(`viewBox="`):]
		vb = vb[:strings.IndexByte(vb, '"')]
	}
	f := strings.Fields(vb)
	if len(f) != 4 {
		t.Fatalf("viewBox %q", vb)
	}
	w, _ := strconv.ParseFloat(f[2], 64)
	h, _ := strconv.ParseFloat(f[3], 64)
	switch {
	case !(width > 0):
		if w != viewW || h != viewH {
			t.Fatalf("width %v: viewBox %q, want the default", width, vb)
		}
	case w < minViewW || w > maxViewW || h < min(narrowH, viewH) || h > max(2*w, w*viewH/viewW):
		t.Fatalf("width %v: viewBox %q out of bounds", width, vb)
	}
}

// fuzzBars groups the fuzzed values into a bar chart, reusing Missing.
func fuzzBars(title string, pts []Point, n int) Bars {
	c := Bars{Title: title, SeriesNames: make([]string, n)}
	for i := 0; i < len(pts); i += n {
		bar := Bar{Label: title}
		for _, p := range pts[i:min(i+n, len(pts))] {
			bar.Values = append(bar.Values, p.Y)
			bar.Missing = append(bar.Missing, p.Missing)
		}
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// check fails unless svg is a single well-formed XML element of bounded
// size (coordinates are clamped, so huge values cannot explode it).
func check(t *testing.T, svg string) {
	t.Helper()
	if err := wellFormed(svg); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, svg)
	}
	if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
		t.Fatalf("non-finite number in output:\n%s", svg)
	}
}

func bytesToStrings(bs [][]byte) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
}
