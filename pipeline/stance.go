package pipeline

import (
	"strings"

	"score/lexicons"
)

// topicMatcher holds one topic's terms and cues as token sequences.
type topicMatcher struct {
	id             string
	terms          [][]string
	favor, against [][]string
}

func newTopicMatchers(ts []lexicons.Topic) []topicMatcher {
	split := func(ps []string) [][]string {
		out := make([][]string, 0, len(ps))
		for _, p := range ps {
			var ws []string
			for _, t := range tokenize(p, 0, len(p)) {
				if t.Word {
					ws = append(ws, t.Low)
				}
			}
			if len(ws) > 0 {
				out = append(out, ws)
			}
		}
		return out
	}
	out := make([]topicMatcher, len(ts))
	for i, t := range ts {
		out[i] = topicMatcher{id: t.ID, terms: split(t.Terms), favor: split(t.Favor), against: split(t.Against)}
	}
	return out
}

// negators flip a cue that follows them closely ("will not accept").
var negators = map[string]bool{"not": true, "never": true, "no": true, "n't": true, "without": true, "cannot": true}

// findPhrase returns the word index of each occurrence of phrase in words.
// A phrase word ending in * matches any word starting with the rest.
func findPhrase(words []string, phrase []string) []int {
	var out []int
	for i := 0; i+len(phrase) <= len(words); i++ {
		ok := true
		for j, p := range phrase {
			w := words[i+j]
			if strings.HasSuffix(p, "*") {
				ok = strings.HasPrefix(w, strings.TrimSuffix(p, "*"))
			} else {
				ok = w == p
			}
			if !ok {
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// stanceOf decides a topic's stance in one stretch of words: 0 when a term
// appears with no cue; else the side of the cue nearest a term, flipped when
// a negator stands just before the cue. ok is false when no term appears.
func (m topicMatcher) stanceOf(words []string) (stance int, score float64, evidence string, ok bool) {
	term, termAt := "", -1
	for _, t := range m.terms {
		if at := findPhrase(words, t); len(at) > 0 && (termAt < 0 || len(strings.Join(t, " ")) > len(term)) {
			term, termAt = strings.Join(t, " "), at[0]
		}
	}
	if termAt < 0 {
		return 0, 0, "", false
	}
	best, bestDist, bestCue := 0, 1<<30, ""
	try := func(cues [][]string, side int) {
		for _, c := range cues {
			for _, at := range findPhrase(words, c) {
				d := at - termAt
				if d < 0 {
					d = -d
				}
				s := side
				for k := max(0, at-3); k < at; k++ {
					if negators[words[k]] {
						s = -s
					}
				}
				if d < bestDist {
					best, bestDist, bestCue = s, d, strings.Join(c, " ")
				}
			}
		}
	}
	try(m.against, -1)
	try(m.favor, +1)
	if bestCue == "" {
		return 0, 0.5, "term: " + term, true
	}
	score = 1 / (1 + float64(bestDist)/8)
	return best, score, "term: " + term + "; cue: " + bestCue, true
}

// FindStances scores every topic for every quote (held by its speaker) and
// for every narrative sentence, the sentences outside all quotes.
func findStances(text string, sents []Sentence, quotes []Quote, topics []topicMatcher) []Stance {
	var out []Stance
	words := func(lo, hi int) []string {
		var ws []string
		for _, t := range tokenize(text, lo, hi) {
			if t.Word {
				ws = append(ws, t.Low)
			}
		}
		return ws
	}
	for qi, q := range quotes {
		ws := words(q.Start, q.End)
		for _, tm := range topics {
			if st, sc, ev, ok := tm.stanceOf(ws); ok {
				out = append(out, Stance{Quote: qi, Sentence: q.Sentence, Topic: tm.id, Stance: st, Score: sc, Evidence: ev})
			}
		}
	}
	for si, s := range sents {
		narrative := true
		for _, q := range quotes {
			if q.Start < s.End && s.Start < q.End {
				narrative = false
				break
			}
		}
		if !narrative {
			continue
		}
		ws := words(s.Start, s.End)
		for _, tm := range topics {
			if st, sc, ev, ok := tm.stanceOf(ws); ok {
				out = append(out, Stance{Quote: -1, Sentence: si, Topic: tm.id, Stance: st, Score: sc, Evidence: ev})
			}
		}
	}
	return out
}
