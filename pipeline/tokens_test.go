package pipeline

import (
	"reflect"
	"testing"

	"score/lexicons"
)

// TestTokenize: the tokens Tokenize shares between the stages are, sentence
// by sentence, what each stage would get tokenizing the sentence itself.
func TestTokenize(t *testing.T) {
	lx := lexicons.Default()
	texts := append([]string{}, vaderCases...)
	texts = append(texts,
		"Zelensky said: “We will never accept the loss of Crimea.” U.S. Sen. J.D. Vance disagreed. Hegseth ruled out U.S. troops.\n\nPeskov said that Moscow rejects Ukraine’s NATO membership.",
		"  Leading space. Trailing space.  \n\n\nA third paragraph; with “unbalanced marks. And more",
		"ÉLYSÉE officials and Élysée aides met Zelenskyy’s team. NATO’S Secretary-General, the U.N.’s envoy and DR. Müller spoke.",
		"",
	)
	for _, text := range texts {
		sents := Segment(text, lx)
		toks := Tokenize(text, sents)
		if len(toks) != len(sents) {
			t.Fatalf("Tokenize(%q): %d token slices for %d sentences", text, len(toks), len(sents))
		}
		for i, s := range sents {
			if got, want := toks[i], tokenize(text, s.Start, s.End); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("sentence %q: Tokenize gives %v, tokenize %v", text[s.Start:s.End], got, want)
			}
			if got, want := appendWords(nil, toks[i]), stanceWords(text, s.Start, s.End); !reflect.DeepEqual(got, want) {
				t.Errorf("sentence %q: words %q, stanceWords %q", text[s.Start:s.End], got, want)
			}
		}
	}
}

func TestIsInitials(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"U.S.", true}, {"J.D.", true}, {"U.S", true}, {"A.B.C.", true}, {"É.U.", true},
		{"U.", false}, {"U", false}, {"", false}, {".", false}, {"U..S.", false},
		{"Mr.", false}, {"U.Sa.", false}, {".U.S.", false},
	} {
		if got := isInitials(tc.in); got != tc.want {
			t.Errorf("isInitials(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// FuzzTokenLow: every word's Low is its lower case with curly apostrophes
// made straight (lowerWord), whichever way the scan found its case, and
// Tokenize's tokens are tokenize's.
func FuzzTokenLow(f *testing.F) {
	for _, s := range vaderCases {
		f.Add(s)
	}
	f.Add("ÉLYSÉE and Élysée; NATO’S U.N.’s DR. Müller, aBc-Déf x’Y")
	f.Fuzz(func(t *testing.T, text string) {
		for _, all := range [][]token{tokenize(text, 0, len(text)), Tokenize(text, []Sentence{{Start: 0, End: len(text)}})[0]} {
			for _, tk := range all {
				if tk.Word && tk.Low != lowerWord(tk.Text) {
					t.Errorf("%q: Low %q, want %q", tk.Text, tk.Low, lowerWord(tk.Text))
				}
			}
		}
	})
}
