package review

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/minhtien/portal/pipeline/problem"
)

// diffRules are the rule sets the differential tests try.
func diffRules(variant uint8) Rules {
	r := testRules()
	switch variant % 4 {
	case 1:
		r.StandardFor = diffStandardFor
	case 2:
		r.Communes = map[string]bool{"12424": true, "12425": true}
		r.StandardFor = diffStandardFor
	case 3:
		r.CommuneCode, r.Villages = "", nil
	}
	return r
}

// streamAll streams b and returns the problems and the records of every batch.
func streamAll(t testing.TB, b []byte, rules Rules, chunk, workers int) ([]problem.Problem, []Record, []int) {
	t.Helper()
	var recs []Record
	var lines []int
	_, ps, err := StreamBytes("2024.csv", b, rules, StreamOptions{Workers: workers, ChunkSize: chunk}, func(bt *Batch) {
		for i := 0; i < bt.Len(); i++ {
			recs = append(recs, bt.Record(i))
			lines = append(lines, int(bt.Line[i]))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return ps, recs, lines
}

// sameAsParse fails unless streaming b gives exactly Parse's problems and, for an
// accepted file, exactly its records and lines.
func sameAsParse(t *testing.T, b []byte, rules Rules, chunk, workers int) {
	t.Helper()
	f, want := Parse("2024.csv", b, rules)
	got, recs, lines := streamAll(t, b, rules, chunk, workers)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("problems differ (chunk %d)\nParse:  %v\nStream: %v", chunk, describe(want), describe(got))
	}
	if problem.HasErrors(want) {
		return
	}
	if !reflect.DeepEqual(recs, f.Records) {
		for i := range min(len(recs), len(f.Records)) {
			if !reflect.DeepEqual(recs[i], f.Records[i]) {
				t.Fatalf("record %d differs:\nParse:  %+v\nStream: %+v", i, f.Records[i], recs[i])
			}
		}
		t.Fatalf("%d records streamed, Parse decoded %d", len(recs), len(f.Records))
	}
	if !reflect.DeepEqual(lines, f.Lines) {
		t.Fatalf("lines differ: %v vs %v", lines, f.Lines)
	}
}

func describe(ps []problem.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  %s@%d:%d %s %v %v", p.Code, p.Line, p.Col, p.Column, p.Args, p.Severity)
	}
	return b.String()
}

func streamSeeds() [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob(filepath.Join("testdata", "reviews", "*", "2024.csv"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, b)
		}
	}
	h := strings.Join(columnNames(), ",")
	r2 := strings.Replace(validRow, "MT-T01-0001", "MT-T01-0002", 1)
	poor := strings.Replace(strings.Replace(r2, "non_poor,", "poor,illness", 1), "5211000", "800000", 1)
	causeNotPoor := strings.Replace(r2, "non_poor,", "non_poor,illness", 1)
	no13 := strings.Replace(strings.Replace(r2, "rural,4,", "rural,13,", 1), ",4\n", ",13\n", 1)
	out = append(out,
		[]byte(h+"\n"+validRow+"\n"+r2+"\n"+validRow+"\n"),                 // duplicate
		[]byte(h+"\r\n"+validRow+"\r\n\r\n"+poor+"\r\n"+causeNotPoor+"\r"), // CRLF, blank line, final CR
		[]byte(h+"\n"+validRow+"\n"+causeNotPoor+"\n"+strings.Replace(causeNotPoor, "MT-T01-0002", "MT-T01-0001", 1)+"\n"),
		[]byte(h+"\n\""+strings.ReplaceAll(validRow, ",", "\",\"")+"\"\n"+r2+"\n"), // quoted
		[]byte(h+"\n"+validRow+"\n\"MT\n"+r2+"\n"),                                 // open quote
		[]byte(h+"\n"+strings.Replace(validRow, ",4", ",13", 1)+"\n"+no13+"\n"),
		[]byte(h+"\n"+strings.Replace(validRow, "12424", "12425", 1)+"\n"+strings.Replace(r2, "12424", "12426", 1)+"\n"),
		[]byte("\ufeff"+h+"\n"+validRow),
	)
	return out
}

// TestStreamMatchesParseOnSeeds runs the differential check on the fixtures and the
// seeds, with several chunk sizes (1 byte forces a chunk per line) and rule sets.
func TestStreamMatchesParseOnSeeds(t *testing.T) {
	for i, b := range streamSeeds() {
		for _, chunk := range []int{1, 64, 300, 1 << 20} {
			for v := range uint8(4) {
				t.Run(fmt.Sprintf("%d/%d/%d", i, chunk, v), func(t *testing.T) {
					sameAsParse(t, b, diffRules(v), chunk, 3)
				})
			}
		}
	}
}

// FuzzStreamMatchesParse proves the streaming reader and its hand-written decoder
// equal to Parse, the gocsv contract: for any bytes, any chunk size and each rule
// set, the same problems (code, line, column, arguments, severity, in order) and,
// for an accepted file, the same records on the same lines.
func FuzzStreamMatchesParse(f *testing.F) {
	for _, b := range streamSeeds() {
		f.Add(b, uint16(64), uint8(1))
	}
	f.Fuzz(func(t *testing.T, b []byte, chunk uint16, variant uint8) {
		sameAsParse(t, b, diffRules(variant), int(chunk%512)+1, 1+int(variant>>6))
	})
}

// FuzzByteChecks compares the allocation-free checks with the originals they replace.
func FuzzByteChecks(f *testing.F) {
	for _, s := range []string{"0912345678", "84 912 345 678", "MT-T01-0001", "123.456.789", " x", "\u00a0x", "x\u2003", "079 123 456 789", "(09)12.345.678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		if got, want := looksLikeIdentifierBytes(b), LooksLikeIdentifier(s); got != want {
			t.Fatalf("LooksLikeIdentifier(%q) = %q, byte check %q", s, want, got)
		}
		if got, want := hasOuterSpace(b), strings.TrimSpace(s) != s; got != want {
			t.Fatalf("spaces(%q) = %v, byte check %v", s, want, got)
		}
		if got, want := isSpaceOnly(b), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("blank(%q) = %v, byte check %v", s, want, got)
		}
		if got, want := codeLike(b, 8, 32), householdID.MatchString(s); got != want {
			t.Fatalf("household(%q) = %v, byte check %v", s, want, got)
		}
		if got, want := codeLike(b, 1, 16), villageCode.MatchString(s); got != want {
			t.Fatalf("village(%q) = %v, byte check %v", s, want, got)
		}
		if got, want := isCommuneCode(b), communeCode.MatchString(s); got != want {
			t.Fatalf("commune(%q) = %v, byte check %v", s, want, got)
		}
	})
}

// TestStreamDuplicateCollision forces every id into one hash bucket's re-check: with
// a set of colliding hashes the second pass must report only real duplicates.
func TestStreamDuplicateAcrossChunks(t *testing.T) {
	h := strings.Join(columnNames(), ",")
	var b strings.Builder
	b.WriteString(h + "\n")
	for i := range 500 {
		b.WriteString(strings.Replace(validRow, "MT-T01-0001", fmt.Sprintf("MT-T01-%04d", i%450), 1) + "\n")
	}
	sameAsParse(t, []byte(b.String()), testRules(), 997, 4)
}

func TestHashIDSpreads(t *testing.T) {
	seen := map[uint64]string{}
	for i := range 200000 {
		id := fmt.Sprintf("HY-%05d-T%02d-%05d", i%104, i%11, i)
		h := HashIDString(id)
		if o, ok := seen[h]; ok {
			t.Fatalf("%s and %s collide", o, id)
		}
		seen[h] = id
	}
}
