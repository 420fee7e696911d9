package pipeline

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nbModel is the Naive Bayes half of the tone scorer: a multinomial model
// over lower-case words and adjacent word pairs, trained on NewsMTSC (see
// lexicons/tone_nb.txt and TestToneModel). Features are looked up by a
// 64-bit hash of their words, so scoring allocates nothing.
type nbModel struct {
	w nbTable // centred log-likelihoods: negative, neutral, positive
	// pairs has two bits set for the hash of every word pair of w
	// (pairBits): a pair of known words with either bit clear (about
	// half of them) is not looked up in w, whose misses mostly miss the
	// cache too.
	pairs *[pairWords]uint64
}

// pairWords is the size of nbModel.pairs in 64-bit words (64 KiB).
const pairWords = 1 << 13

// pairBits returns the word of nbModel.pairs for a pair of hash h and the
// mask of its two bits there.
func pairBits(h uint64) (int, uint64) {
	x := h * 0xc2b2ae3d27d4eb4f
	return int(x >> (64 - 13)), 1<<(x&63) | 1<<((x>>6)&63)
}

// nbTable maps a feature hash to its weights: open addressing with linear
// probing, key and weights side by side in 16 bytes, so that a hit costs
// one cache line and the whole table (1 MB for the built-in model) stays
// in a core's L2 cache, where 32-byte slots of float64 weights did not:
// its lookups were 7% of a run's CPU time, mostly cache misses. A weight
// is kept in thousandths, the precision tone_nb.txt is written with;
// float64(k)/1000 is exactly the float64 that ParseFloat reads for k
// thousandths, so the scores are the same.
type nbTable struct {
	slots    []nbSlot // 0 marks an empty slot
	shift    uint     // 64 - log2(len(slots))
	zero     bool     // the key 0, which cannot be stored in slots
	zeroSlot nbSlot
}

type nbSlot struct {
	key uint64
	w   [3]int16 // thousandths
	// next has the bit nextBit(h) set for the hash h of every word that
	// follows this one in a pair feature: most pairs of known words are
	// ruled out here, in the cache line the word's lookup brought, before
	// nbModel.pairs is read.
	next uint16
}

// nextBit is the bit of nbSlot.next for a second word of hash h.
func nextBit(h uint64) uint16 { return 1 << (h >> 60) }

// nbMilli is a weight in thousandths, rounded, within the range of int16
// (the lexicon loader allows weights in [-32, 32]).
func nbMilli(w [3]float64) (m [3]int16) {
	for c, x := range w {
		m[c] = int16(max(math.MinInt16, min(math.MaxInt16, math.Round(x*1000))))
	}
	return m
}

// nbWeights returns thousandths m as float64 weights.
func nbWeights(m *[3]int16) [3]float64 {
	return [3]float64{float64(m[0]) / 1000, float64(m[1]) / 1000, float64(m[2]) / 1000}
}

func newNBTable(n int) nbTable {
	bits := uint(4)
	for 3<<bits < 4*n { // load factor at most 3/4
		bits++
	}
	return nbTable{slots: make([]nbSlot, 1<<bits), shift: 64 - bits}
}

// put sets the weights of key h, replacing earlier ones.
func (t *nbTable) put(h uint64, w [3]float64) {
	m := nbMilli(w)
	if h == 0 {
		t.zero, t.zeroSlot.w = true, m
		return
	}
	mask := uint64(len(t.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == 0 || s.key == h {
			s.key, s.w = h, m
			return
		}
	}
}

// get returns the slot of key h, its weights in thousandths (nbWeights).
func (t *nbTable) get(h uint64) (*nbSlot, bool) {
	if h == 0 {
		return &t.zeroSlot, t.zero
	}
	mask := uint64(len(t.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == h {
			return s, true
		}
		if s.key == 0 {
			return nil, false
		}
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newNBModel(features map[string][3]float64) *nbModel {
	m := &nbModel{w: newNBTable(len(features)), pairs: new([pairWords]uint64)}
	var pairs [][2]uint64 // the hashes of the words of every pair
	for f, w := range features {
		var h, first uint64
		words := strings.Fields(f)
		for i, word := range words {
			hw := nbHashWord(word)
			if i == 0 {
				h, first = hw, hw
			} else {
				h = nbPair(h, hw)
			}
			if i == 1 && len(words) == 2 {
				pairs = append(pairs, [2]uint64{first, hw})
			}
		}
		m.w.put(h, w)
		if len(words) > 1 {
			i, b := pairBits(h)
			m.pairs[i] |= b
		}
	}
	// a pair is looked up only after its first word is found (scoreWords)
	for _, p := range pairs {
		if s, ok := m.w.get(p[0]); ok {
			s.next |= nextBit(p[1])
		}
	}
	return m
}

// nbHashWord is the FNV-1a hash of a word as nbWords lowers it.
func nbHashWord(w string) uint64 {
	var h uint64
	if ws := nbWords(w, nil); len(ws) > 0 {
		h = ws[len(ws)-1].h
	}
	return h
}

func nbPair(h1, h2 uint64) uint64 { return (h1^0x9e3779b97f4a7c15)*fnvPrime ^ h2 }

// nbWords appends the hash and byte span of each word of s to out: a run of
// letters and digits, with inner apostrophes (straight or curly, hashed as
// straight) and hyphens, lower-cased.
func nbWords(s string, out []nbWord) []nbWord {
	return nbWordsIn(s, 0, len(s), out)
}

// nbWordsIn is nbWords on s[lo:hi], the spans being in s.
func nbWordsIn(s string, lo, hi int, out []nbWord) []nbWord {
	s = s[:hi]
	for i := lo; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiLower[c] == 0 {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); !nbLetter(r) {
			i += n
			continue
		}
		start := i
		h := uint64(fnvOffset)
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if l := asciiLower[c]; l != 0 {
					h = (h ^ uint64(l)) * fnvPrime
					i++
					continue
				}
				if c != '\'' && c != '-' {
					break
				}
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\'' || r == '’' || r == '-' {
				// a joiner only between two letters
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if i+n >= len(s) || !nbLetter(r2) {
					break
				}
				if r == '’' {
					r = '\''
				}
			} else if !nbLetter(r) {
				break
			}
			if r < utf8.RuneSelf {
				h = (h ^ uint64(r)) * fnvPrime // ' or -
			} else {
				var buf [utf8.UTFMax]byte
				k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, c := range buf[:k] {
					h = (h ^ uint64(c)) * fnvPrime
				}
			}
			i += n
		}
		out = append(out, nbWord{h: h, start: start, end: i})
	}
	return out
}

// asciiLower maps an ASCII letter or digit to its lower case, anything else to 0.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

func nbLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// nbHit is a feature that moved the score, for evidence.
type nbHit struct {
	start, end int     // byte span in the scored text
	lean       float64 // positive minus negative log-likelihood
}

// nbScratch is one worker's buffers for score.
type nbScratch struct {
	words []nbWord
	hits  []nbHit // the features found, in the order they were added
}

// nbWord is a word of the scored text and its weights in thousandths
// (nbWeights), nil when unknown.
type nbWord struct {
	h          uint64
	start, end int
	w          *nbSlot
}

// score returns P(positive) - P(negative) under uniform priors, the
// log-likelihoods multiplied by scale, and leaves the features found in
// sc.hits. The words are hashed first and looked up together, so that the
// table's cache misses overlap; the weights are then added word by word,
// each pair after its second word, in text order.
func (m *nbModel) score(s string, scale float64, sc *nbScratch) float64 {
	sc.words = nbWords(s, sc.words[:0])
	return m.scoreWords(s, scale, sc)
}

// scoreWords is score with sc.words already nbWords(s).
func (m *nbModel) scoreWords(s string, scale float64, sc *nbScratch) float64 {
	ws := sc.words
	for i := range ws {
		ws[i].w, _ = m.w.get(ws[i].h)
	}
	sc.words = ws
	hits := sc.hits[:0]
	var l [3]float64
	add := func(m *nbSlot, start, end int) {
		w := nbWeights(&m.w)
		for c := range l {
			l[c] += w[c]
		}
		hits = append(hits, nbHit{start, end, w[2] - w[0]})
	}
	// A pair is looked up only when both its words are known: training
	// keeps a pair only if it keeps its words (a pair is no more frequent
	// than either word), so the other lookups would miss.
	for i, x := range ws {
		if x.w == nil {
			continue
		}
		add(x.w, x.start, x.end)
		if i > 0 {
			if p := ws[i-1]; p.w != nil && p.w.next&nextBit(x.h) != 0 && onlySpace(s[p.end:x.start]) {
				h := nbPair(p.h, x.h)
				if j, b := pairBits(h); m.pairs[j]&b == b {
					if w, ok := m.w.get(h); ok {
						add(w, p.start, x.end)
					}
				}
			}
		}
	}
	sc.hits = hits
	if len(hits) == 0 {
		return 0
	}
	mx := math.Max(l[0], math.Max(l[1], l[2]))
	var p [3]float64
	sum := 0.0
	for c := range l {
		p[c] = math.Exp(scale * (l[c] - mx))
		sum += p[c]
	}
	return (p[2] - p[0]) / sum
}

// onlySpace says whether two words are adjacent: nothing but spaces between.
func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return len(s) > 0
}
