package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// startPeakHeapProfile samples the live heap every 50 ms and, each time it passes
// its highest yet by 5%, takes a heap profile; stop writes the last one taken to
// path. The collections it forces slow the build a little. A profile at the end of a build would show what is left, not what set the
// peak memory, which is what the build is judged by.
func startPeakHeapProfile(path string) (stop func() error) {
	done := make(chan struct{})
	result := make(chan []byte)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var best uint64
		var prof []byte
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				result <- prof
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > best+best/20 {
				// A heap profile is as of the last collections but one or
				// two: collect twice so that it shows this heap.
				runtime.GC()
				runtime.GC()
				var b bytes.Buffer
				if pprof.Lookup("heap").WriteTo(&b, 0) == nil {
					best, prof = live, b.Bytes()
				}
			}
		}
	}()
	return func() error {
		close(done)
		if err := os.WriteFile(path, <-result, 0o644); err != nil {
			return fmt.Errorf("build: %w", err)
		}
		return nil
	}
}
