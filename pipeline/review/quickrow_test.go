package review

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// quickHeader is the contract's header, or its reverse when reversed is set, so that
// quickRow is tried on columns out of their usual order.
func quickHeader(reversed bool) []string {
	h := columnNames()
	if reversed {
		slices.Reverse(h)
	}
	return h
}

// checkBoth runs quickRow on ln and, on a second checker, the full checks. A row
// quickRow takes must be one the full checks accept without a problem and record
// identically; a row it leaves must leave its checker untouched.
func checkBoth(t *testing.T, ln string, rules Rules, reversed bool, collect map[uint64]bool) {
	t.Helper()
	header := quickHeader(reversed)
	newRC := func() *rowChecker {
		rc := newRowChecker(&parser{name: "2024.csv", rules: rules}, 2024, header)
		rc.batch, rc.collect = &Batch{Year: 2024}, collect
		return rc
	}
	quick, full := newRC(), newRC()
	fields, cols := splitLine([]byte(ln), nil, nil)
	full.fields(fields, cols, 7)
	if !quick.quickRow([]byte(ln), 7) {
		if quick.accepted != 0 || quick.hashes != nil || quick.classifyFail != nil || quick.collected != nil ||
			quick.batch.Len() != 0 || quick.p.problems != nil {
			t.Fatalf("quickRow refused %q but recorded it: %+v", ln, quick)
		}
		return
	}
	if len(full.p.problems) > 0 {
		t.Fatalf("quickRow took %q; the full checks report %v", ln, describe(full.p.problems))
	}
	if !reflect.DeepEqual(quick.hashes, full.hashes) || !reflect.DeepEqual(quick.classifyFail, full.classifyFail) ||
		!reflect.DeepEqual(quick.collected, full.collected) || quick.accepted != full.accepted {
		t.Fatalf("%q: quickRow recorded %+v, the full checks %+v", ln, quick, full)
	}
	if q, f := quick.batch.Record(0), full.batch.Record(0); q != f || quick.batch.ID[0] != full.batch.ID[0] || quick.batch.Line[0] != full.batch.Line[0] {
		t.Fatalf("%q: quickRow decoded %+v, the full checks %+v", ln, q, f)
	}
}

// quickSeeds are rows in the usual shape and near misses of it (a sign, a space, a
// long digit run, a value out of range, a broken rule between cells).
func quickSeeds() []string {
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

// TestQuickRowAgreesWithFullChecks runs checkBoth on the seeds under each rule set.
func TestQuickRowAgreesWithFullChecks(t *testing.T) {
	taken := 0
	for _, ln := range quickSeeds() {
		for v := range uint8(4) {
			checkBoth(t, ln, diffRules(v), false, nil)
			checkBoth(t, ln, diffRules(v), true, nil)
			checkBoth(t, ln, diffRules(v), false, map[uint64]bool{HashIDString("MT-T01-0001"): true})
		}
		rc := newRowChecker(&parser{rules: testRules()}, 2024, quickHeader(false))
		if rc.quickRow([]byte(ln), 2) {
			taken++
		}
	}
	// The usual rows must take the quick path, or the checks above prove nothing.
	if taken < 3 {
		t.Fatalf("quickRow took only %d of the seeds", taken)
	}
}

// FuzzQuickRow runs checkBoth on arbitrary lines, header orders and rule sets.
func FuzzQuickRow(f *testing.F) {
	for _, ln := range quickSeeds() {
		f.Add(ln, uint8(0))
		f.Add(ln, uint8(1))
	}
	f.Fuzz(func(t *testing.T, ln string, variant uint8) {
		if strings.ContainsAny(ln, "\"\n") {
			return // quickRow only sees the lines of quote-free chunks
		}
		var collect map[uint64]bool
		if variant&8 != 0 {
			collect = map[uint64]bool{HashIDString("MT-T01-0001"): true}
		}
		checkBoth(t, ln, diffRules(variant>>1), variant&1 == 1, collect)
	})
}
