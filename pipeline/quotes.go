package pipeline

import (
	"slices"
	"strings"

	"score/lexicons"
)

// FindQuotes finds the direct, partial and reported quotes of an article and
// the speaker mention and cue of each (the mention is resolved to a canonical
// speaker by ResolveSpeakers). Quotes come out in text order.
func FindQuotes(text string, sents []Sentence, lx *lexicons.Set) []Quote {
	f := &finder{text: text, sents: sents, lx: lx, toks: make([][]token, len(sents))}
	for i, s := range sents {
		f.toks[i] = tokenize(text, s.Start, s.End)
	}
	marks := scanMarks(text)
	var quotes []Quote
	for _, m := range marks {
		if q, ok := f.quoted(m, quotes); ok {
			quotes = append(quotes, q)
		}
	}
	quotes = f.reported(quotes, marks)
	slices.SortStableFunc(quotes, func(a, b Quote) int { return a.Start - b.Start })
	return quotes
}

type finder struct {
	text  string
	sents []Sentence
	lx    *lexicons.Set
	toks  [][]token
}

// sentenceAt returns the index of the sentence holding byte offset p, or the
// last sentence starting before it.
func (f *finder) sentenceAt(p int) int {
	i, _ := slices.BinarySearchFunc(f.sents, p, func(s Sentence, p int) int {
		switch {
		case s.End <= p:
			return -1
		case s.Start > p:
			return 1
		}
		return 0
	})
	return min(max(i, 0), len(f.sents)-1)
}

// tokenIndex returns the index of the first token of sentence si starting at
// or after p.
func (f *finder) tokenIndex(si, p int) int {
	toks := f.toks[si]
	i, _ := slices.BinarySearchFunc(toks, p, func(t token, p int) int { return t.Start - p })
	return i
}

// cueAt matches the longest reporting form starting at toks[k]; it returns the
// number of tokens matched (0 for none).
func (f *finder) cueAt(toks []token, k int) (lexicons.Verb, int) {
	if k >= len(toks) || !toks[k].Word {
		return lexicons.Verb{}, 0
	}
	for n := min(f.lx.MaxVerbWords, len(toks)-k); n >= 1; n-- {
		words := make([]string, 0, n)
		ok := true
		for j := k; j < k+n; j++ {
			if !toks[j].Word {
				ok = false
				break
			}
			words = append(words, toks[j].Low)
		}
		if !ok {
			continue
		}
		if v, hit := f.lx.Verbs[strings.Join(words, " ")]; hit {
			return v, n
		}
	}
	return lexicons.Verb{}, 0
}

// quoted turns a quoted stretch into a direct or partial quote, or rejects it
// as a title, name or scare quote.
func (f *finder) quoted(m quoted, prev []Quote) (Quote, bool) {
	if len(f.sents) == 0 || m.End <= m.Start {
		return Quote{}, false
	}
	si := f.sentenceAt(m.Open)
	s := f.sents[si]
	content := tokenize(f.text, m.Start, m.End)
	words := 0
	for _, t := range content {
		if t.Word {
			words++
		}
	}
	if words == 0 {
		return Quote{}, false
	}
	q := Quote{Start: m.Start, End: m.End, Sentence: si, CueStart: -1, CueEnd: -1, SpeakerStart: -1, SpeakerEnd: -1}
	toks := f.toks[si]
	openTok := f.tokenIndex(si, m.Open)
	before := toks[:openTok]
	lead := strings.TrimSpace(f.text[s.Start:min(m.Open, s.End)])
	if m.Open < s.Start {
		lead = ""
	}
	standalone := lead == "" || strings.HasSuffix(lead, ":") || strings.HasSuffix(lead, ",") && f.hasCue(before)
	if standalone && (words >= 3 || endsClause(f.text[m.Start:m.End])) {
		q.Kind = Direct
	} else if f.partialCue(before, content) {
		q.Kind = Partial
	} else {
		return Quote{}, false
	}
	f.attribute(&q, m, si, openTok, prev)
	if q.Kind == Direct && q.Speaker == "" && q.SpeakerStart < 0 && !f.continues(m, prev) && words < 6 {
		return Quote{}, false // a short quoted stretch with no speaker anywhere: a title or a term
	}
	return q, true
}

func endsClause(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

func (f *finder) hasCue(toks []token) bool {
	for k := range toks {
		if _, n := f.cueAt(toks, k); n > 0 {
			return true
		}
	}
	return false
}

// partialCue says whether a fragment embedded in a sentence is presented as
// someone's words: a reporting cue or a describing verb shortly before it.
// Short fragments in Title Case with no cue are names, titles or slogans.
func (f *finder) partialCue(before, content []token) bool {
	near := before[max(0, len(before)-6):]
	for k := len(near) - 1; k >= 0; k-- {
		t := near[k]
		if describing[t.Low] {
			return true
		}
		if _, n := f.cueAt(near, k); n > 0 {
			return true
		}
		if t.Low == "." || t.Low == ";" {
			break
		}
	}
	// A longer fragment is words said, even with its cue further away.
	words, title := 0, true
	for _, t := range content {
		if t.Word {
			words++
			if !t.capitalized() {
				title = false
			}
		}
	}
	return words >= 4 && !title && f.hasCue(before)
}

// describing verbs introduce a quoted characterisation: called it “unrealistic”.
var describing = map[string]bool{
	"called": true, "calling": true, "calls": true, "call": true, "as": true, "described": true, "describing": true,
	"dubbed": true, "termed": true, "labeled": true, "labelled": true, "branded": true, "deemed": true,
	"promised": true, "vowed": true, "pledged": true, "urged": true, "warned": true,
}

// continues says whether the quote at m continues the previous quote: a quote
// paragraph with no attribution of its own right after another quote.
func (f *finder) continues(m quoted, prev []Quote) bool {
	if len(prev) == 0 {
		return false
	}
	p := prev[len(prev)-1]
	if p.Kind != Direct {
		return false
	}
	gap := strings.TrimSpace(f.text[p.End:m.Open])
	return len(gap) < 80 && !strings.Contains(gap, ".") || strings.Count(f.text[p.End:m.Open], "\n") <= 2 && len(gap) < 4
}
