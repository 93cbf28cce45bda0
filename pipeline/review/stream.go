package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

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

// pass reads the file once. In the first pass it checks and emits; in the second
// (s.collect set) it only gathers the ids whose hash appeared twice. The steps: the
// header is read from the first chunk (head); a reader cuts the rest into chunks
// (feed), workers check them (work), and their results are merged in file order
// (mergeInOrder).
func (s *streamer) pass(open func() (io.ReadCloser, error)) error {
	f, err := open()
	if err != nil {
		return err
	}
	defer f.Close()
	cr := &chunkReader{r: f, size: s.o.ChunkSize, s: s}
	defer func() { s.bytes += cr.n }()
	first, eof, rows, err := s.head(cr)
	if first == nil || err != nil {
		return err
	}
	fl := newFlow(s.o.Workers)
	if !rows {
		fl.fatalAt.Store(-1)
	}
	go s.feed(cr, first, eof, fl)
	var wg sync.WaitGroup
	for range s.o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range fl.jobs {
				fl.results <- s.work(c, &fl.fatalAt, &fl.stop)
			}
		}()
	}
	go func() { wg.Wait(); close(fl.results) }()
	badUTF8 := s.mergeInOrder(fl)
	if s.tooLong(fl.readErr) {
		return nil
	}
	if fl.readErr != nil {
		return fl.readErr
	}
	if badUTF8 != nil && s.collect == nil {
		s.final = []problem.Problem{*badUTF8}
	}
	return nil
}

// flow is what one pass's reader, workers and merger share.
type flow struct {
	jobs    chan *chunk
	results chan *chunkResult
	slots   chan struct{} // one per chunk in flight, so memory stays bounded
	stop    atomic.Bool   // the rest of the file is not to be read
	fatalAt atomic.Int64  // the first chunk whose rows are not to be read
	readErr error         // the reader's error, set before it closes jobs
}

func newFlow(workers int) *flow {
	fl := &flow{
		jobs:    make(chan *chunk, workers),
		results: make(chan *chunkResult, workers),
		slots:   make(chan struct{}, 2*workers+2),
	}
	fl.fatalAt.Store(math.MaxInt64)
	return fl
}

// head reads the first chunk and checks the header in it. It returns the chunk,
// whether it is the last, and whether rows may be read (the header has no error);
// a nil chunk when the pass is over, its answer in s.final or in err.
func (s *streamer) head(cr *chunkReader) (*chunk, bool, bool, error) {
	buf, data, eof, err := cr.next(true)
	if s.tooLong(err) {
		return nil, false, false, nil
	}
	if err != nil {
		return nil, false, false, err
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
		return nil, false, false, nil
	}
	s.contract = hp.contract
	if s.collect == nil {
		if isSpaceOnly(data) {
			s.final = []problem.Problem{{Catalogue: Messages, File: s.name, Code: "empty_file"}}
			return nil, false, false, nil
		}
		if csvfile.UTF16(data) {
			s.final = []problem.Problem{{Catalogue: Messages, File: s.name, Code: "utf16"}}
			return nil, false, false, nil
		}
	}
	rows := false
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		hp.csvError(err)
	} else {
		hp.checkHeader(r, header)
		if !problem.HasErrors(hp.problems) {
			rows = true
			s.header = header
			first.from = int(r.InputOffset())
			first.firstLine = 1 + bytes.Count(data[:first.from], []byte{'\n'})
		}
	}
	if s.collect == nil {
		s.problems = hp.problems
	}
	return first, eof, rows, nil
}

// feed hands the chunks to the workers, first the one head read, while a slot is
// free; it stops at the end of the file, at a read error (in fl.readErr) or when
// told to.
func (s *streamer) feed(cr *chunkReader, first *chunk, eof bool, fl *flow) {
	defer close(fl.jobs)
	fl.slots <- struct{}{}
	fl.jobs <- first
	for idx := 1; !eof && !fl.stop.Load(); idx++ {
		fl.slots <- struct{}{}
		if fl.stop.Load() {
			<-fl.slots
			return
		}
		buf, data, e, err := cr.next(false)
		if err != nil {
			fl.readErr = err
			fl.stop.Store(true)
			<-fl.slots
			return
		}
		eof = e
		if data == nil {
			<-fl.slots
			return
		}
		fl.jobs <- &chunk{idx: idx, buf: buf, data: data, firstLine: 1, eof: e, quoteFree: cr.quoteFree}
	}
}

// mergeInOrder merges the workers' results in file order, until the first chunk
// that is not UTF-8 or has a line too long, whose problem it returns: like Parse,
// the file is then refused by that problem alone. Rows after a CSV syntax error
// (a fatal chunk) are not merged.
func (s *streamer) mergeInOrder(fl *flow) *problem.Problem {
	pending := map[int]*chunkResult{}
	next, lines, fatal := 0, 0, false
	var bad *problem.Problem
	for res := range fl.results {
		pending[res.idx] = res
		for {
			c, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if bad == nil && !fl.stop.Load() {
				if c.badUTF8 {
					bad = &problem.Problem{Catalogue: Messages, File: s.name, Line: lines + c.badLine, Col: c.badCol, Code: "not_utf8"}
					fl.stop.Store(true)
				} else if c.longLine > 0 {
					f := csvfile.LongLineProblem(lines + c.longLine)
					bad = &problem.Problem{Catalogue: Messages, File: s.name, Line: f.Line, Code: f.Code, Args: f.Args}
					fl.stop.Store(true)
				} else if !fatal && c.rc != nil {
					s.merge(c, lines)
					if c.fatal {
						fatal = true
						fl.fatalAt.Store(int64(c.idx))
					}
				}
			}
			lines += c.newlines
			if c.chunkBuf != nil {
				chunkPool.Put(c.chunkBuf)
			}
			<-fl.slots
		}
	}
	return bad
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
