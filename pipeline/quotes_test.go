package pipeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"score/lexicons"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/quotes and testdata/speakers")

// renderQuotes writes one line per quote: kind, byte offsets of the content,
// the canonical speaker and its type (with its affiliation when it has one),
// the mention as written, the cue and the content.
func renderQuotes(text string, qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		typ := q.SpeakerType
		if q.Affiliation != "" {
			typ += "/" + q.Affiliation
		}
		fmt.Fprintf(&b, "%s %d %d %q %s %q %q %q\n", q.Kind, q.Start, q.End, q.SpeakerName, typ, q.Speaker, q.Cue, text[q.Start:q.End])
	}
	return b.String()
}

func findAll(text string, lx *lexicons.Set) []Quote {
	sents := Segment(text, lx)
	toks := Tokenize(text, sents)
	qs := FindQuotes(text, sents, toks, lx)
	ResolveSpeakers(text, sents, toks, qs, lx)
	return qs
}

// TestGoldenQuotes runs the quote and speaker stages on every
// testdata/quotes*/*.txtar and testdata/speakers*/*.txtar case (a file
// "article" and a file "quotes"), comparing the rendered records; -update
// rewrites "quotes".
func TestGoldenQuotes(t *testing.T) {
	lx := lexicons.Default()
	var files []string
	for _, pat := range []string{"testdata/quotes*/*.txtar", "testdata/speakers*/*.txtar"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/quotes*")
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var text string
			want, wi := "", -1
			for i, f := range ar.Files {
				switch f.Name {
				case "article":
					text = strings.TrimSuffix(string(f.Data), "\n")
				case "quotes":
					want, wi = string(f.Data), i
				}
			}
			got := renderQuotes(text, findAll(text, lx))
			if *update {
				if wi < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "quotes"})
					wi = len(ar.Files) - 1
				}
				ar.Files[wi].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", file, got, want)
			}
		})
	}
}

// mustNotFire are sentences that hold no quote at all. Each says where it
// came from.
var mustNotFire = []struct{ from, text string }{
	{"SPEC 4: a slogan", "Trump praised Putin for his ‘Common Sense’ slogan during the call."},
	{"SPEC 4: a term", "Critics in Moscow blame the Western “war party” for the escalation."},
	{"SPEC 4: a verb of speaking with no content", "Zelenskyy confirmed the call."},
	{"SPEC 4: narration of events", "Trump spoke with both leaders on Wednesday."},
	{"a newspaper title (our own example)", "The interview appeared in “The Economist” on Thursday."},
	{"a nickname (our own example)", "The senator, known as “Big Ben” to his colleagues, left early."},
	{"\"state\" as a noun before a name (our own example)", "Battleground state Oregon is nearly 3% Polish American, and member states want bases."},
	{"the author's idioms (our own example)", "It's worth noting that the vote was close. (Having said that, there are critics who argue otherwise.)"},
	{"a cue form that is a noun after a noun (our own example)", "Ortiz won in five states last Tuesday, and in both states the margin was wide."},
	{"a title with small words in it (our own example)", "The actor, who starred in “Pride and Prejudice” and “Guardians of the Galaxy,” posted the clip on Thursday."},
	{"'states' as a name, not a verb (our own example)", "The United States and its allies met in Brussels."},
	{"a headline in Title Case (our own example)", "Trump Calls Putin, Zelensky in Bid to End War"},
	{"an apostrophe is not a quote (our own example)", "Ukraine’s leaders didn’t attend the talks in Riyadh."},
	{"unbalanced marks (our own example)", "He left “ early, and ‘ then » again \" never « came back."},
	{"a verb in a noun phrase (our own example)", "The remarks drew a response from Kyiv."},
	{"a passive cue has no speaker (our own example, after a seed's miss)", "Trump's regard for the Russian leader was acknowledged, along with the doubts of his advisers."},
	{"a relative clause after a comma is no attribution (our own example)", "The council met on Monday, where members are expected to approve the plan."},
	{"the outlet's note in a transcript (our own example)", "\"UPDATE: The vote was moved to Thursday.\""},
}

func TestMustNotFire(t *testing.T) {
	lx := lexicons.Default()
	for _, c := range mustNotFire {
		if qs := findAll(c.text, lx); len(qs) > 0 {
			t.Errorf("%s: %q\n  found %s", c.from, c.text, renderQuotes(c.text, qs))
		}
	}
}

// checkQuotes checks the invariants of FindQuotes on any text.
func checkQuotes(t *testing.T, text string, qs []Quote) {
	t.Helper()
	valid := utf8.ValidString(text)
	for i, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(text) {
			t.Fatalf("quote %d: offsets %d..%d outside 0..%d", i, q.Start, q.End, len(text))
		}
		if valid && (!utf8.RuneStart(text[q.Start]) && q.Start < len(text) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
			t.Fatalf("quote %d: offsets %d..%d split a character", i, q.Start, q.End)
		}
		if q.SpeakerStart >= 0 && (q.SpeakerStart > q.SpeakerEnd || q.SpeakerEnd > len(text)) {
			t.Fatalf("quote %d: speaker offsets %d..%d outside the text", i, q.SpeakerStart, q.SpeakerEnd)
		}
		if i > 0 && qs[i-1].Start > q.Start {
			t.Fatalf("quotes %d and %d out of order", i-1, i)
		}
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		"“I had an extensive call,” Trump said.",
		"''This isn't tax reform,'' said Mr. Holtz-Eakin.",
		"``We will see,'' he said. ‘Yes,’ she said. «Non», dit-il.",
		"“Open\n\n“Still open\n\nclosed”",
		"Peskov said that Putin welcomed the proposal, according to Tass.",
		strings.Repeat("“‘\"«'", 300),
		"\xff\xfe“\xc3 said \"",
	} {
		f.Add(s)
	}
	lx := lexicons.Default()
	f.Fuzz(func(t *testing.T, text string) {
		qs := findAll(text, lx)
		checkQuotes(t, text, qs)
	})
}

// unbalanced is n bytes of paragraphs full of unbalanced quotation marks.
func unbalanced(n int) string {
	unit := "He said “ that ‘ the ' war \" would « end, “ and » then ‘‘ no.\n"
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

// TestUnbalancedMegabyte checks that a megabyte of unbalanced marks finishes
// and that the scanner's work grows linearly: the marks found in 4x the input
// are 4x those in 1x (BenchmarkUnbalanced gives the time).
func TestUnbalancedMegabyte(t *testing.T) {
	lx := lexicons.Default()
	small, big := unbalanced(1<<18), unbalanced(1<<20)
	n1, n4 := len(scanMarks(small)), len(scanMarks(big))
	if n4 > 4*n1+8 || n4 < 4*n1-8 {
		t.Errorf("marks: %d in 256 KB but %d in 1 MB: not linear", n1, n4)
	}
	checkQuotes(t, big, findAll(big, lx))
}

func BenchmarkUnbalanced(b *testing.B) {
	lx := lexicons.Default()
	for _, n := range []int{1 << 18, 1 << 20} {
		text := unbalanced(n)
		sents := Segment(text, lx)
		b.Run(fmt.Sprint(n>>10, "KB"), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				toks := Tokenize(text, sents)
				qs := FindQuotes(text, sents, toks, lx)
				ResolveSpeakers(text, sents, toks, qs, lx)
			}
		})
	}
}
