package pipeline

import (
	"math"
	"strconv"
	"testing"

	"score/lexicons"
)

func TestToneLabels(t *testing.T) {
	m := NewModel(lexicons.Default())
	tests := []struct {
		text, want string
	}{
		// curly apostrophes negate like straight ones
		{"The talks isn’t good.", "negative"},
		{"The call was lengthy and highly productive.", "positive"},
		{"The invasion brought aggression and occupation.", "negative"},
		// ending a harm is no harm (SPEC section 6)
		{"stop the millions of deaths", "neutral"},
		{"The meeting lasted an hour.", "neutral"},
	}
	for _, tt := range tests {
		if got := m.tone.Quote(tt.text); got.Label != tt.want {
			t.Errorf("Quote(%q) = %+v, want %s", tt.text, got, tt.want)
		}
	}
	if ev := m.tone.Quote("lengthy and highly productive").Evidence; len(ev) == 0 || ev[0][:10] != "productive" {
		t.Errorf("evidence = %v, want productive first", ev)
	}
}

func FuzzTone(f *testing.F) {
	for _, s := range vaderCases {
		f.Add(s)
	}
	m := NewModel(lexicons.Default())
	f.Fuzz(func(t *testing.T, s string) {
		for _, tn := range []Tone{m.tone.Score(s), m.tone.Quote(s)} {
			if math.IsNaN(tn.Score) || tn.Score < -1 || tn.Score > 1 {
				t.Errorf("tone(%q) = %v, want a score in [-1, 1]", s, tn.Score)
			}
		}
		sents := []Sentence{{Start: 0, End: len(s)}}
		if tn := m.tone.sentences(s, sents); tn.Score < -1 || tn.Score > 1 {
			t.Errorf("sentences(%q) = %v", s, tn.Score)
		}
	})
}

// BenchmarkTone is the tone stage as Process runs it: every sentence, then
// every quote (here a third of the text), on NewsMTSC or our sentences.
func BenchmarkTone(b *testing.B) {
	texts := vaderCorpus(b)
	m := NewModel(lexicons.Default())
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range texts {
			m.tone.sentences(s, []Sentence{{Start: 0, End: len(s)}})
			m.tone.Quote(s[:len(s)/3])
		}
	}
}

// BenchmarkToneNB is the Naive Bayes half of the tone scorer alone, on every
// sentence of the stage benchmarks' corpus.
func BenchmarkToneNB(b *testing.B) {
	arts := benchCorpus(b)
	m := NewModel(lexicons.Default())
	var sents []string
	for _, a := range arts {
		for _, s := range Segment(a.Text, m.Lex) {
			sents = append(sents, a.Text[s.Start:s.End])
		}
	}
	var sc nbScratch
	loopCPU(b, textBytes(arts), func() {
		for _, s := range sents {
			m.tone.nb.score(s, m.tone.scale, &sc)
		}
	})
}

// TestAppendTenths: appendTenths writes what strconv.AppendFloat writes.
func TestAppendTenths(t *testing.T) {
	check := func(r float64) {
		if got, want := string(appendTenths(nil, r)), strconv.FormatFloat(r/10, 'f', 1, 64); got != want {
			t.Errorf("appendTenths(%v) = %q, want %q", r, got, want)
		}
	}
	for n := -100000; n <= 100000; n++ {
		check(float64(n))
	}
	for _, r := range []float64{math.Copysign(0, -1), 1 << 49, -(1 << 49), 1 << 52, 0.5, math.Inf(1), math.NaN()} {
		check(r)
	}
	for _, w := range []float64{-0.02, 0.04, -0.05, 0.05, 2.449999, -3.15, 1e-9} {
		check(math.Round(w * 10))
	}
}

// TestNBWeightsExact: the Naive Bayes table keeps weights in thousandths,
// which must give back exactly the weights tone_nb.txt holds, or the
// scores would move with the table's layout.
func TestNBWeightsExact(t *testing.T) {
	fs := lexicons.Default().ToneModel.Features
	if len(fs) == 0 {
		t.Fatal("the built-in tone model has no features")
	}
	for f, w := range fs {
		m := nbMilli(w)
		if got := nbWeights(&m); got != w {
			t.Fatalf("feature %q: weights %v come back from the table as %v", f, w, got)
		}
	}
	// a weight with more decimals is read to the thousandth
	m := nbMilli([3]float64{0.12345, -31.9999, 0})
	if got, want := nbWeights(&m), [3]float64{0.123, -32, 0}; got != want {
		t.Errorf("nbWeights(nbMilli) = %v, want %v", got, want)
	}
}
