package disclosure

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/minhtien/portal/pipeline/indicator"
)

// PartsAtOnce is how many parts are protected at once (fewer on fewer cores): each
// holds a province's table of about a million figures and its protection, so memory,
// not cores, sets the limit.
const PartsAtOnce = 2

// Part is a child of the top unit with everything below it (a province, its
// communes and their villages), protected as a table of its own.
type Part struct {
	Code string
	Tree Tree
}

// ProtectParts protects a table too large to hold at once, such as a nation's: top
// holds the top unit and its children (the nation and its provinces), and each part
// one child with everything below it, built on demand by load and handed to use once
// protected. The figures of a part's own unit are in both tables; whatever either
// protection withholds of them is withheld in the other, and the tables are protected
// again until neither changes, so every sum (nation = provinces, province = communes,
// commune = villages) is protected as ProtectTree protects one tree. use may be
// called more than once for a part: the last call is the final one.
func ProtectParts(top *indicator.Table, k int, tree Tree, parts []Part, load func(i int) (*indicator.Table, error), use func(i int, t *indicator.Table) error, opts ...Option) (Report, error) {
	rep, err := ProtectTree(top, k, tree, opts...)
	if err != nil {
		return rep, err
	}
	shared := make([][]int, len(parts)) // each part's figures in top
	byCode := map[string]int{}
	for i, p := range parts {
		byCode[p.Code] = i
	}
	for fi := range top.Figures {
		if i, ok := byCode[top.Figures[fi].UnitCode]; ok {
			shared[i] = append(shared[i], fi)
		}
	}
	counts := make([]Report, len(parts))
	bounds := make([]map[indicator.Key]indicator.Figure, len(parts))
	pending := make([]bool, len(parts))
	for i := range pending {
		pending[i] = true
	}
	for rounds := 0; ; rounds++ {
		if rounds > len(parts)+2 {
			return rep, fmt.Errorf("protect: parts still changing after %d rounds", rounds)
		}
		// Parts are protected concurrently: each reads and writes only its own
		// unit's figures in top, so the result does not depend on their order.
		changed := make([]bool, len(parts))
		errs := make([]error, len(parts))
		sem := make(chan struct{}, min(runtime.GOMAXPROCS(0), PartsAtOnce))
		var wg sync.WaitGroup
		for i, p := range parts {
			if !pending[i] {
				continue
			}
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				changed[i], counts[i], bounds[i], errs[i] = protectPart(top, k, p, shared[i], func() (*indicator.Table, error) { return load(i) }, func(t *indicator.Table) error { return use(i, t) }, opts)
			})
			pending[i] = false
		}
		wg.Wait()
		topChanged := false
		for i := range parts {
			if errs[i] != nil {
				return rep, errs[i]
			}
			topChanged = topChanged || changed[i]
		}
		if !topChanged {
			break
		}
		before := snapshot(top)
		if rep, err = ProtectTree(top, k, tree, opts...); err != nil {
			return rep, err
		}
		after := snapshot(top)
		for i := range parts {
			for _, fi := range shared[i] {
				if after[fi] != before[fi] {
					pending[i] = true
				}
			}
		}
	}
	// A part's unit is in both tables, each audited on its own: top takes the
	// intervals the part published, so every file shows the same ones.
	for i := range parts {
		for _, fi := range shared[i] {
			f := &top.Figures[fi]
			if g, ok := bounds[i][f.Key()]; ok {
				f.Bounded, f.Lower, f.Upper = g.Bounded, g.Lower, g.Upper
			}
		}
	}
	for _, c := range counts {
		rep.Primary += c.Primary
		rep.Secondary += c.Secondary
		rep.Unresolved = append(rep.Unresolved, c.Unresolved...)
		rep.AuditFailures = append(rep.AuditFailures, c.AuditFailures...)
		rep.Relaxed += c.Relaxed
		rep.Exact += c.Exact
		rep.ExactSolves += c.ExactSolves
		rep.Marked += c.Marked
		rep.Banded += c.Banded
		rep.AuditRounds = max(rep.AuditRounds, c.AuditRounds)
	}
	rep.Unresolved = dedupe(rep.Unresolved)
	return rep, nil
}

// protectPart protects one part against what top withholds of its unit, withholds
// in top what the part's protection added, and hands the table to use.
func protectPart(top *indicator.Table, k int, p Part, shared []int, load func() (*indicator.Table, error), use func(*indicator.Table) error, opts []Option) (bool, Report, map[indicator.Key]indicator.Figure, error) {
	t, err := load()
	if err != nil {
		return false, Report{}, nil, err
	}
	copyWithheld(t, top, shared)
	tree := p.Tree
	tree.TopProtected = true // the part's unit is a child of top's unit
	rep, err := ProtectTree(t, k, tree, opts...)
	if err != nil {
		return false, Report{}, nil, err
	}
	changed := copyBack(top, t, shared)
	bounds := map[indicator.Key]indicator.Figure{}
	for _, fi := range shared {
		if g, ok := t.Get(top.Figures[fi].Key()); ok {
			bounds[g.Key()] = *g
		}
	}
	r := below(t, p.Code)
	r.Unresolved, r.AuditFailures, r.Relaxed, r.AuditRounds = rep.Unresolved, rep.AuditFailures, rep.Relaxed, rep.AuditRounds
	r.Marked, r.Banded = rep.Marked, rep.Banded
	return changed, r, bounds, use(t)
}

// copyWithheld withholds in a part's table the figures of its unit that top withholds.
func copyWithheld(t, top *indicator.Table, figs []int) {
	for _, fi := range figs {
		f := &top.Figures[fi]
		if f.Flag != indicator.FlagSuppressed {
			continue
		}
		if g, ok := t.Get(f.Key()); ok {
			g.Flag, g.HideDen, g.Secondary = f.Flag, f.HideDen, f.Secondary
		}
	}
}

// copyBack withholds in top what the part's protection withheld of its unit, and
// reports whether anything changed.
func copyBack(top, t *indicator.Table, figs []int) bool {
	changed := false
	for _, fi := range figs {
		f := &top.Figures[fi]
		g, ok := t.Get(f.Key())
		if !ok || g.Flag != indicator.FlagSuppressed {
			continue
		}
		if f.Flag != indicator.FlagSuppressed || (g.HideDen && !f.HideDen) {
			f.Flag, f.HideDen, f.Secondary = g.Flag, g.HideDen || f.HideDen, g.Secondary && f.Secondary
			changed = true
		}
	}
	return changed
}

func snapshot(t *indicator.Table) []string {
	out := make([]string, len(t.Figures))
	for i := range t.Figures {
		out[i] = t.Figures[i].Flag
		if t.Figures[i].HideDen {
			out[i] += "+den"
		}
	}
	return out
}

// below counts what a part's protection withheld under its own unit.
func below(t *indicator.Table, code string) Report {
	var r Report
	for i := range t.Figures {
		f := &t.Figures[i]
		if f.UnitCode == code || f.Flag != indicator.FlagSuppressed {
			continue
		}
		if f.Secondary {
			r.Secondary++
		} else {
			r.Primary++
		}
	}
	return r
}

// Mask bits, one byte per figure.
const (
	maskWithheld byte = 1 << iota
	maskHideDen
	maskSecondary
)

// Mask returns what protection withheld in t, one byte per figure, so that a table
// rebuilt from the same sums can be protected again without repeating the work (see
// ApplyMask).
func Mask(t *indicator.Table) []byte {
	m := make([]byte, len(t.Figures))
	for i := range t.Figures {
		f := &t.Figures[i]
		if f.Flag == indicator.FlagSuppressed {
			m[i] |= maskWithheld
		}
		if f.HideDen {
			m[i] |= maskHideDen
		}
		if f.Secondary {
			m[i] |= maskSecondary
		}
	}
	return m
}

// ApplyMask withholds in t what Mask recorded of the same figures, in the same order.
func ApplyMask(t *indicator.Table, m []byte) {
	for i := range t.Figures {
		f := &t.Figures[i]
		if m[i]&maskWithheld != 0 {
			f.Flag = indicator.FlagSuppressed
		}
		f.HideDen = m[i]&maskHideDen != 0
		f.Secondary = m[i]&maskSecondary != 0
	}
}

// Bounds are the intervals protection gave a table's withheld figures, kept with its
// Mask for a table rebuilt from the same sums.
type Bounds []bound

type bound struct {
	fig          int32
	lower, upper int64
}

// BoundsOf returns the intervals of t's withheld figures (see ApplyBounds).
func BoundsOf(t *indicator.Table) Bounds {
	var out Bounds
	for i := range t.Figures {
		if f := &t.Figures[i]; f.Bounded {
			out = append(out, bound{int32(i), f.Lower, f.Upper})
		}
	}
	return out
}

// ApplyBounds gives t, rebuilt in the same order, the intervals BoundsOf recorded.
func ApplyBounds(t *indicator.Table, b Bounds) {
	for _, x := range b {
		f := &t.Figures[x.fig]
		f.Bounded, f.Lower, f.Upper = true, x.lower, x.upper
	}
}
