// Package eval measures the pipeline against articles annotated by hand: a
// gold file (SPEC section 8) gives each article's text and its quotes with
// speakers, tone and stance. The pipeline runs on the texts, and its quotes
// are matched with the gold ones.
//
// Matching. A found quote matches a gold quote when their spans (in code
// points) overlap by at least half of the longer one; a gold quote with
// quoted_fragments also matches on any one fragment alone. Pairs are made
// one to one, the largest overlap first. A found quote paired with an
// optional gold quote counts for nothing, and an optional gold quote that is
// not found is not missed.
//
// Measures, as the referee (../shared/referee) defines them: quote precision,
// recall and F1, for all kinds and for quoted (direct and partial) and
// indirect quotes apart; speaker accuracy on matched quotes whose gold
// speaker is a name, not a pronoun; tone macro-F1 on matched quotes; and
// stance F1 over the distinct (article, speaker, topic, stance) claims with a
// non-neutral stance. Speaker names are compared after folding case,
// accents, honorifics and transliterations, and a person's surname alone
// matches the full name.
package eval

import (
	"sync"

	"score/pipeline"
)

// Evaluate runs the pipeline on every gold article with workers goroutines
// and scores what it finds. A text longer than maxSize bytes is skipped as
// score run would reject it: nothing is found in it. maxSize 0 means no limit.
func Evaluate(gold []Article, m *pipeline.Model, workers, maxSize int) *Report {
	found := make([][]Found, len(gold))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for i := range jobs {
				a := &gold[i]
				if maxSize > 0 && len(a.Text) > maxSize {
					continue
				}
				res := pipeline.Process(pipeline.Article{ID: a.ID, Outlet: a.Outlet, Published: a.Published,
					Text: a.Text}, m)
				found[i] = FromResult(res)
			}
		})
	}
	for i := range gold {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	byID := make(map[string][]Found, len(gold))
	for i, a := range gold {
		byID[a.ID] = found[i]
	}
	return Score(gold, byID, m.Lex.TopicIDs())
}

// FromResult lists the quotes of a pipeline result with code-point offsets
// and each quote's stances, as the quotes and stances tables hold them.
func FromResult(r pipeline.Result) []Found {
	found := make([]Found, len(r.Quotes))
	offs := make([]*int, 0, 2*len(r.Quotes))
	for i, q := range r.Quotes {
		found[i] = Found{Kind: q.Kind, Start: q.Start, End: q.End, Text: r.Article.Text[q.Start:q.End],
			Cue: q.Cue, Speaker: q.Speaker, SpeakerName: q.SpeakerName, SpeakerType: q.SpeakerType,
			Tone: q.Tone.Score, ToneLabel: q.Tone.Label, Stance: map[string]int{}}
		offs = append(offs, &found[i].Start, &found[i].End)
	}
	pipeline.CodePoints(r.Article.Text, offs)
	for _, s := range r.Stances {
		if s.Quote >= 0 {
			found[s.Quote].Stance[s.Topic] = s.Stance
		}
	}
	return found
}
