package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// The tables of SPEC section 3. Column names and order are the contract;
// columns after the contract's are additions.
var (
	articlesSchema = arrow.NewSchema([]arrow.Field{
		{Name: "article_id", Type: arrow.BinaryTypes.String},
		{Name: "outlet", Type: arrow.BinaryTypes.String},
		{Name: "published", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "title", Type: arrow.BinaryTypes.String},
		{Name: "url", Type: arrow.BinaryTypes.String},
		{Name: "text", Type: arrow.BinaryTypes.String},
		{Name: "n_quotes", Type: arrow.PrimitiveTypes.Int32},
		{Name: "tone", Type: arrow.PrimitiveTypes.Float64},
		{Name: "tone_label", Type: arrow.BinaryTypes.String},
		{Name: "content_sha256", Type: arrow.BinaryTypes.String},
		{Name: "tone_evidence", Type: arrow.BinaryTypes.String},
		{Name: "n_sentences", Type: arrow.PrimitiveTypes.Int32},
		{Name: "source", Type: arrow.BinaryTypes.String},
	}, nil)
	quotesSchema = arrow.NewSchema([]arrow.Field{
		{Name: "article_id", Type: arrow.BinaryTypes.String},
		{Name: "outlet", Type: arrow.BinaryTypes.String},
		{Name: "published", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "quote_index", Type: arrow.PrimitiveTypes.Int32},
		{Name: "kind", Type: arrow.BinaryTypes.String},
		{Name: "text", Type: arrow.BinaryTypes.String},
		{Name: "start", Type: arrow.PrimitiveTypes.Int32},
		{Name: "end", Type: arrow.PrimitiveTypes.Int32},
		{Name: "speaker", Type: arrow.BinaryTypes.String},
		{Name: "speaker_name", Type: arrow.BinaryTypes.String},
		{Name: "speaker_type", Type: arrow.BinaryTypes.String},
		{Name: "cue", Type: arrow.BinaryTypes.String},
		{Name: "tone", Type: arrow.PrimitiveTypes.Float64},
		{Name: "tone_label", Type: arrow.BinaryTypes.String},
		{Name: "speaker_affiliation", Type: arrow.BinaryTypes.String},
		{Name: "tone_evidence", Type: arrow.BinaryTypes.String},
		{Name: "sentence_index", Type: arrow.PrimitiveTypes.Int32},
	}, nil)
	stancesSchema = arrow.NewSchema([]arrow.Field{
		{Name: "article_id", Type: arrow.BinaryTypes.String},
		{Name: "quote_index", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "topic", Type: arrow.BinaryTypes.String},
		{Name: "stance", Type: arrow.PrimitiveTypes.Int8},
		{Name: "score", Type: arrow.PrimitiveTypes.Float64},
		{Name: "evidence", Type: arrow.BinaryTypes.String},
		{Name: "outlet", Type: arrow.BinaryTypes.String},
		{Name: "published", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "speaker_name", Type: arrow.BinaryTypes.String},
		{Name: "sentence_index", Type: arrow.PrimitiveTypes.Int32},
		{Name: "text", Type: arrow.BinaryTypes.String},
	}, nil)
	rejectsSchema = arrow.NewSchema([]arrow.Field{
		{Name: "source", Type: arrow.BinaryTypes.String},
		{Name: "record", Type: arrow.BinaryTypes.String},
		{Name: "reason", Type: arrow.BinaryTypes.String},
	}, nil)
)

// Tables names the output tables in the order they are written.
var Tables = []string{"articles", "quotes", "stances", "rejects"}

// table writes one Parquet file, a row group at a time. The rows of the
// next row group are appended while its own goroutine encodes, compresses
// and writes the last one: a row group of article text takes long enough to
// compress that, done in line, it held up the workers behind it.
type table struct {
	name    string
	f       *os.File
	fw      *pqarrow.FileWriter
	b       *array.RecordBuilder
	rows    int
	bytes   int // approximate size of the buffered strings
	maxRows int
	total   int

	// batches goes to the goroutine that writes them with fw, in order;
	// done gets its first error (or nil) when batches is closed and all
	// are written. failed is that error as soon as it happens.
	batches chan arrow.RecordBatch
	done    chan error
	failed  atomic.Pointer[error]
	closed  bool
}

// Row groups are cut at this many rows or this many bytes of text,
// whichever comes first: large enough for good compression and statistics,
// small enough to keep memory flat.
const (
	rowGroupRows  = 128 << 10
	rowGroupBytes = 16 << 20
)

// zstdLevel is the zstd level of every column: 1, the fastest.
const zstdLevel = 1

func newTable(dir, name string, schema *arrow.Schema) (*table, error) {
	if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, name, "part-0.parquet"))
	if err != nil {
		return nil, err
	}
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		// zstd's fastest level: compression was a tenth of the run
		// at the default level.
		parquet.WithCompressionLevel(zstdLevel),
		parquet.WithDictionaryDefault(true),
		parquet.WithStats(true),
		parquet.WithMaxRowGroupLength(rowGroupRows),
		parquet.WithCreatedBy("score"),
		// Long free text rarely repeats: plain encoding saves the
		// dictionary attempt.
		parquet.WithDictionaryFor("text", false),
		parquet.WithDictionaryFor("evidence", false),
		parquet.WithDictionaryFor("tone_evidence", false),
	)
	fw, err := pqarrow.NewFileWriter(schema, f, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		f.Close()
		return nil, err
	}
	t := &table{name: name, f: f, fw: fw, b: array.NewRecordBuilder(memory.DefaultAllocator, schema), maxRows: rowGroupRows,
		batches: make(chan arrow.RecordBatch), done: make(chan error, 1)}
	go t.writeBatches()
	return t, nil
}

// writeBatches writes the row groups flush hands over, one at a time, in
// the order given. After an error it writes no more but still takes (and
// releases) what it is given, so flush never blocks for ever.
func (t *table) writeBatches() {
	var err error
	for rec := range t.batches {
		if err == nil {
			if werr := t.fw.Write(rec); werr != nil {
				err = fmt.Errorf("writing %s: %w", t.name, werr)
				t.failed.Store(&err)
			}
		}
		rec.Release()
	}
	t.done <- err
}

// wait hands over no more row groups and waits until the last is written.
func (t *table) wait() error {
	if t.closed {
		return nil
	}
	t.closed = true
	close(t.batches)
	return <-t.done
}

func (t *table) str(i int, s string) {
	t.b.Field(i).(*array.StringBuilder).Append(s)
	t.bytes += len(s)
}

func (t *table) i32(i int, v int) { t.b.Field(i).(*array.Int32Builder).Append(int32(v)) }

// date32 reads a YYYY-MM-DD date; ok is false when there is none.
func date32(ymd string) (d arrow.Date32, ok bool) {
	t, err := time.Parse(time.DateOnly, ymd)
	if err != nil {
		return 0, false
	}
	return arrow.Date32FromTime(t), true
}

func (t *table) date(i int, d arrow.Date32, ok bool) {
	b := t.b.Field(i).(*array.Date32Builder)
	if ok {
		b.Append(d)
	} else {
		b.AppendNull()
	}
}

// endRow counts a finished row and writes a row group when the buffer is full.
func (t *table) endRow() error {
	t.rows++
	t.total++
	if t.rows >= t.maxRows || t.bytes >= rowGroupBytes {
		return t.flush()
	}
	return nil
}

// flush hands the buffered rows to the writing goroutine as one row group.
// It waits only while the row group before is still being written. An
// error of an earlier row group is returned here.
func (t *table) flush() error {
	if e := t.failed.Load(); e != nil {
		return *e
	}
	if t.rows == 0 {
		return nil
	}
	rec := t.b.NewRecordBatch()
	t.rows, t.bytes = 0, 0
	t.batches <- rec
	return nil
}

func (t *table) close() error {
	err := t.flush()
	if werr := t.wait(); err == nil {
		err = werr
	}
	t.b.Release()
	if cerr := t.fw.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing %s: %w", t.name, cerr)
	}
	return err
}

// tableWriter writes the four tables into one directory.
type tableWriter struct {
	articles, quotes, stances, rejects *table
}

func newTableWriter(dir string) (*tableWriter, error) {
	w := &tableWriter{}
	var err error
	for _, t := range []struct {
		p      **table
		name   string
		schema *arrow.Schema
	}{
		{&w.articles, "articles", articlesSchema},
		{&w.quotes, "quotes", quotesSchema},
		{&w.stances, "stances", stancesSchema},
		{&w.rejects, "rejects", rejectsSchema},
	} {
		if *t.p, err = newTable(dir, t.name, t.schema); err != nil {
			w.abort()
			return nil, fmt.Errorf("creating table %s: %w", t.name, err)
		}
	}
	return w, nil
}

func (w *tableWriter) abort() {
	for _, t := range []*table{w.articles, w.quotes, w.stances, w.rejects} {
		if t != nil {
			t.wait()
			t.b.Release()
			t.f.Close()
		}
	}
}

// close writes the last row group of every table and closes them. The
// tables are separate files, so they are compressed and written at once,
// each by its own goroutine: the end of a run is otherwise one core
// compressing every table in turn.
func (w *tableWriter) close() error {
	ts := []*table{w.articles, w.quotes, w.stances, w.rejects}
	errs := make([]error, len(ts))
	var wg sync.WaitGroup
	for i, t := range ts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = t.close()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeResult appends one article's rows to the tables. Byte offsets become
// code points here, and only here.
func (w *tableWriter) writeResult(r *Result) error {
	a := &r.Article
	offs := make([]*int, 0, 2*len(r.Quotes))
	starts := make([]int, len(r.Quotes))
	ends := make([]int, len(r.Quotes))
	for i, q := range r.Quotes {
		starts[i], ends[i] = q.Start, q.End
		offs = append(offs, &starts[i], &ends[i])
	}
	CodePoints(a.Text, offs)
	// the date of every row of the article, read once
	published, hasDate := date32(a.Published)

	t := w.articles
	t.str(0, a.ID)
	t.str(1, a.Outlet)
	t.date(2, published, hasDate)
	t.str(3, a.Title)
	t.str(4, a.URL)
	t.str(5, a.Text)
	t.i32(6, len(r.Quotes))
	t.b.Field(7).(*array.Float64Builder).Append(r.Tone.Score)
	t.str(8, r.Tone.Label)
	t.str(9, r.SHA256)
	t.str(10, strings.Join(r.Tone.Evidence, " "))
	t.i32(11, len(r.Sentences))
	t.str(12, a.Source)
	if err := t.endRow(); err != nil {
		return err
	}

	t = w.quotes
	for i, q := range r.Quotes {
		t.str(0, a.ID)
		t.str(1, a.Outlet)
		t.date(2, published, hasDate)
		t.i32(3, i)
		t.str(4, q.Kind)
		t.str(5, a.Text[q.Start:q.End])
		t.i32(6, starts[i])
		t.i32(7, ends[i])
		t.str(8, q.Speaker)
		t.str(9, q.SpeakerName)
		t.str(10, q.SpeakerType)
		t.str(11, q.Cue)
		t.b.Field(12).(*array.Float64Builder).Append(q.Tone.Score)
		t.str(13, q.Tone.Label)
		t.str(14, q.Affiliation)
		t.str(15, strings.Join(q.Tone.Evidence, " "))
		t.i32(16, q.Sentence)
		if err := t.endRow(); err != nil {
			return err
		}
	}

	t = w.stances
	for _, s := range r.Stances {
		t.str(0, a.ID)
		qi := t.b.Field(1).(*array.Int32Builder)
		speaker := ""
		if s.Quote >= 0 {
			qi.Append(int32(s.Quote))
			speaker = r.Quotes[s.Quote].SpeakerName
		} else {
			qi.AppendNull()
		}
		t.str(2, s.Topic)
		t.b.Field(3).(*array.Int8Builder).Append(int8(s.Stance))
		t.b.Field(4).(*array.Float64Builder).Append(s.Score)
		t.str(5, s.Evidence)
		t.str(6, a.Outlet)
		t.date(7, published, hasDate)
		t.str(8, speaker)
		t.i32(9, s.Sentence)
		if s.Quote >= 0 {
			q := r.Quotes[s.Quote]
			t.str(10, a.Text[q.Start:q.End])
		} else {
			sent := r.Sentences[s.Sentence]
			t.str(10, a.Text[sent.Start:sent.End])
		}
		if err := t.endRow(); err != nil {
			return err
		}
	}
	return nil
}

func (w *tableWriter) writeReject(rj *Reject) error {
	t := w.rejects
	t.str(0, rj.Source)
	t.str(1, rj.Record)
	t.str(2, rj.Reason)
	return t.endRow()
}
