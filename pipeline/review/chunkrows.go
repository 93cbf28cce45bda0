package review

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"io"
	"math/bits"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/minhtien/portal/pipeline/csvfile"
)

// This file checks the rows of one chunk (a worker's step of the streaming reader):
// quote-free text is cut into lines by hand, text with quotes by encoding/csv.

// work parses and checks one chunk.
func (s *streamer) work(c *chunk, fatalAt *atomic.Int64, stop *atomic.Bool) *chunkResult {
	res := &chunkResult{idx: c.idx, chunkBuf: c.buf}
	switch {
	case stop.Load():
	case !utf8.Valid(c.data):
		res.badUTF8 = true
		res.badLine, res.badCol = csvfile.InvalidUTF8At(c.data) // added to the lines before the chunk
	case c.longLine():
		res.longLine, _ = csvfile.LongLine(c.data)
	case int64(c.idx) > fatalAt.Load():
		// Not checked, but its lines count for the place of a later not_utf8.
		res.newlines = bytes.Count(c.data, newline)
	default:
		s.check(c, res)
	}
	return res
}

var newline = []byte{'\n'}

// check checks the rows of a chunk.
func (s *streamer) check(c *chunk, res *chunkResult) {
	p := &parser{name: s.name, rules: s.rules, contract: s.contract, year: s.year, header: s.header}
	rc := newRowChecker(p, s.header)
	rc.collect = s.collect
	if v := hashPool.Get(); v != nil {
		rc.hashes = (*v.(*[]uint64))[:0]
	}
	if s.collect == nil && s.emit != nil {
		rc.batch = getBatch(s.year, s.contract.Deprivations())
	}
	res.rc = rc
	data := c.data[c.from:]
	res.newlines = bytes.Count(c.data[:c.from], newline)
	if c.quoteFree || bytes.IndexByte(data, '"') < 0 {
		res.newlines += s.splitPlain(rc, data, c.firstLine)
	} else {
		res.newlines += bytes.Count(data, newline)
		res.fatal = s.splitQuoted(rc, data, c.firstLine)
	}
	res.problems = p.problems
	if s.collect == nil {
		res.hashes, res.hashOff = byTopByte(rc.hashes)
	}
	// The scratch goes back to the pool; only the sorted copy is kept.
	scratch := rc.hashes
	rc.hashes = nil
	hashPool.Put(&scratch)
}

var hashPool sync.Pool

// byTopByte sorts hashes by their top byte (a counting sort), so that the merge of a
// chunk, which runs one chunk at a time, only appends 256 slices.
func byTopByte(hs []uint64) ([]uint64, *[257]int32) {
	off := new([257]int32)
	for _, h := range hs {
		off[h>>56+1]++
	}
	for b := 1; b < len(off); b++ {
		off[b] += off[b-1]
	}
	out := make([]uint64, len(hs))
	next := *off
	for _, h := range hs {
		out[next[h>>56]] = h
		next[h>>56]++
	}
	return out, off
}

// splitPlain cuts quote-free text into records as encoding/csv does: "\r\n" ends a
// line like "\n", empty lines are skipped (and counted), and a "\r" before the end
// of the file is dropped. Most rows are checked by cleanRow in one pass; the others
// are cut into fields for the full checks. It returns the number of line ends in
// data, which it walks anyway.
func (s *streamer) splitPlain(rc *rowChecker, data []byte, line int) int {
	first := line
	fields := make([][]byte, 0, len(rc.ci))
	cols := make([]int32, 0, len(rc.ci))
	for off := 0; off < len(data); line++ {
		if n := rc.cleanRow(data[off:], line); n > 0 {
			off += n
			continue
		}
		var ln []byte
		if nl := bytes.IndexByte(data[off:], '\n'); nl >= 0 {
			ln = data[off : off+nl]
			off += nl + 1
		} else {
			ln = data[off:]
			off = len(data)
		}
		if n := len(ln); n > 0 && ln[n-1] == '\r' {
			ln = ln[:n-1]
		}
		if len(ln) == 0 {
			continue
		}
		fields, cols = splitLine(ln, fields[:0], cols[:0])
		rc.fields(fields, cols, line)
	}
	// Each line taken ended with "\n" except a last one without.
	if n := len(data); n > 0 && data[n-1] != '\n' {
		return line - first - 1
	}
	return line - first
}

// splitLine cuts a quote-free line at its commas; cols gets each field's 1-based
// byte column.
func splitLine(ln []byte, fields [][]byte, cols []int32) ([][]byte, []int32) {
	start, i := 0, 0
	// Eight bytes at a time: m has the high bit of each byte that is a comma.
	for ; i+8 <= len(ln); i += 8 {
		w := binary.LittleEndian.Uint64(ln[i:]) ^ 0x2c2c2c2c2c2c2c2c
		m := ^((w&0x7f7f7f7f7f7f7f7f + 0x7f7f7f7f7f7f7f7f) | w | 0x7f7f7f7f7f7f7f7f)
		for m != 0 {
			j := i + bits.TrailingZeros64(m)>>3
			fields = append(fields, ln[start:j])
			cols = append(cols, int32(start+1))
			start = j + 1
			m &= m - 1
		}
	}
	for ; i < len(ln); i++ {
		if ln[i] == ',' {
			fields = append(fields, ln[start:i])
			cols = append(cols, int32(start+1))
			start = i + 1
		}
	}
	return append(fields, ln[start:]), append(cols, int32(start+1))
}

// splitQuoted reads a chunk that holds quotes with encoding/csv itself. It reports
// whether the chunk ends in a CSV syntax error, after which Parse reads no further.
func (s *streamer) splitQuoted(rc *rowChecker, data []byte, firstLine int) bool {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	fields := make([][]byte, 0, len(rc.ci))
	cols := make([]int32, 0, len(rc.ci))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return false
		}
		if err != nil {
			ep := &parser{name: s.name, rules: s.rules, data: data}
			ep.csvError(err)
			for _, q := range ep.problems {
				if q.Line > 0 {
					q.Line += firstLine - 1
				}
				rc.p.problems = append(rc.p.problems, q)
			}
			return true
		}
		line, _ := r.FieldPos(0)
		fields, cols = fields[:0], cols[:0]
		for i, v := range rec {
			_, col := r.FieldPos(i)
			fields = append(fields, unsafe.Slice(unsafe.StringData(v), len(v)))
			cols = append(cols, int32(col))
		}
		rc.fields(fields, cols, line+firstLine-1)
	}
}

var batchPool sync.Pool

func getBatch(year, ndep int) *Batch {
	if v := batchPool.Get(); v != nil {
		b := v.(*Batch)
		b.reset(year, ndep)
		return b
	}
	return &Batch{Year: year, NDep: ndep}
}
