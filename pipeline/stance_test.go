package pipeline

import (
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"score/lexicons"
)

// stanceIn scores one stretch of text on the default topics and returns
// topic -> stance for the topics it names.
func stanceIn(t *testing.T, topics []topicMatcher, s string) map[string]stanceFound {
	t.Helper()
	out := map[string]stanceFound{}
	ws := stanceWords(s, 0, len(s))
	for _, tm := range topics {
		if f, ok := tm.stanceOf(ws); ok {
			out[tm.id] = f
		}
	}
	return out
}

func TestStanceOf(t *testing.T) {
	topics := newTopicMatchers(lexicons.Default().Topics)
	tests := []struct {
		text string
		want map[string]int
	}{
		// SPEC section 7 and issue 4.
		{"ruled out the deployment of U.S. troops", map[string]int{"us_troops": -1}},
		{"it will not accept any settlement that does not involve a full withdrawal of Russian forces and either NATO membership or strong security guarantees to prevent future aggression",
			map[string]int{"territory": +1, "nato_membership": +1}},
		{"Kyiv would need to abandon its pursuit of NATO membership and accept territorial concessions as part of a potential settlement",
			map[string]int{"nato_membership": -1, "territory": -1}},
		{"any peace deal should include additional territorial concessions from Kyiv, as well as Ukraine’s permanent neutrality",
			map[string]int{"territory": -1, "nato_membership": -1}},
		{"NATO membership for Ukraine might not be a realistic part of Washington’s peace plan", map[string]int{"nato_membership": -1}},
		{"Putin emphasized the need to address the root causes of the Ukraine conflict, which for Moscow includes preventing Ukraine from joining NATO", map[string]int{"nato_membership": -1}},
		{"Ukraine’s aspirations to regain its pre-2014 borders were unrealistic", map[string]int{"territory": -1}},
		{"We all want a sovereign and prosperous Ukraine. But we must acknowledge that reclaiming Ukraine’s borders from before 2014 is not a realistic objective", map[string]int{"territory": -1}},
		{"U.S. troops would not be deployed to Ukraine as part of such an agreement", map[string]int{"us_troops": -1}},
		{"the prospect of Ukraine joining NATO was unrealistic", map[string]int{"nato_membership": -1}},
		{"ruled out concessions over their territorial integrity", map[string]int{"territory": +1}},
		{"Zelensky insists on Ukraine's territorial integrity", map[string]int{"territory": +1}},
		{"Ukraine will pursue NATO membership", map[string]int{"nato_membership": +1}},
		{"Kyiv demands U.S. troops as a backstop", map[string]int{"us_troops": +1}},
		{"Ukraine can forget about joining NATO", map[string]int{"nato_membership": -1}},
		{"Russia demands Ukraine's neutrality", map[string]int{"nato_membership": -1}},
		{"there will be no territorial concessions", map[string]int{"territory": +1}},
		{"the difficulties in restoring Ukraine to its pre-2014 borders", map[string]int{"territory": -1}},
		// Hedges leave the position open.
		{"hinted at the possibility of swapping occupied territories", map[string]int{"territory": 0}},
		{"the leaders discussed whether Ukraine could join NATO", map[string]int{"nato_membership": 0}},
		{"the possibility of U.S. troops in Ukraine was ruled out", map[string]int{"us_troops": -1}},
		// Coordinated cues on the same side do not cancel out.
		{"joining NATO is unrealistic and must be ruled out", map[string]int{"nato_membership": -1}},
		{"Ukraine's place is in NATO", map[string]int{"nato_membership": +1}},
		{"Europe needs a U.S. military backstop for any peacekeeping force", map[string]int{"us_troops": +1}},
		{"Europe does not need a U.S. military backstop", map[string]int{"us_troops": -1}},
		// Mentions: a term with no cue.
		{"the talks touched on NATO membership", map[string]int{"nato_membership": 0}},
		{"Russia controls nearly 20% of Ukrainian territory", map[string]int{"territory": 0}},
	}
	for _, tt := range tests {
		got := stanceIn(t, topics, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("stance(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for topic, w := range tt.want {
			if g, ok := got[topic]; !ok || g.stance != w {
				t.Errorf("stance(%q)[%s] = %+v, want %+d", tt.text, topic, g, w)
			}
		}
	}
}

// TestStanceMustNotFire lists sentences that must take no position (stance
// 0 or no row) on any topic, each with where it came from.
func TestStanceMustNotFire(t *testing.T) {
	topics := newTopicMatchers(lexicons.Default().Topics)
	for _, s := range []string{
		// seeds 002: NATO as a place, not membership.
		"Hegseth said at a NATO summit in Brussels.",
		// seeds 003: NATO members' spending, not Ukraine's membership.
		"increased military spending among NATO member states",
		// seeds 003: narration of the invasion names Crimea with no position.
		"The war began in February 2022 when Russian troops launched a full-scale invasion, following the annexation of Crimea in 2014.",
		// seeds 002: a fact about control of territory.
		"Currently, Russia controls nearly 20% of Ukrainian territory.",
		// our own: Russian troops are not U.S. troops.
		"Russian troops were deployed near Kharkiv.",
		// our own: "not only" is no negation, and no cue governs the term.
		"The leaders discussed not only NATO membership but also trade.",
		// our own: a cue in another clause does not reach the term.
		"Russia rejected the proposal; the talks also touched on NATO membership.",
		// seeds 002: sovereignty is not a territory term.
		"lasting peace would not be possible without ensuring Ukraine’s sovereignty and protection",
	} {
		for topic, f := range stanceIn(t, topics, s) {
			if f.stance != 0 {
				t.Errorf("stance(%q)[%s] = %+d (%s), want none", s, topic, f.stance, f.evidence)
			}
		}
	}
}

// TestStanceToneIsNotStance: VADER finds "ruled out" positive; the stance
// is against.
func TestStanceToneIsNotStance(t *testing.T) {
	m := NewModel(lexicons.Default())
	const s = "Hegseth ruled out the deployment of U.S. troops."
	if c := govaderOnce().PolarityScores(s).Compound; c < 0 {
		t.Fatalf("govader(%q) = %.2f; the premise of this test is that VADER does not call it negative", s, c)
	}
	if f := stanceIn(t, m.topics.matchers, s)["us_troops"]; f.stance != -1 {
		t.Errorf("stance(%q)[us_troops] = %+v, want -1", s, f)
	}
}

// TestStanceFourthTopic adds a topic in a -lexicons directory and scores it
// with no recompiling.
func TestStanceFourthTopic(t *testing.T) {
	dir := t.TempDir()
	err := fs.WalkDir(lexicons.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(lexicons.FS(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "topics.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString(`
- id: sanctions_relief
  proposition: Sanctions on Russia should be lifted
  terms: [sanctions relief, lifting sanctions, lift sanctions, sanctions]
  favor: [lift*, eas*, demand*, want*]
  against: [rul* out, reject*, tighten*, maintain*]
`)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := lexicons.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	m := NewModel(lx)
	text := "The Kremlin demanded the lifting of sanctions. Brussels ruled out any sanctions relief."
	r := Process(Article{ID: "x", Text: text}, m)
	got := map[string]int{}
	for _, s := range r.Stances {
		if s.Topic == "sanctions_relief" {
			got[text[r.Sentences[s.Sentence].Start:r.Sentences[s.Sentence].End]] = s.Stance
		}
	}
	want := map[string]int{"The Kremlin demanded the lifting of sanctions.": +1, "Brussels ruled out any sanctions relief.": -1}
	for s, w := range want {
		if g, ok := got[s]; !ok || g != w {
			t.Errorf("sanctions_relief stance of %q = %d (found %v), want %+d", s, g, ok, w)
		}
	}
}

// matchAtAll is phraseIndex.matchAt by the definition: every phrase in
// order, the longest match kept, the first of equally long ones.
func matchAtAll(words []string, i int, phrases [][]string) (n int, which int) {
	which = -1
	for k, p := range phrases {
		if len(p) > n && phraseAt(words, i, p) {
			n, which = len(p), k
		}
	}
	return n, which
}

// TestPhraseIndex checks the indexed matcher against trying every phrase,
// on random sequences of the lexicon's words, their prefixes and
// extensions, and clause breaks.
func TestPhraseIndex(t *testing.T) {
	topics := newTopicMatchers(lexicons.Default().Topics)
	extra := [][]string{{"*"}, {"*", "out"}, {"a*", "b"}, {"ab"}, {"ab", "b"}, {"a*", "b"}}
	var vocab []string
	sets := [][][]string{extra}
	for _, tm := range topics {
		sets = append(sets, tm.terms, tm.termIndex.phrases, tm.cueIndex.phrases)
		for _, c := range tm.cues {
			for _, w := range c.words {
				w = strings.TrimSuffix(w, "*")
				vocab = append(vocab, w, w+"s", w[:len(w)/2], w+"ing")
			}
		}
		for _, p := range tm.terms {
			vocab = append(vocab, p...)
		}
	}
	vocab = append(vocab, "", "a", "ab", "b", "out", "the", "not")
	idx := make([]phraseIndex, len(sets))
	for i, phrases := range sets {
		idx[i] = newPhraseIndex(phrases)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		words := make([]string, 1+rng.IntN(8))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
		}
		for si, phrases := range sets {
			x := &idx[si]
			for i := range words {
				gn, gk := x.matchAt(words, i)
				wn, wk := matchAtAll(words, i, phrases)
				if gn != wn || gk != wk {
					t.Fatalf("matchAt(%q, %d) = %d, %d; trying every phrase gives %d, %d", words, i, gn, gk, wn, wk)
				}
			}
		}
	}
}

// TestQuoteWords holds appendQuoteWords, which takes a quote's words from
// the article's tokens, to tokenizing the quote alone, on the example
// articles and on random texts of joiners, initials, titles and sentence
// ends without spaces, for spans starting and ending anywhere.
func TestQuoteWords(t *testing.T) {
	lx := lexicons.Default()
	var texts []string
	if f, err := os.ReadFile(filepath.Join("..", "examples", "articles.jsonl")); err == nil {
		for _, line := range strings.Split(string(f), "\n") {
			var a struct{ Text string }
			if json.Unmarshal([]byte(line), &a) == nil && a.Text != "" {
				texts = append(texts, Normalize(a.Text))
			}
		}
	}
	if len(texts) == 0 {
		t.Fatal("no example articles")
	}
	pieces := []string{"U.S.", "U.S", "Mr.", "Mr", "Ukraine’s", "it's", "pre-2014", "a", "NATO", "troops", "Él",
		"“", "”", "\"", ".", ". ", ".\n", "\n\n", "\t", " ", "  ", "-", "'", "’", "?", "!", "(", ")", "é", "x@y", "J.D.", "1.5", "—", "\u00a0"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for k := 1 + rng.IntN(60); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	var ws, want []string
	var toks, wtoks []token
	for ti, text := range texts {
		sents := Segment(text, lx)
		if ti%2 == 1 {
			// sentences ending anywhere, with gaps between some
			sents = sents[:0]
			for at := 0; at < len(text); {
				end := min(len(text), at+1+rng.IntN(40))
				for end < len(text) && !utf8.RuneStart(text[end]) {
					end++
				}
				sents = append(sents, Sentence{Start: at, End: end})
				at = end + rng.IntN(2)
				for at < len(text) && !utf8.RuneStart(text[at]) {
					at++
				}
			}
		}
		st := Tokenize(text, sents)
		for n := 0; n < 200; n++ {
			lo, hi := rng.IntN(len(text)+1), rng.IntN(len(text)+1)
			if lo > hi {
				lo, hi = hi, lo
			}
			if n%2 == 0 && len(sents) > 0 { // from a sentence's start or to its end
				s := sents[rng.IntN(len(sents))]
				if n%4 == 0 && s.Start <= hi {
					lo = s.Start
				} else if s.End >= lo {
					hi = s.End
				}
			}
			ws, toks = appendQuoteWords(ws[:0], toks, text, sents, st, lo, hi)
			want, wtoks = appendStanceWords(want[:0], wtoks, text, lo, hi)
			if !slices.Equal(ws, want) {
				t.Fatalf("text %q [%d:%d] %q: words %q, tokenizing the span alone gives %q", text, lo, hi, text[lo:hi], ws, want)
			}
		}
	}
}
