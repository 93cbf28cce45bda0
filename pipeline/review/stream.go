package review

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"math/bits"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/minhtien/portal/pipeline/csvfile"
	"github.com/minhtien/portal/pipeline/problem"
)

// StreamOptions tune the streaming reader.
type StreamOptions struct {
	// Workers is how many chunks are parsed at once; 0 means one per core.
	Workers int
	// ChunkSize is the size of the chunks the file is cut into (at line ends); 0
	// means 4 MiB. Memory is about (2*Workers+3) chunks plus their batches.
	ChunkSize int
}

// StreamResult describes a streamed file.
type StreamResult struct {
	Year  int
	Rows  int   // rows without errors, handed to emit
	Bytes int64 // bytes read (the second pass of a duplicate check included)
}

// StreamFile is Stream over a file on disk.
func StreamFile(path string, rules Rules, o StreamOptions, emit func(*Batch)) (StreamResult, []problem.Problem, error) {
	if f, big := csvfile.TooLarge(path, csvfile.MaxStreamedFileBytes); big {
		return StreamResult{}, []problem.Problem{{Catalogue: Messages, File: path, Code: f.Code, Args: f.Args}}, nil
	}
	return Stream(path, func() (io.ReadCloser, error) { return os.Open(path) }, rules, o, emit)
}

// StreamBytes is Stream over text already in memory (a file decrypted by an Opener).
func StreamBytes(name string, b []byte, rules Rules, o StreamOptions, emit func(*Batch)) (StreamResult, []problem.Problem, error) {
	return Stream(name, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }, rules, o, emit)
}

// Stream checks a review file exactly as Parse does (same rules, same problems in the
// same order, same lines and columns) without holding it in memory: the text is cut
// into chunks at line ends (at ends that are not inside a quoted field), the chunks
// are parsed and checked in parallel, and the rows without errors are handed to emit
// as columnar batches, in file order, from one goroutine at a time. emit must not
// keep the batch after it returns.
//
// Like Parse's records, the batches may be used only when none of the returned
// problems is an error; unlike Parse, Stream cannot know that before the end of the
// file, so a caller that aggregates must discard its sums when an error comes back.
//
// Memory is bounded by the chunks in flight, 8 bytes per household for the
// duplicate check, and the problems reported. Duplicates are found by a 64-bit hash
// of the id; equal hashes are re-checked against the ids themselves in a second
// pass over the file (open is called again), so a hash collision is never reported
// as a duplicate.
//
// err is for a file that cannot be read; problems in its content are problems.
func Stream(name string, open func() (io.ReadCloser, error), rules Rules, o StreamOptions, emit func(*Batch)) (StreamResult, []problem.Problem, error) {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.ChunkSize <= 0 {
		o.ChunkSize = 4 << 20
	}
	res := StreamResult{}
	year, ok := YearFromName(name)
	if !ok {
		return res, []problem.Problem{{Catalogue: Messages, File: name, Code: "bad_file_name"}}, nil
	}
	res.Year = year
	s := &streamer{name: name, rules: rules, year: year, o: o, emit: emit}
	if err := s.pass(open); err != nil {
		return res, nil, err
	}
	res.Bytes = s.bytes
	if s.final != nil {
		return res, s.final, nil
	}
	dups, err := s.duplicates(open)
	if err != nil {
		return res, nil, err
	}
	res.Bytes = s.bytes
	res.Rows = s.accepted
	return res, s.finish(dups), nil
}

type streamer struct {
	name  string
	rules Rules
	year  int
	o     StreamOptions
	emit  func(*Batch)

	header   []string  // nil when the header has errors
	contract *Contract // of the file's year
	bytes    int64

	// Results of a pass, in file order.
	final     []problem.Problem // the whole answer when known early (empty file, not UTF-8...)
	problems  []problem.Problem
	buckets   [256][][]uint64 // hashes of checked ids, by their top byte, in parts of a chunk each
	accepted  int
	collect   map[uint64]bool
	collected []idAt
}

type chunk struct {
	idx       int
	buf       *[]byte
	data      []byte
	from      int // where rows start (after the header, in the first chunk)
	firstLine int // line number of data[from:] counted from the chunk's start
	eof       bool
	quoteFree bool // known to hold no quote; false when not known
}

// longLine reports whether the chunk holds a line over csvfile.MaxLineBytes; only a
// chunk longer than that can.
func (c *chunk) longLine() bool {
	if len(c.data) <= csvfile.MaxLineBytes {
		return false
	}
	_, long := csvfile.LongLine(c.data)
	return long
}

type chunkResult struct {
	idx      int
	newlines int
	badUTF8  bool
	longLine int // the chunk's first line over csvfile.MaxLineBytes, 0 for none
	badLine  int
	badCol   int
	fatal    bool
	rc       *rowChecker
	problems []problem.Problem
	chunkBuf *[]byte
	hashes   []uint64    // rc's hashes, grouped by their top byte
	hashOff  *[257]int32 // group b is hashes[hashOff[b]:hashOff[b+1]]
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

// pass reads the file once. In the first pass it checks and emits; in the second
// (s.collect set) it only gathers the ids whose hash appeared twice.
func (s *streamer) pass(open func() (io.ReadCloser, error)) error {
	f, err := open()
	if err != nil {
		return err
	}
	defer f.Close()
	cr := &chunkReader{r: f, size: s.o.ChunkSize, s: s}
	defer func() { s.bytes += cr.n }()
	buf, data, eof, err := cr.next(true)
	if s.tooLong(err) {
		return nil
	}
	if err != nil {
		return err
	}
	first := &chunk{idx: 0, buf: buf, eof: eof, quoteFree: cr.quoteFree}
	if data == nil {
		data = []byte{}
	}
	data = bytes.TrimPrefix(data, bom)
	first.data = data
	hp := &parser{name: s.name, rules: s.rules, data: data}
	if !hp.contractFor(s.year) {
		s.final = hp.problems
		return nil
	}
	s.contract = hp.contract
	if s.collect == nil {
		if isSpaceOnly(data) {
			s.final = []problem.Problem{{Catalogue: Messages, File: s.name, Code: "empty_file"}}
			return nil
		}
		if csvfile.UTF16(data) {
			s.final = []problem.Problem{{Catalogue: Messages, File: s.name, Code: "utf16"}}
			return nil
		}
	}
	var fatalAt atomic.Int64 // the first chunk whose rows are not to be read
	fatalAt.Store(math.MaxInt64)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		hp.csvError(err)
		fatalAt.Store(-1)
	} else {
		hp.checkHeader(r, header)
		if problem.HasErrors(hp.problems) {
			fatalAt.Store(-1)
		} else {
			s.header = header
			first.from = int(r.InputOffset())
			first.firstLine = 1 + bytes.Count(data[:first.from], []byte{'\n'})
		}
	}
	if s.collect == nil {
		s.problems = hp.problems
	}

	workers := s.o.Workers
	jobs := make(chan *chunk, workers)
	results := make(chan *chunkResult, workers)
	slots := make(chan struct{}, 2*workers+2)
	var stop atomic.Bool
	var readErr error
	go func() {
		defer close(jobs)
		slots <- struct{}{}
		jobs <- first
		for idx := 1; !eof && !stop.Load(); idx++ {
			slots <- struct{}{}
			if stop.Load() {
				<-slots
				return
			}
			buf, data, e, err := cr.next(false)
			if err != nil {
				readErr = err
				stop.Store(true)
				<-slots
				return
			}
			eof = e
			if data == nil {
				<-slots
				return
			}
			jobs <- &chunk{idx: idx, buf: buf, data: data, firstLine: 1, eof: e, quoteFree: cr.quoteFree}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				results <- s.work(c, &fatalAt, &stop)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]*chunkResult{}
	next, lines, fatal := 0, 0, false
	var badUTF8 *problem.Problem
	for res := range results {
		pending[res.idx] = res
		for {
			c, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if badUTF8 == nil && !stop.Load() {
				if c.badUTF8 {
					badUTF8 = &problem.Problem{Catalogue: Messages, File: s.name, Line: lines + c.badLine, Col: c.badCol, Code: "not_utf8"}
					stop.Store(true)
				} else if c.longLine > 0 {
					f := csvfile.LongLineProblem(lines + c.longLine)
					badUTF8 = &problem.Problem{Catalogue: Messages, File: s.name, Line: f.Line, Code: f.Code, Args: f.Args}
					stop.Store(true)
				} else if !fatal && c.rc != nil {
					s.merge(c, lines)
					if c.fatal {
						fatal = true
						fatalAt.Store(int64(c.idx))
					}
				}
			}
			lines += c.newlines
			if c.chunkBuf != nil {
				chunkPool.Put(c.chunkBuf)
			}
			<-slots
		}
	}
	if s.tooLong(readErr) {
		return nil
	}
	if readErr != nil {
		return readErr
	}
	if badUTF8 != nil && s.collect == nil {
		s.final = []problem.Problem{*badUTF8}
	}
	return nil
}

// tooLong reports whether err is a record over the bounds, and makes it the
// file's whole answer.
func (s *streamer) tooLong(err error) bool {
	var re *csvfile.RecordError
	if !errors.As(err, &re) {
		return false
	}
	if s.collect == nil {
		f := re.Problem()
		s.final = []problem.Problem{{Catalogue: Messages, File: s.name, Line: f.Line, Code: f.Code, Args: f.Args}}
	}
	return true
}

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
// of the file is dropped. Most rows are checked by quickRow in one pass; the others
// are cut into fields for the full checks. It returns the number of line ends in
// data, which it walks anyway.
func (s *streamer) splitPlain(rc *rowChecker, data []byte, line int) int {
	first := line
	fields := make([][]byte, 0, len(rc.ci))
	cols := make([]int32, 0, len(rc.ci))
	for off := 0; off < len(data); line++ {
		if n := rc.quickRow(data[off:], line); n > 0 {
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

// merge adds a chunk's results, in file order; lines is the number of lines before it.
func (s *streamer) merge(c *chunkResult, lines int) {
	rc := c.rc
	if s.collect != nil {
		for _, id := range rc.collected {
			id.line += int32(lines)
			s.collected = append(s.collected, id)
		}
		return
	}
	for _, q := range c.problems {
		if q.Line > 0 {
			q.Line += lines
		}
		s.problems = append(s.problems, q)
	}
	for b := range s.buckets {
		if lo, hi := c.hashOff[b], c.hashOff[b+1]; lo < hi {
			s.buckets[b] = append(s.buckets[b], c.hashes[lo:hi])
		}
	}
	s.accepted += rc.accepted
	if b := rc.batch; b != nil {
		for i := range b.Line {
			b.Line[i] += int32(lines)
		}
		if s.emit != nil && b.Len() > 0 {
			s.emit(b)
		}
		batchPool.Put(b)
	}
}

// duplicates finds the households that appear twice: hashes first, then, for the few
// hashes seen more than once, the ids themselves in a second pass. It returns each
// repeated row with the line of the id's first row.
func (s *streamer) duplicates(open func() (io.ReadCloser, error)) ([]dupRow, error) {
	twice := s.repeatedHashes()
	for i := range s.buckets {
		s.buckets[i] = nil
	}
	if len(twice) == 0 {
		return nil, nil
	}
	again := &streamer{name: s.name, rules: s.rules, year: s.year, o: s.o, collect: twice}
	if err := again.pass(open); err != nil {
		return nil, err
	}
	s.bytes += again.bytes
	first := map[string]int32{}
	var out []dupRow
	for _, c := range again.collected {
		if l, ok := first[c.id]; ok {
			out = append(out, dupRow{line: c.line, col: c.col, first: l})
		} else {
			first[c.id] = c.line
		}
	}
	return out, nil
}

type dupRow struct{ line, col, first int32 }

// repeatedHashes returns the hashes met more than once, checking the 256 buckets in
// parallel.
func (s *streamer) repeatedHashes() map[uint64]bool {
	var mu sync.Mutex
	out := map[uint64]bool{}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range s.o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var table []uint64
			for i := int(next.Add(1)) - 1; i < len(s.buckets); i = int(next.Add(1)) - 1 {
				for _, h := range repeatedIn(s.buckets[i], &table) {
					mu.Lock()
					out[h] = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// repeatedIn returns the hashes met more than once in parts, using a small
// open-addressing set (table, reused) where 0 marks an empty slot.
func repeatedIn(parts [][]uint64, table *[]uint64) []uint64 {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(*table) < size {
		*table = make([]uint64, size)
	}
	t := (*table)[:size]
	clear(t)
	mask := uint64(size - 1)
	var out []uint64
	zeros := 0
	for _, p := range parts {
		for _, h := range p {
			if h == 0 {
				if zeros++; zeros == 2 {
					out = append(out, 0)
				}
				continue
			}
			for j := h & mask; ; j = (j + 1) & mask {
				if t[j] == 0 {
					t[j] = h
					break
				}
				if t[j] == h {
					out = append(out, h)
					break
				}
			}
		}
	}
	return out
}

// afterDuplicate are the codes checkRow adds after the duplicate check, in a row.
var afterDuplicate = map[string]bool{
	"in_school_gt_children": true, "children_gt_members": true, "insured_gt_members": true,
	"cause_not_poor": true, "status_mismatch": true,
}

// finish puts the duplicate problems where Parse reports them and
// drops the warnings of rows Parse would have stopped at their duplicate id.
func (s *streamer) finish(dups []dupRow) []problem.Problem {
	ps := s.problems
	dupLine := map[int32]bool{}
	for _, d := range dups {
		dupLine[d.line] = true
	}
	insert := func(line int, q problem.Problem, before func(problem.Problem) bool) {
		lo := sort.Search(len(ps), func(i int) bool { return ps[i].Line >= line })
		hi := lo
		for hi < len(ps) && ps[hi].Line == line && !before(ps[hi]) {
			hi++
		}
		ps = slices.Insert(ps, hi, q)
	}
	for _, d := range dups {
		// A duplicate row is refused before its quality warnings.
		ps = slices.DeleteFunc(ps, func(q problem.Problem) bool {
			return q.Line == int(d.line) && q.Severity == problem.SeverityWarning
		})
		insert(int(d.line), problem.Problem{Catalogue: Messages, File: s.name, Line: int(d.line), Col: int(d.col), Column: "household_id",
			Code: "duplicate_household", Args: []any{int(d.first)}}, func(q problem.Problem) bool { return afterDuplicate[q.Code] })
	}
	if s.header != nil && !problem.HasErrors(ps) && s.accepted == 0 {
		ps = append(ps, problem.Problem{Catalogue: Messages, File: s.name, Code: "no_rows"})
	}
	return ps
}
