package review

import (
	"bytes"
	"io"
	"sync"

	"github.com/minhtien/portal/pipeline/csvfile"
)

// This file cuts a review file's text into chunks that end at a line end outside
// quotes, for the streaming reader's workers.

// longLine reports whether the chunk holds a line over csvfile.MaxLineBytes; only a
// chunk longer than that can.
func (c *chunk) longLine() bool {
	if len(c.data) <= csvfile.MaxLineBytes {
		return false
	}
	_, long := csvfile.LongLine(c.data)
	return long
}

var chunkPool sync.Pool

func (s *streamer) getBuf(n int) *[]byte {
	if v := chunkPool.Get(); v != nil {
		b := v.(*[]byte)
		if cap(*b) >= n {
			*b = (*b)[:n]
			return b
		}
	}
	b := make([]byte, n)
	return &b
}

// reader cuts the input into chunks that end at a line end outside quotes.
type chunkReader struct {
	r     io.Reader
	size  int
	carry []byte
	eof   bool
	n     int64
	s     *streamer
	lines int // line ends in the chunks returned so far

	quoteFree bool // the last chunk returned holds no quote, as cutPoint saw
}

// next returns the next chunk, or nil at the end. min asks for at least one byte
// that is not white space (the first chunk), or the end of the file.
func (cr *chunkReader) next(firstChunk bool) (*[]byte, []byte, bool, error) {
	if cr.eof && len(cr.carry) == 0 {
		return nil, nil, true, nil
	}
	want := max(cr.size, 2*len(cr.carry))
	buf := cr.s.getBuf(want)
	b := *buf
	n := copy(b, cr.carry)
	cr.carry = cr.carry[:0]
	for {
		if !cr.eof && n < len(b) {
			m, err := io.ReadFull(cr.r, b[n:])
			n += m
			cr.n += int64(m)
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				cr.eof = true
			} else if err != nil {
				return nil, nil, false, err
			}
		}
		if cr.eof {
			data := b[:n]
			cr.quoteFree = false // not looked at
			cr.lines += bytes.Count(data, newline)
			return buf, data, true, nil
		}
		// The first chunk must hold something besides white space (or the whole
		// file), so that an empty file is told from a file with blank lines first.
		if cut, free := cutPoint(b[:n]); cut > 0 && (!firstChunk || !isSpaceOnly(bytes.TrimPrefix(b[:cut], bom))) {
			cr.quoteFree = free
			cr.carry = append(cr.carry, b[cut:n]...)
			cr.lines += bytes.Count(b[:cut], newline)
			return buf, b[:cut], false, nil
		}
		// No line end outside quotes yet: grow and read on, within the bounds, so a
		// file of one endless line is refused after a few megabytes.
		if err := cr.bounded(b[:n]); err != nil {
			return nil, nil, false, err
		}
		nb := make([]byte, 2*len(b))
		copy(nb, b[:n])
		*buf = nb
		b = nb
	}
}

// bounded returns a *csvfile.RecordError when b, the text read since the last
// record end, has a line over csvfile.MaxLineBytes or is over csvfile.MaxRecordBytes
// (a chunk's worth of complete records is allowed besides).
func (cr *chunkReader) bounded(b []byte) error {
	if line, long := csvfile.LongLine(b); long {
		return &csvfile.RecordError{Line: cr.lines + line, Code: "line_too_long"}
	}
	if len(b) > cr.size+csvfile.MaxRecordBytes {
		return &csvfile.RecordError{Line: cr.lines + 1, Code: "record_too_long"}
	}
	return nil
}

// cutPoint returns the index just after the last line end in b that is not inside a
// quoted field (an even number of quotes before it, counting from the chunk start,
// which is a record start), or 0, and whether b holds no quote at all.
func cutPoint(b []byte) (int, bool) {
	if bytes.IndexByte(b, '"') < 0 {
		return bytes.LastIndexByte(b, '\n') + 1, true
	}
	last, odd := 0, false
	for i, c := range b {
		switch c {
		case '"':
			odd = !odd
		case '\n':
			if !odd {
				last = i + 1
			}
		}
	}
	return last, false
}
