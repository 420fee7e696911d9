// Command outlets prints a per-outlet summary of the tables that score run
// wrote: how many articles and quotes each outlet has, of which kind, how
// negative the quotes are, whose voices it carries most and which stances it
// reports. It is what `make run` prints after scoring the example articles,
// and an example of reading the tables from Go with arrow-go.
//
//	go run ./examples/outlets [DIR]    (DIR defaults to outputs)
package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

func main() {
	dir := "outputs"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := summarize(dir, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "outlets: %v\n", err)
		os.Exit(1)
	}
}

// outlet is what one outlet's rows add up to.
type outlet struct {
	name     string
	articles int
	kinds    map[string]int
	quotes   int
	toneSum  float64
	negative int
	speakers map[string]int
	stances  map[string][3]int // topic -> against, neutral, favor
}

func summarize(dir string, w io.Writer) error {
	byName := map[string]*outlet{}
	get := func(name string) *outlet {
		if name == "" {
			name = "(no outlet)"
		}
		o, ok := byName[name]
		if !ok {
			o = &outlet{name: name, kinds: map[string]int{}, speakers: map[string]int{}, stances: map[string][3]int{}}
			byName[name] = o
		}
		return o
	}
	err := eachRow(dir, "articles", func(r row) { get(r.str("outlet")).articles++ })
	if err != nil {
		return err
	}
	err = eachRow(dir, "quotes", func(r row) {
		o := get(r.str("outlet"))
		o.quotes++
		o.kinds[r.str("kind")]++
		o.toneSum += r.f64("tone")
		if r.str("tone_label") == "negative" {
			o.negative++
		}
		if s := r.str("speaker_name"); s != "" {
			o.speakers[s]++
		}
	})
	if err != nil {
		return err
	}
	err = eachRow(dir, "stances", func(r row) {
		o := get(r.str("outlet"))
		c := o.stances[r.str("topic")]
		c[r.i64("stance")+1]++
		o.stances[r.str("topic")] = c
	})
	if err != nil {
		return err
	}

	outlets := make([]*outlet, 0, len(byName))
	for _, o := range byName {
		outlets = append(outlets, o)
	}
	slices.SortFunc(outlets, func(a, b *outlet) int { return strings.Compare(a.name, b.name) })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "outlet\tarticles\tquotes\tdirect/partial/indirect\tmean tone\tnegative\tmost quoted\tstances (topic -/0/+)")
	for _, o := range outlets {
		mean := 0.0
		if o.quotes > 0 {
			mean = o.toneSum / float64(o.quotes)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d/%d/%d\t%+.2f\t%d%%\t%s\t%s\n", o.name, o.articles, o.quotes,
			o.kinds["direct"], o.kinds["partial"], o.kinds["indirect"], mean, percent(o.negative, o.quotes),
			top(o.speakers, 2), stanceList(o.stances))
	}
	return tw.Flush()
}

func percent(n, of int) int {
	if of == 0 {
		return 0
	}
	return (100*n + of/2) / of
}

// top lists the n most frequent keys with their counts, most frequent first.
func top(counts map[string]int, n int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b))
	})
	var parts []string
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", k, counts[k]))
	}
	return strings.Join(parts, ", ")
}

func stanceList(m map[string][3]int) string {
	topics := make([]string, 0, len(m))
	for t := range m {
		topics = append(topics, t)
	}
	slices.Sort(topics)
	var parts []string
	for _, t := range topics {
		c := m[t]
		parts = append(parts, fmt.Sprintf("%s %d/%d/%d", t, c[0], c[1], c[2]))
	}
	return strings.Join(parts, "; ")
}

// row is one row of a record batch, read by column name.
type row struct {
	rec arrow.RecordBatch
	i   int
}

func (r row) col(name string) arrow.Array {
	idx := r.rec.Schema().FieldIndices(name)
	if len(idx) == 0 {
		return nil
	}
	return r.rec.Column(idx[0])
}

func (r row) str(name string) string {
	if a, ok := r.col(name).(*array.String); ok && a.IsValid(r.i) {
		return a.Value(r.i)
	}
	return ""
}

func (r row) f64(name string) float64 {
	if a, ok := r.col(name).(*array.Float64); ok && a.IsValid(r.i) {
		return a.Value(r.i)
	}
	return 0
}

func (r row) i64(name string) int {
	switch a := r.col(name).(type) {
	case *array.Int8:
		return int(a.Value(r.i))
	case *array.Int32:
		return int(a.Value(r.i))
	case *array.Int64:
		return int(a.Value(r.i))
	}
	return 0
}

// eachRow calls fn for every row of every Parquet file under DIR/table,
// partition directories included.
func eachRow(dir, table string, fn func(row)) error {
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, table), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".parquet") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("reading table %s: %w", table, err)
	}
	for _, p := range files {
		if err := eachRowOf(p, fn); err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
	}
	return nil
}

func eachRowOf(path string, fn func(row)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	tbl, err := pqarrow.ReadTable(context.Background(), f, parquet.NewReaderProperties(memory.DefaultAllocator),
		pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	defer tbl.Release()
	tr := array.NewTableReader(tbl, 0)
	defer tr.Release()
	for tr.Next() {
		rec := tr.RecordBatch()
		for i := range int(rec.NumRows()) {
			fn(row{rec, i})
		}
	}
	return tr.Err()
}
