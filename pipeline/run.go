package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// Version is written to DIR/_run.json.
const Version = "0.1.0"

// Config is one run.
type Config struct {
	Inputs  []string // files or directories (SPEC section 2)
	Out     string   // the output directory; its tables are replaced at the end
	Workers int      // articles processed at once; 0 means all cores
	MaxSize int      // largest accepted article text, in bytes
	Model   *Model
	// Progress, when set, is called from one goroutine after each record is
	// written, with the raw input bytes read so far.
	Progress func(records int, inputBytes int64)
}

// Summary is what a run did; it is also written to DIR/_run.json.
type Summary struct {
	Version   string            `json:"version"`
	Inputs    []string          `json:"inputs"`
	Workers   int               `json:"workers"`
	Articles  int               `json:"articles"`
	Rejects   int               `json:"rejects"`
	Quotes    int               `json:"quotes"`
	Stances   int               `json:"stances"`
	Bytes     int64             `json:"input_bytes"`
	Seconds   float64           `json:"seconds"`
	MBPerSec  float64           `json:"mb_per_s"`
	Started   time.Time         `json:"started"`
	Lexicons  map[string]string `json:"lexicon_sha256"`
	Reasons   map[string]int    `json:"reject_reasons,omitempty"`
	Timings   map[string]string `json:"timings"`
	OutputDir string            `json:"output_dir"`
}

// DefaultMaxSize is the default limit on one article's text.
const DefaultMaxSize = 5 << 20

// Run reads every input, processes the articles on a bounded pool of
// workers and writes the tables under cfg.Out. Tables are written to a
// temporary directory and renamed into place at the end, so a failed or
// killed run leaves the previous tables as they were. Output order is input
// order whatever the number of workers, so the same input gives the same
// bytes. Run fails only when it cannot run: unreadable input, unwritable
// output. Run changes no process-wide setting: the garbage collector's is
// the command's to choose (cmd/score).
func Run(cfg Config) (Summary, error) {
	start := time.Now()
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = DefaultMaxSize
	}
	sum := Summary{Version: Version, Inputs: cfg.Inputs, Workers: cfg.Workers, Started: start.UTC().Truncate(time.Second),
		Lexicons: cfg.Model.Lex.Sums, Reasons: map[string]int{}, OutputDir: cfg.Out}
	for _, p := range cfg.Inputs {
		if _, err := os.Stat(p); err != nil {
			return sum, fmt.Errorf("reading input: %w", err)
		}
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return sum, fmt.Errorf("creating output directory: %w", err)
	}
	tmp, err := os.MkdirTemp(cfg.Out, ".run-")
	if err != nil {
		return sum, fmt.Errorf("creating output directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	w, err := newTableWriter(tmp)
	if err != nil {
		return sum, err
	}

	// reader -> jobs -> workers -> results -> writer (in input order).
	// inflight bounds the records between reading and writing, so memory
	// stays flat however large the input and however slow one article.
	inflight := make(chan struct{}, cfg.Workers*16)
	jobs := make(chan item, cfg.Workers*4)
	results := make(chan processed, cfg.Workers*4)
	var readBytes int64
	var mu sync.Mutex
	readErr := make(chan error, 1)
	go func() {
		rd := &reader{maxSize: cfg.MaxSize, seen: map[string][32]byte{},
			read: func(n int) { mu.Lock(); readBytes += int64(n); mu.Unlock() },
			emit: func(it item) { inflight <- struct{}{}; jobs <- it }}
		readErr <- rd.readAll(cfg.Inputs)
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				p := processed{item: it}
				if it.reject == nil {
					p.result = process(it.article, it.sum, cfg.Model)
				}
				results <- p
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var writeErr error
	pending := map[int]processed{}
	next := 0
	for p := range results {
		pending[p.seq] = p
		for {
			q, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-inflight
			if writeErr != nil {
				continue // drain so the workers finish
			}
			if q.reject != nil {
				sum.Rejects++
				sum.Reasons[reasonKind(q.reject.Reason)]++
				writeErr = w.writeReject(q.reject)
			} else {
				sum.Articles++
				sum.Quotes += len(q.result.Quotes)
				sum.Stances += len(q.result.Stances)
				writeErr = w.writeResult(&q.result)
			}
			if cfg.Progress != nil {
				mu.Lock()
				n := readBytes
				mu.Unlock()
				cfg.Progress(next, n)
			}
		}
	}
	if err := <-readErr; err != nil {
		w.abort()
		return sum, err
	}
	if err := w.close(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return sum, fmt.Errorf("writing tables: %w", writeErr)
	}
	sum.Bytes = readBytes
	if err := install(tmp, cfg.Out); err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.MBPerSec = float64(sum.Bytes) / 1e6 / sum.Seconds
	}
	sum.Timings = map[string]string{"total": time.Since(start).Round(time.Millisecond).String()}
	if len(sum.Reasons) == 0 {
		sum.Reasons = nil
	}
	if err := writeRunJSON(cfg.Out, sum); err != nil {
		return sum, err
	}
	return sum, nil
}

type processed struct {
	item
	result Result
}

// reasonKind is a reject reason without the article id, for counting.
func reasonKind(reason string) string {
	if i := len(`article "`); len(reason) > i && reason[:i] == `article "` {
		for j := i; j < len(reason)-2; j++ {
			if reason[j] == '"' && reason[j+1] == ':' {
				return reason[j+3:]
			}
		}
	}
	if len(reason) > 40 {
		return reason[:40]
	}
	return reason
}

// install moves the finished tables from tmp into out, replacing the old
// ones. Each table directory is swapped by renames, so a reader sees the old
// table or the new one, and a crash leaves at worst an .old- directory behind.
func install(tmp, out string) error {
	for _, name := range Tables {
		dst := filepath.Join(out, name)
		old := filepath.Join(out, ".old-"+name)
		os.RemoveAll(old)
		if err := os.Rename(dst, old); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("replacing table %s: %w", name, err)
		}
		if err := os.Rename(filepath.Join(tmp, name), dst); err != nil {
			os.Rename(old, dst)
			return fmt.Errorf("installing table %s: %w", name, err)
		}
		os.RemoveAll(old)
	}
	return nil
}

func writeRunJSON(out string, sum Summary) error {
	b, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(out, ".run.json.tmp")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing run metadata: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(out, "_run.json")); err != nil {
		return fmt.Errorf("writing run metadata: %w", err)
	}
	return nil
}
