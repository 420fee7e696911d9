package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"score/lexicons"
	"score/pipeline"
)

// loadModel reads the lexicons: the embedded ones, or those in dir.
func loadModel(dir string) (*pipeline.Model, error) {
	if dir == "" {
		return pipeline.NewModel(lexicons.Default()), nil
	}
	lx, err := lexicons.Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("lexicons in %s:\n%w", dir, err)
	}
	return pipeline.NewModel(lx), nil
}

func runCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "outputs", "output `directory`; its tables are replaced when the run completes")
	workers := fs.Int("workers", runtime.NumCPU(), "articles processed at once")
	maxSize := fs.Int("max-size", pipeline.DefaultMaxSize, "largest accepted article text, in `bytes`")
	lexDir := fs.String("lexicons", "", "read the lexicons from this `directory` instead of the built-in ones")
	quiet := fs.Bool("quiet", false, "no progress bar, even on a terminal")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: score run -out DIR [flags] INPUT...\n\n"+
			"INPUT is a .jsonl or .jsonl.gz file (one article per line), a .txt file, or a\n"+
			"directory of them (with an optional manifest.csv or manifest.jsonl).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "score run: no input given")
		fs.Usage()
		return errUsage
	}
	if *workers < 1 || *maxSize < 1 {
		fmt.Fprintln(stderr, "score run: -workers and -max-size must be positive")
		return errUsage
	}
	model, err := loadModel(*lexDir)
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Inputs: fs.Args(), Out: *out, Workers: *workers, MaxSize: *maxSize, Model: model}

	// A progress bar on a terminal; nothing but the summary line otherwise.
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) {
		bar = progressbar.NewOptions64(pipeline.InputSize(cfg.Inputs),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("scoring"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionClearOnFinish(),
		)
		cfg.Progress = func(records int, read int64) {
			bar.Set64(read)
			bar.Describe(fmt.Sprintf("scoring: %d records", records))
		}
	}
	setGC()
	sum, err := pipeline.Run(cfg)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	line, _ := json.Marshal(map[string]any{
		"articles": sum.Articles, "rejects": sum.Rejects, "quotes": sum.Quotes, "stances": sum.Stances,
		"mb_per_s": round2(sum.MBPerSec), "seconds": round2(sum.Seconds), "out": sum.OutputDir,
	})
	fmt.Fprintln(stderr, string(line))
	return nil
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

// setGC is the command's garbage collector policy for a run, unless the
// GOGC and GOMEMLIMIT environment variables say otherwise: the heap may grow
// to three times what is live (GOGC=200) within a soft limit of 384 MiB.
// Most of what a run allocates is one article's garbage; collecting it half
// as often saves CPU time for a few tens of MB, and the limit keeps a large
// run well under 500 MB. The command owns the process, so the library
// (pipeline.Run) leaves these settings alone.
func setGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(384 << 20)
	}
}
