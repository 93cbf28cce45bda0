package review

import (
	"io"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/minhtien/portal/pipeline/problem"
)

// This file finds the households a streamed file holds twice, from the hashes of
// their ids and then the ids themselves, and puts the problems where Parse does.

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
