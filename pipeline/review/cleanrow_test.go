package review

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// cleanHeader is the contract's header in one of four orders, so that cleanRow is
// tried on columns out of their usual order: as written (0), reversed (1), rotated
// so that a flag comes last and a run of flags first (2), and with an enum last (3).
func cleanHeader(order uint8) []string {
	return inOrder(columnNames(), order)
}

func inOrder(cells []string, order uint8) []string {
	switch order % 4 {
	case 1:
		slices.Reverse(cells)
	case 2:
		cells = append(cells[8:], cells[:8]...)
	case 3:
		cells = append(slices.Delete(slices.Clone(cells), ciArea, ciArea+1), cells[ciArea])
	}
	return cells
}

// rowInOrder puts the cells of a row written in the contract's order in the order
// of cleanHeader(order).
func rowInOrder(row string, order uint8) string {
	cells := strings.Split(row, ",")
	if len(cells) != len(Columns) {
		return row
	}
	return strings.Join(inOrder(cells, order), ",")
}

// checkBoth runs cleanRow on data and, on a second checker, the full checks on its
// first line as splitPlain cuts it. A row cleanRow takes must be one the full checks
// accept without a problem and record identically, and cleanRow must say where the
// next line starts; a row it leaves must leave its checker untouched.
func checkBoth(t *testing.T, data string, rules Rules, order uint8, collect map[uint64]bool) {
	t.Helper()
	header := cleanHeader(order)
	newRC := func() *rowChecker {
		rc := newRowChecker(testParser("2024.csv", rules, header), header)
		rc.batch, rc.collect = &Batch{Year: 2024, NDep: len(std2022.Indicators)}, collect
		return rc
	}
	ln, next := data, len(data)
	if nl := strings.IndexByte(data, '\n'); nl >= 0 {
		ln, next = data[:nl], nl+1
	}
	ln = strings.TrimSuffix(ln, "\r")
	clean, full := newRC(), newRC()
	fields, cols := splitLine([]byte(ln), nil, nil)
	full.fields(fields, cols, 7)
	n := clean.cleanRow([]byte(data), 7)
	if n == 0 {
		if clean.accepted != 0 || clean.hashes != nil || clean.collected != nil ||
			clean.batch.Len() != 0 || clean.p.problems != nil {
			t.Fatalf("cleanRow refused %q but recorded it: %+v", data, clean)
		}
		return
	}
	if n != next {
		t.Fatalf("cleanRow took %d bytes of %q, the line has %d", n, data, next)
	}
	if len(full.p.problems) > 0 {
		t.Fatalf("cleanRow took %q; the full checks report %v", data, describe(full.p.problems))
	}
	if !reflect.DeepEqual(clean.hashes, full.hashes) ||
		!reflect.DeepEqual(clean.collected, full.collected) || clean.accepted != full.accepted {
		t.Fatalf("%q: cleanRow recorded %+v, the full checks %+v", data, clean, full)
	}
	if q, f := clean.batch.Record(0), full.batch.Record(0); !reflect.DeepEqual(q, f) || clean.batch.ID[0] != full.batch.ID[0] || clean.batch.Line[0] != full.batch.Line[0] {
		t.Fatalf("%q: cleanRow decoded %+v, the full checks %+v", data, q, f)
	}
}

// lineEnds are the ends cleanRow may meet after a row: the end of the chunk, a line
// end, or something that makes the row the full checks' business.
var lineEnds = []string{"", "\n", "\r\n", "\r", "\n2024", "\r\r\n", "\rx"}

// cleanSeeds are rows in the usual shape and near misses of it (a sign, a space, a
// long digit run, a value out of range, a broken rule between cells).
func cleanSeeds() []string {
	r2 := strings.Replace(validRow, "MT-T01-0001", "MT-T01-0002", 1)
	rev := strings.Split(validRow, ",")
	slices.Reverse(rev)
	return []string{
		validRow, r2, strings.Join(rev, ","),
		row("status", "poor", "cause", "illness", "income_per_capita", "800000"),
		row("cause", "illness"),
		row("members", "13", "members_insured", "13"),
		row("members", "+4"), row("members", "04"), row("members", "31"), row("d_water", "2"),
		row("d_water", "01"), row("household_id", "MT-123456789"), row("household_id", "MT-0912-345-678"),
		row("village_code", "T10"), row("commune_code", "12425"), row("year", "2025"),
		row("children_6_15", "5"), row("area", "Rural"), row("area", " rural"),
		row("income_per_capita", "1234567890123456789"), validRow + ",", validRow[:len(validRow)-2],
	}
}

// TestCleanRowAgreesWithFullChecks runs checkBoth on the seeds under each rule set.
func TestCleanRowAgreesWithFullChecks(t *testing.T) {
	taken := 0
	for _, ln := range cleanSeeds() {
		for v := range uint8(4) {
			for _, end := range lineEnds {
				for order := range uint8(4) {
					checkBoth(t, rowInOrder(ln, order)+end, diffRules(v), order, nil)
				}
			}
			checkBoth(t, ln, diffRules(v), 0, map[uint64]bool{HashIDString("MT-T01-0001"): true})
		}
		for order := range uint8(4) {
			rc := newRowChecker(testParser("2024.csv", testRules(), cleanHeader(order)), cleanHeader(order))
			if rc.cleanRow([]byte(rowInOrder(ln, order)+"\n"), 2) > 0 {
				taken++
			}
		}
	}
	// The usual rows must take the clean path in every order, or the checks above
	// prove little.
	if taken < 12 {
		t.Fatalf("cleanRow took only %d of the seeds", taken)
	}
}

// FuzzCleanRow runs checkBoth on arbitrary text, header orders and rule sets.
func FuzzCleanRow(f *testing.F) {
	for _, ln := range cleanSeeds() {
		for order := range uint8(4) {
			f.Add(rowInOrder(ln, order)+"\n", order)
		}
		f.Add(ln+"\r\n", uint8(4))
	}
	f.Fuzz(func(t *testing.T, ln string, variant uint8) {
		if strings.Contains(ln, `"`) {
			return // cleanRow only sees quote-free chunks
		}
		var collect map[uint64]bool
		if variant&128 != 0 {
			collect = map[uint64]bool{HashIDString("MT-T01-0001"): true}
		}
		order := variant & 3
		checkBoth(t, ln, diffRules(variant>>2), order, collect)
	})
}
