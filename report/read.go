package report

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// A Run is one directory that holds tables: Dir/articles/, Dir/quotes/,
// Dir/stances/, each a tree of Parquet files.
type Run struct {
	Dir   string
	Files map[string][]string // table name -> Parquet files, sorted
}

// tableNames are the tables a report reads.
var tableNames = []string{"articles", "quotes", "stances"}

// FindRuns finds every directory under the given paths that holds tables:
// it reads every PATH/**/<table>/**/*.parquet. Directories whose name
// starts with "." or "_" (a run's temporary directory) are skipped. Runs
// come back sorted by directory.
func FindRuns(paths []string) ([]Run, error) {
	byDir := map[string]*Run{}
	for _, root := range paths {
		if _, err := os.Stat(root); err != nil {
			return nil, fmt.Errorf("reading tables: %w", err)
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				return nil
			}
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if !slices.Contains(tableNames, name) {
				return nil
			}
			files, err := parquetFiles(p)
			if err != nil {
				return err
			}
			if len(files) > 0 {
				dir := filepath.Dir(p)
				r := byDir[dir]
				if r == nil {
					r = &Run{Dir: dir, Files: map[string][]string{}}
					byDir[dir] = r
				}
				r.Files[name] = append(r.Files[name], files...)
			}
			return filepath.SkipDir
		})
		if err != nil {
			return nil, fmt.Errorf("finding tables under %s: %w", root, err)
		}
	}
	var runs []Run
	for _, r := range byDir {
		if len(r.Files["articles"]) == 0 {
			continue // quotes without their articles can't be counted once
		}
		for _, f := range r.Files {
			slices.Sort(f)
		}
		runs = append(runs, *r)
	}
	slices.SortFunc(runs, func(a, b Run) int { return strings.Compare(a.Dir, b.Dir) })
	if len(runs) == 0 {
		return nil, fmt.Errorf("no tables under %s: expected <dir>/articles/*.parquet (written by score run)", strings.Join(paths, ", "))
	}
	return runs, nil
}

// parquetFiles lists the *.parquet files in a table directory and its
// hive-style partitions.
func parquetFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".parquet") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// batchSize is the number of rows read at a time: memory stays flat
// whatever the size of a table.
const batchSize = 64 << 10

// scanTable reads the named columns of one Parquet file a record batch at
// a time and calls fn with the batch's columns in the order asked. A column
// listed in optional may be missing from the file: fn gets nil for it.
func scanTable(path string, cols []string, optional []string, fn func(n int, cols []arrow.Array) error) error {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: batchSize}, memory.DefaultAllocator)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	schema := pf.MetaData().Schema
	var idx []int
	pos := make([]int, len(cols)) // position of cols[i] in the read batch, or -1
	for i, c := range cols {
		j := schema.ColumnIndexByName(c)
		if j < 0 {
			if !slices.Contains(optional, c) {
				return fmt.Errorf("reading %s: no column %q", path, c)
			}
			pos[i] = -1
			continue
		}
		pos[i] = len(idx)
		idx = append(idx, j)
	}
	if pf.NumRows() == 0 {
		return nil
	}
	rr, err := fr.GetRecordReader(context.Background(), idx, nil)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	defer rr.Release()
	out := make([]arrow.Array, len(cols))
	for rr.Next() {
		rec := rr.RecordBatch()
		for i, p := range pos {
			out[i] = nil
			if p >= 0 {
				out[i] = rec.Column(p)
			}
		}
		if err := fn(int(rec.NumRows()), out); err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// stringsOf returns a getter for a string column: plain, large or
// dictionary-encoded. A missing column reads as "".
func stringsOf(a arrow.Array) (func(i int) string, error) {
	switch c := a.(type) {
	case nil:
		return func(int) string { return "" }, nil
	case *array.String:
		return func(i int) string {
			if c.IsNull(i) {
				return ""
			}
			return c.Value(i)
		}, nil
	case *array.LargeString:
		return func(i int) string {
			if c.IsNull(i) {
				return ""
			}
			return c.Value(i)
		}, nil
	case *array.Dictionary:
		get, err := stringsOf(c.Dictionary())
		if err != nil {
			return nil, err
		}
		return func(i int) string {
			if c.IsNull(i) {
				return ""
			}
			return get(c.GetValueIndex(i))
		}, nil
	}
	return nil, fmt.Errorf("column of type %s is not text", a.DataType())
}

// numbersOf returns a getter for a numeric column; ok is false for a null.
func numbersOf(a arrow.Array) (func(i int) (v float64, ok bool), error) {
	num := func(get func(int) float64) func(int) (float64, bool) {
		return func(i int) (float64, bool) {
			if a.IsNull(i) {
				return 0, false
			}
			return get(i), true
		}
	}
	switch c := a.(type) {
	case *array.Float64:
		return num(func(i int) float64 { return c.Value(i) }), nil
	case *array.Float32:
		return num(func(i int) float64 { return float64(c.Value(i)) }), nil
	case *array.Int8:
		return num(func(i int) float64 { return float64(c.Value(i)) }), nil
	case *array.Int16:
		return num(func(i int) float64 { return float64(c.Value(i)) }), nil
	case *array.Int32:
		return num(func(i int) float64 { return float64(c.Value(i)) }), nil
	case *array.Int64:
		return num(func(i int) float64 { return float64(c.Value(i)) }), nil
	}
	return nil, fmt.Errorf("column of type %s is not a number", a.DataType())
}
