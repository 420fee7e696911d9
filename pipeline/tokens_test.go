package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"

	"score/lexicons"
)

// processUncached is Process with every stage tokenizing for itself.
func processUncached(a Article, m *Model) Result {
	sum := sha256.Sum256([]byte(a.Text))
	r := Result{Article: a, SHA256: hex.EncodeToString(sum[:])}
	r.Sentences = Segment(a.Text, m.Lex)
	r.Quotes = FindQuotes(a.Text, r.Sentences, m.Lex)
	ResolveSpeakers(a.Text, r.Sentences, r.Quotes, m.Lex)
	for i := range r.Quotes {
		q := &r.Quotes[i]
		q.Tone = m.tone.Quote(a.Text[q.Start:q.End])
	}
	r.Tone = m.tone.sentences(a.Text, r.Sentences)
	r.Stances = findStances(a.Text, r.Sentences, r.Quotes, m.topics)
	return r
}

// TestTokenCache: with the cache, Process gives what the stages give
// tokenizing for themselves, and appendTokens gives what tokenizing gives,
// for sentences and for any other span.
func TestTokenCache(t *testing.T) {
	m := NewModel(lexicons.Default())
	texts := append([]string{}, vaderCases...)
	texts = append(texts,
		"Zelensky said: “We will never accept the loss of Crimea.” U.S. Sen. J.D. Vance disagreed. Hegseth ruled out U.S. troops.\n\nPeskov said that Moscow rejects Ukraine’s NATO membership.",
		"  Leading space. Trailing space.  \n\n\nA third paragraph; with “unbalanced marks. And more",
	)
	for _, text := range texts {
		a := Article{ID: "x", Text: text}
		if got, want := Process(a, m), processUncached(a, m); !reflect.DeepEqual(got, want) {
			t.Errorf("Process(%q) with the token cache:\n%+v\nwithout:\n%+v", text, got, want)
		}
		sents := Segment(text, m.Lex)
		c := cacheTokens(text, sents)
		for _, s := range sents {
			if got, want := appendTokens(nil, text, s.Start, s.End), tokenizeInto(nil, text, s.Start, s.End); !reflect.DeepEqual(got, want) {
				t.Errorf("sentence %q: cached %v, tokenized %v", text[s.Start:s.End], got, want)
			}
		}
		for lo := 0; lo <= len(text); lo += 7 {
			for hi := lo; hi <= len(text); hi += 5 {
				if got, want := appendTokens(nil, text, lo, hi), tokenizeInto(nil, text, lo, hi); !reflect.DeepEqual(got, want) {
					t.Fatalf("span %d:%d of %q: %v, tokenized %v", lo, hi, text, got, want)
				}
			}
		}
		c.release()
	}
	if n := tokenCached.Load(); n != 0 {
		t.Errorf("%d token caches left after release", n)
	}
}
