// Package e2e_test runs the score binary as a user would, on the example
// articles, and reads the tables back with DuckDB, a reader independent of
// the one that wrote them (duckdb-check.mjs, through node).
//
// DuckDB comes from npm: e2e/install-duckdb.sh installs it into
// e2e/node_modules (make test runs it). Without it the DuckDB checks skip
// locally and fail under CI=true, so CI can never pass without them.
package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// bin is the score binary, built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "score-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "score")
	build := exec.Command("go", "build", "-o", bin, "../cmd/score")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building score: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// examples are the inputs `make run` scores: a JSONL file and a directory of
// .txt files with a manifest.
var examples = []string{"../examples/articles.jsonl", "../examples/wire"}

const exampleArticles = 12

// badRecords is a JSONL file that exercises the rejects table and code-point
// offsets: an article whose text has characters outside the BMP (flags,
// emoji) and combining marks before and inside its quotes, then one bad
// record of each kind the SPEC names that JSONL can carry.
var badRecords = strings.Join([]string{
	`{"id": "e2e-astral", "outlet": "E2E Test Outlet", "published": "2025-03-30T09:15:00Z", "title": "Flags 🇺🇦 and accents", ` +
		`"text": "Kyiv 🇺🇦🇺🇦 — Crowds waved flags and 🎉 balloons in Café Mézières.\n\n“We will never accept the loss of our land 🇺🇦,” Zelensky said on Sunday.\n\nRusso-Ukrainian talks, the Kremlin said, would resume. Peskov said that the Kremlin saw “no alternative” to talks."}`,
	`{"id": "e2e-malformed", "text": "an unterminated string}`,
	`{"id": "e2e-empty", "outlet": "E2E Test Outlet", "text": ""}`,
	`{"id": "mp-2025-02-12-call", "outlet": "E2E Test Outlet", "text": "The same id as an example article, with different text."}`,
}, "\n") + "\n"

const (
	badArticles = 1 // e2e-astral
	badRejects  = 3
)

// summaryLine is the JSON line score run prints on stderr when stderr is
// not a terminal.
type summaryLine struct {
	Articles int     `json:"articles"`
	Rejects  int     `json:"rejects"`
	Quotes   int     `json:"quotes"`
	Stances  int     `json:"stances"`
	MBPerSec float64 `json:"mb_per_s"`
	Seconds  float64 `json:"seconds"`
	Out      string  `json:"out"`
}

// runScore runs the binary with no terminal and no stdin, and returns the
// summary line it printed on stderr.
func runScore(t *testing.T, args ...string) summaryLine {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("score %s: %v\nstderr:\n%s", strings.Join(args, " "), err, stderr.String())
	}
	// Without a terminal: no progress bar, exactly one line on stderr, and
	// it is a JSON object.
	lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("score %s: want one summary line on stderr, got %d lines:\n%s", strings.Join(args, " "), len(lines), stderr.String())
	}
	var sum summaryLine
	dec := json.NewDecoder(strings.NewReader(lines[0]))
	if err := dec.Decode(&sum); err != nil {
		t.Fatalf("score %s: stderr line is not a JSON summary: %v\n%s", strings.Join(args, " "), err, lines[0])
	}
	if stdout.Len() != 0 {
		t.Errorf("score %s: want nothing on stdout, got:\n%s", strings.Join(args, " "), stdout.String())
	}
	return sum
}

// duckdb is what duckdb-check.mjs reports.
type duckdb struct {
	Version string `json:"duckdb_version"`
	Tables  map[string]struct {
		Rows    int `json:"rows"`
		Columns []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"columns"`
	} `json:"tables"`
	OffsetMismatches    int              `json:"offset_mismatches"`
	OffsetExamples      []map[string]any `json:"offset_examples"`
	QuotesChecked       int              `json:"quotes_checked"`
	OrphanQuotes        int              `json:"orphan_quotes"`
	OrphanStances       int              `json:"orphan_stances"`
	NQuotesSum          int              `json:"n_quotes_sum"`
	DuplicateArticleIDs int              `json:"duplicate_article_ids"`
	DuplicateQuoteKeys  int              `json:"duplicate_quote_keys"`
	StanceQuoteMissing  int              `json:"stance_quote_missing"`
	BadTone             int              `json:"bad_tone"`
	BadKind             int              `json:"bad_kind"`
	BadSpeakerType      int              `json:"bad_speaker_type"`
	BadStance           int              `json:"bad_stance"`
	BadSHA256           int              `json:"bad_sha256"`
	Kinds               map[string]int   `json:"kinds"`
	Topics              map[string]int   `json:"topics"`
	Outlets             []string         `json:"outlets"`
}

// needDuckDB skips the test when node or the npm package is missing, except
// under CI=true, where it fails.
func needDuckDB(t *testing.T) {
	t.Helper()
	missing := ""
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not installed"
	} else if _, err := os.Stat("node_modules/@duckdb/node-api/package.json"); err != nil {
		missing = "DuckDB is not installed in e2e/node_modules: run e2e/install-duckdb.sh (make test does)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; CI must install it before the tests (.ci/run)", missing)
		}
		t.Skipf("skipping the DuckDB checks: %s", missing)
	}
}

// readWithDuckDB runs duckdb-check.mjs on dir.
func readWithDuckDB(t *testing.T, dir string) duckdb {
	t.Helper()
	needDuckDB(t)
	cmd := exec.Command("node", "duckdb-check.mjs", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node duckdb-check.mjs %s: %v\n%s", dir, err, stderr.String())
	}
	var got duckdb
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("duckdb-check.mjs output: %v\n%s", err, stdout.String())
	}
	return got
}

// contract is SPEC section 3: the columns every table must have, with the
// DuckDB type family each must read as. More columns may follow.
var contract = map[string][][2]string{
	"articles": {{"article_id", "VARCHAR"}, {"outlet", "VARCHAR"}, {"published", "DATE"}, {"title", "VARCHAR"},
		{"url", "VARCHAR"}, {"text", "VARCHAR"}, {"n_quotes", "int"}, {"tone", "float"}, {"tone_label", "VARCHAR"},
		{"content_sha256", "VARCHAR"}},
	"quotes": {{"article_id", "VARCHAR"}, {"outlet", "VARCHAR"}, {"published", "DATE"}, {"quote_index", "int"},
		{"kind", "VARCHAR"}, {"text", "VARCHAR"}, {"start", "int"}, {"end", "int"}, {"speaker", "VARCHAR"},
		{"speaker_name", "VARCHAR"}, {"speaker_type", "VARCHAR"}, {"cue", "VARCHAR"}, {"tone", "float"},
		{"tone_label", "VARCHAR"}},
	"stances": {{"article_id", "VARCHAR"}, {"quote_index", "int"}, {"topic", "VARCHAR"}, {"stance", "int"},
		{"score", "float"}, {"evidence", "VARCHAR"}},
	"rejects": {{"source", "VARCHAR"}, {"record", "VARCHAR"}, {"reason", "VARCHAR"}},
}

func typeMatches(family, duckType string) bool {
	switch family {
	case "int":
		return slices.Contains([]string{"TINYINT", "SMALLINT", "INTEGER", "BIGINT"}, duckType)
	case "float":
		return duckType == "DOUBLE" || duckType == "FLOAT"
	}
	return family == duckType
}

func TestRunExamplesReadBackWithDuckDB(t *testing.T) {
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(badRecords), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	sum := runScore(t, append([]string{"run", "-out", out, "-workers", "2"}, append(examples, bad)...)...)

	wantArticles, wantRejects := exampleArticles+badArticles, badRejects
	if sum.Articles != wantArticles || sum.Rejects != wantRejects {
		t.Errorf("summary line: %d articles, %d rejects; want %d and %d", sum.Articles, sum.Rejects, wantArticles, wantRejects)
	}
	if sum.Out != out {
		t.Errorf("summary line: out = %q, want %q", sum.Out, out)
	}
	checkRunJSON(t, out, sum)

	db := readWithDuckDB(t, out)
	t.Logf("read back with DuckDB %s: %d articles, %d quotes, %d stances, %d rejects", db.Version,
		db.Tables["articles"].Rows, db.Tables["quotes"].Rows, db.Tables["stances"].Rows, db.Tables["rejects"].Rows)

	// Row counts agree with what the binary said it wrote.
	for table, want := range map[string]int{"articles": sum.Articles, "quotes": sum.Quotes, "stances": sum.Stances, "rejects": sum.Rejects} {
		if got := db.Tables[table].Rows; got != want {
			t.Errorf("%s: DuckDB reads %d rows, the run reported %d", table, got, want)
		}
	}
	if db.NQuotesSum != sum.Quotes {
		t.Errorf("sum of articles.n_quotes = %d, quotes has %d rows", db.NQuotesSum, sum.Quotes)
	}

	// Column names and types: the contract's columns, in order, first.
	for table, cols := range contract {
		got := db.Tables[table].Columns
		if len(got) < len(cols) {
			t.Errorf("%s: %d columns, want at least the contract's %d", table, len(got), len(cols))
			continue
		}
		for i, c := range cols {
			if got[i].Name != c[0] || !typeMatches(c[1], got[i].Type) {
				t.Errorf("%s column %d: %s %s, want %s (%s)", table, i, got[i].Name, got[i].Type, c[0], c[1])
			}
		}
	}

	// Offsets: substring(text, start + 1, "end" - start) = quote text, for
	// every quote, including those after flags and emoji.
	if db.QuotesChecked != sum.Quotes {
		t.Errorf("offset check joined %d quotes to their article, want all %d", db.QuotesChecked, sum.Quotes)
	}
	if db.OffsetMismatches != 0 {
		var ex strings.Builder
		for _, e := range db.OffsetExamples {
			fmt.Fprintf(&ex, "\n  %v quote %v [%v, %v): text %q, substring %q",
				e["article_id"], e["quote_index"], e["start"], e["end"], e["text"], e["substring"])
		}
		t.Errorf("%d quotes whose text is not substring(articles.text, start + 1, end - start); first ones:%s",
			db.OffsetMismatches, ex.String())
	}

	for _, c := range []struct {
		what string
		n    int
	}{
		{"quotes of no article", db.OrphanQuotes},
		{"stances of no article", db.OrphanStances},
		{"stances whose quote_index is not a quote", db.StanceQuoteMissing},
		{"duplicate article ids", db.DuplicateArticleIDs},
		{"duplicate (article_id, quote_index)", db.DuplicateQuoteKeys},
		{"tones outside [-1, 1] or with an unknown label", db.BadTone},
		{"quotes of an unknown kind", db.BadKind},
		{"quotes of an unknown speaker_type", db.BadSpeakerType},
		{"stances not in {-1, 0, 1}", db.BadStance},
		{"articles whose content_sha256 is not sha256(text)", db.BadSHA256},
	} {
		if c.n != 0 {
			t.Errorf("%d %s", c.n, c.what)
		}
	}

	// The examples are written to exercise every kind of quote and every
	// topic of the story; each must be found at least once.
	for _, kind := range []string{"direct", "partial", "indirect"} {
		if db.Kinds[kind] == 0 {
			t.Errorf("no %s quote found in the examples (kinds: %v)", kind, db.Kinds)
		}
	}
	for _, topic := range []string{"nato_membership", "territory", "us_troops"} {
		if db.Topics[topic] == 0 {
			t.Errorf("no stance on %s found in the examples (topics: %v)", topic, db.Topics)
		}
	}
	if len(db.Outlets) < 6 {
		t.Errorf("outlets = %v, want the examples' outlets and the test's", db.Outlets)
	}
}

// checkRunJSON compares DIR/_run.json with the summary line.
func checkRunJSON(t *testing.T, out string, sum summaryLine) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "_run.json"))
	if err != nil {
		t.Errorf("run metadata: %v", err)
		return
	}
	var meta summaryLine
	if err := json.Unmarshal(b, &meta); err != nil {
		t.Errorf("_run.json: %v", err)
		return
	}
	if meta.Articles != sum.Articles || meta.Quotes != sum.Quotes || meta.Stances != sum.Stances || meta.Rejects != sum.Rejects {
		t.Errorf("_run.json counts %+v differ from the summary line %+v", meta, sum)
	}
}

// TestSameBytesAnyWorkers checks that the tables do not depend on
// scheduling: one worker and four write the same bytes.
func TestSameBytesAnyWorkers(t *testing.T) {
	tmp := t.TempDir()
	dirs := map[string]string{}
	for _, w := range []string{"1", "4"} {
		out := filepath.Join(tmp, "w"+w)
		runScore(t, append([]string{"run", "-out", out, "-workers", w}, examples...)...)
		dirs[w] = out
	}
	files := parquetFiles(t, dirs["1"])
	if len(files) < 4 {
		t.Fatalf("%s: %d Parquet files, want one per table at least", dirs["1"], len(files))
	}
	if other := parquetFiles(t, dirs["4"]); !slices.Equal(files, other) {
		t.Fatalf("files differ: 1 worker wrote %v, 4 wrote %v", files, other)
	}
	for _, f := range files {
		a, err1 := os.ReadFile(filepath.Join(dirs["1"], f))
		b, err2 := os.ReadFile(filepath.Join(dirs["4"], f))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: 1 worker and 4 workers wrote different bytes", f)
		}
	}
}

func parquetFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".parquet") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// TestRunUsageErrors checks the exit statuses a nightly job relies on.
func TestRunUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{}, 2},
		{[]string{"run"}, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"run", "-out", t.TempDir(), "does-not-exist.jsonl"}, 1},
	} {
		err := exec.Command(bin, c.args...).Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != c.code {
			t.Errorf("score %s: exit status %d, want %d", strings.Join(c.args, " "), code, c.code)
		}
	}
}

// TestReadmeSQL runs every ```sql block of the README, in order, with DuckDB,
// on the layouts the README describes: outputs/ (and DIR/, the name the
// report section uses) from the examples, and a warehouse/ of two nightly
// runs (day=2025-03-18 and day=2025-03-19).
func TestReadmeSQL(t *testing.T) {
	needDuckDB(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := sqlBlocks(string(readme))
	if len(blocks) == 0 {
		t.Fatal("README.md has no ```sql block")
	}
	tmp := t.TempDir()
	for _, dir := range []string{"outputs", "DIR"} {
		runScore(t, append([]string{"run", "-out", filepath.Join(tmp, dir)}, examples...)...)
	}
	runScore(t, "run", "-out", filepath.Join(tmp, "warehouse", "day=2025-03-18"), examples[1])
	runScore(t, "run", "-out", filepath.Join(tmp, "warehouse", "day=2025-03-19"), examples[0])

	js, _ := json.Marshal(blocks)
	blocksFile := filepath.Join(tmp, "blocks.json")
	if err := os.WriteFile(blocksFile, js, 0o644); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs("duckdb-sql.mjs")
	cmd := exec.Command("node", script, blocksFile)
	cmd.Dir = tmp
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node duckdb-sql.mjs: %v\n%s", err, stderr.String())
	}
	ran := 0
	for line := range strings.Lines(stdout.String()) {
		var r struct {
			Block int    `json:"block"`
			Rows  int    `json:"rows"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("duckdb-sql.mjs output %q: %v", line, err)
		}
		ran++
		if r.Error != "" {
			t.Errorf("README sql block %d fails: %s\n%s", r.Block+1, r.Error, blocks[r.Block])
			continue
		}
		t.Logf("README sql block %d: %d rows", r.Block+1, r.Rows)
	}
	if ran != len(blocks) {
		t.Errorf("duckdb-sql.mjs ran %d of %d blocks", ran, len(blocks))
	}
}

// sqlBlocks returns the contents of the ```sql fences of a Markdown text.
func sqlBlocks(md string) []string {
	var blocks []string
	var cur *strings.Builder
	for line := range strings.Lines(md) {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && trimmed == "```sql":
			cur = &strings.Builder{}
		case cur != nil && trimmed == "```":
			blocks = append(blocks, cur.String())
			cur = nil
		case cur != nil:
			cur.WriteString(line)
		}
	}
	return blocks
}

// TestProgressOnTerminal runs score under a pseudo-terminal (util-linux
// script): the progress bar is drawn on stderr, then the summary line
// follows; with -quiet there is no bar.
func TestProgressOnTerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to give score a terminal")
	}
	for _, quiet := range []bool{false, true} {
		args := []string{bin, "run", "-out", t.TempDir()}
		if quiet {
			args = append(args, "-quiet")
		}
		args = append(args, examples...)
		out, err := exec.Command(script, "-qec", strings.Join(args, " "), "/dev/null").CombinedOutput()
		if err != nil {
			t.Fatalf("script -qec %q: %v\n%s", strings.Join(args, " "), err, out)
		}
		text := string(out)
		bar := strings.Contains(text, "scoring") && strings.Contains(text, "%")
		if bar == quiet {
			t.Errorf("quiet=%v: progress bar drawn = %v:\n%q", quiet, bar, text)
		}
		last := text[strings.LastIndexAny(strings.TrimRight(text, "\r\n"), "\r\n")+1:]
		if !strings.HasPrefix(strings.TrimSpace(last), `{"articles":`) {
			t.Errorf("quiet=%v: last line is not the summary: %q", quiet, last)
		}
	}
}
