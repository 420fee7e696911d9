package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"score/eval"
	"score/pipeline"
)

func evalCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "", "the gold `file`: annotated articles, one JSON object a line")
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	mistakes := fs.Bool("errors", false, "list every missed and spurious quote, wrong speaker and wrong stance")
	workers := fs.Int("workers", runtime.NumCPU(), "articles processed at once")
	maxSize := fs.Int("max-size", pipeline.DefaultMaxSize, "largest accepted article text, in `bytes`, as for score run")
	lexDir := fs.String("lexicons", "", "read the lexicons from this `directory` instead of the built-in ones")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: score eval -gold FILE [flags]\n\n"+
			"Runs the pipeline on the gold file's texts and compares what it finds with the\n"+
			"annotations: quote P/R/F1, speaker accuracy, tone macro-F1, stance triple F1.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "score eval: give the gold file with -gold and nothing else")
		fs.Usage()
		return errUsage
	}
	if *workers < 1 || *maxSize < 1 {
		fmt.Fprintln(stderr, "score eval: -workers and -max-size must be positive")
		return errUsage
	}
	model, err := loadModel(*lexDir)
	if err != nil {
		return err
	}
	articles, err := eval.ReadGold(*gold, model.Lex.TopicIDs())
	if err != nil {
		// A gold file that cannot be used is a usage error, like a bad flag.
		var list eval.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintf(stderr, "score eval: cannot use the gold file:\n%v\n", list)
		} else if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "score eval: %v\n", err)
		} else {
			return err
		}
		return errUsage
	}
	r := eval.Evaluate(articles, model, *workers, *maxSize)
	if *asJSON {
		return r.WriteJSON(stdout, *mistakes)
	}
	if *mistakes {
		if err := r.WriteMistakes(stdout); err != nil {
			return err
		}
		fmt.Fprintln(stdout)
	}
	return r.WriteText(stdout)
}
