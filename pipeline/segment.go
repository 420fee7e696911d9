package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"score/lexicons"
)

// Segment splits text into sentences, each within one paragraph. Every
// non-blank line is a paragraph (news files put a paragraph on a line, with or
// without blank lines between them). A sentence ends at . ! ? or … followed
// (after any closing quotation marks and brackets) by white space and a word
// that can start a sentence; a period after a known abbreviation (U.S., Feb.,
// Sen.) or a single capital initial (J. Smith) does not end one.
// Leading and trailing white space is left out of every sentence.
func Segment(text string, lx *lexicons.Set) []Sentence {
	// news has a sentence per 128 bytes (median; 97 at the 10th percentile
	// of PolNeAR articles): room for nearly all of an article's
	// sentences at once, instead of a slice grown by doubling
	out := make([]Sentence, 0, len(text)/96+4)
	para := 0
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = splitSentences(text, start, end, para, lx, out)
			para++
		}
		start = end + 1
	}
	return out
}

// splitSentences appends the sentences of the paragraph text[lo:hi].
func splitSentences(text string, lo, hi, para int, lx *lexicons.Set, out []Sentence) []Sentence {
	s := lo
	for i := lo; i < hi; {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: ASCII that ends nothing
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:hi])
		i += w
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		// Swallow further terminators and closing marks: ?!, ...", .”)
		j := i
		for j < hi {
			r2, w2 := utf8.DecodeRuneInString(text[j:hi])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || isCloseMark(r2) {
				j += w2
				continue
			}
			break
		}
		if j >= hi {
			break
		}
		r2, _ := utf8.DecodeRuneInString(text[j:hi])
		if !unicode.IsSpace(r2) {
			continue // "U.S.-Russia", "3.5", "Yahoo!News"
		}
		k := j
		for k < hi {
			r3, w3 := utf8.DecodeRuneInString(text[k:hi])
			if !unicode.IsSpace(r3) {
				break
			}
			k += w3
		}
		if k >= hi {
			break
		}
		if r == '.' && i == j && isAbbrev(text[s:i-1], lx) {
			continue
		}
		if !startsSentence(text[k:hi]) {
			continue
		}
		out = appendTrimmed(text, s, j, para, out)
		s, i = k, k
	}
	return appendTrimmed(text, s, hi, para, out)
}

func appendTrimmed(text string, s, e, para int, out []Sentence) []Sentence {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	if s < e {
		out = append(out, Sentence{Start: s, End: e, Para: para})
	}
	return out
}

// isAbbrev says whether the word ending before a period is an abbreviation.
func isAbbrev(before string, lx *lexicons.Set) bool {
	k := len(before)
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:k])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' || r == '‘' || r == '—' {
			break
		}
		k -= w
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // an initial: J. Smith
	}
	return lx.Abbrev[strings.ToLower(word)] || initials(word)
}

// initials says whether word is capital letters joined by periods, the
// last period left out: "G.K" of "Rep. G.K. Butterfield".
func initials(word string) bool {
	if len(word) < 3 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; i%2 == 0 && !('A' <= c && c <= 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return len(word)%2 == 1
}

// startsSentence says whether s can begin a sentence: a capital letter or a
// digit, possibly after opening marks.
func startsSentence(s string) bool {
	for _, r := range s {
		switch {
		case isOpenMark(r) || r == '(' || r == '[' || r == '—' || r == '-' || r == '•':
			continue
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		default:
			return false
		}
	}
	return false
}

func isOpenMark(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '\'', '„', '`':
		return true
	}
	return false
}

func isCloseMark(r rune) bool {
	switch r {
	case '"', '”', '’', '»', '\'', ')', ']':
		return true
	}
	return false
}
