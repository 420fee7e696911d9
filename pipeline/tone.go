package pipeline

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/jonreiter/govader"

	"score/lexicons"
)

//go:generate go test -run TestToneModel -update-tone-model .

// toneScorer scores valence for news: VADER (govader's lexicon and rules, in
// our faithful fast port) over text whose curly apostrophes and quotation
// marks are made straight, its lexicon extended by the news overlay of
// lexicons/tone.txt, blended with a Naive Bayes word model trained on news
// (lexicons/tone_nb.txt). It is built once per Model and safe for
// concurrent use.
type toneScorer struct {
	vader *vader
	nb    *nbModel
	// weight of VADER in the blend (the rest is Naive Bayes); scale
	// sharpens the Naive Bayes posterior; a score <= negCut is negative,
	// >= posCut positive. All come from tone_nb.txt, chosen on NewsMTSC dev.
	weight, scale, negCut, posCut float64
	pool                          sync.Pool
}

// toneScratch is one worker's reusable buffers.
type toneScratch struct {
	cur  *toneWork // what the text being scored leaves
	norm []byte
	ev   []byte // evidence being written
	// For sentences: the work of the strongest sentences so far, strongest
	// first, kept for their evidence instead of scoring them again; and
	// spare works.
	top   []keptSentence
	spare []*toneWork
}

// toneWork is what scoring a text leaves for its evidence.
type toneWork struct {
	vs   vscratch
	nb   nbScratch
	norm string // the text scored, after normalize
}

// keptSentence is a sentence's weight for the text's evidence and its work.
type keptSentence struct {
	weight float64
	work   *toneWork
}

// work returns sc.cur, made on first use.
func (sc *toneScratch) work() *toneWork {
	if sc.cur == nil {
		sc.cur = new(toneWork)
	}
	return sc.cur
}

// govaderBase is govader's analyser, built once: our VADER reads its
// Lexicon, EmojiDict and Constants.
var govaderBase = sync.OnceValue(govader.NewSentimentIntensityAnalyzer)

func newToneScorer(overlay map[string]float64, tm lexicons.ToneModel) *toneScorer {
	t := &toneScorer{
		vader:  newVader(govaderBase(), overlay),
		nb:     newNBModel(tm.Features),
		weight: 1, scale: 1, negCut: -0.05, posCut: 0.05,
	}
	if p := tm.Params["weight"]; len(p) == 1 {
		t.weight = p[0]
	}
	if p := tm.Params["scale"]; len(p) == 1 {
		t.scale = p[0]
	}
	if p := tm.Params["cuts"]; len(p) == 2 {
		t.negCut, t.posCut = p[0], p[1]
	}
	t.vader.setEnders(strings.Fields("end ends ending ended stop stops stopping stopped halt halts halting halted cessation prevent prevents preventing avert averting"))
	t.pool.New = func() any { return new(toneScratch) }
	return t
}

// normalizeMarks makes curly apostrophes and quotation marks straight and
// dashes spaces, so that VADER's tokens meet its lexicon: "isn’t" negates
// like "isn't", and “productive” is found. It appends to buf.
func normalizeMarks(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		// U+2018, U+2019 (apostrophes), U+201C, U+201D (quotation
		// marks), U+2013, U+2014 (dashes) are E2 80 xx.
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98, 0x99:
				buf = append(buf, '\'')
				i += 2
				continue
			case 0x9C, 0x9D:
				buf = append(buf, '"')
				i += 2
				continue
			case 0x93, 0x94:
				buf = append(buf, ' ')
				i += 2
				continue
			}
		}
		buf = append(buf, c)
	}
	return buf
}

// normalize returns normalizeMarks(s) as a string: s itself when there is
// nothing to change (no allocation), a new string otherwise.
func (sc *toneScratch) normalize(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	sc.norm = normalizeMarks(sc.norm[:0], s)
	if string(sc.norm) == s {
		return s
	}
	return string(sc.norm)
}

// parts returns the VADER compound and the Naive Bayes lean of s, leaving
// the words that moved them in sc.cur.
func (t *toneScorer) parts(s string, sc *toneScratch) (v, nb float64, norm string) {
	w := sc.work()
	norm = sc.normalize(s)
	w.norm = norm
	// VADER finds the Naive Bayes's words too as it reads the text
	v, ok := t.vader.scoresNB(norm, &w.vs, &w.nb.words)
	if ok {
		nb = t.nb.scoreWords(norm, t.scale, &w.nb)
	} else {
		nb = t.nb.score(norm, t.scale, &w.nb)
	}
	return v, nb, norm
}

func (t *toneScorer) blend(v, nb float64) float64 {
	return math.Max(-1, math.Min(1, t.weight*v+(1-t.weight)*nb))
}

// Score returns the tone of s: a score in [-1, 1], its label, and the words
// that moved it, strongest first.
func (t *toneScorer) Score(s string) Tone {
	sc := t.pool.Get().(*toneScratch)
	defer t.pool.Put(sc)
	v, nb, _ := t.parts(s, sc)
	c := t.blend(v, nb)
	return Tone{Score: c, Label: t.label(c), Evidence: evidence(sc.cur, &sc.ev, t.weight)}
}

// Quote returns the tone of a quote's words: the lexicon half alone (VADER
// with the news overlay and rules) and VADER's conventional ±0.05 cut.
// The Naive Bayes half learnt NewsMTSC's sentiment toward the person a
// sentence is about, which is not the valence of a speaker's own words: on
// the seed quotes it lowers macro-F1 (0.49 blended, 0.58 without).
func (t *toneScorer) Quote(s string) Tone {
	sc := t.pool.Get().(*toneScratch)
	defer t.pool.Put(sc)
	w := sc.work()
	w.norm = sc.normalize(s)
	c := t.vader.scores(w.norm, &w.vs)
	w.nb.hits = w.nb.hits[:0]
	l := "neutral"
	switch {
	case c <= -quoteCut:
		l = "negative"
	case c >= quoteCut:
		l = "positive"
	}
	return Tone{Score: c, Label: l, Evidence: evidence(w, &sc.ev, 1)}
}

// quoteCut is VADER's conventional neutral band for quotes.
const quoteCut = 0.05

func (t *toneScorer) label(c float64) string {
	switch {
	case c <= t.negCut:
		return "negative"
	case c >= t.posCut:
		return "positive"
	}
	return "neutral"
}

const maxEvidence = 5

// evidence lists the words that moved the score most, strongest first, each
// with its signed weight: VADER's final valence of a word ("productive+2.5",
// after negation, boosters and "but"), and the Naive Bayes lean of a word
// or word pair ("nb:peace talks+1.2"). It reads what scoring a text left in
// work, and writes to the buffer buf.
func evidence(work *toneWork, buf *[]byte, weight float64) []string {
	norm := work.norm
	type ev struct {
		s string
		w float64
	}
	// the strongest maxEvidence, kept by insertion: no sort, no map
	var top [maxEvidence]ev
	k := 0
	// full says whether a word of weight w cannot enter top: adding it
	// would change nothing, whether or not it is already there.
	full := func(w float64) bool { return k == maxEvidence && math.Abs(w) <= math.Abs(top[k-1].w) }
	add := func(s string, w float64) {
		for i := 0; i < k; i++ {
			if top[i].s == s {
				return
			}
		}
		i := k
		if k < maxEvidence {
			k++
		} else if math.Abs(w) <= math.Abs(top[k-1].w) {
			return
		} else {
			i = k - 1
		}
		for i > 0 && math.Abs(top[i-1].w) < math.Abs(w) {
			top[i] = top[i-1]
			i--
		}
		top[i] = ev{s, w}
	}
	for i, x := range work.vs.sent {
		if x != 0 && !full(x*weight) {
			add(work.vs.toks[i].low, x*weight)
		}
	}
	for _, h := range work.nb.hits {
		if w := h.lean * (1 - weight); math.Abs(w) >= 0.3 && !full(w) {
			*buf = appendLower(append((*buf)[:0], "nb:"...), norm[h.start:h.end])
			if !has(top[:k], func(e ev) bool { return e.s == string(*buf) }) {
				add(string(*buf), w)
			}
		}
	}
	if k == 0 {
		return nil
	}
	out := make([]string, k)
	for i, e := range top[:k] {
		b := (*buf)[:0]
		b = append(b, e.s...)
		if e.w >= 0 {
			b = append(b, '+')
		}
		b = appendTenths(b, math.Round(e.w*10))
		out[i] = string(b)
		*buf = b
	}
	return out
}

// appendTenths appends r/10 with one decimal, as
// strconv.AppendFloat(b, r/10, 'f', 1, 64) does for an integral r, "-0.0"
// included, without its general float formatting.
func appendTenths(b []byte, r float64) []byte {
	if r != r || math.Abs(r) >= 1<<50 || r != math.Trunc(r) {
		return strconv.AppendFloat(b, r/10, 'f', 1, 64)
	}
	if math.Signbit(r) {
		b = append(b, '-')
		r = -r
	}
	n := int64(r)
	b = strconv.AppendInt(b, n/10, 10)
	return append(b, '.', byte('0'+n%10))
}

// has says whether f holds for an element of s.
func has[E any](s []E, f func(E) bool) bool {
	for _, e := range s {
		if f(e) {
			return true
		}
	}
	return false
}

// sentences scores every sentence (their Tone field, without evidence:
// no table reads it) and returns the tone of the whole text, their
// length-weighted mean: VADER's compound saturates on long texts, a mean of
// sentences does not. The text's evidence comes from its strongest
// sentences (|score| times length, the first of equal ones first): the
// work of the maxEvidence strongest is kept as they are scored, and the
// others are scored again only when those give fewer than maxEvidence words.
func (t *toneScorer) sentences(text string, sents []Sentence) Tone {
	if len(sents) == 0 {
		return t.Score(text)
	}
	sc := t.pool.Get().(*toneScratch)
	defer t.pool.Put(sc)
	weight := func(s Sentence) float64 { return math.Abs(s.Tone.Score) * float64(s.End-s.Start) }
	top := sc.top[:0]
	sum, n := 0.0, 0
	for i := range sents {
		s := &sents[i]
		v, nb, _ := t.parts(text[s.Start:s.End], sc)
		c := t.blend(v, nb)
		s.Tone = Tone{Score: c, Label: t.label(c)}
		sum += c * float64(s.End-s.Start)
		n += s.End - s.Start
		// keep this sentence's work if it is among the strongest so far:
		// after every earlier one at least as strong
		w := weight(*s)
		p := len(top)
		for p > 0 && top[p-1].weight < w {
			p--
		}
		if p == maxEvidence {
			continue
		}
		var next *toneWork
		if len(top) == maxEvidence {
			next = top[maxEvidence-1].work
			top = top[:maxEvidence-1]
		} else if k := len(sc.spare); k > 0 {
			next, sc.spare = sc.spare[k-1], sc.spare[:k-1]
		} else {
			next = new(toneWork)
		}
		top = slices.Insert(top, p, keptSentence{w, sc.cur})
		sc.cur = next
	}
	defer func() {
		for _, k := range top {
			sc.spare = append(sc.spare, k.work)
		}
		sc.top = top[:0]
	}()
	if n == 0 {
		return Tone{Label: t.label(0)}
	}
	c := sum / float64(n)
	var ev []string
	addEvidence := func(work *toneWork) {
		for _, e := range evidence(work, &sc.ev, t.weight) {
			if len(ev) < maxEvidence && !slices.Contains(ev, e) {
				ev = append(ev, e)
			}
		}
	}
	for _, k := range top {
		if len(ev) == maxEvidence {
			break
		}
		addEvidence(k.work)
	}
	if len(ev) < maxEvidence && len(sents) > len(top) {
		// the kept sentences are the first len(top) in order of weight
		idx := make([]int, len(sents))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return weight(sents[idx[a]]) > weight(sents[idx[b]]) })
		for _, i := range idx[len(top):] {
			if len(ev) == maxEvidence {
				break
			}
			s := sents[i]
			t.parts(text[s.Start:s.End], sc)
			addEvidence(sc.cur)
		}
	}
	return Tone{Score: c, Label: t.label(c), Evidence: ev}
}
