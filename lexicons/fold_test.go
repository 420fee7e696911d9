package lexicons

import (
	"testing"
	"unicode/utf8"
)

// foldCases are ASCII inputs for the fast path's edge cases: initials,
// a leading "the", transliteration endings, punctuation-only words.
var foldCases = []string{
	"", "the", "The", "the the", "the J", "The Kremlin", "theme park",
	"J.D. Vance", "J. D. Vance", "JD Vance", "A B C D", "a b cd e f",
	"Zelenskyy", "Zelenskiy", "Zelenskii", "Zelensky", "ii", "abcdyy",
	"Ukraine's", "' . '", "x . y", "..", "U.S. officials", "Rep. Gwen Moore (D-Wis.)",
	"Dmitry Peskov, Putin's spokesman", "  spaced\tout\n", "1 2 3", "A-1",
	"the 1 2", "THE US", "O'Brien", "x\x00y", "t h e 00", "the . x",
}

// TestFoldASCII holds the ASCII fast path to the general Fold.
func TestFoldASCII(t *testing.T) {
	for _, s := range foldCases {
		if got, want := string(appendFoldASCII([]byte("pre"), s)), "pre"+foldUnicode(s); got != want {
			t.Errorf("appendFoldASCII(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFoldASCII(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || !isASCII(s) {
			return
		}
		if got, want := string(AppendFold(nil, s)), foldUnicode(s); got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	var buf []byte
	for b.Loop() {
		for _, s := range foldCases {
			buf = AppendFold(buf[:0], s)
		}
	}
}
