package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"score/lexicons"
)

var testModel = NewModel(lexicons.Default())

// corpus writes n small articles, some of them bad, to a JSONL file.
func corpus(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		switch {
		case i%17 == 5:
			b.WriteString("{\"id\": \"bad\", \"text\": \"\xff\"}\n")
		case i%23 == 7:
			b.WriteString(`{"id": "broken` + "\n")
		default:
			text := fmt.Sprintf("Article %d on the talks. “We will never accept the loss of Crimea,” Zelensky said. "+
				"Peskov said that Moscow rejects Ukraine’s NATO membership.\n\nHegseth ruled out U.S. troops in Ukraine. Ünïcödé ✓ %d.", i, i)
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("id-%03d", i), "outlet": []string{"Wire", "Daily", "Post"}[i%3],
				"published": "2025-02-12", "text": text})
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return writeFile(t, filepath.Join(t.TempDir(), "corpus.jsonl"), []byte(b.String()))
}

func run(t *testing.T, out string, workers int, inputs ...string) Summary {
	t.Helper()
	sum, err := Run(Config{Inputs: inputs, Out: out, Workers: workers, Model: testModel})
	if err != nil {
		t.Fatalf("Run(%v): %v", inputs, err)
	}
	return sum
}

func tableBytes(t *testing.T, out string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, name := range Tables {
		b, err := os.ReadFile(filepath.Join(out, name, "part-0.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = b
	}
	return m
}

func TestRunDeterministicAcrossWorkers(t *testing.T) {
	in := corpus(t, 120)
	dir := t.TempDir()
	one := run(t, filepath.Join(dir, "w1"), 1, in)
	four := run(t, filepath.Join(dir, "w4"), 4, in)
	if one.Articles != four.Articles || one.Quotes != four.Quotes || one.Rejects != four.Rejects {
		t.Errorf("summaries differ: 1 worker %+v, 4 workers %+v", one, four)
	}
	a, b := tableBytes(t, filepath.Join(dir, "w1")), tableBytes(t, filepath.Join(dir, "w4"))
	for _, name := range Tables {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("table %s differs between 1 and 4 workers", name)
		}
	}
}

func TestRunAgainReplacesTables(t *testing.T) {
	in := corpus(t, 30)
	out := t.TempDir()
	first := run(t, out, 2, in)
	before := tableBytes(t, out)
	second := run(t, out, 2, in)
	after := tableBytes(t, out)
	for _, name := range Tables {
		if !bytes.Equal(before[name], after[name]) {
			t.Errorf("table %s changed on a second run over the same input", name)
		}
	}
	rows := readRows(t, filepath.Join(out, "articles", "part-0.parquet"))
	if len(rows) != first.Articles || first.Articles != second.Articles {
		t.Errorf("articles rows = %d after two runs, want %d", len(rows), first.Articles)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func TestRunFailureKeepsPreviousTables(t *testing.T) {
	in := corpus(t, 10)
	out := t.TempDir()
	run(t, out, 2, in)
	before := tableBytes(t, out)
	if _, err := Run(Config{Inputs: []string{in, filepath.Join(out, "missing.jsonl")}, Out: out, Model: testModel}); err == nil {
		t.Fatal("Run with a missing input: no error")
	}
	after := tableBytes(t, out)
	for _, name := range Tables {
		if !bytes.Equal(before[name], after[name]) {
			t.Errorf("table %s changed by a failed run", name)
		}
	}
}

func TestRunUnwritableOutput(t *testing.T) {
	in := corpus(t, 3)
	blocker := writeFile(t, filepath.Join(t.TempDir(), "file"), []byte("x"))
	if _, err := Run(Config{Inputs: []string{in}, Out: filepath.Join(blocker, "out"), Model: testModel}); err == nil {
		t.Error("Run into a path under a regular file: no error")
	}
}

// The tables keep every record, code-point offsets and the contract's types.
func TestRunTables(t *testing.T) {
	in := corpus(t, 40)
	out := t.TempDir()
	sum := run(t, out, 2, in)
	arts := readRows(t, filepath.Join(out, "articles", "part-0.parquet"))
	rejs := readRows(t, filepath.Join(out, "rejects", "part-0.parquet"))
	if len(arts)+len(rejs) != 40 {
		t.Errorf("articles %d + rejects %d != 40 records", len(arts), len(rejs))
	}
	if sum.Rejects != len(rejs) || sum.Articles != len(arts) {
		t.Errorf("summary %+v disagrees with the tables (%d articles, %d rejects)", sum, len(arts), len(rejs))
	}
	texts := map[string]string{}
	for _, a := range arts {
		texts[a["article_id"].(string)] = a["text"].(string)
		if a["published"] != "2025-02-12" {
			t.Errorf("published = %v, want the date 2025-02-12", a["published"])
		}
	}
	quotes := readRows(t, filepath.Join(out, "quotes", "part-0.parquet"))
	if len(quotes) == 0 {
		t.Fatal("no quotes found in the corpus")
	}
	for _, q := range quotes {
		text := []rune(texts[q["article_id"].(string)])
		s, e := int(q["start"].(int32)), int(q["end"].(int32))
		if s < 0 || e > len(text) || s > e || string(text[s:e]) != q["text"] {
			t.Errorf("quote %q at [%d,%d) does not match the article text in code points", q["text"], s, e)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "_run.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta map[string]any
	if err := json.Unmarshal(b, &meta); err != nil || meta["lexicon_sha256"] == nil {
		t.Errorf("_run.json = %s (%v), want run metadata with lexicon checksums", b, err)
	}
}

func TestCodePoints(t *testing.T) {
	text := "a“é”b✓c"
	tests := []struct{ byteOff, want int }{
		{0, 0}, {1, 1}, {4, 2}, {6, 3}, {9, 4}, {10, 5}, {13, 6}, {14, 7},
	}
	offs := make([]*int, len(tests))
	vals := make([]int, len(tests))
	for i, tc := range tests {
		vals[len(tests)-1-i] = tc.byteOff // reversed: order must not matter
	}
	for i := range vals {
		offs[i] = &vals[i]
	}
	CodePoints(text, offs)
	for i, tc := range tests {
		if got := vals[len(tests)-1-i]; got != tc.want {
			t.Errorf("byte %d -> code point %d, want %d", tc.byteOff, got, tc.want)
		}
	}
	if utf8.RuneCountInString(text) != 7 {
		t.Fatal("test text changed")
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\ufeffA\r\nB\rC\n", "A\nB\nC\n"},
		{"no change “here”", "no change “here”"},
		{"inner \ufeff kept", "inner \ufeff kept"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// readRows reads a Parquet file into rows of Go values, with an
// independent code path from the writer (pqarrow's reader).
func readRows(t *testing.T, path string) []map[string]any {
	t.Helper()
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 1024}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	tr := array.NewTableReader(tbl, 1024)
	defer tr.Release()
	var rows []map[string]any
	for tr.Next() {
		rec := tr.RecordBatch()
		for i := range int(rec.NumRows()) {
			row := map[string]any{}
			for c, f := range rec.Schema().Fields() {
				col := rec.Column(c)
				if col.IsNull(i) {
					row[f.Name] = nil
					continue
				}
				switch a := col.(type) {
				case *array.String:
					row[f.Name] = a.Value(i)
				case *array.Int32:
					row[f.Name] = a.Value(i)
				case *array.Int8:
					row[f.Name] = a.Value(i)
				case *array.Float64:
					row[f.Name] = a.Value(i)
				case *array.Date32:
					row[f.Name] = a.Value(i).FormattedString()
				default:
					t.Fatalf("column %s: unexpected type %s", f.Name, col.DataType())
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// The files are zstd-compressed, with statistics on every column and
// dictionary pages for the repetitive string columns.
func TestRunParquetLayout(t *testing.T) {
	out := t.TempDir()
	run(t, out, 2, corpus(t, 20))
	pf, err := file.OpenParquetFile(filepath.Join(out, "quotes", "part-0.parquet"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	md := pf.MetaData()
	if md.NumRowGroups() == 0 {
		t.Fatal("no row groups")
	}
	rg := md.RowGroup(0)
	for i := range rg.NumColumns() {
		cc, err := rg.ColumnChunk(i)
		if err != nil {
			t.Fatal(err)
		}
		name := cc.PathInSchema().String()
		if cc.Compression() != compress.Codecs.Zstd {
			t.Errorf("column %s: compression %v, want zstd", name, cc.Compression())
		}
		if ok, _ := cc.StatsSet(); !ok {
			t.Errorf("column %s: no statistics", name)
		}
		if (name == "outlet" || name == "kind" || name == "speaker_name") && !cc.HasDictionaryPage() {
			t.Errorf("column %s: not dictionary-encoded", name)
		}
	}
}
