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
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
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
