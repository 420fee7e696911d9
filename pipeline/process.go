package pipeline

import (
	"crypto/sha256"
	"encoding/hex"

	"score/lexicons"
)

// Model is the lexicons and what is built from them once per run (the tone
// scorer, the topic matchers). It is immutable and shared by all workers.
type Model struct {
	Lex    *lexicons.Set
	tone   *toneScorer
	topics *topicSet
}

// NewModel builds the scorers from a lexicon set.
func NewModel(lx *lexicons.Set) *Model {
	return &Model{Lex: lx, tone: newToneScorer(lx.Tone, lx.ToneModel), topics: newTopicSet(newTopicMatchers(lx.Topics))}
}

// Process runs every stage on one article. Problems are data, not errors: a
// valid article always gives a Result.
func Process(a Article, m *Model) Result {
	sum := sha256.Sum256([]byte(a.Text))
	r := Result{Article: a, SHA256: hex.EncodeToString(sum[:])}
	r.Sentences = Segment(a.Text, m.Lex)
	toks := Tokenize(a.Text, r.Sentences) // once, for every stage that reads words
	r.Quotes = FindQuotes(a.Text, r.Sentences, toks, m.Lex)
	ResolveSpeakers(a.Text, r.Sentences, toks, r.Quotes, m.Lex)
	for i := range r.Quotes {
		q := &r.Quotes[i]
		q.Tone = m.tone.Quote(a.Text[q.Start:q.End])
	}
	r.Tone = m.tone.sentences(a.Text, r.Sentences)
	r.Stances = findStances(a.Text, r.Sentences, toks, r.Quotes, m.topics)
	return r
}
