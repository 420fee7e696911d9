package pipeline

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"score/lexicons"
)

// FuzzProcess checks the invariants of every stage together, on any text:
// no panic (invalid UTF-8 and a thousand unbalanced quotation marks
// included); sentences, quotes and stances inside the text and on rune
// boundaries; kinds, speaker types, labels and stances from their sets;
// tones in [-1, 1]; and the same result twice (nothing depends on map order).
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"“We will not give up,” Zelensky said. Hegseth ruled out the deployment of U.S. troops.",
		"‘A,’ he said, ‘B.’\n\n“C\n\n“D.”",
		"Trump called the idea “unrealistic”. According to the Kremlin, talks will resume.",
		strings.Repeat("“", 1000),
		strings.Repeat("\"a ‘b « c ", 300),
		"said that\xff\xfe “\x80 ” told",
		"",
	} {
		f.Add(s)
	}
	// The example articles: realistic text for the mutator to start from.
	if file, err := os.Open(filepath.Join("..", "examples", "articles.jsonl")); err == nil {
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &a) == nil {
				f.Add(a.Text)
			}
		}
		file.Close()
	}
	m := NewModel(lexicons.Default())
	f.Fuzz(func(t *testing.T, text string) {
		// A pathological input must not hang the nightly run: a few KB of
		// text takes milliseconds, so 10 s means a loop or a blow-up.
		done := make(chan Result, 1)
		go func() { done <- Process(Article{ID: "fuzz", Text: text}, m) }()
		var r Result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Process takes over 10 s on %d bytes: %q", len(text), text)
		}
		checkResult(t, text, r)
		if again := Process(Article{ID: "fuzz", Text: text}, m); !reflect.DeepEqual(r, again) {
			t.Errorf("Process(%q) gave two different results", text)
		}
	})
}

func checkResult(t *testing.T, text string, r Result) {
	t.Helper()
	valid := utf8.ValidString(text)
	span := func(what string, start, end int) {
		t.Helper()
		if start < 0 || start > end || end > len(text) {
			t.Fatalf("%s [%d, %d) outside text of %d bytes: %q", what, start, end, len(text), text)
		}
		if valid && !(boundary(text, start) && boundary(text, end)) {
			t.Fatalf("%s [%d, %d) cuts a rune: %q", what, start, end, text)
		}
	}
	tone := func(what string, tn Tone) {
		t.Helper()
		if math.IsNaN(tn.Score) || tn.Score < -1 || tn.Score > 1 {
			t.Fatalf("%s tone %v outside [-1, 1]: %q", what, tn.Score, text)
		}
		if tn.Label != "negative" && tn.Label != "neutral" && tn.Label != "positive" {
			t.Fatalf("%s tone label %q: %q", what, tn.Label, text)
		}
	}
	tone("article", r.Tone)
	for i, s := range r.Sentences {
		span("sentence", s.Start, s.End)
		if i > 0 && s.Start < r.Sentences[i-1].End {
			t.Fatalf("sentence %d starts at %d, before the previous one ends at %d: %q", i, s.Start, r.Sentences[i-1].End, text)
		}
	}
	for i, q := range r.Quotes {
		span("quote", q.Start, q.End)
		switch q.Kind {
		case Direct, Partial, Indirect:
		default:
			t.Fatalf("quote %d: kind %q: %q", i, q.Kind, text)
		}
		switch q.SpeakerType {
		case Person, Organization, Group, Unnamed, Unknown:
		default:
			t.Fatalf("quote %d: speaker type %q: %q", i, q.SpeakerType, text)
		}
		if q.Sentence < 0 || q.Sentence >= len(r.Sentences) {
			t.Fatalf("quote %d: sentence %d of %d: %q", i, q.Sentence, len(r.Sentences), text)
		}
		if q.SpeakerStart >= 0 {
			span("speaker", q.SpeakerStart, q.SpeakerEnd)
		}
		if q.CueStart >= 0 {
			span("cue", q.CueStart, q.CueEnd)
		}
		tone("quote", q.Tone)
	}
	for i, s := range r.Stances {
		if s.Quote < -1 || s.Quote >= len(r.Quotes) {
			t.Fatalf("stance %d: quote %d of %d: %q", i, s.Quote, len(r.Quotes), text)
		}
		if s.Sentence < 0 || s.Sentence >= len(r.Sentences) {
			t.Fatalf("stance %d: sentence %d of %d: %q", i, s.Sentence, len(r.Sentences), text)
		}
		if s.Stance < -1 || s.Stance > 1 {
			t.Fatalf("stance %d: stance %d: %q", i, s.Stance, text)
		}
		if math.IsNaN(s.Score) || s.Score < 0 || s.Score > 1 {
			t.Fatalf("stance %d: score %v outside [0, 1]: %q", i, s.Score, text)
		}
	}
}

// boundary reports whether byte offset i of s starts a rune or ends s.
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
