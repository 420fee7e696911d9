package pipeline

import (
	"math"
	"sort"
	"strings"

	"score/lexicons"
)

// A stance is decided by composing polarities (see doc.go): every topic term
// found in a clause takes the sign of the product of the cues that govern it
// (favor +1 keeps, against -1 reverses) and of the negations among them.
// "will not accept any settlement that does not involve a full withdrawal"
// is not(-1) accept(+1) not(-1) involve(+1) withdrawal(+1) = +1.

// topicMatcher holds one topic's terms and cues as word sequences.
type topicMatcher struct {
	id    string
	terms [][]string
	cues  []stanceCue
	// the same phrases indexed by their first word
	termIndex, cueIndex phraseIndex
}

// phraseIndex finds the phrases that can start at a word without trying
// them all: those whose first word is that word, and those whose first
// word is a prefix (ends in *) starting with the same byte.
type phraseIndex struct {
	phrases [][]string
	exact   map[string][]int32 // first word -> phrases, in lexicon order
	prefix  [][]int32          // first byte of a prefix first word -> phrases, in lexicon order
	any     []int32            // phrases whose first word is * (for the word "")
}

func newPhraseIndex(phrases [][]string) phraseIndex {
	x := phraseIndex{phrases: phrases, exact: map[string][]int32{}, prefix: make([][]int32, 256)}
	for k, p := range phrases {
		f := p[0]
		switch {
		case !strings.HasSuffix(f, "*"):
			x.exact[f] = append(x.exact[f], int32(k))
		case len(f) == 1: // "*" alone matches every word
			for b := range x.prefix {
				x.prefix[b] = append(x.prefix[b], int32(k))
			}
			x.any = append(x.any, int32(k))
		default:
			x.prefix[f[0]] = append(x.prefix[f[0]], int32(k))
		}
	}
	return x
}

// matchAt returns the length of the longest phrase matching words at i, or
// 0, and its index: among phrases of the same length, the first. It tries
// only the phrases that can match, and so gives what trying them all in
// order gives (matchAtAll in stance_test.go, and TestPhraseIndex).
func (x *phraseIndex) matchAt(words []string, i int) (n int, which int) {
	which = -1
	w := words[i]
	ex := x.exact[w]
	px := x.any
	if w != "" {
		px = x.prefix[w[0]]
	}
	// both lists are in lexicon order: merge them to keep matchAt's
	// preference for the first of equally long phrases
	for len(ex) > 0 || len(px) > 0 {
		var k int32
		if len(px) == 0 || len(ex) > 0 && ex[0] < px[0] {
			k, ex = ex[0], ex[1:]
		} else {
			k, px = px[0], px[1:]
		}
		if p := x.phrases[k]; len(p) > n && phraseAt(words, i, p) {
			n, which = len(p), int(k)
		}
	}
	return n, which
}

type stanceCue struct {
	words []string
	side  int // +1 favor: keeps the direction; -1 against: reverses it
}

// phraseWords splits a lexicon phrase into lower-case words as tokenize
// makes them, keeping a trailing * (a wildcard) on its word.
func phraseWords(p string) []string {
	var ws []string
	for _, f := range strings.Fields(p) {
		star := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		for _, t := range tokenize(f, 0, len(f)) {
			if t.Word {
				ws = append(ws, t.Low)
			}
		}
		if star && len(ws) > 0 {
			ws[len(ws)-1] += "*"
		}
	}
	return ws
}

func newTopicMatchers(ts []lexicons.Topic) []topicMatcher {
	out := make([]topicMatcher, len(ts))
	for i, t := range ts {
		m := topicMatcher{id: t.ID}
		for _, p := range t.Terms {
			if ws := phraseWords(p); len(ws) > 0 {
				m.terms = append(m.terms, ws)
			}
		}
		for _, side := range []struct {
			ps   []string
			sign int
		}{{t.Favor, +1}, {t.Against, -1}} {
			for _, p := range side.ps {
				if ws := phraseWords(p); len(ws) > 0 {
					m.cues = append(m.cues, stanceCue{ws, side.sign})
				}
			}
		}
		m.termIndex = newPhraseIndex(m.terms)
		cuePhrases := make([][]string, len(m.cues))
		for k, c := range m.cues {
			cuePhrases[k] = c.words
		}
		m.cueIndex = newPhraseIndex(cuePhrases)
		out[i] = m
	}
	return out
}

// Words that end the reach of the cues before them: a new clause.
var clauseBreaks = map[string]bool{"but": true, "however": true, "while": true, "whereas": true, "although": true, "though": true, "yet": true}

// Auxiliaries and copulas after a term open its predicate ("U.S. troops
// would not be deployed", "joining NATO was unrealistic"), whose cues govern
// the term too.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"will": true, "would": true, "should": true, "could": true, "can": true, "may": true, "might": true,
	"must": true, "shall": true, "has": true, "have": true, "had": true, "remains": true, "remain": true,
	"remained": true, "seems": true, "seemed": true, "appears": true, "appeared": true,
}

// hedges leave open the cues after them and before the term: "hinted at
// the possibility of swapping occupied territories" takes no position.
var hedges = map[string]bool{
	"possibility": true, "possible": true, "possibly": true, "perhaps": true, "maybe": true,
	"whether": true, "if": true, "potential": true, "potentially": true, "hypothetical": true,
}

// isNegator says whether w negates what it governs.
func isNegator(w, next string) bool {
	switch w {
	case "not":
		return next != "only"
	case "never", "no", "without", "cannot", "neither", "nor":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

// wordMatch compares a phrase word with a text word; a phrase word ending
// in * matches any word starting with the rest.
func wordMatch(p, w string) bool {
	if strings.HasSuffix(p, "*") {
		return strings.HasPrefix(w, p[:len(p)-1])
	}
	return p == w
}

// span is a matched phrase or negator: words[start:end].
type span struct {
	start, end int
	side       int // -1 against or negation, +1 favor
	neg        bool
	hedge      bool // a hedge word: no sign of its own
}

// stanceFound is a topic's stance in one stretch of text.
type stanceFound struct {
	stance   int
	score    float64
	evidence string
}

// stanceOf decides the topic's stance in words (lower case; "" marks a
// clause boundary). ok is false when no term appears.
func (m *topicMatcher) stanceOf(words []string) (stanceFound, bool) {
	var terms []span
	for i := 0; i < len(words); {
		if n, _ := m.termIndex.matchAt(words, i); n > 0 {
			terms = append(terms, span{start: i, end: i + n})
			i += n
			continue
		}
		i++
	}
	if len(terms) == 0 {
		return stanceFound{}, false
	}
	// Cues and negators, in text order, and where each clause starts.
	var ops []span
	clause := make([]int, len(words)+1) // clause[i]: start of i's clause
	start := 0
	for i := 0; i < len(words); {
		w := words[i]
		if w == "" || clauseBreaks[w] {
			start = i + 1
			clause[i] = start
			i++
			continue
		}
		clause[i] = start
		if n, k := m.cueIndex.matchAt(words, i); n > 0 {
			// "and accept ...": a new verb phrase; the cues before it
			// govern the first one only.
			if i > 0 && (words[i-1] == "and" || words[i-1] == "or") && !within(terms, i) {
				start = i
				clause[i] = i
			}
			ops = append(ops, span{start: i, end: i + n, side: m.cues[k].side})
			for j := i + 1; j < i+n; j++ {
				clause[j] = start
			}
			i += n
			continue
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if isNegator(w, next) {
			ops = append(ops, span{start: i, end: i + 1, side: -1, neg: true})
		}
		if hedges[w] {
			ops = append(ops, span{start: i, end: i + 1, hedge: true})
		}
		i++
	}
	clause[len(words)] = start

	var sum float64
	var best stanceFound
	bestConf, mention := -1.0, ""
	for _, t := range terms {
		cs := clause[t.start]
		// the predicate: an auxiliary within four words after the term
		predFrom, predTo := -1, -1
		for j := t.end; j < len(words) && j < t.end+5 && clause[j] == cs && words[j] != ""; j++ {
			if auxiliaries[words[j]] {
				predFrom, predTo = j, min(len(words), j+8)
				break
			}
		}
		sign, cues, nearest := 1, false, math.MaxInt
		var used []span
		hedged := ""
		for _, o := range ops {
			inClause := clause[o.start] == cs && o.start >= cs
			pre := o.end <= t.start && inClause
			inner := o.start < t.end && o.end > t.start
			post := predFrom >= 0 && o.start >= predFrom && o.start < predTo && inClause
			if !pre && !inner && !post {
				continue
			}
			if o.hedge {
				if pre {
					hedged = words[o.start]
				}
				continue
			}
			if hedged != "" && (pre || inner) {
				continue // an open possibility, not a position
			}
			sign *= o.side
			used = append(used, o)
			if !o.neg {
				cues = true
				nearest = min(nearest, distance(o, t))
			}
		}
		term := strings.Join(words[t.start:t.end], " ")
		if mention == "" {
			mention = "term: " + term
			if hedged != "" {
				mention += "; hedged: " + hedged
			}
		}
		if !cues {
			continue
		}
		conf := 1 / (1 + float64(nearest)/8)
		sum += float64(sign) * conf
		if conf > bestConf {
			bestConf = conf
			var ev []string
			for _, o := range used {
				ev = append(ev, strings.Join(words[o.start:o.end], " "))
			}
			best = stanceFound{stance: sign, score: conf, evidence: "term: " + term + "; cue: " + strings.Join(ev, " ")}
		}
	}
	switch {
	case bestConf < 0: // terms, no cue: a mention
		return stanceFound{stance: 0, score: 0.5, evidence: mention}, true
	case sum == 0: // cues on both sides weigh the same
		best.stance = 0
	case (sum > 0) != (best.stance > 0):
		best.stance = -best.stance
	}
	best.score = math.Round(math.Min(1, math.Abs(sum))*1000) / 1000
	return best, true
}

func within(terms []span, i int) bool {
	for _, t := range terms {
		if i >= t.start && i < t.end {
			return true
		}
	}
	return false
}

// distance in words between a cue and a term (0 when they overlap).
func distance(o, t span) int {
	switch {
	case o.end <= t.start:
		return t.start - o.end
	case o.start >= t.end:
		return o.start - t.end
	}
	return 0
}

// stanceWords returns the lower-case words of text[lo:hi], with "" for
// punctuation that ends a clause.
func stanceWords(text string, lo, hi int) []string {
	ws, _ := appendStanceWords(nil, nil, text, lo, hi)
	return ws
}

// appendStanceWords is stanceWords appending to ws, with toks as scratch
// for the tokens.
func appendStanceWords(ws []string, toks []token, text string, lo, hi int) ([]string, []token) {
	toks = appendTokens(toks[:0], text, lo, hi)
	return appendWords(ws, toks), toks
}

// appendQuoteWords is appendStanceWords(ws, toks, text, lo, hi), the words
// of a quote, taken from the article's tokens (sentToks, the tokens of
// sents) wherever tokenizing text[lo:hi] alone gives the same ones, and
// from tokenizing the rest. From a place where both tokenizings are between
// tokens, they make the same tokens as long as neither meets its end:
// tokenizing the quote alone only stops sooner at hi, so a token of the
// article ending by hi is one of the quote's too; the article's tokenizing
// stops at the sentence's end and reads at most 8 bytes past a token's end
// (a joiner, the rune after it), so a token ending 8 bytes before it is the
// same in both, and when the sentence ends at a space (which ends any
// token in both) every token is. A quote running on into the next
// sentence takes its tokens too, as long as only spaces come between.
// TestQuoteWords holds it to appendStanceWords.
func appendQuoteWords(ws []string, toks []token, text string, sents []Sentence, sentToks Tokens, lo, hi int) ([]string, []token) {
	if len(sentToks) != len(sents) {
		return appendStanceWords(ws, toks, text, lo, hi)
	}
	pos := lo
	s := sort.Search(len(sents), func(i int) bool { return sents[i].End > lo })
	for ; pos < hi && s < len(sents); s++ {
		st, end := sents[s].Start, sents[s].End
		if st < pos && s > 0 && sents[s-1].End > st {
			break // overlapping sentences: tokenize the rest
		}
		if pos < st {
			if !onlyBlank(text[pos:min(st, hi)]) {
				break
			}
			pos = st
			if pos >= hi {
				break
			}
		}
		ts := sentToks[s]
		k := sort.Search(len(ts), func(i int) bool { return ts[i].End > pos })
		if k < len(ts) && ts[k].Start < pos {
			break // pos inside a token
		}
		blankEnd := end == len(text) || isBlankByte(text[end])
		if hi > end && blankEnd {
			ws = appendWords(ws, ts[k:])
			pos = end
			continue
		}
		bound := min(hi, end)
		if !blankEnd {
			bound = min(hi, end-8)
		}
		j := k
		for j < len(ts) && ts[j].End <= bound {
			j++
		}
		ws = appendWords(ws, ts[k:j])
		if j > k {
			pos = ts[j-1].End
		}
		break
	}
	if pos < hi {
		toks = appendTokens(toks[:0], text, pos, hi)
		ws = appendWords(ws, toks)
	}
	return ws, toks
}

// isBlankByte says whether c is a byte scanTokens skips that ends any token.
func isBlankByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// onlyBlank says whether s holds only bytes isBlankByte.
func onlyBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isBlankByte(s[i]) {
			return false
		}
	}
	return true
}

// appendWords appends the lower-case words of toks to ws, with "" for
// punctuation that ends a clause.
func appendWords(ws []string, toks []token) []string {
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Word:
			ws = append(ws, t.Low)
		case strings.ContainsAny(t.Text, ".;:!?()[]"):
			ws = append(ws, "")
		}
	}
	return ws
}

// topicSet is the topics of a Model, with an index of the first words of
// all their terms, so that a stretch of text is read once to know which
// topics it can name; the others cannot match and are skipped.
type topicSet struct {
	matchers []topicMatcher
	first    map[string]uint64 // first word of a term -> topics (bits)
	// firstLen has bit min(len, 63) set at a first word's first byte
	// for every key of first: a word whose bit is clear (most) is not
	// looked up.
	firstLen [256]uint64
	prefix   [][]termPrefix // first byte -> terms whose first word is a prefix (ends in *)
	any      uint64         // topics with a term whose first word is * alone
}

type termPrefix struct {
	prefix string
	topics uint64
}

func newTopicSet(ms []topicMatcher) *topicSet {
	ts := &topicSet{matchers: ms}
	if len(ms) > 64 {
		return ts // no index: every topic is tried
	}
	ts.first, ts.prefix = map[string]uint64{}, make([][]termPrefix, 256)
	for ti, m := range ms {
		bit := uint64(1) << ti
		for _, p := range m.terms {
			f := p[0]
			switch {
			case !strings.HasSuffix(f, "*"):
				ts.first[f] |= bit
				if f != "" {
					ts.firstLen[f[0]] |= 1 << min(len(f), 63)
				} else {
					ts.firstLen[0] |= 1 // "" (never a term's word) takes the slow path
				}
			case len(f) == 1:
				ts.any |= bit
			default:
				ts.prefix[f[0]] = append(ts.prefix[f[0]], termPrefix{f[:len(f)-1], bit})
			}
		}
	}
	return ts
}

// candidates returns the topics (bits) with a term whose first word is
// one of words: only they can be found in words.
func (ts *topicSet) candidates(words []string) uint64 {
	if ts.first == nil {
		return ^uint64(0)
	}
	mask := uint64(0)
	if len(words) > 0 {
		mask = ts.any
	}
	slowEmpty := ts.firstLen[0]&1 != 0
	for _, w := range words {
		if w == "" {
			if slowEmpty {
				mask |= ts.first[w]
			}
			continue
		}
		if ts.firstLen[w[0]]&(1<<min(len(w), 63)) != 0 {
			mask |= ts.first[w]
		}
		for _, p := range ts.prefix[w[0]] {
			if strings.HasPrefix(w, p.prefix) {
				mask |= p.topics
			}
		}
	}
	return mask
}

// findStances scores every topic for every quote (held by its speaker) and
// for every narrative sentence, the sentences outside all quotes. A quote's
// words are its content, preceded by its cue when the cue comes first in the
// same sentence ("ruled out" + "the deployment of U.S. troops").
//
// sentToks are the tokens of sents (Tokenize); a quote's span is tokenized
// here.
func findStances(text string, sents []Sentence, sentToks Tokens, quotes []Quote, topics *topicSet) []Stance {
	var out []Stance
	var ws []string
	var toks []token
	score := func(qi, si int) {
		mask := topics.candidates(ws)
		for ti := range topics.matchers {
			if ti < 64 && mask&(1<<ti) == 0 {
				continue
			}
			tm := &topics.matchers[ti]
			if f, ok := tm.stanceOf(ws); ok {
				out = append(out, Stance{Quote: qi, Sentence: si, Topic: tm.id, Stance: f.stance, Score: f.score, Evidence: f.evidence})
			}
		}
	}
	for qi, q := range quotes {
		lo := q.Start
		if q.CueStart >= 0 && q.CueEnd <= q.Start && q.Sentence >= 0 && q.Sentence < len(sents) &&
			q.CueStart >= sents[q.Sentence].Start {
			lo = q.CueStart
		}
		ws, toks = appendQuoteWords(ws[:0], toks, text, sents, sentToks, lo, q.End)
		score(qi, q.Sentence)
	}
	for si, s := range sents {
		narrative := true
		for _, q := range quotes {
			if q.Start < s.End && s.Start < q.End {
				narrative = false
				break
			}
		}
		if !narrative {
			continue
		}
		ws = appendWords(ws[:0], sentToks[si])
		score(-1, si)
	}
	return out
}

// phraseAt says whether the phrase p matches words from words[i].
func phraseAt(words []string, i int, p []string) bool {
	if i+len(p) > len(words) {
		return false
	}
	for j, pw := range p {
		if !wordMatch(pw, words[i+j]) {
			return false
		}
	}
	return true
}
