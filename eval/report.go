package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
)

// WriteText prints the report as a table for people.
func (r *Report) WriteText(w io.Writer) error {
	m := r.Metrics()
	b := &strings.Builder{}
	fmt.Fprintf(b, "%d articles: %d gold quotes (and %d optional), %d found, %d matched\n\n",
		r.Articles, r.GoldQuotes, r.Optional, r.Found, r.Matched)
	prf := func(name string, c Counts) {
		if c == (Counts{}) {
			fmt.Fprintf(b, "%-24s %6s %6s %6s %6d %5d %5d\n", name, "-", "-", "-", 0, 0, 0)
			return
		}
		fmt.Fprintf(b, "%-24s %6.3f %6.3f %6.3f %6d %5d %5d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(b, "%-24s %6s %6s %6s %6s %5s %5s\n", "", "P", "R", "F1", "tp", "fp", "fn")
	prf("quotes, all kinds", r.Quotes)
	prf("  direct + partial", r.Quoted)
	prf("  indirect", r.Indirect)
	if !math.IsNaN(m["speech_r"]) {
		fmt.Fprintf(b, "%-24s %6s %6.3f %6s %6d %5s %5d   (gold cue_is_speech)\n", "  speech cues only", "", r.Speech.Recall(), "", r.Speech.TP, "", r.Speech.FN)
	}
	if r.StanceAnnotated {
		prf("stance triples", r.Triples)
		for i, t := range r.Topics {
			prf("  "+t, r.TopicTriples[i])
		}
	}
	fmt.Fprintf(b, "\nspeaker accuracy %.3f  (%d of %d matched quotes with a named gold speaker)\n",
		m["speaker_acc"], r.SpeakerOK, r.SpeakerN)
	if r.ToneN == 0 {
		fmt.Fprintf(b, "tone: no gold tone on the matched quotes\n")
	} else {
		fmt.Fprintf(b, "tone macro-F1    %.3f  (%d matched quotes with a gold tone)\n", m["tone_macro_f1"], r.ToneN)
		confusion(b, "  gold \\ found", []string{"neg", "neu", "pos"}, &r.Tone, 3)
	}
	if r.StanceAnnotated {
		fmt.Fprintf(b, "stance on matched quotes: topic F1 %.3f, same stance %.3f (%d of %d)\n",
			m["topic_f1"], m["stance_acc"], r.StanceOK, r.StanceN)
		for i, t := range r.Topics {
			confusion(b, "  "+t, []string{"-1", "0", "+1", "none"}, &r.StanceConfusion[i], 4)
		}
	} else {
		fmt.Fprintf(b, "stance: not annotated in this gold file\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// confusion prints the first n rows and columns of c, gold down, found across.
func confusion(b *strings.Builder, title string, labels []string, c *Confusion, n int) {
	fmt.Fprintf(b, "%-20s", title)
	for _, l := range labels[:n] {
		fmt.Fprintf(b, "%6s", l)
	}
	b.WriteByte('\n')
	for i := range n {
		fmt.Fprintf(b, "%20s", labels[i])
		for j := range n {
			if i == none && j == none {
				continue
			}
			fmt.Fprintf(b, "%6d", c[i][j])
		}
		b.WriteByte('\n')
	}
}

// WriteMistakes lists every mistake, one header line and one line of context
// each, in gold file order.
func (r *Report) WriteMistakes(w io.Writer) error {
	b := &strings.Builder{}
	for _, m := range r.Mistakes {
		fmt.Fprintf(b, "%s [%d,%d) %s %s", m.Article, m.Start, m.End, m.What, m.Kind)
		switch {
		case m.Want != "" && m.Got != "":
			fmt.Fprintf(b, ": want %s, got %s", m.Want, m.Got)
		case m.Want != "":
			fmt.Fprintf(b, ": %s", m.Want)
		case m.Got != "":
			fmt.Fprintf(b, ": %s", m.Got)
		}
		if m.Note != "" {
			fmt.Fprintf(b, " (%s)", m.Note)
		}
		fmt.Fprintf(b, "\n    %s\n", m.Context)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON prints the metrics as one JSON object, rounded to four places,
// with null for a measure the gold cannot support; with mistakes, they are
// listed under "errors".
func (r *Report) WriteJSON(w io.Writer, mistakes bool) error {
	out := map[string]any{}
	for k, v := range r.Metrics() {
		if math.IsNaN(v) {
			out[k] = nil
		} else {
			out[k] = math.Round(v*10000) / 10000
		}
	}
	if mistakes {
		ms := make([]jsonMistake, len(r.Mistakes))
		for i, m := range r.Mistakes {
			ms[i] = jsonMistake(m)
		}
		out["errors"] = ms
	}
	js, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", js)
	return err
}

type jsonMistake struct {
	Article string `json:"article"`
	What    string `json:"what"`
	Kind    string `json:"kind"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Want    string `json:"want,omitempty"`
	Got     string `json:"got,omitempty"`
	Note    string `json:"note,omitempty"`
	Context string `json:"context"`
}
