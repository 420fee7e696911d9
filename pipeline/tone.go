package pipeline

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jonreiter/govader"
)

// toneScorer scores valence with VADER (github.com/jonreiter/govader), its
// lexicon extended by the news overlay of lexicons/tone.txt. It is built once
// per Model and safe for concurrent use.
type toneScorer struct {
	vader *govader.SentimentIntensityAnalyzer
}

func newToneScorer(overlay map[string]float64) *toneScorer {
	v := govader.NewSentimentIntensityAnalyzer()
	for w, val := range overlay {
		v.Lexicon[w] = val
	}
	return &toneScorer{vader: v}
}

// Tone thresholds on VADER's compound score: VADER's own conventional cut.
const toneCut = 0.05

// Score returns the tone of s: VADER's compound score in [-1, 1], a label,
// and the lexicon words that moved it, strongest first.
func (t *toneScorer) Score(s string) Tone {
	// A curly apostrophe breaks VADER's negation ("isn’t good" would score
	// positive), so it is made straight before scoring.
	s = strings.ReplaceAll(s, "’", "'")
	c := t.vader.PolarityScores(s).Compound
	c = math.Max(-1, math.Min(1, c))
	return Tone{Score: c, Label: label(c), Evidence: t.evidence(s)}
}

func label(c float64) string {
	switch {
	case c <= -toneCut:
		return "negative"
	case c >= toneCut:
		return "positive"
	}
	return "neutral"
}

// evidence lists up to five words of s found in the lexicon, with their
// valence, strongest first: "productive+1.9".
func (t *toneScorer) evidence(s string) []string {
	type hit struct {
		w string
		v float64
	}
	var hits []hit
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '-' || r >= 0x80)
	}) {
		if v, ok := t.vader.Lexicon[w]; ok && !seen[w] {
			seen[w] = true
			hits = append(hits, hit{w, v})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return math.Abs(hits[i].v) > math.Abs(hits[j].v) })
	var out []string
	for i, h := range hits {
		if i == 5 {
			break
		}
		out = append(out, fmt.Sprintf("%s%+.1f", h.w, h.v))
	}
	return out
}
