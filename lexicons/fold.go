package lexicons

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a name or description to the key used for lookups: lower case,
// accents and punctuation removed, a leading "the" dropped, and the common
// transliteration endings of Slavic names made one (Zelenskyy, Zelenskiy and
// Zelensky fold alike). Dotted initials join: "J.D. Vance" and "JD Vance" fold
// alike.
func Fold(s string) string {
	if isASCII(s) {
		return string(appendFoldASCII(nil, s))
	}
	return foldUnicode(s)
}

// AppendFold appends Fold(s) to dst. For ASCII s (most names) it allocates
// nothing beyond dst's growth, so a lookup can fold into a stack buffer.
func AppendFold(dst []byte, s string) []byte {
	if isASCII(s) {
		return appendFoldASCII(dst, s)
	}
	return append(dst, foldUnicode(s)...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// appendFoldASCII is Fold for ASCII s, in one pass: a word is a run of
// letters, digits, dots and apostrophes, the dots and apostrophes dropped;
// anything else separates words. TestFoldASCII holds it to foldUnicode.
func appendFoldASCII(dst []byte, s string) []byte {
	start := len(dst)
	words := 0        // words seen, joined initials counted one by one
	initials := false // the last word written is made of single letters
	leadingThe := false
	for i := 0; i < len(s); {
		if !foldWordByte(s[i]) {
			i++
			continue
		}
		pos := len(dst)
		if words > 0 {
			dst = append(dst, ' ')
		}
		ws := len(dst)
		for ; i < len(s) && foldWordByte(s[i]); i++ {
			switch c := s[i]; {
			case c == '.' || c == '\'':
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			default:
				dst = append(dst, c)
			}
		}
		n := len(dst) - ws
		if n > 0 {
			if words == 0 {
				leadingThe = string(dst[ws:]) == "the"
			}
			words++
		}
		switch {
		case n == 0: // dots and apostrophes only
			dst = dst[:pos]
		case n == 1 && initials: // "J. D." -> "jd"
			dst[pos] = dst[ws]
			dst = dst[:pos+1]
		default:
			initials = n == 1
			if n > 5 {
				switch string(dst[len(dst)-2:]) {
				case "yy", "iy", "yi", "ii":
					dst = append(dst[:len(dst)-2], 'y')
				}
			}
		}
	}
	// a leading word "the" goes, as in foldUnicode: the word as written, not
	// initials joined into it ("t h e 00" keeps "the")
	if words > 1 && leadingThe {
		dst = append(dst[:start], dst[start+4:]...)
	}
	return dst
}

// foldWordByte says whether ASCII c belongs to a word: a letter, a digit, or
// a dot or apostrophe (dropped).
func foldWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '\''
}

// foldUnicode is Fold for any s.
func foldUnicode(s string) string {
	ascii := isASCII(s)
	if !ascii {
		s = norm.NFKD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '.' || r == '\'' || r == '’':
			// "J.D." -> "jd", "Ukraine's" -> "ukraines"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	out := f[:0]
	initials := false // the last word of out is made of single letters
	for _, w := range f {
		// "J. D. Vance": consecutive initials join, as in "JD Vance"
		if len(w) == 1 && initials {
			out[len(out)-1] += w
			continue
		}
		initials = len(w) == 1
		out = append(out, foldTranslit(w))
	}
	return strings.Join(out, " ")
}

func foldTranslit(w string) string {
	if len(w) <= 5 {
		return w
	}
	for _, suf := range []string{"yy", "iy", "yi", "ii"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-2] + "y"
		}
	}
	return w
}
