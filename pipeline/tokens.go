package pipeline

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is a word or a punctuation mark of a sentence, with byte offsets into
// the article text.
type token struct {
	Start, End int
	Text       string // as written
	Low        string // lower case, curly apostrophes made straight
	Word       bool   // letters or digits, not punctuation
}

// tokenize splits text[lo:hi] into words and punctuation. A word keeps inner
// apostrophes, hyphens and periods (Ukraine’s, pre-2014, U.S.).
func tokenize(text string, lo, hi int) []token {
	return appendTokens(make([]token, 0, (hi-lo)/5+4), text, lo, hi)
}

// appendTokens appends the tokens of text[lo:hi] to out.
func appendTokens(out []token, text string, lo, hi int) []token {
	if c := cachedTokens(text); c != nil {
		if ts, ok := c.sentence(lo, hi); ok {
			return append(out, ts...)
		}
	}
	return tokenizeInto(out, text, lo, hi)
}

// tokenizeInto is appendTokens without the cache.
func tokenizeInto(out []token, text string, lo, hi int) []token {
	for i := lo; i < hi; {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:hi])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += w
		case isWordRune(r):
			j := i + w
			for j < hi {
				r2, w2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, w2 = utf8.DecodeRuneInString(text[j:hi])
				}
				if isWordRune(r2) {
					j += w2
					continue
				}
				// inner joiners: Ukraine’s, pre-2014, U.S.
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '@' {
					r3, _ := utf8.DecodeRuneInString(text[j+w2 : hi])
					if j+w2 < hi && isWordRune(r3) {
						j += w2
						continue
					}
					if r2 == '.' && (isInitials(text[i:j+w2]) || titleAbbrev(text[i:j])) {
						j += w2
						continue
					}
				}
				break
			}
			s := text[i:j]
			out = append(out, token{Start: i, End: j, Text: s, Low: lowerWord(s), Word: true})
			i = j
		default:
			out = append(out, token{Start: i, End: i + w, Text: text[i : i+w], Low: text[i : i+w]})
			i += w
		}
	}
	return out
}

// titleAbbrev says whether w, followed by a period, is an abbreviated title
// or an initial that keeps its period: Mr., Sen., Rep., John D. Podesta.
func titleAbbrev(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Reps", "Sens", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
		"Adm", "Prof", "Rev", "Jr", "Sr", "St", "Atty", "Supt", "Cmdr", "Maj", "Pres":
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isInitials says whether s (ending in a period) is a dotted abbreviation
// like U.S. or J.D.
func isInitials(s string) bool {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func lowerWord(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// capitalized says whether a token starts with an upper-case letter.
func (t token) capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// An article's sentences are tokenized by several stages (quotes, speakers,
// stance), each through appendTokens. While Process runs, a tokenCache holds
// the tokens of every sentence, computed once, and appendTokens copies them
// when asked for exactly a sentence of that text. Tokens are a function of
// the text and the span, so a copy is what tokenizing again would give; the
// cache changes no result, only the time (TestTokenCache).
type tokenCache struct {
	text       string // held, so that its bytes cannot be reused while cached
	starts     []int  // sentence starts, ascending
	ends       []int
	toks       [][]token
	registered bool
}

// tokenCacheKey identifies a text by its bytes in memory, not by content:
// a lookup costs no hashing of the text.
type tokenCacheKey struct {
	p *byte
	n int
}

var (
	tokenCaches sync.Map     // tokenCacheKey -> *tokenCache
	tokenCached atomic.Int64 // entries in tokenCaches: lookups are skipped when 0
)

// cacheTokens tokenizes every sentence of text and serves those tokens to
// appendTokens until release is called.
func cacheTokens(text string, sents []Sentence) *tokenCache {
	c := &tokenCache{text: text, starts: make([]int, len(sents)), ends: make([]int, len(sents)), toks: make([][]token, len(sents))}
	if len(text) == 0 {
		return c
	}
	all := make([]token, 0, len(text)/5+8)
	bounds := make([]int, len(sents)+1)
	for i, s := range sents {
		if i > 0 && s.Start < sents[i-1].Start {
			return c // not in text order: no cache (Segment's always are)
		}
		c.starts[i], c.ends[i] = s.Start, s.End
		all = tokenizeInto(all, text, s.Start, s.End)
		bounds[i+1] = len(all)
	}
	for i := range sents {
		c.toks[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	// The same text in two Process calls at once: the first one's cache
	// serves both, and when it goes the other tokenizes for itself.
	if _, loaded := tokenCaches.LoadOrStore(c.key(), c); !loaded {
		c.registered = true
		tokenCached.Add(1)
	}
	return c
}

func (c *tokenCache) key() tokenCacheKey {
	return tokenCacheKey{unsafe.StringData(c.text), len(c.text)}
}

// release stops serving c's tokens.
func (c *tokenCache) release() {
	if c.registered {
		tokenCaches.Delete(c.key())
		tokenCached.Add(-1)
		c.registered = false
	}
}

// cachedTokens returns the cache for text, or nil.
func cachedTokens(text string) *tokenCache {
	if tokenCached.Load() == 0 || len(text) == 0 {
		return nil
	}
	if c, ok := tokenCaches.Load(tokenCacheKey{unsafe.StringData(text), len(text)}); ok {
		return c.(*tokenCache)
	}
	return nil
}

// sentence returns the tokens of text[lo:hi] if it is one of the sentences.
func (c *tokenCache) sentence(lo, hi int) ([]token, bool) {
	i := sort.SearchInts(c.starts, lo)
	for ; i < len(c.starts) && c.starts[i] == lo; i++ {
		if c.ends[i] == hi {
			return c.toks[i], true
		}
	}
	return nil, false
}
