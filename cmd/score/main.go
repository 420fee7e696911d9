// Command score finds quotes, speakers, tone and stance in news articles and
// writes them as Parquet tables.
//
//	score run -out DIR INPUT...      score articles into DIR/<table>/*.parquet
//
// Exit status: 0 when the command completed (rejected records included), 1
// when it failed, 2 for a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `score finds quotes, speakers, tone and stance in news articles.

Usage:
  score run -out DIR [flags] INPUT...   score articles into Parquet tables under DIR
  score report -out DIR [TABLES...]     compare outlets: a terminal table and DIR/report.html
  score eval -gold FILE [flags]         measure the pipeline on annotated articles

Run 'score COMMAND -h' for a command's flags.
`

// errUsage marks a usage error: exit status 2.
var errUsage = errors.New("usage")

// commands maps a sub-command to its function. Each reads its own flags.
var commands = map[string]func(args []string, stdout, stderr io.Writer) error{
	"run":    runCmd,
	"eval":   evalCmd,
	"report": reportCmd,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "score: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "score %s: %v\n", args[0], err)
	return 1
}

// parseFlags parses a command's flags: flag.ErrHelp for -h (exit 0), errUsage
// for a bad flag (exit 2; the flag package has printed why).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
