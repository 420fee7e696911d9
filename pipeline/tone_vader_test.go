package pipeline

import (
	"bufio"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/jonreiter/govader"
)

var govaderOnce = sync.OnceValue(govader.NewSentimentIntensityAnalyzer)

// vaderCases are our own sentences for the differential test: every rule of
// VADER (negation, "no", "least", boosters, all caps, "but", idioms, "kind
// of", punctuation emphasis, emoji, double spaces) at least once.
var vaderCases = []string{
	"",
	"   ",
	"The talks were good.",
	"The talks were not good.",
	"The talks weren't good, but the food was great!!!",
	"isn't good", "isn’t good",
	"No progress, no hope, no or nor good.",
	"no good", "no no no", "There is no problem.",
	"It is the least bad option.", "at least good", "very least good", "least good",
	"It was kind of good.", "sort of bad", "just enough good", "kind of",
	"The food was VERY GOOD and the staff was nice.",
	"VERY GOOD", "GREAT talks", "the BEST day ever",
	"It is the shit.", "yeah right, that was great", "a kiss of death for the deal", "cake to die for", "that is the bomb",
	"never so good", "never this bad here", "without doubt good", "without any doubt good",
	"Why? Why?? What a disaster?!?", "Really????", "good!!!!!!",
	"I love it 😀 and 😡hate it", "😀😀", "peace☮️",
	"Trump said  the  call was “lengthy and highly productive.”",
	"Hegseth ruled out the deployment of U.S. troops.",
	"Ukraine will not accept any settlement that does not involve a full withdrawal of Russian forces.",
	"They can't, won't and shouldn't fail.", "Nothing good, nowhere nice, seldom happy, rarely sad, despite success.",
	"(Good) [bad] {ugly} --great-- 'fine' \"ok\"", ":) :( :D <3",
	"Extremely bad, incredibly good, barely acceptable, slightly worse.",
	"The peace deal failed\ttoday\nbut hope remains.",
	"\xff\xfe bad \xc3 good",
}

// vaderCorpus is our sentences plus, when ../shared is present, the NewsMTSC
// texts.
func vaderCorpus(t testing.TB) []string {
	out := append([]string(nil), vaderCases...)
	for _, name := range []string{"dev.jsonl", "train.jsonl"} {
		p := filepath.Join("..", "..", "shared", "data", "newsmtsc", name)
		f, err := os.Open(p)
		if err != nil {
			t.Logf("%s absent: differential test on our own sentences only", p)
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &r) == nil {
				out = append(out, r.Text)
			}
		}
		f.Close()
	}
	return out
}

// TestVaderMatchesGovader is the differential test: our fast VADER gives
// govader's compound score on every sentence.
func TestVaderMatchesGovader(t *testing.T) {
	sia := govaderOnce()
	v := newVader(sia, nil)
	var sc vscratch
	texts := vaderCorpus(t)
	bad := 0
	for _, s := range texts {
		// Test the upper-cased and curly-apostrophe variants too.
		for _, x := range []string{s, strings.ToUpper(s), strings.ReplaceAll(s, "'", "’")} {
			want := sia.PolarityScores(x).Compound
			got := v.scores(x, &sc)
			if math.Abs(got-want) > 1e-9 {
				bad++
				if bad <= 10 {
					t.Errorf("vader(%q) = %.6f, govader %.6f", x, got, want)
				}
			}
		}
	}
	t.Logf("%d texts, %d differ", 3*len(texts), bad)
}

func FuzzVaderMatchesGovader(f *testing.F) {
	for _, s := range vaderCases {
		f.Add(s)
	}
	sia := govaderOnce()
	v := newVader(sia, nil)
	f.Fuzz(func(t *testing.T, s string) {
		var sc vscratch
		want := sia.PolarityScores(s).Compound
		if got := v.scores(s, &sc); math.Abs(got-want) > 1e-9 {
			t.Errorf("vader(%q) = %.6f, govader %.6f", s, got, want)
		}
	})
}

func BenchmarkVader(b *testing.B) {
	texts := vaderCorpus(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.Run("ours", func(b *testing.B) {
		v := newVader(govaderOnce(), nil)
		var sc vscratch
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range texts {
				v.scores(s, &sc)
			}
		}
	})
	b.Run("govader", func(b *testing.B) {
		sia := govaderOnce()
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range texts {
				sia.PolarityScores(s)
			}
		}
	})
}

// TestVaderNBWords holds the Naive Bayes's words that scoresNB finds while
// reading a text to nbWords, on the differential corpus, its upper-case
// and curly variants, texts with spaces of every kind, and fuzzing.
func TestVaderNBWords(t *testing.T) {
	v := newVader(govaderOnce(), nil)
	texts := vaderCorpus(t)
	texts = append(texts, "  lead\u00a0and\u2003trail \n", "\u00a0x", "a  b\tc\nd\re", "it’s well-known—U.S.-led, ’90s 'quoted' don't- -x",
		"Ça va: Über-cool naïve café’s façade", "'a' \"b\" (c) x-y-z -a- a--b 1.5 3,000 $5 #tag @user")
	check := func(t *testing.T, s string) {
		var sc vscratch
		got := []nbWord{{h: 1}} // scoresNB replaces what is there
		if _, ok := v.scoresNB(s, &sc, &got); !ok {
			return
		}
		want := nbWords(s, nil)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("scoresNB(%q) words %v, nbWords %v", s, got, want)
		}
	}
	for _, s := range texts {
		for _, x := range []string{s, strings.ToUpper(s), strings.ReplaceAll(s, "'", "’")} {
			check(t, x)
		}
	}
}

func FuzzVaderNBWords(f *testing.F) {
	for _, s := range vaderCases {
		f.Add(s)
	}
	v := newVader(govaderOnce(), nil)
	f.Fuzz(func(t *testing.T, s string) {
		var sc vscratch
		var got []nbWord
		if _, ok := v.scoresNB(s, &sc, &got); ok {
			if want := nbWords(s, nil); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("scoresNB(%q) words %v, nbWords %v", s, got, want)
			}
		}
	})
}

// asciiShapeRef is asciiShape written plainly, byte by byte.
func asciiShapeRef(w string) (h uint64, upper, lower, nt, alnum, ascii bool) {
	if strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
		return 0, false, false, false, false, false
	}
	low := strings.ToLower(w)
	return fnvHash(low), strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz"),
		strings.Contains(low, "n't"), !strings.ContainsFunc(low, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }), true
}

func TestAsciiShape(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "Z", "n", "N", "t", "T", "'", "’", "0", "9", "-", ".", "é", "\xff", "@", "`", "{", "[", "/", ":"}
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.IntN(8); k > 0; k-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		w := b.String()
		h, up, lo, nt, an, as := asciiShape(w)
		rh, rup, rlo, rnt, ran, ras := asciiShapeRef(w)
		if h != rh || up != rup || lo != rlo || nt != rnt || an != ran || as != ras {
			t.Fatalf("asciiShape(%q) = %x %v %v %v %v %v, want %x %v %v %v %v %v", w, h, up, lo, nt, an, as, rh, rup, rlo, rnt, ran, ras)
		}
	}
}
