package paths

import "path/filepath"

// Cache is build/cache, what the pipeline derived from inputs that did not change
// since the last build (see assemble's cache.go). It is never mounted into Hugo and
// never copied into the output, and build/ is not committed.
func (l Layout) Cache() string { return filepath.Join(l.Build, "cache") }

// CacheAside is where build/cache waits while build/ is replaced, beside build/.
func (l Layout) CacheAside() string { return l.Build + ".cache" }

// SumsCache is build/cache/sums.bin: the review sums and the input hashes they were
// derived from.
func (l Layout) SumsCache() string { return filepath.Join(l.Cache(), "sums.bin") }

// BuildStamp is build/cache/build.json: the hash of the inputs build/ was written
// from, present only while build/ is complete.
func (l Layout) BuildStamp() string { return filepath.Join(l.Cache(), "build.json") }
