package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"score/report"
)

func reportCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "outputs", "`directory` where report.html is written; its tables are read when no TABLES is given")
	sortBy := fs.String("sort", "tone", "outlet `order`: "+strings.Join(report.SortOrders, ", "))
	top := fs.Int("top", 5, "most quoted speakers listed per outlet")
	resamples := fs.Int("resamples", 2000, "bootstrap resamples for the 95% intervals")
	seed := fs.Uint64("seed", 1, "bootstrap seed")
	title := fs.String("title", "", "page title")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: score report -out DIR [flags] [TABLES...]\n\n"+
			"Compares outlets over the tables of one or more runs: prints a table per outlet\n"+
			"and writes DIR/report.html. Tables are read from every TABLES/**/<table>/**/*.parquet\n"+
			"(TABLES defaults to DIR): a run's directory, several of them, or a parent of\n"+
			"nightly run directories. An article in several runs is counted once.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *top < 1 || *resamples < 1 {
		fmt.Fprintln(stderr, "score report: -top and -resamples must be positive")
		return errUsage
	}
	if !slices.Contains(report.SortOrders, *sortBy) {
		fmt.Fprintf(stderr, "score report: -sort must be one of %s\n", strings.Join(report.SortOrders, ", "))
		return errUsage
	}
	start := time.Now()
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{*out}
	}
	runs, err := report.FindRuns(paths)
	if err != nil {
		return err
	}
	rep, err := report.Build(runs, report.Options{Top: *top, Resamples: *resamples, Seed: *seed, Sort: *sortBy})
	if err != nil {
		return err
	}
	if err := report.WriteText(stdout, rep); err != nil {
		return err
	}
	var page bytes.Buffer
	if err := report.WriteHTML(&page, rep, *title); err != nil {
		return fmt.Errorf("rendering the page: %w", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("creating output directory: %w", err)
	}
	path := filepath.Join(*out, "report.html")
	if err := writeFileAtomic(path, page.Bytes()); err != nil {
		return err
	}
	line, _ := json.Marshal(map[string]any{
		"outlets": len(rep.Outlets), "articles": rep.Articles, "quotes": rep.Quotes, "stances": rep.Stances,
		"runs": len(rep.Runs), "seconds": round2(time.Since(start).Seconds()), "page": path,
	})
	fmt.Fprintln(stderr, string(line))
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a reader never sees half a page.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".report-*.html")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
