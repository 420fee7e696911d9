package e2e_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRunBinary is the whole-run figure: the score binary, 2 workers,
// on a generated corpus of at least SCORE_BENCH_MB megabytes (default 100)
// of JSONL: PolNeAR train from ../shared repeated under fresh ids, or the
// example articles repeated when ../shared is absent. It reports MB/s of
// input and the peak RSS of the score process (getrusage of the child).
// With several runs (-benchtime=Nx) MB/s is their median, with the best and
// the worst beside it: on a shared machine one run's time says little.
//
//	go test -run='^$' -bench=RunBinary -benchtime=5x ./e2e    (make bench)
func BenchmarkRunBinary(b *testing.B) {
	want := int64(100)
	if s := os.Getenv("SCORE_BENCH_MB"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			b.Fatalf("SCORE_BENCH_MB=%q: want a positive number of megabytes", s)
		}
		want = n
	}
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	size, records, from := makeCorpus(b, corpus, want*1e6)
	b.Logf("corpus: %.1f MB, %d articles, from %s", float64(size)/1e6, records, from)

	out := filepath.Join(dir, "out")
	var runs, cpus []float64 // seconds and CPU-seconds of each run
	var rssMB float64
	var sum summaryLine
	for b.Loop() {
		cmd := exec.Command(bin, "run", "-out", out, "-workers", "2", corpus)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("score run: %v\n%s", err, stderr.String())
		}
		runs = append(runs, time.Since(start).Seconds())
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		rssMB = max(rssMB, float64(ru.Maxrss)/1024) // kB on Linux
		cpus = append(cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds())
		if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &sum); err != nil {
			b.Fatalf("summary line: %v\n%s", err, stderr.String())
		}
	}
	slices.Sort(runs)
	slices.Sort(cpus)
	secs, cpuSecs := runs[len(runs)/2], cpus[len(cpus)/2]
	b.ReportMetric(float64(size)/1e6/secs, "MB/s")
	b.ReportMetric(float64(size)/1e6/runs[0], "MB/s-best")
	b.ReportMetric(float64(size)/1e6/runs[len(runs)-1], "MB/s-worst")
	b.ReportMetric(rssMB, "peak-RSS-MB")
	b.ReportMetric(float64(size)/1e6, "corpus-MB")
	// MB per CPU-second does not depend on what else the machine is doing;
	// times 2 it is what 2 idle cores would reach at best.
	b.ReportMetric(float64(size)/1e6/cpuSecs, "MB/cpu-s")
	b.Logf("whole run, 2 workers, median of %d: %.1f MB in %.1f s = %.1f MB/s (best %.1f, worst %.1f; %.1f CPU-s, %.1f MB per CPU-s), peak RSS %.0f MB; "+
		"%d articles, %d rejects, %d quotes, %d stances", len(runs), float64(size)/1e6, secs, float64(size)/1e6/secs,
		float64(size)/1e6/runs[0], float64(size)/1e6/runs[len(runs)-1], cpuSecs,
		float64(size)/1e6/cpuSecs, rssMB, sum.Articles, sum.Rejects, sum.Quotes, sum.Stances)
}

// makeCorpus writes at least want bytes of JSONL to path by repeating a
// source file, each copy under fresh ids (id + "~copy-N") so that none is a
// duplicate. Only the input fields are kept, so the bytes are articles, not
// annotations the reader would skip.
func makeCorpus(b *testing.B, path string, want int64) (size int64, records int, from string) {
	b.Helper()
	shared := os.Getenv("SCORE_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	var lines [][]byte
	for _, p := range []string{filepath.Join(shared, "data", "polnear", "train.jsonl"), examples[0]} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for line := range bytes.Lines(data) {
			if len(bytes.TrimSpace(line)) > 0 {
				lines = append(lines, line)
			}
		}
		if len(lines) > 0 {
			from = p
			break
		}
	}
	if len(lines) == 0 {
		b.Skip("no corpus source: neither ../shared/data/polnear/train.jsonl nor the examples")
	}
	type article struct {
		ID        string `json:"id"`
		Outlet    string `json:"outlet,omitempty"`
		URL       string `json:"url,omitempty"`
		Published string `json:"published,omitempty"`
		Title     string `json:"title,omitempty"`
		Text      string `json:"text"`
	}
	arts := make([]article, 0, len(lines))
	for _, l := range lines {
		var a article
		if err := json.Unmarshal(l, &a); err != nil {
			b.Fatalf("%s: %v", from, err)
		}
		arts = append(arts, a)
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: w}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for copyN := 0; cw.n < want; copyN++ {
		for _, a := range arts {
			a.ID = fmt.Sprintf("%s~copy-%d", a.ID, copyN)
			if err := enc.Encode(a); err != nil {
				b.Fatal(err)
			}
			records++
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return cw.n, records, from
}

type countWriter struct {
	w *bufio.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
