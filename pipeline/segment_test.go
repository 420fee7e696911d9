package pipeline

import (
	"reflect"
	"testing"

	"score/lexicons"
)

// TestSegment: sentences and paragraphs, with the abbreviations, initials and
// closing marks that decide where a sentence ends. Written for this test.
func TestSegment(t *testing.T) {
	lx := lexicons.Default()
	for _, tc := range []struct {
		name, text string
		want       []string // sentence texts; "|" starts a new paragraph
	}{
		{"plain", "Talks began. They ended late! Why? Nobody said.",
			[]string{"Talks began.", "They ended late!", "Why?", "Nobody said."}},
		{"abbreviations", "U.S. Sen. Ana Diaz met Mr. Ortiz on Feb. 12 in Washington, D.C. The talks ran late.",
			[]string{"U.S. Sen. Ana Diaz met Mr. Ortiz on Feb. 12 in Washington, D.C. The talks ran late."}},
		{"initials", "J. Smith and Rep. T.J. Okafor spoke. J.D. Vance left.",
			[]string{"J. Smith and Rep. T.J. Okafor spoke.", "J.D. Vance left."}},
		{"closing mark", "“We will see.” Peskov left. He said “no.” Then he went home.",
			[]string{"“We will see.”", "Peskov left.", "He said “no.”", "Then he went home."}},
		{"lower case goes on", "The vote was 5 vs. 4 and e.g. the mayor abstained.",
			[]string{"The vote was 5 vs. 4 and e.g. the mayor abstained."}},
		{"paragraphs", "First line.\n\n  Second line.  \nThird line.",
			[]string{"First line.", "|Second line.", "|Third line."}},
		{"CRLF and no final period", "One.\r\nTwo",
			[]string{"One.", "|Two"}},
	} {
		var got []string
		para := 0
		for _, s := range Segment(tc.text, lx) {
			x := tc.text[s.Start:s.End]
			if s.Para != para {
				x, para = "|"+x, s.Para
			}
			got = append(got, x)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Segment(%q)\n got %q\nwant %q", tc.name, tc.text, got, tc.want)
		}
	}
}
