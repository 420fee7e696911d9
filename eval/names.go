package eval

// Comparing a found speaker with the gold's acceptable speakers. These are the
// referee's rules (../shared/referee/names.go), kept apart from
// lexicons.Fold on purpose: the pipeline's own folding is what is being
// measured, so it cannot also be the ruler.

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// titleWords are dropped from a name before comparing: honorifics, offices
// and the pieces of "U.S.".
var titleWords = map[string]bool{
	"the": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"president": true, "vice": true, "prime": true, "minister": true, "secretary": true,
	"general": true, "gen": true, "sen": true, "senator": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"us": true, "u": true, "s": true,
}

// genericNames are gold mentions that stand for an unnamed source.
var genericNames = map[string]bool{
	"unnamed": true, "someone": true, "source": true, "sources": true, "a source": true,
	"official": true, "officials": true, "aide": true, "aides": true, "people": true,
	"analysts": true, "experts": true, "critics": true, "observers": true, "diplomats": true,
}

// foldName reduces a name to lower-case letter and digit words without
// accents, honorifics or offices: "President Volodymyr Zelenskyy",
// "Zelenskiy" and "zelensky" all end in "zelensky". Single letters join into
// one word ("J. D. Vance" is "jd vance"). A name made only of title words
// ("the U.S.") keeps them all.
func foldName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	all := strings.Fields(b.String())
	var words []string
	initials := ""
	for _, w := range all {
		if len(w) == 1 && w != "u" && w != "s" {
			initials += w
			continue
		}
		if initials != "" {
			words, initials = append(words, initials), ""
		}
		if !titleWords[w] {
			words = append(words, translit(w))
		}
	}
	if initials != "" {
		words = append(words, initials)
	}
	if len(words) == 0 {
		return strings.Join(all, " ")
	}
	return strings.Join(words, " ")
}

// translit makes the common romanisations of Slavic name endings one:
// Zelenskyy, Zelenskiy, Zelenskii and Zelenski all end in -y.
func translit(w string) string {
	if len(w) <= 4 {
		return w
	}
	for _, end := range []string{"yy", "iy", "yi", "ii"} {
		if strings.HasSuffix(w, end) {
			return w[:len(w)-2] + "y"
		}
	}
	if strings.HasSuffix(w, "i") {
		return w[:len(w)-1] + "y"
	}
	return w
}

// sameSpeaker says whether a found speaker is one of the gold's acceptable
// speakers. The canonical name is tried first, then the mention as written.
func sameSpeaker(f *Found, gold []string) bool {
	return nameMatches(f.SpeakerName, f.SpeakerType, gold) ||
		f.Speaker != "" && nameMatches(f.Speaker, f.SpeakerType, gold)
}

// nameMatches compares one found name of the given speaker type with the gold
// names. A gold "UNNAMED" or generic mention accepts an unnamed, group or
// nameless speaker. Otherwise the folded names must be equal, or, when either
// has more than one word and the speaker is not an organization, end in the
// same word (a surname: "Trump" is "Donald Trump").
func nameMatches(name, typ string, gold []string) bool {
	fn := foldName(name)
	for _, g := range gold {
		if g == "UNNAMED" || genericNames[strings.ToLower(strings.TrimSpace(g))] {
			if typ == "unnamed" || typ == "group" || fn == "" || fn == "unnamed" || genericNames[fn] {
				return true
			}
			continue
		}
		gn := foldName(g)
		if fn == "" || gn == "" {
			continue
		}
		if fn == gn {
			return true
		}
		fw, gw := strings.Fields(fn), strings.Fields(gn)
		if (len(fw) > 1 || len(gw) > 1) && fw[len(fw)-1] == gw[len(gw)-1] && typ != "organization" {
			return true
		}
	}
	return false
}
