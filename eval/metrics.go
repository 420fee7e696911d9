package eval

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Counts are the true positives, false positives and false negatives of one
// measure.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 0 when nothing was found.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Confusion counts gold labels (rows) against found labels (columns). Index
// 0, 1, 2 are -1, 0, +1; index 3 is "none" (no stance on the topic).
type Confusion [4][4]int

const none = 3

func (c *Confusion) add(gold, found int) { c[gold][found]++ }

// MacroF1 is the mean F1 of the classes -1, 0 and +1, each taken as the
// positive class in turn.
func (c *Confusion) MacroF1() float64 {
	var sum float64
	for k := range 3 {
		var n Counts
		for i := range 4 {
			for j := range 4 {
				switch {
				case i == k && j == k:
					n.TP += c[i][j]
				case i == k:
					n.FN += c[i][j]
				case j == k:
					n.FP += c[i][j]
				}
			}
		}
		sum += n.F1()
	}
	return sum / 3
}

// Report is the outcome of comparing the pipeline's quotes with a gold file.
type Report struct {
	Articles   int
	GoldQuotes int // scored gold quotes (not optional)
	Optional   int // optional gold quotes
	Found      int // quotes the pipeline found

	// Quote extraction. A found quote of the wrong kind counts as found for
	// its own kind and missed for the gold's.
	Quotes, Quoted, Indirect Counts
	// Speech is recall on gold quotes whose cue is speech (PolNeAR's
	// cue_is_speech); only TP and FN are counted.
	Speech Counts

	Matched   int // scored gold quotes that were found
	SpeakerOK int // of SpeakerN matched quotes with a named, non-pronoun gold speaker
	SpeakerN  int
	Tone      Confusion // on matched quotes with a gold tone
	ToneN     int

	// Stance, measured only when some gold quote has a "stance" field.
	StanceAnnotated bool
	Topics          []string
	TopicCounts     Counts      // a topic named at all, on matched quotes
	StanceOK        int         // the same stance, of StanceN topics both named
	StanceN         int         //
	StanceConfusion []Confusion // per topic, on matched quotes
	Triples         Counts      // (article, speaker, topic, stance)
	TopicTriples    []Counts    // per topic

	Mistakes []Mistake
}

// Mistake is one disagreement with the gold, for the user to read.
type Mistake struct {
	Article    string
	What       string // see the What constants
	Kind       string // the quote's kind, gold's for a missed quote
	Start, End int    // the quote, in code points
	Text       string
	Want, Got  string // speakers or stances, when they differ
	Note       string
	Context    string // the quote in its paragraph, marked ⟦…⟧, on one line
}

// What a Mistake is.
const (
	Missed         = "missed"          // a gold quote not found
	Spurious       = "spurious"        // a found quote not in the gold
	WrongSpeaker   = "speaker"         // found, with a speaker the gold does not accept
	WrongStance    = "stance"          // a speaker's position on a topic, with the other sign
	MissedStance   = "stance-missed"   // a gold (speaker, topic, stance) not found
	SpuriousStance = "stance-spurious" // a found (speaker, topic, stance) not in the gold
)

// whats orders the mistakes at one place in an article.
var whats = []string{Missed, Spurious, WrongSpeaker, WrongStance, MissedStance, SpuriousStance}

// Score compares found quotes (by article id) with the gold. topics are the
// stance topics to report on, in order.
func Score(gold []Article, found map[string][]Found, topics []string) *Report {
	r := &Report{Articles: len(gold), Topics: topics,
		StanceConfusion: make([]Confusion, len(topics)), TopicTriples: make([]Counts, len(topics))}
	for _, a := range gold {
		for _, q := range a.Quotes {
			r.StanceAnnotated = r.StanceAnnotated || q.Stance != nil
		}
	}
	for i := range gold {
		r.article(&gold[i], found[gold[i].ID])
	}
	for _, c := range r.TopicTriples {
		r.Triples.add(c)
	}
	return r
}

func (r *Report) article(a *Article, found []Found) {
	text := []rune(a.Text)
	note := func(m Mistake) {
		m.Article = a.ID
		m.Text = string(text[m.Start:m.End])
		m.Context = context(text, m.Start, m.End)
		r.Mistakes = append(r.Mistakes, m)
	}
	firstMistake := len(r.Mistakes)
	r.Found += len(found)
	pairs, freeGold, freeFound := match(a.Quotes, found)
	excused := make([]bool, len(found)) // found an optional quote: neither right nor wrong
	for _, p := range pairs {
		g, f := &a.Quotes[p.gold], &found[p.found]
		if g.Optional {
			excused[p.found] = true
			continue
		}
		r.Matched++
		r.Quotes.TP++
		if g.CueIsSpeech != nil && *g.CueIsSpeech {
			r.Speech.TP++
		}
		r.countKinds(g.Kind, f.Kind)
		if len(g.Speakers) > 0 && !g.SpeakerIsPronoun {
			r.SpeakerN++
			if sameSpeaker(f, g.Speakers) {
				r.SpeakerOK++
			} else {
				note(Mistake{What: WrongSpeaker, Kind: g.Kind, Start: g.Start, End: g.End,
					Want: strings.Join(g.Speakers, " | "), Got: speakerOf(f), Note: cueNote(f)})
			}
		}
		if g.Tone != nil {
			r.ToneN++
			r.Tone.add(*g.Tone+1, toneClass(f)+1)
		}
		if r.StanceAnnotated {
			r.stances(g, f)
		}
	}
	for _, gi := range freeGold {
		g := &a.Quotes[gi]
		if g.Optional {
			continue
		}
		r.Quotes.FN++
		if g.CueIsSpeech != nil && *g.CueIsSpeech {
			r.Speech.FN++
		}
		if quoted(g.Kind) {
			r.Quoted.FN++
		} else {
			r.Indirect.FN++
		}
		note(Mistake{What: Missed, Kind: g.Kind, Start: g.Start, End: g.End,
			Want: strings.Join(g.Speakers, " | "), Note: nearMiss(g, found)})
	}
	for _, fi := range freeFound {
		f := &found[fi]
		r.Quotes.FP++
		if quoted(f.Kind) {
			r.Quoted.FP++
		} else {
			r.Indirect.FP++
		}
		note(Mistake{What: Spurious, Kind: f.Kind, Start: f.Start, End: f.End, Got: speakerOf(f), Note: cueNote(f)})
	}
	for _, q := range a.Quotes {
		if q.Optional {
			r.Optional++
		} else {
			r.GoldQuotes++
		}
	}
	if r.StanceAnnotated {
		for _, m := range r.triples(a, found, excused) {
			note(m)
		}
	}
	slices.SortStableFunc(r.Mistakes[firstMistake:], func(x, y Mistake) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start),
			cmp.Compare(slices.Index(whats, x.What), slices.Index(whats, y.What)), cmp.Compare(x.End, y.End))
	})
}

func quoted(kind string) bool { return kind == "direct" || kind == "partial" }

func (r *Report) countKinds(gold, found string) {
	switch {
	case quoted(gold) && quoted(found):
		r.Quoted.TP++
	case quoted(gold):
		r.Quoted.FN++
		r.Indirect.FP++
	case quoted(found):
		r.Indirect.FN++
		r.Quoted.FP++
	default:
		r.Indirect.TP++
	}
}

// toneClass is a found quote's tone as -1, 0 or +1: its label, or its score
// when the label is not one of the three.
func toneClass(f *Found) int {
	switch f.ToneLabel {
	case "negative":
		return -1
	case "neutral":
		return 0
	case "positive":
		return 1
	}
	switch {
	case f.Tone <= -0.05:
		return -1
	case f.Tone >= 0.05:
		return 1
	}
	return 0
}

// stances compares the topics of one matched quote.
func (r *Report) stances(g *Quote, f *Found) {
	for i, t := range r.Topics {
		gv, inG := g.Stance[t]
		fv, inF := f.Stance[t]
		switch {
		case inG && inF:
			r.TopicCounts.TP++
			r.StanceN++
			if gv == fv {
				r.StanceOK++
			}
			r.StanceConfusion[i].add(gv+1, fv+1)
		case inG:
			r.TopicCounts.FN++
			r.StanceConfusion[i].add(gv+1, none)
		case inF:
			r.TopicCounts.FP++
			r.StanceConfusion[i].add(none, fv+1)
		}
	}
}

// A triple is one (speaker, topic, stance) claim in an article, with the
// quote it was first seen in.
type triple struct {
	topic  int // index into Report.Topics
	stance int
	gold   []string // a gold claim's acceptable speakers
	found  *Found   // a found claim's quote
	quote  [2]int
	kind   string
}

// triples counts one article's stance claims: each distinct (speaker, topic,
// stance) once on each side, neutral stances left out. Each gold claim takes
// the first unused found claim on the same topic and stance whose speaker it
// accepts. Found quotes that matched an optional gold quote make no claim.
func (r *Report) triples(a *Article, found []Found, excused []bool) []Mistake {
	var gold, sys []triple
	type claim struct {
		gold          bool
		speaker       string // folded
		topic, stance int
	}
	seen := map[claim]bool{}
	for _, q := range a.Quotes {
		if q.Optional || len(q.Speakers) == 0 {
			continue
		}
		for ti, t := range r.Topics {
			if v, ok := q.Stance[t]; ok && v != 0 {
				key := claim{true, foldName(q.Speakers[0]), ti, v}
				if !seen[key] {
					seen[key] = true
					gold = append(gold, triple{topic: ti, stance: v, gold: q.Speakers, quote: [2]int{q.Start, q.End}, kind: q.Kind})
				}
			}
		}
	}
	for i := range found {
		f := &found[i]
		if excused[i] {
			continue
		}
		for ti, t := range r.Topics {
			if v, ok := f.Stance[t]; ok && v != 0 {
				key := claim{false, foldName(f.SpeakerName), ti, v}
				if !seen[key] {
					seen[key] = true
					sys = append(sys, triple{topic: ti, stance: v, found: f, quote: [2]int{f.Start, f.End}, kind: f.Kind})
				}
			}
		}
	}
	used := make([]bool, len(sys))
	var missed []triple
	for _, g := range gold {
		hit := -1
		for i, s := range sys {
			if !used[i] && s.topic == g.topic && s.stance == g.stance &&
				nameMatches(s.found.SpeakerName, s.found.SpeakerType, g.gold) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			used[hit] = true
			r.TopicTriples[g.topic].TP++
		} else {
			r.TopicTriples[g.topic].FN++
			missed = append(missed, g)
		}
	}
	var extra []int
	for i, u := range used {
		if !u {
			r.TopicTriples[sys[i].topic].FP++
			extra = append(extra, i)
		}
	}

	// For the listing: a missed claim and an extra one by the same speaker on
	// the same topic are one wrong stance.
	var ms []Mistake
	for _, g := range missed {
		m := Mistake{What: MissedStance, Kind: g.kind, Start: g.quote[0], End: g.quote[1],
			Want: fmt.Sprintf("%s %s %+d", g.gold[0], r.Topics[g.topic], g.stance)}
		for k, i := range extra {
			s := sys[i]
			if s.topic == g.topic && nameMatches(s.found.SpeakerName, s.found.SpeakerType, g.gold) {
				m.What = WrongStance
				m.Got = fmt.Sprintf("%s %s %+d", speakerOf(s.found), r.Topics[s.topic], s.stance)
				m.Note = fmt.Sprintf("found on the quote at [%d,%d)", s.quote[0], s.quote[1])
				extra = slices.Delete(extra, k, k+1)
				break
			}
		}
		ms = append(ms, m)
	}
	for _, i := range extra {
		s := sys[i]
		ms = append(ms, Mistake{What: SpuriousStance, Kind: s.kind, Start: s.quote[0], End: s.quote[1],
			Got: fmt.Sprintf("%s %s %+d", speakerOf(s.found), r.Topics[s.topic], s.stance)})
	}
	return ms
}

// speakerOf names a found quote's speaker for a message.
func speakerOf(f *Found) string {
	name := f.SpeakerName
	if name == "" {
		name = f.Speaker
	}
	if name == "" {
		return "(" + f.SpeakerType + ")"
	}
	if f.SpeakerType == "" {
		return name
	}
	return fmt.Sprintf("%s (%s)", name, f.SpeakerType)
}

func cueNote(f *Found) string {
	if f.Cue == "" {
		return ""
	}
	return fmt.Sprintf("cue %q", f.Cue)
}

// nearMiss describes the found quote that overlaps a missed gold quote most,
// if any: usually a span drawn too wide or too narrow.
func nearMiss(g *Quote, found []Found) string {
	best, at := 0, -1
	for i, f := range found {
		if ov := overlap(g.Start, g.End, f.Start, f.End); ov > best {
			best, at = ov, i
		}
	}
	if at < 0 {
		return ""
	}
	f := &found[at]
	longer := max(g.End-g.Start, f.End-f.Start)
	return fmt.Sprintf("found [%d,%d) shares %d of %d code points, under the half needed", f.Start, f.End, best, longer)
}

// context is the quote's paragraph, cut to a few dozen code points each side,
// on one line with the quote marked ⟦…⟧.
func context(text []rune, start, end int) string {
	const side, inner = 60, 160
	lo := start
	for lo > 0 && start-lo < side && text[lo-1] != '\n' {
		lo--
	}
	hi := end
	for hi < len(text) && hi-end < side && text[hi] != '\n' {
		hi++
	}
	q := string(text[start:end])
	if end-start > inner {
		q = string(text[start:start+inner/2]) + " … " + string(text[end-inner/2:end])
	}
	var b strings.Builder
	if lo > 0 && text[lo-1] != '\n' {
		b.WriteString("…")
	}
	b.WriteString(string(text[lo:start]) + "⟦" + q + "⟧" + string(text[end:hi]))
	if hi < len(text) && text[hi] != '\n' {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Metrics are the report's numbers under the referee's names (quote_f1,
// speaker_acc, tone_macro_f1, stance_triple_f1...). A measure the gold
// cannot support (no tone, no stance, no speech cues) is NaN.
func (r *Report) Metrics() map[string]float64 {
	m := map[string]float64{
		"articles": float64(r.Articles), "matched": float64(r.Matched),
		"speaker_acc": ratio(r.SpeakerOK, r.SpeakerN), "speaker_n": float64(r.SpeakerN),
		"tone_macro_f1": r.Tone.MacroF1(), "tone_n": float64(r.ToneN),
		"speech_r":        r.Speech.Recall(),
		"topic_f1":        r.TopicCounts.F1(),
		"stance_acc":      ratio(r.StanceOK, r.StanceN),
		"stance_triple_p": r.Triples.Precision(), "stance_triple_r": r.Triples.Recall(),
		"stance_triple_f1": r.Triples.F1(),
	}
	for name, c := range map[string]Counts{"quote": r.Quotes, "quoted": r.Quoted, "indirect": r.Indirect} {
		m[name+"_p"], m[name+"_r"], m[name+"_f1"] = c.Precision(), c.Recall(), c.F1()
	}
	for i, t := range r.Topics {
		m["stance_triple_f1_"+t] = r.TopicTriples[i].F1()
	}
	if r.Speech.TP+r.Speech.FN == 0 {
		m["speech_r"] = math.NaN()
	}
	if r.ToneN == 0 {
		m["tone_macro_f1"] = math.NaN()
	}
	if !r.StanceAnnotated {
		for k := range m {
			if strings.HasPrefix(k, "stance_") || k == "topic_f1" {
				m[k] = math.NaN()
			}
		}
	}
	return m
}
