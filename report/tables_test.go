package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Hand-made rows of the three tables, with the columns a report reads.
type (
	articleRow struct {
		id, outlet string
		tone       float64
	}
	quoteRow struct {
		id, outlet, speaker, affiliation string
		tone                             float64
	}
	stanceRow struct {
		id, outlet string
		quote      int // -1: narrative (null quote_index)
		topic      string
		stance     int8
	}
)

// writeRun writes hand-made tables into dir/articles, dir/quotes and
// dir/stances, with the column names and types of pipeline/write.go.
func writeRun(t testing.TB, dir string, as []articleRow, qs []quoteRow, ss []stanceRow) {
	t.Helper()
	str := arrow.BinaryTypes.String
	write := func(table string, fields []arrow.Field, fill func(b *array.RecordBuilder)) {
		schema := arrow.NewSchema(fields, nil)
		b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
		defer b.Release()
		fill(b)
		rec := b.NewRecordBatch()
		defer rec.Release()
		if err := os.MkdirAll(filepath.Join(dir, table), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, table, "part-0.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		w, err := pqarrow.NewFileWriter(schema, f, nil, pqarrow.DefaultWriterProps())
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write("articles", []arrow.Field{{Name: "article_id", Type: str}, {Name: "outlet", Type: str}, {Name: "tone", Type: arrow.PrimitiveTypes.Float64}},
		func(b *array.RecordBuilder) {
			for _, a := range as {
				b.Field(0).(*array.StringBuilder).Append(a.id)
				b.Field(1).(*array.StringBuilder).Append(a.outlet)
				b.Field(2).(*array.Float64Builder).Append(a.tone)
			}
		})
	write("quotes", []arrow.Field{{Name: "article_id", Type: str}, {Name: "outlet", Type: str}, {Name: "speaker_name", Type: str},
		{Name: "tone", Type: arrow.PrimitiveTypes.Float64}, {Name: "speaker_affiliation", Type: str}},
		func(b *array.RecordBuilder) {
			for _, q := range qs {
				b.Field(0).(*array.StringBuilder).Append(q.id)
				b.Field(1).(*array.StringBuilder).Append(q.outlet)
				b.Field(2).(*array.StringBuilder).Append(q.speaker)
				b.Field(3).(*array.Float64Builder).Append(q.tone)
				b.Field(4).(*array.StringBuilder).Append(q.affiliation)
			}
		})
	write("stances", []arrow.Field{{Name: "article_id", Type: str}, {Name: "quote_index", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
		{Name: "topic", Type: str}, {Name: "stance", Type: arrow.PrimitiveTypes.Int8}, {Name: "outlet", Type: str}},
		func(b *array.RecordBuilder) {
			for _, s := range ss {
				b.Field(0).(*array.StringBuilder).Append(s.id)
				if s.quote < 0 {
					b.Field(1).(*array.Int32Builder).AppendNull()
				} else {
					b.Field(1).(*array.Int32Builder).Append(int32(s.quote))
				}
				b.Field(2).(*array.StringBuilder).Append(s.topic)
				b.Field(3).(*array.Int8Builder).Append(s.stance)
				b.Field(4).(*array.StringBuilder).Append(s.outlet)
			}
		})
}
