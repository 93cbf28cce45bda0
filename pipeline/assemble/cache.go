package assemble

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/minhtien/portal/pipeline/indicator"
	"github.com/minhtien/portal/pipeline/paths"
	"github.com/minhtien/portal/pipeline/problem"
	"github.com/minhtien/portal/pipeline/seal"
)

// cacheSchema names the layout of build/cache; bump it whenever what the cache holds,
// or what it is derived from, changes. The portal's own executable is hashed into
// every key too, so a rebuilt portal never reuses an older one's results.
const cacheSchema = "portal build cache 1"

// sumsMagic opens build/cache/sums.bin.
const sumsMagic = "portal-sums\n"

// buildCache reuses what a build derived from inputs that did not change: the
// review sums (sums.bin), and for a province or a nation, whose site reads nothing
// but data/ and the templates, the whole of build/ (build.json). Every key is the
// SHA-256 of the portal's executable, cacheSchema and the content of each input
// file. Sealed household files are never cached: their sums are not kept in the
// clear, and a build without the key must not publish them.
type buildCache struct {
	l   paths.Layout
	log io.Writer
	mu  sync.Mutex
	sum map[string][32]byte // content hash of each file read, by path
}

func newBuildCache(l paths.Layout, log io.Writer) *buildCache {
	return &buildCache{l: l, log: log, sum: map[string][32]byte{}}
}

// portalVersion is the hash of the running executable and its build information:
// any change to the portal's code changes it.
var portalVersion = sync.OnceValues(func() ([32]byte, error) {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, bi.String())
	}
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}, fmt.Errorf("cache: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, fmt.Errorf("cache: %w", err)
	}
	return [32]byte(h.Sum(nil)), nil
})

// hash returns the content hash of every file, reading those not hashed yet on
// every core.
func (c *buildCache) hash(files []string) (map[string][32]byte, error) {
	var todo []string
	c.mu.Lock()
	for _, f := range files {
		if _, ok := c.sum[f]; !ok {
			todo = append(todo, f)
		}
	}
	c.mu.Unlock()
	work := make(chan string)
	errs := make(chan error, len(todo))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(todo), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				s, err := hashFile(p)
				if err != nil {
					errs <- err
					continue
				}
				c.mu.Lock()
				c.sum[p] = s
				c.mu.Unlock()
			}
		}()
	}
	for _, p := range todo {
		work <- p
	}
	close(work)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string][32]byte, len(files))
	for _, f := range files {
		out[f] = c.sum[f]
	}
	return out, nil
}

func hashFile(p string) ([32]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, fmt.Errorf("cache: %w", err)
	}
	return [32]byte(h.Sum(nil)), nil
}

// key is the hash of the portal, the kind of result and each file's name and content,
// in the order given. A missing file counts as such (a registry that appears changes
// the key). It fails, and nothing is cached, when a file is sealed.
func (c *buildCache) key(kind string, files []string) (string, error) {
	var present []string
	for _, f := range files {
		if seal.IsSealed(f) {
			return "", errors.New("cache: sealed household files are not cached")
		}
		if _, err := os.Stat(f); err == nil {
			present = append(present, f)
		}
	}
	sums, err := c.hash(present)
	if err != nil {
		return "", err
	}
	v, err := portalVersion()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%x\x00%s\x00", cacheSchema, v, kind)
	for _, f := range files {
		s, ok := sums[f]
		fmt.Fprintf(h, "%s\x00%t\x00%x\x00", f, ok, s)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sumsInputs are the files the review sums are derived from: the settings that say
// which units and standards are counted, and the reviews.
func (c *buildCache) sumsInputs(reviews []string) []string {
	return append([]string{c.l.PortalConfig(), c.l.Units(), c.l.Standards()}, reviews...)
}

// sumsMeta is what streamReviews returns besides the sums.
type sumsMeta struct {
	Years    []int
	Rows     int
	Problems []problem.Problem
}

// loadSums returns the sums saved for these very inputs, or ok false.
func (c *buildCache) loadSums(reviews []string, spec indicator.Spec) (agg *indicator.Aggregator, meta sumsMeta, ok bool) {
	key, err := c.key("sums", c.sumsInputs(reviews))
	if err != nil {
		return nil, meta, false
	}
	b, err := os.ReadFile(c.l.SumsCache())
	if err != nil || len(b) < len(sumsMagic)+len(key)+sha256.Size {
		return nil, meta, false
	}
	body, check := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if sha256.Sum256(body) != [32]byte(check) || string(body[:len(sumsMagic)]) != sumsMagic {
		return nil, meta, false
	}
	body = body[len(sumsMagic):]
	if string(body[:len(key)]) != key {
		return nil, meta, false
	}
	body = body[len(key):]
	n, k := binary.Uvarint(body)
	if k <= 0 || n > uint64(len(body)-k) {
		return nil, meta, false
	}
	if err := gob.NewDecoder(bytes.NewReader(body[k : k+int(n)])).Decode(&meta); err != nil {
		return nil, meta, false
	}
	agg, err = indicator.RestoreAggregator(spec, len(meta.Years), body[k+int(n):])
	if err != nil {
		return nil, meta, false
	}
	fmt.Fprintln(c.log, "the reviews and settings are those of the last build: their sums were read from build/cache")
	return agg, meta, true
}

// saveSums keeps the sums for the next build; a failure only costs that build the
// reading.
func (c *buildCache) saveSums(reviews []string, agg *indicator.Aggregator, meta sumsMeta) {
	for _, p := range meta.Problems {
		if p.Severity == problem.SeverityError {
			return // nothing is published from these sums
		}
	}
	key, err := c.key("sums", c.sumsInputs(reviews))
	if err != nil {
		return
	}
	sums, err := agg.MarshalSums()
	if err != nil {
		return
	}
	var m bytes.Buffer
	if err := gob.NewEncoder(&m).Encode(meta); err != nil {
		return
	}
	b := append([]byte(sumsMagic+key), binary.AppendUvarint(nil, uint64(m.Len()))...)
	b = append(append(b, m.Bytes()...), sums...)
	s := sha256.Sum256(b)
	writeAtomically(c.l.SumsCache(), append(b, s[:]...))
}

// writeAtomically replaces path with b through a temporary file, so a reader never
// meets half of it; errors are dropped (a cache that cannot be written is missed).
func writeAtomically(path string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
	}
}

// dataFiles lists every file under data/, sorted: everything a province's or a
// nation's build/ is written from.
func dataFiles(l paths.Layout) ([]string, error) {
	var out []string
	err := filepath.WalkDir(l.Data, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		} else if !d.IsDir() {
			return fmt.Errorf("cache: %s is neither a file nor a folder", p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
