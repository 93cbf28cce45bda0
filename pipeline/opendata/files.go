package opendata

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Files is the folder of the open data and the size and SHA-256 of every file written
// into it. Each file is hashed as its bytes go to disk (io.MultiWriter), never read
// back: a province's downloads are hundreds of megabytes. Safe for concurrent use.
type Files struct {
	root string
	mu   sync.Mutex
	sums map[string]Sum
}

// Sum is a written file's size and SHA-256 (hex).
type Sum struct {
	Bytes  int64
	SHA256 string
}

// NewFiles writes into root (created when needed).
func NewFiles(root string) *Files {
	return &Files{root: root, sums: map[string]Sum{}}
}

// Root is the folder the files are written into.
func (fs *Files) Root() string { return fs.root }

// File is one file being written; Close records its checksum.
type File struct {
	fs   *Files
	rel  string
	f    *os.File
	bw   *bufio.Writer
	h    hash.Hash
	n    int64
	done bool
}

// Create starts the file rel ("/"-separated, relative to the root).
func (fs *Files) Create(rel string) (*File, error) {
	path := filepath.Join(fs.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("opendata: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("opendata: %w", err)
	}
	o := &File{fs: fs, rel: rel, f: f, h: sha256.New()}
	o.bw = bufio.NewWriterSize(io.MultiWriter(f, o.h), 1<<20)
	return o, nil
}

// Write implements io.Writer.
func (o *File) Write(p []byte) (int, error) {
	n, err := o.bw.Write(p)
	o.n += int64(n)
	return n, err
}

// Close flushes the file, closes it and records its size and hash. Closing twice
// does nothing; a file closed after an error is not recorded.
func (o *File) Close() error {
	if o.done {
		return nil
	}
	o.done = true
	err := o.bw.Flush()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("opendata: %s: %w", o.rel, err)
	}
	o.fs.record(o.rel, Sum{Bytes: o.n, SHA256: hex.EncodeToString(o.h.Sum(nil))})
	return nil
}

// Abort closes the file without recording it and removes it.
func (o *File) Abort() {
	if o.done {
		return
	}
	o.done = true
	o.f.Close()
	os.Remove(o.f.Name())
}

// WriteFile writes a whole file from memory.
func (fs *Files) WriteFile(rel string, b []byte) error {
	o, err := fs.Create(rel)
	if err != nil {
		return err
	}
	if _, err := o.Write(b); err != nil {
		o.Abort()
		return fmt.Errorf("opendata: %s: %w", rel, err)
	}
	return o.Close()
}

// Write creates rel and hands it to write; the file is recorded only if write and
// the close succeed.
func (fs *Files) Write(rel string, write func(w io.Writer) error) error {
	o, err := fs.Create(rel)
	if err != nil {
		return err
	}
	if err := write(o); err != nil {
		o.Abort()
		return fmt.Errorf("opendata: %s: %w", rel, err)
	}
	return o.Close()
}

func (fs *Files) record(rel string, s Sum) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.sums[rel] = s
}

// Remove deletes a written file and forgets its checksum.
func (fs *Files) Remove(rel string) error {
	fs.mu.Lock()
	delete(fs.sums, rel)
	fs.mu.Unlock()
	return os.Remove(filepath.Join(fs.root, filepath.FromSlash(rel)))
}

// Listed is a file of the folder with its checksum.
type Listed struct {
	Path string // relative to the root, "/"-separated
	Sum
}

// List returns every file under the root, sorted by path, with the checksum taken
// while it was written. A file that was not written through Files is an error, not
// read back: it would be a download no checksum was computed for as it was made.
func (fs *Files) List() ([]Listed, error) {
	var out []Listed
	err := filepath.WalkDir(fs.root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fs.root, path)
		rel = filepath.ToSlash(rel)
		fs.mu.Lock()
		s, ok := fs.sums[rel]
		fs.mu.Unlock()
		if !ok {
			return fmt.Errorf("opendata: %s was not written through opendata.Files, so it has no checksum", rel)
		}
		out = append(out, Listed{Path: rel, Sum: s})
		return nil
	})
	if os.IsNotExist(err) {
		return nil, nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}
