package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"score/lexicons"
)

// benchCorpus is the text the stage benchmarks run on: the first few MB of
// PolNeAR train (US political news) from ../shared when it is there, else
// the example articles. SCORE_SHARED overrides where the shared directory is.
func benchCorpus(b *testing.B) []Article {
	b.Helper()
	shared := os.Getenv("SCORE_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	const limit = 4 << 20
	var arts []Article
	for _, p := range []string{filepath.Join(shared, "data", "polnear", "train.jsonl"), filepath.Join("..", "examples", "articles.jsonl")} {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		size := 0
		for sc.Scan() && size < limit {
			var a struct{ ID, Text string }
			if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
				arts = append(arts, Article{ID: a.ID, Text: Normalize(a.Text)})
				size += len(a.Text)
			}
		}
		f.Close()
		if len(arts) > 0 {
			b.Logf("corpus: %d articles, %.1f MB of text from %s", len(arts), float64(size)/1e6, p)
			return arts
		}
	}
	b.Skip("no corpus: neither ../shared/data/polnear/train.jsonl nor ../examples/articles.jsonl")
	return nil
}

func textBytes(arts []Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	return n
}

// cpuTime is the CPU time (user and system) this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs body in a b.Loop and also reports MB per CPU-second, which
// unlike MB/s does not depend on what else a shared machine is doing (the
// garbage collector's work counts, on whatever core it runs).
func loopCPU(b *testing.B, size int64, body func()) {
	b.Helper()
	b.SetBytes(size)
	n := 0
	var cpu0 time.Duration
	for b.Loop() {
		if n == 0 {
			cpu0 = cpuTime()
		}
		body()
		n++
	}
	if secs := (cpuTime() - cpu0).Seconds(); secs > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/secs, "MB/cpu-s")
	}
}

// BenchmarkStages measures each stage alone, in MB/s of article text, on one
// core. Each stage gets the output of the stages before it, computed once
// outside the timer. "process" is all of them (Process), "write" the Parquet
// writer on Process's results.
func BenchmarkStages(b *testing.B) {
	arts := benchCorpus(b)
	m := NewModel(lexicons.Default())
	size := textBytes(arts)
	sents := make([][]Sentence, len(arts))
	toks := make([]Tokens, len(arts))
	quotes := make([][]Quote, len(arts))
	results := make([]Result, len(arts))
	for i, a := range arts {
		sents[i] = Segment(a.Text, m.Lex)
		toks[i] = Tokenize(a.Text, sents[i])
		quotes[i] = FindQuotes(a.Text, sents[i], toks[i], m.Lex)
		results[i] = Process(a, m)
	}

	b.Run("segment", func(b *testing.B) {
		loopCPU(b, size, func() {
			for _, a := range arts {
				Segment(a.Text, m.Lex)
			}
		})
	})
	b.Run("tokens", func(b *testing.B) {
		loopCPU(b, size, func() {
			for i, a := range arts {
				Tokenize(a.Text, sents[i])
			}
		})
	})
	b.Run("quotes", func(b *testing.B) {
		loopCPU(b, size, func() {
			for i, a := range arts {
				FindQuotes(a.Text, sents[i], toks[i], m.Lex)
			}
		})
	})
	b.Run("speakers", func(b *testing.B) {
		qs := make([]Quote, 0, 256)
		loopCPU(b, size, func() {
			for i, a := range arts {
				qs = append(qs[:0], quotes[i]...) // ResolveSpeakers fills them in place
				ResolveSpeakers(a.Text, sents[i], toks[i], qs, m.Lex)
			}
		})
	})
	b.Run("tone", func(b *testing.B) {
		// What Process asks of the tone scorer: each quote, and the whole
		// text sentence by sentence.
		loopCPU(b, size, func() {
			for i, a := range arts {
				for _, q := range results[i].Quotes {
					m.tone.Quote(a.Text[q.Start:q.End])
				}
				m.tone.sentences(a.Text, sents[i])
			}
		})
	})
	b.Run("stance", func(b *testing.B) {
		loopCPU(b, size, func() {
			for i, a := range arts {
				findStances(a.Text, sents[i], toks[i], results[i].Quotes, m.topics)
			}
		})
	})
	b.Run("process", func(b *testing.B) {
		loopCPU(b, size, func() {
			for _, a := range arts {
				Process(a, m)
			}
		})
	})
	b.Run("write", func(b *testing.B) {
		dir := b.TempDir()
		loopCPU(b, size, func() {
			w, err := newTableWriter(dir)
			if err != nil {
				b.Fatal(err)
			}
			for i := range results {
				if err := w.writeResult(&results[i]); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.close(); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// benchInput is PolNeAR train, the file the whole-run figures are quoted
// on, or the example articles; SCORE_BENCH_INPUT overrides it.
func benchInput(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("SCORE_BENCH_INPUT"); p != "" {
		return p
	}
	shared := os.Getenv("SCORE_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	for _, p := range []string{filepath.Join(shared, "data", "polnear", "train.jsonl"), filepath.Join("..", "examples", "articles.jsonl")} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	b.Skip("no input: neither ../shared/data/polnear/train.jsonl nor ../examples/articles.jsonl")
	return ""
}

// BenchmarkRun is Run, in this process, on PolNeAR train with 2 workers:
// MB/s of input (not of text, unlike BenchmarkStages), for profiling the
// whole run with -cpuprofile. The e2e benchmark times the binary.
func BenchmarkRun(b *testing.B) {
	in := benchInput(b)
	info, err := os.Stat(in)
	if err != nil {
		b.Fatal(err)
	}
	m := NewModel(lexicons.Default())
	out := b.TempDir()
	loopCPU(b, info.Size(), func() {
		if _, err := Run(Config{Inputs: []string{in}, Out: out, Workers: 2, Model: m}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkRead is the reader alone: JSON decoding and every check of a
// record, in MB/s of input.
func BenchmarkRead(b *testing.B) {
	in := benchInput(b)
	info, err := os.Stat(in)
	if err != nil {
		b.Fatal(err)
	}
	loopCPU(b, info.Size(), func() {
		rd := &reader{maxSize: DefaultMaxSize, seen: map[string][32]byte{}, emit: func(item) {}}
		if err := rd.readAll([]string{in}); err != nil {
			b.Fatal(err)
		}
	})
}
