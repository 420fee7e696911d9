package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with byte offsets into
// the article text.
type token struct {
	Start, End int
	Text       string // as written
	Low        string // lower case, curly apostrophes made straight
	Word       bool   // letters or digits, not punctuation
}

// Tokens holds the tokens of each sentence of an article, in the order of
// its sentences. Process tokenizes the sentences once (Tokenize) and hands
// the same Tokens to every stage that reads words: FindQuotes,
// ResolveSpeakers and the stance stage. Stages only read it.
type Tokens [][]token

// Tokenize returns the tokens of every sentence of text, in one shared
// buffer. The lower-case forms of ASCII words with capitals are written to
// one buffer too and made a string once: one allocation per article, not one
// per capitalised word.
func Tokenize(text string, sents []Sentence) Tokens {
	toks, _ := tokenizeInto(nil, text, sents)
	return toks
}

// tokenizeInto is Tokenize writing the tokens to all's storage (grown when
// short), so that Process can reuse one buffer from article to article. It
// also returns the buffer.
func tokenizeInto(all []token, text string, sents []Sentence) (Tokens, []token) {
	if n := len(text)/5 + 8; cap(all) < n {
		all = make([]token, 0, n)
	}
	all = all[:0]
	bounds := make([]int, len(sents)+1)
	var lows []byte
	for i, s := range sents {
		all = scanTokens(all, &lows, text, s.Start, s.End)
		bounds[i+1] = len(all)
	}
	if len(lows) > 0 {
		arena, at := string(lows), 0
		for i := range all {
			if t := &all[i]; t.Word && t.Low == "" {
				t.Low = arena[at : at+len(t.Text)]
				at += len(t.Text)
			}
		}
	}
	toks := make(Tokens, len(sents))
	for i := range sents {
		toks[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	return toks, all
}

// tokenize splits text[lo:hi] into words and punctuation. A word keeps inner
// apostrophes, hyphens and periods (Ukraine’s, pre-2014, U.S.).
func tokenize(text string, lo, hi int) []token {
	return appendTokens(make([]token, 0, (hi-lo)/5+4), text, lo, hi)
}

// appendTokens appends the tokens of text[lo:hi] to out.
func appendTokens(out []token, text string, lo, hi int) []token {
	return scanTokens(out, nil, text, lo, hi)
}

// scanTokens appends the tokens of text[lo:hi] to out. When lows is not nil,
// an ASCII word with capitals gets Low "" and its lower-case form is
// appended to *lows instead, for Tokenize to fill in.
func scanTokens(out []token, lows *[]byte, text string, lo, hi int) []token {
	for i := lo; i < hi; {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:hi])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += w
		case isWordRune(r):
			// what asciiCase(text[i:j]) says, found on the way
			k := asciiLowerOnly
			if r >= utf8.RuneSelf {
				k = notASCII
			} else if 'A' <= r && r <= 'Z' {
				k = asciiUpper
			}
			j := i + w
			for j < hi {
				c := text[j]
				if c < utf8.RuneSelf && asciiLower[c] != 0 { // a letter or digit
					if asciiLower[c] != c && k == asciiLowerOnly {
						k = asciiUpper
					}
					j++
					continue
				}
				r2, w2 := rune(c), 1
				if c >= utf8.RuneSelf {
					k = notASCII // a byte of text[i:j] or not, j stops after it
					r2, w2 = utf8.DecodeRuneInString(text[j:hi])
					if isWordRune(r2) {
						j += w2
						continue
					}
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
			if k == notASCII {
				k = asciiCase(s) // the rune that stopped the word is not in it
			}
			low := s
			switch k {
			case asciiUpper:
				if lows != nil {
					*lows = appendLower(*lows, s)
					low = ""
				} else {
					low = lowerWord(s)
				}
			case notASCII:
				low = lowerWord(s)
			}
			out = append(out, token{Start: i, End: j, Text: s, Low: low, Word: true})
			i = j
		default:
			out = append(out, token{Start: i, End: i + w, Text: text[i : i+w], Low: text[i : i+w]})
			i += w
		}
	}
	return out
}

// What asciiCase finds.
const (
	asciiLowerOnly = iota // ASCII without capitals: its own lower case
	asciiUpper            // ASCII with capitals
	notASCII
)

func asciiCase(s string) int {
	k := asciiLowerOnly
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return notASCII
		}
		if 'A' <= c && c <= 'Z' {
			k = asciiUpper
		}
	}
	return k
}

// titleAbbrev says whether w, followed by a period, is an abbreviated title
// or an initial that keeps its period: Mr., Sen., Rep., John D. Podesta.
func titleAbbrev(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Reps", "Sens", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
		"Adm", "Prof", "Rev", "Jr", "Sr", "St", "Atty", "Supt", "Cmdr", "Maj", "Pres", "Del":
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
	s = strings.TrimSuffix(s, ".")
	for n := 1; ; n++ {
		p, rest, more := strings.Cut(s, ".")
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		if !more {
			return n >= 2
		}
		s = rest
	}
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
func (t *token) capitalized() bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return 'A' <= t.Text[0] && t.Text[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}
