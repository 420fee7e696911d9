package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"score/lexicons"
)

// TestStanceSeedsShow lists, with -v, every stance the pipeline gives to a
// quote of the seed articles, with its speaker, for reading against the gold.
func TestStanceSeedsShow(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("a listing for reading: run with -v")
	}
	p := filepath.Join("..", "..", "shared", "gold", "seeds.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	defer f.Close()
	m := NewModel(lexicons.Default())
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		r := Process(Article{ID: a.ID, Text: a.Text}, m)
		for _, s := range r.Stances {
			if s.Quote < 0 {
				t.Logf("%s narrative %s %+d %q | %s", a.ID[:3], s.Topic, s.Stance, s.Evidence, a.Text[r.Sentences[s.Sentence].Start:r.Sentences[s.Sentence].End])
				continue
			}
			q := r.Quotes[s.Quote]
			t.Logf("%s %q (%s) %s %+d %q | %s", a.ID[:3], q.SpeakerName, q.SpeakerType, s.Topic, s.Stance, s.Evidence, a.Text[q.Start:q.End])
		}
	}
}
