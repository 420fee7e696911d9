package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"score/lexicons"
)

// Model is the lexicons and what is built from them once per run (the tone
// scorer, the topic matchers). It is immutable and shared by all workers.
type Model struct {
	Lex    *lexicons.Set
	tone   *toneScorer
	topics *topicSet
	// tokens holds *[]token buffers for Process to tokenize into: a
	// worker's buffer serves article after article instead of a new one
	// of about ten bytes per byte of text each time.
	tokens sync.Pool
}

// NewModel builds the scorers from a lexicon set.
func NewModel(lx *lexicons.Set) *Model {
	m := &Model{Lex: lx, tone: newToneScorer(lx.Tone, lx.ToneModel), topics: newTopicSet(newTopicMatchers(lx.Topics))}
	m.tokens.New = func() any { return new([]token) }
	return m
}

// Process runs every stage on one article. Problems are data, not errors: a
// valid article always gives a Result.
func Process(a Article, m *Model) Result {
	return process(a, sha256.Sum256([]byte(a.Text)), m)
}

// process is Process given the SHA-256 of a.Text, which Run's reader has
// computed already.
func process(a Article, sum [32]byte, m *Model) Result {
	r := Result{Article: a, SHA256: hex.EncodeToString(sum[:])}
	r.Sentences = Segment(a.Text, m.Lex)
	// Tokenized once, for every stage that reads words. No stage keeps
	// the tokens, so their buffer goes back to the pool at the end.
	buf := m.tokens.Get().(*[]token)
	toks, all := tokenizeInto(*buf, a.Text, r.Sentences)
	defer func() {
		*buf = all[:0]
		m.tokens.Put(buf)
	}()
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
