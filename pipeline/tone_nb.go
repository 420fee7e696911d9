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
	w map[uint64][3]float64 // centred log-likelihoods: negative, neutral, positive
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newNBModel(features map[string][3]float64) *nbModel {
	m := &nbModel{w: make(map[uint64][3]float64, len(features))}
	for f, w := range features {
		var h uint64
		for i, word := range strings.Fields(f) {
			hw := nbHashWord(word)
			if i == 0 {
				h = hw
			} else {
				h = nbPair(h, hw)
			}
		}
		m.w[h] = w
	}
	return m
}

// nbHashWord is the FNV-1a hash of a word as nbWords lowers it.
func nbHashWord(w string) uint64 {
	var h uint64
	nbWords(w, func(hw uint64, _, _ int) { h = hw })
	return h
}

func nbPair(h1, h2 uint64) uint64 { return (h1^0x9e3779b97f4a7c15)*fnvPrime ^ h2 }

// nbWords calls fn with the hash and byte span of each word of s: a run of
// letters and digits, with inner apostrophes (straight or curly, hashed as
// straight) and hyphens, lower-cased.
func nbWords(s string, fn func(h uint64, start, end int)) {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !nbLetter(r) {
			i += n
			continue
		}
		start := i
		h := uint64(fnvOffset)
		for i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
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
				c := byte(r)
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				h = (h ^ uint64(c)) * fnvPrime
			} else {
				var buf [utf8.UTFMax]byte
				k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, c := range buf[:k] {
					h = (h ^ uint64(c)) * fnvPrime
				}
			}
			i += n
		}
		fn(h, start, i)
	}
}

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

// score returns P(positive) - P(negative) under uniform priors, the
// log-likelihoods multiplied by scale, and appends the features found to hits.
func (m *nbModel) score(s string, scale float64, hits []nbHit) (float64, []nbHit) {
	var l [3]float64
	prev, prevStart, prevEnd := uint64(0), -1, 0
	found := false
	add := func(h uint64, start, end int) bool {
		w, ok := m.w[h]
		if ok {
			found = true
			for c := range l {
				l[c] += w[c]
			}
			hits = append(hits, nbHit{start, end, w[2] - w[0]})
		}
		return ok
	}
	// A pair is looked up only when both its words are known: training
	// keeps a pair only if it keeps its words (a pair is no more frequent
	// than either word), so the other lookups would miss.
	prevKnown := false
	nbWords(s, func(h uint64, start, end int) {
		known := add(h, start, end)
		if known && prevKnown && onlySpace(s[prevEnd:start]) {
			add(nbPair(prev, h), prevStart, end)
		}
		prev, prevStart, prevEnd, prevKnown = h, start, end, known
	})
	if !found {
		return 0, hits
	}
	mx := math.Max(l[0], math.Max(l[1], l[2]))
	var p [3]float64
	sum := 0.0
	for c := range l {
		p[c] = math.Exp(scale * (l[c] - mx))
		sum += p[c]
	}
	return (p[2] - p[0]) / sum, hits
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
