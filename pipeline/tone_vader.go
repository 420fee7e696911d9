package pipeline

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jonreiter/govader"
)

// vader computes VADER's compound score exactly as
// github.com/jonreiter/govader's PolarityScores does, from govader's own
// exported Lexicon, EmojiDict and Constants, but in one pass with no
// per-word allocation: about six times faster. tone_vader_test.go proves the
// two agree. The news extensions (overlay, apostrophes, Naive Bayes) live in
// tone.go, outside this faithful core.
type vader struct {
	// words folds govader's lexicon, booster words, negations and idiom
	// words into one map, so that a token costs one lookup.
	words map[string]winfo
	// maybe has two bits set for the hash of every key of words
	// (maybeBits): a word with either bit clear (most words of a text) is
	// not looked up. It is small enough to stay in the first-level cache.
	maybe *[maybeWords]uint64
	// hs and ents are words again, for lookups: an open-addressing table
	// keyed by the words' FNV-1a hash (the one maybe is indexed by, so a
	// word is hashed once), the hash of each slot in hs (0: empty) and
	// the word and its winfo beside it in ents. A word whose hash is 0
	// is looked up in words.
	hs    []uint64
	ents  []ventry
	shift uint
	// upperLex holds the lexicon entries with capitals (":D", "XD"): the
	// only ones a word as written, not lower-cased, can be.
	upperLex map[string]bool
	// upperFirst has bit min(len, 63) set at the first byte of every key
	// of upperLex: a word whose bit is clear (most) is not looked up.
	upperFirst *[256]uint64
	booster    map[string]float64
	special    map[string]float64
	emoji      map[string]string
	// enders is our news extension, nil in the faithful core: a negative
	// word within four words after one of these ("stop the millions of
	// deaths", "an end to the war") scores 0, and so does the ender
	// itself, since ending a harm is no harm (SPEC section 6 counts it as
	// evenly mixed).
	enders map[string]bool
}

// winfo is what VADER knows of one lower-case word.
type winfo struct {
	val                 float64 // lexicon valence, if inLex
	boost               float64 // booster increment, if isBoost
	inLex, isBoost, neg bool
	ender               bool // one of vader.enders
	// idiom: the word is part of a multi-word special idiom or booster key;
	// an n-gram is built (and looked up) only when all its words are.
	idiom bool
}

// VADER's constants (vaderSentiment, as govader declares them unexported).
const (
	vCapIncr    = 0.733
	vNegScalar  = -0.74
	vAlpha      = 15
	vScale1     = 0.95
	vScale2     = 0.9
	vEPScale    = 0.292
	vQMScale    = 0.18
	vMaxEP      = 4
	vMaxQM      = 0.96
	vNegScale   = 1.25
	vButScale   = 0.5
	vPunctTrims = `"!#$%&\'()*+,-./:;<=>?@[\\]^_` + "`{|}~"
)

func newVader(sia *govader.SentimentIntensityAnalyzer, overlay map[string]float64) *vader {
	v := &vader{
		words:   make(map[string]winfo, len(sia.Lexicon)+len(overlay)),
		booster: sia.Constants.BoosterDict,
		special: sia.Constants.SpecialCaseIdioms,
		emoji:   sia.EmojiDict,
	}
	set := func(w string, f func(*winfo)) {
		x := v.words[w]
		f(&x)
		v.words[w] = x
	}
	v.upperLex = map[string]bool{}
	for _, lex := range []map[string]float64{sia.Lexicon, overlay} {
		for w, x := range lex {
			set(w, func(i *winfo) { i.val, i.inLex = x, true })
			if strings.ToLower(w) != w {
				v.upperLex[w] = true
			}
		}
	}
	for _, w := range sia.Constants.NegateList {
		set(w, func(i *winfo) { i.neg = true })
	}
	for k, x := range v.booster {
		set(k, func(i *winfo) { i.boost, i.isBoost = x, true })
		if strings.Contains(k, " ") {
			for _, w := range strings.Split(k, " ") {
				set(w, func(i *winfo) { i.idiom = true })
			}
		}
	}
	for k := range v.special {
		for _, w := range strings.Split(k, " ") {
			set(w, func(i *winfo) { i.idiom = true })
		}
	}
	for _, w := range vaderRuleWords {
		set(w, func(*winfo) {})
	}
	v.upperFirst = new([256]uint64)
	for w := range v.upperLex {
		v.upperFirst[w[0]] |= 1 << min(len(w), 63)
	}
	v.index()
	return v
}

// ventry is a word of vader.words and what VADER knows of it.
type ventry struct {
	key  string
	info winfo
}

// maybeWords is the size of vader.maybe in 64-bit words (16 KiB).
const maybeWords = 1 << 11

// index builds maybe, hs and ents from words.
func (v *vader) index() {
	v.maybe = new([maybeWords]uint64)
	bits := uint(4)
	for 1<<bits < 2*len(v.words) { // load factor at most 1/2
		bits++
	}
	v.hs, v.ents, v.shift = make([]uint64, 1<<bits), make([]ventry, 1<<bits), 64-bits
	mask := uint64(len(v.hs) - 1)
	for w, x := range v.words {
		h := fnvHash(w)
		i, m := maybeBits(h)
		v.maybe[i] |= m
		if h == 0 {
			continue
		}
		j := (h * 0xc2b2ae3d27d4eb4f) >> v.shift
		for v.hs[j] != 0 {
			j = (j + 1) & mask
		}
		v.hs[j], v.ents[j] = h, ventry{w, x}
	}
}

// fnvHash is the FNV-1a hash of w.
func fnvHash[S string | []byte](w S) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

// maybeBits returns the word of vader.maybe for a word of hash h and the
// mask of its two bits there.
func maybeBits(h uint64) (int, uint64) {
	x := h * 0x9e3779b97f4a7c15
	return int(x >> (64 - 11)), 1<<(x&63) | 1<<((x>>6)&63)
}

// lookup returns what VADER knows of a lower-case word w of hash h
// (fnvHash(w)), and w as a key of vader.words, or "" when it is none.
func lookup[S string | []byte](v *vader, h uint64, w S) (winfo, string) {
	if i, m := maybeBits(h); v.maybe[i]&m != m {
		return winfo{}, ""
	}
	if h == 0 {
		if x, ok := v.words[string(w)]; ok {
			return x, string(w)
		}
		return winfo{}, ""
	}
	mask := uint64(len(v.hs) - 1)
	for j := (h * 0xc2b2ae3d27d4eb4f) >> v.shift; ; j = (j + 1) & mask {
		switch v.hs[j] {
		case h:
			if e := &v.ents[j]; e.key == string(w) {
				return e.info, e.key
			}
		case 0:
			return winfo{}, ""
		}
	}
}

// vaderRuleWords are the words VADER's rules compare a token's lower case
// with. They are keys of vader.words (with no other information when they
// are not already), so that a token whose lower case is not a key, whose
// low is then "", is none of them.
var vaderRuleWords = strings.Fields("kind of no or nor but never so this without doubt")

// asciiShape reads an ASCII token once for scores: the FNV-1a hash of its
// lower case, whether it holds capitals (A-Z), small letters (a-z) and
// "n't" in its lower case, whether it is only letters and digits, and
// whether it is ASCII at all (when it is not, the rest is meaningless).
//
// It reads a byte with no branch: its class (shapeClass) and lower case
// (shapeLower) come from tables, and "n't" is looked for only when the
// token has an apostrophe.
func asciiShape(w string) (h uint64, upper, lower, nt, alnum, ascii bool) {
	h = fnvOffset
	var acc byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		acc |= shapeClass[c]
		h = (h ^ uint64(shapeLower[c])) * fnvPrime
	}
	if acc&shapeNonASCII != 0 {
		return 0, false, false, false, false, false
	}
	if acc&shapeApos != 0 {
		for i := 2; i < len(w); i++ {
			if shapeLower[w[i]] == 't' && w[i-1] == '\'' && shapeLower[w[i-2]] == 'n' {
				nt = true
				break
			}
		}
	}
	return h, acc&shapeUpper != 0, acc&shapeLowerCase != 0, nt, acc&shapeOther == 0, true
}

// The classes of a byte for asciiShape.
const (
	shapeUpper     = 1 << iota // A-Z
	shapeLowerCase             // a-z
	shapeOther                 // neither a letter nor a digit
	shapeApos                  // '
	shapeNonASCII              // a byte of a rune beyond ASCII
)

// shapeClass is the class of each byte, shapeLower its lower case (A-Z
// made a-z, any other byte itself).
var shapeClass, shapeLower = func() (cl, lo [256]byte) {
	for i := range 256 {
		c := byte(i)
		lo[i] = c
		switch {
		case c >= utf8.RuneSelf:
			cl[i] = shapeNonASCII | shapeOther
		case 'A' <= c && c <= 'Z':
			cl[i] = shapeUpper
			lo[i] = c + 'a' - 'A'
		case 'a' <= c && c <= 'z':
			cl[i] = shapeLowerCase
		case '0' <= c && c <= '9':
		case c == '\'':
			cl[i] = shapeApos | shapeOther
		default:
			cl[i] = shapeOther
		}
	}
	return
}()

// vtok is one space-separated token, with what the rules ask of it computed once.
type vtok struct {
	// word is the punctuation-stripped token as written; low is its lower
	// case when that is word itself or a key of vader.words (every word
	// the rules compare, idiom words, lexicon words), else "": no rule
	// tells such a word from "", and no allocation is made for it.
	word, low string
	val       float64 // lexicon valence of low
	boost     float64
	inLex     bool // low is in the lexicon
	inLexWord bool // word, case kept, is in the lexicon (govader checks both)
	ender     bool // low is one of vader.enders
	isBoost   bool
	upper     bool // Python's str.isupper on ASCII letters
	neg       bool // in the negation list or contains "n't"
	idiom     bool
}

// vscratch is reused between calls to avoid allocation.
type vscratch struct {
	toks []vtok
	sent []float64
	low  []byte // a token's lower case, for lookup
}

// setEnders makes ws the enders (see vader.enders).
func (v *vader) setEnders(ws []string) {
	v.enders = map[string]bool{}
	for _, w := range ws {
		v.enders[w] = true
		x := v.words[w]
		x.ender = true
		v.words[w] = x
	}
	v.index()
}

// appendLower appends strings.ToLower(w) to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// prepare returns the text govader scores: emoji replaced by their
// descriptions, invalid UTF-8 by U+FFFD, then trimmed. clean says that
// nothing was replaced: the text is text itself, trimmed.
func (v *vader) prepare(text string) (_ string, clean bool) {
	clean = true
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			clean = false
			break
		}
		if _, ok := v.emoji[text[i:i+n]]; ok {
			clean = false
			break
		}
		i += n
	}
	if !clean {
		var b strings.Builder
		b.Grow(len(text) * 2)
		prevSpace := true
		for _, r := range text {
			chr := string(r)
			if d, ok := v.emoji[chr]; ok {
				if !prevSpace {
					b.WriteByte(' ')
				}
				b.WriteString(d)
				prevSpace = false
			} else {
				b.WriteString(chr)
				prevSpace = chr == " "
			}
		}
		text = b.String()
	}
	return strings.TrimSpace(text), clean
}

// punctSet marks the bytes of vPunctTrims.
var punctSet = func() (s [256]bool) {
	for i := 0; i < len(vPunctTrims); i++ {
		s[vPunctTrims[i]] = true
	}
	return
}()

// trimPunct is strings.Trim(s, vPunctTrims) without building the set each
// call; it also returns where the result starts in s.
func trimPunct(s string) (string, int) {
	i, j := 0, len(s)
	for i < j && punctSet[s[i]] {
		i++
	}
	for j > i && punctSet[s[j-1]] {
		j--
	}
	return s[i:j], i
}

// isUpperASCII is Python's str.isupper as govader approximates it: no a-z
// and at least one A-Z.
func isUpperASCII(s string) bool {
	up := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			up = true
		}
	}
	return up
}

// scores returns the compound score of text and leaves in sc.sent the final
// valence of each token of sc.toks (for evidence).
func (v *vader) scores(text string, sc *vscratch) float64 {
	c, _ := v.scoresNB(text, sc, nil)
	return c
}

// scoresNB is scores, also setting *nbw, when it is not nil, to the words
// of text as nbWords finds them, from the tokens it reads anyway: a token of
// letters and digits (after trimming) is one word, whose hash is the one
// computed for the lexicon, and nbWords reads the others, since a word
// never spans a space. ok says that *nbw holds them: not when text had to
// be changed (emoji, invalid UTF-8), which leaves *nbw as it was.
func (v *vader) scoresNB(orig string, sc *vscratch, nbw *[]nbWord) (c float64, ok bool) {
	text, clean := v.prepare(orig)
	var words []nbWord
	lead := 0 // where text starts in orig
	if nbw != nil && clean {
		words, ok = (*nbw)[:0], true
		lead = len(orig) - len(strings.TrimLeftFunc(orig, unicode.IsSpace))
	}
	toks := sc.toks[:0]
	low := sc.low[:0]
	allUp := 0
	for rest := text; ; {
		tok, after, more := rest, "", false // strings.Cut(rest, " ")
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			tok, after, more = rest[:i], rest[i+1:], true
		}
		w, wAt := trimPunct(tok)
		if len(w) < 3 {
			w, wAt = tok, 0
		}
		h, hasUp, hasLow, nt, alnum, ascii := asciiShape(w)
		if ok {
			at := lead + len(text) - len(rest) // tok in orig
			if alnum && ascii && len(w) > 0 {
				words = append(words, nbWord{h: h, start: at + wAt, end: at + wAt + len(w)})
			} else {
				words = nbWordsIn(orig, at, at+len(tok), words)
			}
		}
		if len(toks) == cap(toks) {
			toks = append(toks, vtok{})[:len(toks)]
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		*t = vtok{word: w, low: w}
		var info winfo
		lowered := false // low differs from word
		switch {
		case ascii && !hasUp: // its own lower case
			info, _ = lookup(v, h, w)
		case ascii: // capitals: lower case differs
			t.upper = !hasLow
			low = appendLower(low[:0], w)
			info, t.low = lookup(v, h, low)
			lowered = true
		default:
			t.upper = isUpperASCII(w)
			low = appendLower(low[:0], w)
			if string(low) != w { // else a word ToLower does not change after all
				info, t.low = lookup(v, fnvHash(low), low)
				lowered = true
			} else {
				info, _ = lookup(v, fnvHash(low), low)
			}
			nt = bytes.Contains(low, []byte("n't"))
		}
		t.val, t.inLex, t.boost, t.isBoost, t.idiom, t.ender = info.val, info.inLex, info.boost, info.isBoost, info.idiom, info.ender
		t.neg = info.neg || nt
		if !lowered {
			t.inLexWord = t.inLex
		} else if len(w) > 0 && v.upperFirst[w[0]]&(1<<min(len(w), 63)) != 0 {
			// govader looks the word up as written too; only a lexicon
			// entry with capitals can match it.
			t.inLexWord = v.upperLex[w]
		}
		if t.upper {
			allUp++
		}
		if !more {
			break
		}
		rest = after
	}
	sc.low = low
	sc.toks = toks
	if ok {
		*nbw = words
	}
	n := len(toks)
	capDiff := allUp > 0 && allUp < n

	sent := sc.sent[:0]
	for i := range toks {
		t := &toks[i]
		if t.isBoost || (i < n-1 && t.low == "kind" && toks[i+1].low == "of") || !t.inLex {
			sent = append(sent, 0)
			continue
		}
		val := t.val
		if t.low == "no" && i+1 < n && toks[i+1].inLex {
			val = 0
		}
		if (i > 0 && toks[i-1].low == "no") || (i > 1 && toks[i-2].low == "no") ||
			(i > 2 && toks[i-3].low == "no" && (toks[i-1].low == "or" || toks[i-1].low == "nor")) {
			val = t.val * vNegScalar
		}
		if t.upper && capDiff {
			if val > 0 {
				val += vCapIncr
			} else {
				val -= vCapIncr
			}
		}
		for k := 0; k < 3; k++ {
			if i <= k || toks[i-(k+1)].inLexWord {
				continue
			}
			p := &toks[i-(k+1)]
			s := 0.0
			if p.isBoost {
				s = p.boost
				if val < 0 {
					s = -s
				}
				if p.upper && capDiff {
					if val > 0 {
						s += vCapIncr
					} else {
						s -= vCapIncr
					}
				}
			}
			if k == 1 && s != 0 {
				s *= vScale1
			}
			if k == 2 && s != 0 {
				s *= vScale2
			}
			val += s
			val = negationCheck(val, toks, k, i)
			if k == 2 {
				val = v.specialIdioms(val, toks, i)
			}
		}
		// govader's leastCheck, on the words as written.
		if i > 1 && !toks[i-1].inLexWord && toks[i-1].word == "least" {
			if toks[i-2].word != "at" && toks[i-2].word != "very" {
				val *= vNegScalar
			}
		} else if i > 0 && !toks[i-1].inLexWord && toks[i-1].word == "least" {
			val *= vNegScalar
		}
		if val < 0 && v.enders != nil {
			for j := max(0, i-4); j <= min(n-1, i+4); j++ {
				// an ender up to four words before, or this word an
				// ender with a harm up to four words after
				if (j < i && toks[j].ender) || (j > i && t.ender && toks[j].inLex && toks[j].val < 0) {
					val = 0
				}
			}
		}
		sent = append(sent, val)
	}
	// "but": what comes before it weighs half, what comes after one and a half.
	for bi := range toks {
		if toks[bi].low == "but" {
			for i := range sent {
				if i < bi {
					sent[i] *= 1 - vButScale
				} else if i > bi {
					sent[i] *= 1 + vButScale
				}
			}
			break
		}
	}
	sc.sent = sent
	sum := 0.0
	for _, s := range sent {
		sum += s
	}
	if len(sent) == 0 {
		return 0, ok
	}
	ep := min(strings.Count(text, "!"), vMaxEP)
	emph := float64(ep) * vEPScale
	if qm := strings.Count(text, "?"); qm > 1 {
		if qm <= 3 {
			emph += float64(qm) * vQMScale
		} else {
			emph += vMaxQM
		}
	}
	if sum > 0 {
		sum += emph
	} else if sum < 0 {
		sum -= emph
	}
	return math.Max(-1, math.Min(1, sum/math.Sqrt(sum*sum+vAlpha))), ok
}

func negationCheck(val float64, toks []vtok, k, i int) float64 {
	low := func(j int) string { return toks[j].low }
	soThis := func(s string) bool { return s == "so" || s == "this" }
	switch k {
	case 0:
		if toks[i-1].neg {
			return val * vNegScalar
		}
	case 1:
		switch {
		case low(i-2) == "never" && soThis(low(i-1)):
			return val * vNegScale
		case low(i-2) == "without" && low(i-1) == "doubt":
			return val
		case toks[i-2].neg:
			return val * vNegScalar
		}
	case 2:
		switch {
		case low(i-3) == "never" && (soThis(low(i-2)) || soThis(low(i-1))):
			return val * vNegScale
		case low(i-3) == "without" && (low(i-2) == "doubt" || low(i-1) == "doubt"):
			return val
		case toks[i-3].neg:
			return val * vNegScalar
		}
	}
	return val
}

// specialIdioms is govader's specialIdiomsCheck, called for i > 2.
func (v *vader) specialIdioms(val float64, toks []vtok, i int) float64 {
	// gram joins the lower-case words j..k, or returns "" when one of them
	// is in no idiom (so the lookup would fail anyway).
	gram := func(j, k int) string {
		for x := j; x <= k; x++ {
			if !toks[x].idiom {
				return ""
			}
		}
		var b strings.Builder
		for x := j; x <= k; x++ {
			if x > j {
				b.WriteByte(' ')
			}
			b.WriteString(toks[x].low)
		}
		return b.String()
	}
	lookup := func(m map[string]float64, g string) (float64, bool) {
		if g == "" {
			return 0, false
		}
		x, ok := m[g]
		return x, ok
	}
	for _, g := range [][2]int{{i - 1, i}, {i - 2, i}, {i - 2, i - 1}, {i - 3, i - 1}, {i - 3, i - 2}} {
		if x, ok := lookup(v.special, gram(g[0], g[1])); ok {
			val = x
			break
		}
	}
	if len(toks)-1 > i {
		if x, ok := lookup(v.special, gram(i, i+1)); ok {
			val = x
		}
	}
	if len(toks)-1 > i+1 {
		if x, ok := lookup(v.special, gram(i, i+2)); ok {
			val = x
		}
	}
	for _, g := range [][2]int{{i - 3, i - 1}, {i - 3, i - 2}, {i - 2, i - 1}} {
		if x, ok := lookup(v.booster, gram(g[0], g[1])); ok {
			val += x
		}
	}
	return val
}
