package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"score/lexicons"
)

type seedQuote struct {
	Text     string
	Tone     *int
	Optional bool
	Stance   map[string]int
	Speaker  []string
	Kind     string
}

func readSeedQuotes(t *testing.T) []seedQuote {
	p := filepath.Join("..", "..", "shared", "gold", "seeds.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("%s absent (the shared gold is not checked out): %v", p, err)
	}
	defer f.Close()
	var out []seedQuote
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Quotes []seedQuote }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a.Quotes...)
	}
	return out
}

// TestToneSeedQuotes logs the tone macro-F1 on the gold spans of the seed
// quotes (the referee measures it on the quotes the pipeline finds), for
// our scorer and for govader alone.
func TestToneSeedQuotes(t *testing.T) {
	qs := readSeedQuotes(t)
	ts := NewModel(lexicons.Default()).tone
	sia := govaderOnce()
	var gold, ours, gv []int
	for _, q := range qs {
		if q.Optional || q.Tone == nil {
			continue
		}
		gold = append(gold, *q.Tone)
		tn := ts.Quote(q.Text)
		ours = append(ours, map[string]int{"negative": -1, "neutral": 0, "positive": 1}[tn.Label])
		gv = append(gv, labelOf(sia.PolarityScores(q.Text).Compound, -0.05, 0.05))
		if testing.Verbose() && ours[len(ours)-1] != *q.Tone {
			t.Logf("gold %+d got %+.2f %v %q", *q.Tone, tn.Score, tn.Evidence, q.Text)
		}
	}
	t.Logf("seed quotes (gold spans, n=%d): tone macro-F1 ours %.3f, govader alone %.3f", len(gold), macroF1(gold, ours), macroF1(gold, gv))
}
