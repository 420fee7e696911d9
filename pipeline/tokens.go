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
// buffer.
func Tokenize(text string, sents []Sentence) Tokens {
	all := make([]token, 0, len(text)/5+8)
	bounds := make([]int, len(sents)+1)
	for i, s := range sents {
		all = appendTokens(all, text, s.Start, s.End)
		bounds[i+1] = len(all)
	}
	toks := make(Tokens, len(sents))
	for i := range sents {
		toks[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
	}
	return toks
}

// tokenize splits text[lo:hi] into words and punctuation. A word keeps inner
// apostrophes, hyphens and periods (Ukraine’s, pre-2014, U.S.).
func tokenize(text string, lo, hi int) []token {
	return appendTokens(make([]token, 0, (hi-lo)/5+4), text, lo, hi)
}

// appendTokens appends the tokens of text[lo:hi] to out.
func appendTokens(out []token, text string, lo, hi int) []token {
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
