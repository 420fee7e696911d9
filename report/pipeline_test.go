package report

import (
	"os"
	"path/filepath"
	"testing"

	"score/lexicons"
	"score/pipeline"
)

// TestPipelineTables reads tables written by pipeline.Run: the report must
// account for every article, quote and stance the run wrote.
func TestPipelineTables(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "in.jsonl")
	lines := `{"id": "k1", "outlet": "Kyiv Daily", "published": "2025-02-12", "text": "“We will never give up our land,” Zelensky said. Fighting continued in the east."}
{"id": "k2", "outlet": "Kyiv Daily", "published": "2025-02-12", "text": "Kremlin spokesman Dmitry Peskov said that Ukraine joining NATO is unrealistic."}
{"id": "w1", "outlet": "Washington Courier", "published": "2025-02-12", "text": "Defense Secretary Pete Hegseth ruled out the deployment of U.S. troops in Ukraine. “The talks were productive,” Trump said."}
{"id": "w2", "outlet": "Washington Courier", "published": "2025-02-13", "text": "Markets rose after the announcement."}
`
	if err := os.WriteFile(input, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	sum, err := pipeline.Run(pipeline.Config{Inputs: []string{input}, Out: out, Workers: 2, Model: pipeline.NewModel(lexicons.Default())})
	if err != nil {
		t.Fatal(err)
	}
	runs, err := FindRuns([]string{out})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != sum.Articles || r.Quotes != sum.Quotes || r.Stances != sum.Stances {
		t.Errorf("report counts articles %d quotes %d stances %d, the run wrote %d %d %d",
			r.Articles, r.Quotes, r.Stances, sum.Articles, sum.Quotes, sum.Stances)
	}
	if len(r.Outlets) != 2 {
		t.Fatalf("%d outlets, want 2", len(r.Outlets))
	}
	for _, o := range r.Outlets {
		if o.Articles != 2 {
			t.Errorf("%s: %d articles, want 2", o.Name, o.Articles)
		}
		n := 0
		for _, c := range o.Affiliation {
			n += c
		}
		if n != o.Quotes {
			t.Errorf("%s: affiliation counts add up to %d, want its %d quotes", o.Name, n, o.Quotes)
		}
		if o.ArticleTone.N != 2 {
			t.Errorf("%s: article tone over %d articles, want 2", o.Name, o.ArticleTone.N)
		}
	}
}
