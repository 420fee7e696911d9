package pipeline

import (
	"slices"
	"strings"
)

// attribute finds the speaker mention and the cue of a quoted stretch:
//
//	“Q,” X said. / “Q,” said X. / X said: “Q” / X said, “Q” / “A,” he said, “B.”
//	an introduction ending in a colon in the previous paragraph
//	a quote paragraph continuing the previous quote's speaker
func (f *finder) attribute(q *Quote, m quoted, si, openTok int, prev []Quote) {
	// Next to quotation marks, a cue's subject is the speaker even when it
	// is only described ("the announcer said, “...").
	f.described = true
	defer func() { f.described = false }()
	toks := f.toks[si]
	// After the closing mark, in the same sentence: ", X said" or ", said X".
	if m.Closed {
		k := f.tokenIndex(si, m.CloseEnd)
		if k < len(toks) && f.sents[si].Start <= m.Open {
			if f.attributeAfter(q, toks, k) {
				return
			}
		}
		// The sentence may end inside the quote: look at the sentence after
		// the one the quote closes in when it starts right after the mark
		// (“Q.” Trump said. / “A. B.” Trump said.)
		cs := si
		for cs+1 < len(f.sents) && f.sents[cs+1].Start < m.CloseEnd {
			cs++
		}
		if cs+1 < len(f.sents) && f.sents[cs+1].Start <= m.CloseEnd+2 && f.sents[cs+1].Start >= m.CloseEnd && f.sents[cs+1].Para == f.sents[cs].Para &&
			(q.Kind != Partial || cs != si) {
			// (not for a fragment inside its own sentence: "Japan branded
			// North Korea “an outlaw nation.” Russia insisted that ..."
			if f.attributeAfter(q, f.toks[cs+1], 0) && (cs == si || f.onlyAttribution(q, f.toks[cs+1])) {
				return
			}
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = "", -1, -1
			q.Cue, q.CueStart, q.CueEnd = "", -1, -1
		}
		for j := si + 1; j < len(f.sents) && f.sents[j].Start < m.CloseEnd; j++ {
			k := f.tokenIndex(j, m.CloseEnd)
			if k < len(f.toks[j]) && (f.attributeAfter(q, f.toks[j], k) || f.attributeTail(q, f.toks[j], k)) {
				return
			}
		}
	}
	// Before the opening mark: "X said: “Q”", "X said, “Q”", "according to X, “Q”".
	if f.attributeBefore(q, toks[:openTok]) {
		return
	}
	// The attribution ends the sentence further on: "“Q” about fixing
	// inequality, said Marla Kilfoyle, a teacher."
	if m.Closed && f.sents[si].Start <= m.Open {
		if k := f.tokenIndex(si, m.CloseEnd); k < len(toks) && f.attributeTail(q, toks, k) {
			return
		}
	}
	// An introduction in the same sentence: "Sen. Claire McCaskill scolded
	// him: “Q”", "Clinton’s response was: “Q”" (its subject).
	if openTok > 2 && toks[openTok-1].Low == ":" && m.Open >= f.sents[si].Start {
		if s, e := f.subject(toks[:openTok-1]); s < e {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
			return
		}
	}
	// An introduction: the previous paragraph ends with a colon.
	if si > 0 && f.sents[si].Start >= m.Open-3 && f.sents[si-1].Para != f.sents[si].Para {
		ps := f.sents[si-1]
		if strings.HasSuffix(strings.TrimSpace(f.text[ps.Start:ps.End]), ":") {
			pt := f.toks[si-1]
			if f.attributeBefore(q, pt) {
				return
			}
			if s, e := f.subject(pt); s < e {
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
				return
			}
		}
	}
	// The previous sentence ends with its speaker and cue: "Dianne Bystrom
	// agreed. “Q”", "Nate Silver tweeted on Wednesday. “Q”".
	if si > 0 && f.sents[si].Start >= m.Open-3 && f.sents[si-1].Para >= f.sents[si].Para-1 {
		if pt := f.toks[si-1]; len(pt) > 2 && pt[len(pt)-1].Low == "." {
			var p Quote
			if f.attributeBefore(&p, pt[:len(pt)-1]) && p.Cue != "according to" && p.Cue != ":" && f.closesSentence(pt, p.CueEnd) {
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
				q.Cue, q.CueStart, q.CueEnd = p.Cue, p.CueStart, p.CueEnd
				return
			}
		}
	}
	// A continuation of the previous quote.
	if i := f.continued(m, si, prev); i >= 0 && (q.Kind != Partial || f.sents[si].Start >= m.Open-3) {
		// (a fragment inside the author's sentence has its own cue first:
		// attributePartial)
		p := prev[i]
		q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
		q.Cue, q.CueStart, q.CueEnd = p.Cue, -1, -1
		return
	}
	// A quote paragraph after a sentence that reports its speaker's words:
	// "Then Kerry said that 100,000 would be accepted. ¶ “That adds up ...”"
	if si > 0 && f.sents[si].Start >= m.Open-3 && f.sents[si-1].Para == f.sents[si].Para-1 && (!m.Closed || f.endsParagraph(m.CloseEnd)) &&
		strings.Count(f.text[m.Start:m.End], " ") >= 5 && strings.ToUpper(f.text[m.Start:m.End]) != f.text[m.Start:m.End] {
		f.reporter(q, f.toks[si-1]) // not a headline in capitals
	}
}

// endsParagraph says whether only spaces and punctuation follow byte p to
// the end of its paragraph.
func (f *finder) endsParagraph(p int) bool {
	for i := p; i < len(f.text); i++ {
		switch c := f.text[i]; c {
		case '\n':
			return true
		case ' ', '.', ',', '\t':
		default:
			return false
		}
	}
	return true
}

// reporter gives q the speaker of the last reporting cue of the sentence
// toks that has a subject before it: the quote paragraph that follows
// "Kerry said that ..." is Kerry's.
func (f *finder) reporter(q *Quote, toks []token) {
	for j := len(toks) - 1; j >= 0; j-- {
		if !toks[j].Word || toks[j].capitalized() {
			continue
		}
		_, n := f.cueAt(toks, j)
		if n == 0 || strings.HasSuffix(toks[j].Low, "ing") {
			continue
		}
		if s, e := f.npBefore(toks, j); s < e {
			w := strings.ToLower(f.text[s:e])
			if w != "it" && w != "they" && w != "this" {
				f.setCue(q, toks[j:j+n])
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
			}
		}
		return
	}
}

// onlyAttribution says whether the sentence toks, read as the attribution
// of a quote that closes before it, holds nothing else: “A. B.” Trump said
// on Tuesday, not “A. B.” Mills then writes back, “C.”
func (f *finder) onlyAttribution(q *Quote, toks []token) bool {
	e := max(q.CueEnd, q.SpeakerEnd)
	i := 0
	for i < len(toks) && toks[i].Start < e {
		i++
	}
	n, ok := attributionTail(toks[i:])
	if !ok && i+n < len(toks) && n < 10 && (subordinators[toks[i+n].Low] || slices.ContainsFunc(toks[i:i+n], func(t token) bool { return subordinators[t.Low] })) {
		return true // "Clinton asks as a maintenance guy walks in"
	}
	return ok && (i+n >= len(toks) || toks[i+n].Low == "." || i+n == len(toks)-1)
}

// attributeAfter reads ", X said" or ", said X" from toks[k:], or a
// signature "— Name" that ends the sentence.
func (f *finder) attributeAfter(q *Quote, toks []token, k int) bool {
	if k < len(toks) && dashes[toks[k].Low] && k+1 < len(toks) && toks[k+1].capitalized() {
		s, e := f.npAfter(toks, k+1)
		n := k + 1
		for n < len(toks) && toks[n].Start < e {
			n++
		}
		if s < e && (n == len(toks) || toks[n].Low == "." || toks[n].Low == "," || toks[n].Low == "(") {
			f.setCue(q, toks[k:k+1])
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, f.withAppositive(toks, e)
			q.Speaker = f.text[s:q.SpeakerEnd]
			return true
		}
	}
	k0 := k
	for k < len(toks) && !toks[k].Word && toks[k].Low != "." {
		k++ // , ” —
	}
	if k < len(toks) && (toks[k].Low == "and" || toks[k].Low == "but") {
		return false // “...,” and he said he hoped ...: a clause of its own, not an attribution
	}
	if f.appositiveThenCue(q, toks, k) {
		return true
	}
	if k+2 < len(toks) && toks[k].Low == "according" && toks[k+1].Low == "to" {
		// "“Q,” according to CNN."
		if s, e := f.npAfter(toks, k+2); s < e {
			q.Cue, q.CueStart, q.CueEnd = "according to", toks[k].Start, toks[k+1].End
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
			return true
		}
		return false
	}
	limit := min(len(toks), k+10)
	for j := k; j < limit; j++ {
		if toks[j].Low == "(" {
			// "Rep. Gwen Moore (D-Wis.) said": step over the parenthesis
			for p := j + 1; p < min(len(toks), j+8); p++ {
				if toks[p].Low == ")" {
					limit = min(len(toks), limit+p-j)
					j = p
					break
				}
			}
			continue
		}
		if !toks[j].Word && toks[j].Low != "'s" {
			if toks[j].Low == "." || toks[j].Low == ";" {
				return false
			}
			continue
		}
		if n := f.quoteCueAt(toks, j); n > 0 {
			if j > k { // X said
				h := j
				if h > k+3 && toks[h-1].Low == "as" && (toks[h-2].Low == "quoted" || toks[h-2].Low == "cited") {
					h -= 2 // "X is quoted as saying"
				}
				for h > k+1 && toks[h-1].Word && (skippable[toks[h-1].Low] || lyAdverb(toks[h-1].Low) && !toks[h-1].capitalized()) {
					h-- // "X has said", "X later told"
				}
				if relativeBefore(toks, k, h) {
					return false // "“Q” appeared in the memo that the council said": the cue is the relative clause's
				}
				s, e := toks[k].Start, toks[h-1].End
				s, e = f.trimMention(toks[k:h], s, e)
				if s < e && s == toks[k].Start {
					e = f.withAppositive(toks, e)
				}
				if s < e {
					f.setCue(q, toks[j:j+n])
					q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
					return true
				}
				return false
			}
			if addresseeCue(toks[j].Low) {
				// "... as “fantastic,” telling reporters": whom the words
				// were told, not who said them; the sentence's subject did
				s, e := 0, 0
				if k0 > 1 && toks[0].Word {
					s, e = f.subject(toks[:k0])
				}
				if s < e {
					f.setCue(q, toks[j:j+n])
					q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
					return true
				}
				return false
			}
			// said X
			s, e := f.npAfter(toks, j+n)
			e = f.withAppositive(toks, e)
			if s < e {
				f.setCue(q, toks[j:j+n])
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
				return true
			}
			return false
		}
		if j == k+7 {
			return false
		}
	}
	return false
}

// relativeBefore says whether toks[k:h], the words between a quote and a
// cue, hold a relative clause after a noun ("appeared in the memo that the
// council"): the cue is then the clause's own verb, its subject not the
// quote's speaker. A leading "that" ("that's what the mayor said") is not one.
func relativeBefore(toks []token, k, h int) bool {
	for p := max(k+1, 1); p+1 < h && p+1 < len(toks); p++ {
		if w := toks[p].Low; (w == "that" || w == "which" || w == "whom") && toks[p-1].Word && !stopBefore[toks[p-1].Low] &&
			toks[p+1].Word && (determiners[toks[p+1].Low] || pronouns[toks[p+1].Low] || toks[p+1].capitalized()) {
			// the clause's subject runs into the cue: "the mayor that the
			// council hired said" is the mayor's
			return !slices.ContainsFunc(toks[p+1:h], verbLikeWord)
		}
	}
	return false
}

// attributeTail reads an attribution that follows a comma after toks[k],
// past the reach of attributeAfter, and ends the sentence: "“Q” if she
// did not win by more, said David Ward, an analyst." / "“Q” and against
// the law, Clinton said." Another cue or quotation mark on the way stops it.
func (f *finder) attributeTail(q *Quote, toks []token, k int) bool {
	for c := k + 1; c < len(toks) && c < k+40; c++ {
		t := toks[c]
		if !t.Word {
			switch t.Low {
			case ",":
				var p Quote
				if c > k+2 && f.attributeAfter(&p, toks, c) && p.CueStart > t.Start && f.closesSentence(toks, max(p.CueEnd, p.SpeakerEnd)) {
					q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
					q.Cue, q.CueStart, q.CueEnd = p.Cue, p.CueStart, p.CueEnd
					return true
				}
			case ";", ":", "(", "\"", "“", "”", "‘", "’":
				return false
			}
			continue
		}
		if f.quoteCueAt(toks, c) > 0 {
			return false
		}
	}
	return false
}

// closesSentence says whether only a time or place phrase follows byte e
// to the end of the sentence toks: "agreed.", "tweeted on Wednesday.", "said
// in a statement.".
func (f *finder) closesSentence(toks []token, e int) bool {
	i := 0
	for i < len(toks) && toks[i].Start < e {
		i++
	}
	rest := toks[i:]
	if n := len(rest); n > 0 && !rest[n-1].Word {
		rest = rest[:n-1] // the sentence's final mark
	}
	if len(rest) > 4 {
		return false
	}
	for _, t := range rest {
		if !t.Word || clauseAux[t.Low] || pronouns[t.Low] || t.Low == "that" {
			return false
		}
	}
	return len(rest) == 0 || rest[0].Low == "on" || rest[0].Low == "in" || rest[0].Low == "at" || weekdays[rest[0].Low] || rest[0].Low == "later"
}

// appositiveThenCue reads "X, APPOSITIVE, said" from toks[k:], where the
// appositive is too long for the plain reading: "Robert McDuff, attorney for
// one of four groups to file suit over the law, said".
func (f *finder) appositiveThenCue(q *Quote, toks []token, k int) bool {
	c := k
	for c < len(toks) && c-k < 6 && toks[c].Word {
		c++
	}
	name := c // the name ends here; a parenthesis may follow: "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
	if c > k && c < len(toks) && toks[c].Low == "(" {
		for p := c + 1; p < min(len(toks), c+8); p++ {
			if toks[p].Low == ")" {
				c = p + 1
				break
			}
		}
	}
	if name == k || c >= len(toks) || toks[c].Low != "," || !toks[name-1].capitalized() {
		return false
	}
	s, e := f.trimMention(toks[k:name], toks[k].Start, toks[name-1].End)
	if s >= e || s != toks[k].Start {
		return false
	}
	e = f.withAppositive(toks, e)
	j := c
	for j < len(toks) && toks[j].Start < e {
		j++
	}
	for j < len(toks) && toks[j].Low == "," {
		j++
	}
	if j == c+1 || j >= len(toks) {
		return false
	}
	n := f.quoteCueAt(toks, j)
	if n == 0 {
		return false
	}
	f.setCue(q, toks[j:j+n])
	q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
	return true
}

// attributeBefore reads "X said:" or "X said," or "according to X," at the end
// of toks.
func (f *finder) attributeBefore(q *Quote, toks []token) bool {
	end := len(toks)
	for end > 0 && !toks[end-1].Word {
		end--
	}
	for j := end - 1; j >= max(0, end-8); j-- {
		if toks[j].Low == "according" && j+1 < len(toks) && toks[j+1].Low == "to" {
			s, e := f.npAfter(toks, j+2)
			if s < e {
				q.Cue, q.CueStart, q.CueEnd = "according to", toks[j].Start, toks[j+1].End
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
				return true
			}
		}
		if j == end-1 && end < len(toks) && toks[end].Low == ":" && toks[j].capitalized() {
			// "Philip Bump: “...”": a name alone before the colon, also
			// after a heading and a dash ("POLLS NOT WRONG - Mark
			// Blumenthal and Jon Cohen: “...”")
			if h := headingEnd(toks[:j]); j-h <= 4 {
				if s, e := f.trimMention(toks[h:end], toks[h].Start, toks[end-1].End); s < e && (s == toks[h].Start || h > 0) {
					if !slices.ContainsFunc(toks[h:end], func(t token) bool { return !t.capitalized() && t.Low != "and" }) {
						s = toks[h].Start // "Mark Blumenthal and Jon Cohen": both
					}
					q.Cue, q.CueStart, q.CueEnd = ":", toks[end].Start, toks[end].End
					q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
					return true
				}
			}
		}
		if n := f.quoteCueAt(toks, j); n > 0 {
			s, e := f.npBefore(toks, j)
			if s >= e && (addresseeCue(toks[j].Low) || j > 1 && (toks[j-1].Low == "and" || toks[j-1].Low == "then") && toks[j-2].Word) {
				s, e = f.subject(toks[:j]) // "..., but told his supporters, “Q”", "Ms. Sherry smiled and said, “Q”"
			}
			if s >= e && !addresseeCue(toks[j].Low) && (j+n >= len(toks) || !cueAdjuncts[toks[j+n].Low]) {
				s, e = f.npAfter(toks, j+n) // said Trump: “Q”, not "said in a statement."
			}
			if s < e {
				f.setCue(q, toks[j:j+n])
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
				return true
			}
		}
	}
	if end > 3 && toks[0].capitalized() {
		// "Said Ada Pruitt, who grew up on the farm, “Q”": an inverted
		// cue opens the sentence, the speaker and her appositive follow
		if _, n := f.cueAt(toks, 0); n > 0 {
			if s, e := f.npAfter(toks, n); s < e {
				if e = f.withAppositive(toks, e); e == toks[end-1].End {
					f.setCue(q, toks[:n])
					q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
					return true
				}
			}
		}
	}
	return false
}

// documentBefore returns where a mention starts when ts[i], before a
// name, is "by", "from" or "of" after a noun for a document or a count
// ("A review by The Times", "a projection from the Cook Political
// Report"): its determiner, or the noun; -1 when there is none.
func documentBefore(ts []token, i int) int {
	if i < 1 || !speechBys[ts[i].Low] || ts[i].Low == "with" {
		return -1
	}
	n := ts[i-1].Low
	if !evidenceNouns[n] && !evidenceNouns[n+"s"] && !issuedNouns[n] && n != "count" {
		return -1
	}
	for d := i - 1; d >= 0 && d >= i-4; d-- {
		if determiners[ts[d].Low] {
			return d
		}
		if !ts[d].Word || stopBefore[ts[d].Low] {
			break
		}
	}
	return i - 1
}

// headingEnd returns the index of the first token after the last dash of
// toks when a capital follows it: the words before are a heading or a
// line of the author's ("IOWA POLLS NOT NECESSARILY WRONG -", "Estimates
// of ... are particularly problematic -"). It returns 0 when there is none.
func headingEnd(toks []token) int {
	for d := len(toks) - 2; d > 0; d-- {
		if t := toks[d]; dashes[t.Low] || t.Low == "-" || t.Low == "--" {
			if toks[d+1].capitalized() {
				return d + 1
			}
			return 0
		}
	}
	return 0
}

// cueAdjuncts open a phrase after a cue that is not its speaker: "said in
// a statement", "said on Twitter".
var cueAdjuncts = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "to": true, "after": true, "before": true, "with": true,
}

// addresseeCue says whether what follows the cue w is whom the words were
// addressed to, never their speaker: a participle ("telling reporters",
// "saying") or "told" ("told his supporters"), unlike "said Trump".
func addresseeCue(w string) bool {
	return w == "told" || w == "tell" || w == "tells" || len(w) > 4 && strings.HasSuffix(w, "ing")
}

func (f *finder) setCue(q *Quote, cue []token) {
	q.CueStart, q.CueEnd = cue[0].Start, cue[len(cue)-1].End
	q.Cue = f.text[q.CueStart:q.CueEnd]
}

// skippable words stand between a speaker and the verb: "Trump later told",
// "Russia has insisted", "Peskov also said".
var skippable = map[string]bool{
	"also": true, "now": true, "later": true, "has": true, "have": true, "had": true, "would": true, "will": true,
	"then": true, "again": true, "once": true, "already": true, "further": true, "earlier": true,
	"previously": true, "reportedly": true, "repeatedly": true, "publicly": true, "privately": true,
	"is": true, "was": true, "were": true, "are": true, "been": true, "being": true, "did": true, "does": true,
	"himself": true, "herself": true, "themselves": true, "itself": true, "just": true, "even": true,
	"recently": true, "separately": true, "subsequently": true, "firmly": true, "explicitly": true,
	"specifically": true, "clearly": true, "openly": true, "flatly": true, "may": true, "might": true,
	"could": true, "should": true, "can": true, "often": true, "still": true, "only": true, "first": true,
}

// stopBefore words end a speaker mention walking backwards.
var stopBefore = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "but": true, "as": true, "because": true,
	"when": true, "while": true, "after": true, "before": true, "although": true, "though": true,
	"if": true, "since": true, "where": true, "so": true, "than": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "by": true, "from": true, "of": true, "about": true, "meanwhile": true,
	"however": true, "following": true, "during": true, "under": true, "into": true, "yet": true, "and": true,
	"or": true, "nor": true, "said": true, "says": true, "told": true, "what": true, "how": true, "why": true,
	"over": true, "also": true, "not": true, "we": false,
}

// npBefore returns the byte span of the speaker mention ending before the
// cue at toks[j]: "Kremlin spokesperson Dmitry Peskov said", "Trump later
// told", "Rep. Gwen Moore (D-Wis.) said", "Peskov, Putin's spokesman, said".
// It is empty when the words before are not a mention.
func (f *finder) npBefore(toks []token, j int) (int, int) {
	k := j
	for k > 0 && toks[k-1].Word && (f.skipsToVerb(toks[k-1], k == 1) || toks[k-1].Low == "since" && k >= 2 && (toks[k-2].Low == "has" || toks[k-2].Low == "have" || toks[k-2].Low == "had")) {
		k-- // not "Theresa May said": a capital inside the sentence is a name; "has since said"
	}
	k = skipWhen(toks, k)
	if k >= 3 && toks[k-1].Low == "to" && raising[toks[k-2].Low] {
		k -= 2 // "continued to say", "was quick to note"
	}
	for k > 0 && toks[k-1].Word && f.skipsToVerb(toks[k-1], k == 1) {
		k--
	}
	if k > 0 && toks[k-1].Low == "not" {
		return 0, 0 // "did not say"
	}
	if k >= 2 && (toks[k-1].Low == "who" || toks[k-1].Low == "which") {
		// "Govs. Jeb Bush and Chris Christie, who say": the antecedent
		e := k - 1
		if toks[e-1].Low == "," {
			e--
		}
		if e > 0 && toks[e-1].Word {
			return f.npBefore(toks, e)
		}
		return 0, 0
	}
	if k > 2 && toks[k-1].Low == "," && toks[k-2].Low == ")" && tagParen(toks, k-2) {
		// "Gov. John Kasich (R-OH), said": a comma after a party tag
		if s, e := f.npBefore(toks, k-1); s < e {
			return s, e
		}
	}
	// A parenthesis or an appositive between the mention and the cue.
	if k > 0 && toks[k-1].Low == ")" {
		for p := k - 2; p >= max(0, k-10); p-- {
			if toks[p].Low == "(" {
				if s, e := f.npBefore(toks, p); s < e {
					return s, toks[k-1].End
				}
				return 0, 0
			}
		}
	} else if k > 1 && toks[k-1].Low == "," {
		if s, e := f.ageBefore(toks, k-1); s < e {
			return s, e
		}
		// "Peskov, Putin's spokesman, said", "European leaders, including
		// officials from France and Germany, underscored", "Russia, which
		// ... has insisted"
		for p := k - 2; p >= max(0, k-40); p-- {
			if toks[p].Low == "," && p > 0 && f.nameBetween(toks, p+1, k-1) {
				// "The state’s campaign chairman, Phil Lovas, said": the name
				return toks[p+1].Start, toks[k-2].End
			}
			if toks[p].Low == "," && p > 0 && toks[p-1].Low == ")" && p+1 < len(toks) && f.opensAppositive(toks[p+1]) {
				// "Rep. Gregory Meeks (D-N.Y.), chairman of the caucus, said"
				if s, e := f.npBefore(toks, p); s < e {
					return s, f.withAppositive(toks, e)
				}
				break
			}
			if toks[p].Low == "," && p > 0 && toks[p-1].Word && p+1 < len(toks) && f.opensAside(toks, p+1, k-p) {
				// "Ukraine, on the other hand, has maintained": an
				// aside between the subject and the verb
				if s, e := f.npBefore(toks, p); s < e {
					return s, e
				}
				break
			}
			if toks[p].Low == "," && p > 0 && toks[p-1].Word && p+1 < len(toks) && f.opensAppositive(toks[p+1]) {
				if toks[p+1].capitalized() && titledClause(toks[p+1:k-1]) {
					break // "Hours later, Governor Tom Reyes answered the mayor, telling": a subject and its verb
				}
				if s, e := f.npBefore(toks, p); s < e {
					if n := f.nameBeforeComma(toks, s); n >= 0 && !toks[f.tokenAt(toks, e)].capitalized() || n >= 0 && f.opensAppositive(toks[f.tokenAt(toks, s)]) {
						// "Michael Mulgrew, president of the union, which
						// represents teachers, said": the name before the
						// first appositive
						return toks[n].Start, f.withAppositive(toks, toks[n+f.nameLen(toks, n)-1].End)
					}
					return s, f.withAppositive(toks, e)
				}
				break
			}
		}
	} else if k > 0 && (toks[k-1].Low == "and" || toks[k-1].Low == "but") {
		return 0, 0 // "... and underscored": the caller finds the subject
	} else if k > 2 && dashes[toks[k-1].Low] {
		// "Kall -- co-editor of a book about Trump -- said"
		for p := k - 2; p > 0 && p >= k-30; p-- {
			if dashes[toks[p].Low] {
				if s, e := f.npBefore(toks, p); s < e {
					return s, e
				}
				break
			}
		}
	}
	end := k
	for k > 0 && end-k < 8 {
		t := toks[k-1]
		if t.Low == "/" && k >= 2 && k < end && toks[k-2].capitalized() && toks[k].capitalized() {
			k-- // "A Wall Street Journal/NBC News poll found": one name of two sponsors
			continue
		}
		if (t.Low == "'" || t.Low == "’") && k >= 2 && k < end && toks[k-2].Word && toks[k-2].End == t.Start && strings.HasSuffix(toks[k-2].Low, "s") {
			k-- // "Sanders’ campaign said", "Flight attendants' union endorses": a possessive
			continue
		}
		if !t.Word {
			break
		}
		if stopBefore[t.Low] && !(t.Low == "of" && k-1 > 0 && k < end) {
			break
		}
		k--
	}
	if k == end {
		return 0, 0
	}
	// "supporters who came to Philadelphia to protest say": a relative
	// clause with no commas between the subject and its verb
	for p := end - 1; p > 0 && p >= end-15; p-- {
		if !toks[p].Word && toks[p].Low != "'s" || f.isCue(toks, p) {
			break
		}
		if toks[p].Low == "who" {
			if s, e := f.npBefore(toks, p); s < e {
				return s, e
			}
			break
		}
		if w := toks[p].Low; (w == "that" || w == "which" || len(w) > 4 && w[len(w)-2:] == "ed") && f.phraseAfterNoun(toks, p, end) {
			// "A 2014 study that appeared in the journal found", "A poll
			// released in late August found": the noun before the phrase
			if s, e := f.npBefore(toks, p); s < e {
				return s, toks[end-1].End
			}
			break
		}
	}
	if h := f.headBeforePP(toks, k); h < k && !slices.ContainsFunc(toks[k:end], verbLikeWord) {
		// "A spokesman for the Jupiter Police Department said",
		// "Experts on North Korea and nuclear nonproliferation said"
		return f.subjectName(toks, toks[h].Start), toks[end-1].End
	}
	s, e := f.trimMention(toks[k:end], toks[k].Start, toks[end-1].End)
	if s < e && s == toks[k].Start && !toks[k].capitalized() {
		s = f.subjectName(toks, s) // "Sam Lau, the communications director said"
	}
	if k >= 3 && toks[k-1].Low == "in" && (s < e || !f.hasCue(toks[k:end])) {
		if s, e := f.speechBy(toks, k-1); s < e {
			return s, e
		}
	}
	return s, e
}

// ageBefore returns the mention of a person whose age and appositives end
// with the comma at toks[c]: "Donna Rawlings, 59, of Ashton, Md., who
// watched the ceremony, | said", "Ana Ruiz, 59, | said". It is empty
// when no "Name, AGE," opens the stretch.
func (f *finder) ageBefore(toks []token, c int) (int, int) {
	for p := c - 1; p >= 2 && p >= c-30; p-- {
		t := toks[p]
		if t.Low == ";" || !t.Word && isOpenMark([]rune(t.Low)[0]) || f.isCue(toks, p) {
			break
		}
		if digits(t.Low) && toks[p-1].Low == "," && toks[p+1].Low == "," && toks[p-2].capitalized() {
			s, e := f.npBefore(toks, p-1)
			if b := f.tokenAt(toks, s); s < e && f.nameLen(toks, b) > 0 && (b == 0 || toks[b-1].Low != "and") {
				return s, f.withAppositive(toks, e) // not one of two: "Ana Ruiz, 59, and Tom Hale, 41, said"
			}
			break
		}
	}
	return 0, 0
}

// tagParen says whether the parenthesis closing at toks[c] is a short tag
// after a name, with no word in lower case: "(R-OH)", "(D-Ore.)", "(AFP)".
func tagParen(toks []token, c int) bool {
	for p := c - 1; p >= 0 && p >= c-8; p-- {
		t := toks[p]
		if t.Low == "(" {
			return p < c-1
		}
		if t.Word && !t.capitalized() && !digits(t.Low) {
			return false
		}
	}
	return false
}

// titledClause says whether ts, between two commas, opens with a
// capitalised title and name and goes on with a verb in the past and its
// object ("Senator Ada Pruitt praised the farmers"), not an appositive
// ("Senator for Ohio since 2011").
func titledClause(ts []token) bool {
	for i := 1; i+1 < len(ts); i++ {
		t := ts[i]
		if !t.Word {
			return false
		}
		if t.capitalized() {
			continue
		}
		return ts[i-1].capitalized() && verbLikeWord(t) && !clauseAux[t.Low] && ts[i+1].Word && ts[i+1].Low != "by" && ts[i+1].Low != "in"
	}
	return false
}

// nameBeforeComma returns the index of the first word of a name of one to
// four capitalised words that ends right before a comma before byte s, or -1:
// "Michael Mulgrew, | president of the union".
func (f *finder) nameBeforeComma(toks []token, s int) int {
	i := 0
	for i < len(toks) && toks[i].Start < s {
		i++
	}
	c := i - 1
	for c > 0 && i-c <= 5 && toks[c].Word && !toks[c].capitalized() && (toks[c].Low == "and" || !stopBefore[toks[c].Low]) {
		c-- // "Angelique Brunner, a developer and | spokeswoman for ..."
	}
	if c < 1 || toks[c].Low != "," {
		return -1
	}
	b := c
	for b > 0 && c-b < 4 && toks[b-1].Word && toks[b-1].capitalized() && !f.lx.Titles[toks[b-1].Low] && !notNames[toks[b-1].Low] && !timeWords[toks[b-1].Low] {
		b--
	}
	if b == c || b > 0 && toks[b-1].Word && !stopBefore[toks[b-1].Low] && !skippable[toks[b-1].Low] && !f.lx.Titles[toks[b-1].Low] && !nameModifiers[toks[b-1].Low] {
		return -1
	}
	if b == 0 && c-b == 1 && nameOpeners[toks[0].Low] {
		return -1
	}
	return b
}

// subjectName returns the start of the name that opens the sentence before
// a description starting at byte s and a comma ("Sam Lau, | the
// communications director for the party said"), or s when there is none.
func (f *finder) subjectName(toks []token, s int) int {
	n := f.nameBeforeComma(toks, s)
	if n < 0 || n > 0 && toks[n-1].Word || f.nameLen(toks, n) < 2 {
		return s
	}
	return toks[n].Start
}

// nameLen is the number of capitalised words from toks[b].
func (f *finder) nameLen(toks []token, b int) int {
	n := 0
	for b+n < len(toks) && toks[b+n].Word && toks[b+n].capitalized() {
		n++
	}
	return n
}

// phraseAfterNoun says whether toks[p:end], before a cue, is a relative
// clause or a participle phrase after a noun for a document or people, the
// cue's subject: "A 2014 study | that appeared in the journal | found", "A
// poll | released in late August | found"; not "warnings from his attorney |
// that the showdown was fruitless since ..." (a complement clause).
func (f *finder) phraseAfterNoun(toks []token, p, end int) bool {
	if p < 2 || p+1 >= end || !toks[p-1].Word || toks[p-1].capitalized() {
		return false
	}
	w, next := toks[p].Low, toks[p+1]
	switch {
	case w == "that" || w == "which":
		if next.capitalized() || determiners[next.Low] || pronouns[next.Low] || quantifiers[next.Low] {
			return false
		}
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		if next.Low != "by" && next.Low != "in" && next.Low != "last" {
			return false
		}
	default:
		return false
	}
	if n := toks[p-1].Low; !f.isPeopleNoun(n) && !issuedNouns[n] && !saidNouns[n] {
		return false
	}
	return !slices.ContainsFunc(toks[p+1:end], func(t token) bool { return subordinators[t.Low] || t.Low == "that" })
}

// headBeforePP returns where a mention starts when the one starting at
// toks[k] is the object of a preposition after a head that names people:
// "a spokesman for | the department", "experts on North Korea and | nuclear
// nonproliferation", "Developers and supporters in | Congress". It returns
// k when there is none.
func (f *finder) headBeforePP(toks []token, k int) int {
	p := -1
	for q := k - 1; q >= 1 && k-q <= 8; q-- {
		t := toks[q]
		if !t.Word {
			return k
		}
		if ppWords[t.Low] || t.Low == "by" {
			if f.peopleHead(toks, q-1) && t.Low != "by" || documentBefore(toks[:q+1], q) >= 0 {
				p = q // also "A review by The Times shows", "a projection from the Cook Political Report"
				break
			}
			if t.Low == "by" {
				return k
			}
			continue
		}
		if stopBefore[t.Low] && t.Low != "and" || skippable[t.Low] || clauseAux[t.Low] || pronouns[t.Low] || f.isCue(toks, q) {
			return k
		}
	}
	if p < 0 {
		return k
	}
	// the head's own words: a determiner, modifiers ("An earlier report
	// in", "another Pew study from"), a coordinated head
	h := p - 1
	b := h
	for b > 0 && h-b < 5 {
		t := toks[b-1]
		if !t.Word || stopBefore[t.Low] && t.Low != "and" || pronouns[t.Low] || f.isCue(toks, b-1) ||
			skippable[t.Low] && !(b >= 2 && determiners[toks[b-2].Low]) {
			break
		}
		if t.Low == "and" && !(b >= 2 && toks[b-2].Word && (toks[b-2].Low == "current" || f.peopleHead(toks, b-2))) {
			break // "Developers and supporters in", not "said and officials in"
		}
		b--
		if determiners[t.Low] || quantifiers[t.Low] {
			break
		}
	}
	for b < h && toks[b].capitalized() && !determiners[toks[b].Low] && !quantifiers[toks[b].Low] && b > 0 {
		b++ // a name before the modifiers is not part of the head's phrase
	}
	return b
}

// verbLikeWord says whether t reads as a verb in a noun phrase's place: a
// past form ("filed legal papers") or an auxiliary.
func verbLikeWord(t token) bool {
	return !t.capitalized() && (len(t.Low) > 4 && strings.HasSuffix(t.Low, "ed") || pastForms[t.Low] || clauseAux[t.Low])
}

// peopleHead says whether toks[h] is a common noun for people that a
// prepositional phrase can follow ("a spokesman for", "experts on"); a
// capital only as the sentence opens.
func (f *finder) peopleHead(toks []token, h int) bool {
	t := toks[h]
	return t.Word && (!t.capitalized() || h == 0) && (f.isPeopleNoun(t.Low) || unnamedNouns[t.Low] || groupNouns[t.Low]) &&
		!determiners[t.Low] && !quantifiers[t.Low]
}

// ppWords open the prepositional phrase after a speaker's head noun.
var ppWords = map[string]bool{"for": true, "of": true, "at": true, "in": true, "with": true, "from": true, "on": true, "across": true}

// skipsToVerb says whether t stands between a subject and its verb: an
// auxiliary or adverb ("has", "later", "reportedly"), in lower case, or an
// auxiliary that opens the sentence ("Now tell us"); a capital inside the
// sentence is a name ("Theresa May said", "Kelly said").
func (f *finder) skipsToVerb(t token, first bool) bool {
	if t.capitalized() {
		return first && skippable[t.Low]
	}
	return skippable[t.Low] || lyAdverb(t.Low)
}

// skipWhen steps back over a time phrase that ends before toks[k] and
// stands between a subject and its verb: "on Tuesday", "this week", "last
// month", "Thursday". It returns k when there is none.
func skipWhen(toks []token, k int) int {
	if k < 2 || !toks[k-1].Word {
		return k
	}
	w := toks[k-1].Low
	switch {
	case weekdays[w]:
		if toks[k-2].Low == "on" && k >= 3 {
			return k - 2
		}
		if toks[k-2].Word {
			return k - 1
		}
	case timeUnits[w] && (toks[k-2].Low == "this" || toks[k-2].Low == "last" || toks[k-2].Low == "earlier" && k >= 3):
		if k >= 4 && toks[k-2].Low == "this" && toks[k-3].Low == "earlier" {
			return k - 3
		}
		return k - 2
	case w == "yesterday" || w == "today" || w == "tonight":
		return k - 1
	case w == "ago" && k >= 4 && (timeUnits[strings.TrimSuffix(toks[k-2].Low, "s")] || openingTimes[toks[k-2].Low]) &&
		(digits(toks[k-3].Low) || quantifiers[toks[k-3].Low] || toks[k-3].Low == "a"):
		// "The State Department less than two weeks ago said"
		k -= 3
		if k >= 3 && toks[k-1].Low == "than" && (toks[k-2].Low == "less" || toks[k-2].Low == "more") {
			k -= 2
		}
		return k
	case w == "time" && k >= 3 && (toks[k-2].Low == "the" || toks[k-2].Low == "that") && toks[k-3].Low == "at":
		return k - 3 // "Trump at the time said"
	}
	return k
}

var (
	weekdays = map[string]bool{
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	}
	timeUnits = map[string]bool{
		"week": true, "month": true, "year": true, "weekend": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	}
)

// speechBy reads "an interview with Zelensky" ending before toks[in] ("...
// in The Economist highlighted"): the speaker is the one who gave the
// interview, not the outlet that printed it.
func (f *finder) speechBy(toks []token, in int) (int, int) {
	x := in
	for x > 0 && in-x < 4 && toks[x-1].Word && toks[x-1].capitalized() {
		x--
	}
	if x == in || x < 2 || !speechBys[toks[x-1].Low] || !speechNouns[toks[x-2].Low] {
		return 0, 0
	}
	return f.trimMention(toks[x:in], toks[x].Start, toks[in-1].End)
}

// opensAside says whether t, after a comma n tokens before the cue, opens an
// aside between a subject and its verb: "Ukraine, on the other hand, has
// maintained", "The administration, in a far-reaching effort to ...,
// has said", "Many studies, often conducted by ..., have found", but not
// ", underscored their position".
func (f *finder) opensAside(toks []token, i, n int) bool {
	t := toks[i]
	if asides[t.Low] {
		return n <= 25
	}
	if n > 20 || !t.Word || t.capitalized() {
		return false
	}
	if strings.HasSuffix(t.Low, "ing") && len(t.Low) > 4 && !f.opensAppositive(t) {
		return true // "Trump, speaking to a veterans group, said" (not "including")
	}
	// a participle with its agent, not a verb of the sentence: "backed by",
	// "often conducted by"
	for _, d := range []int{0, 1} {
		if i+d+1 < len(toks) && strings.HasSuffix(toks[i+d].Low, "ed") && toks[i+d+1].Low == "by" {
			return true
		}
	}
	return false
}

// quoteCueAt is cueAt next to quotation marks, where a verb of the manner
// of speaking attributes the words too: "“...,” Toomey fumed", "Blackwell
// continued, “...”", "Trump went on". It returns the number of tokens.
func (f *finder) quoteCueAt(toks []token, k int) int {
	if _, n := f.cueAt(toks, k); n > 0 {
		if p := toks[max(k-1, 0)].Low; k > 0 && nounForms[toks[k].Low] && (determiners[p] || quantifiers[p] || possessive(p) || adjective(p)) {
			return 0 // "Trump’s disrespectful comments", "one question": a noun
		}
		return n
	}
	t := toks[k]
	if (t.Low == "put" || t.Low == "puts") && k+1 < len(toks) && toks[k+1].Low == "it" && (k+2 == len(toks) || !toks[k+2].Word) {
		return 2 // "As Vulture put it, “...”", "“...,” as the memo put it."
	}
	if !t.Word || len(t.Low) < 4 || t.capitalized() {
		return 0
	}
	if c := t.Low[len(t.Low)-1]; c != 'd' && c != 's' && c != 't' {
		return 0 // every manner cue ends so: a cheap test before the maps
	}
	if k > 0 && (determiners[toks[k-1].Low] || possessive(toks[k-1].Low)) {
		return 0
	}
	if mannerCues[t.Low] {
		return 1
	}
	if (t.Low == "went" || t.Low == "goes" || t.Low == "chimed" || t.Low == "chimes") && k+1 < len(toks) &&
		(toks[k+1].Low == "on" || toks[k+1].Low == "in") && (k+2 == len(toks) || !toks[k+2].Word) {
		return 2 // "Trump went on, “...”", "Pence chimed in."
	}
	return 0
}

// adjective says whether w ends as an adjective does: "disrespectful",
// "investigative", "political".
func adjective(w string) bool {
	for _, suf := range adjectiveEnds {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjectiveEnds = []string{"ful", "less", "ous", "ive", "ical", "ible", "able"}

// mannerCues are verbs of the manner of speaking: cues only next to
// quotation marks.
var mannerCues = map[string]bool{
	"continued": true, "continues": true, "pressed": true, "fumed": true, "fumes": true, "mused": true,
	"muses": true, "quipped": true, "quips": true, "joked": true, "jokes": true, "shouted": true,
	"yelled": true, "exclaimed": true, "interjected": true, "snapped": true, "retorted": true,
	"countered": true, "counters": true, "wondered": true, "wonders": true, "laughed": true,
	"recounted": true, "scoffed": true, "sneered": true, "gushed": true, "marveled": true,
	"marvelled": true, "chuckled": true, "sighed": true, "bellowed": true, "cried": true,
	"thundered": true, "barked": true, "groused": true, "grumbled": true, "cracked": true,
	"riffed": true, "teased": true, "deadpanned": true, "lamented": true, "raved": true, "chanted": true,
	"sang": true, "sings": true, "reacted": true, "reacts": true, "remembered": true, "opined": true,
	"opines": true, "exhorted": true, "screamed": true,
}

// isCue says whether a cue starts at toks[p].
func (f *finder) isCue(toks []token, p int) bool {
	_, n := f.cueAt(toks, p)
	return n > 0
}

// raising verbs take a cue as an infinitive: "continued to say".
var raising = map[string]bool{
	"continued": true, "continues": true, "continue": true, "quick": true, "went": true, "go": true,
	"tried": true, "tries": true, "seemed": true, "seems": true, "appeared": true, "appears": true,
	"began": true, "begins": true, "started": true, "starts": true, "used": true,
}

// asides open a comma-delimited aside between a subject and its verb.
var asides = map[string]bool{
	"on": true, "for": true, "in": true, "however": true, "meanwhile": true, "though": true,
	"too": true, "at": true, "by": true, "unlike": true, "like": true, "instead": true,
	"moreover": true, "therefore": true, "nonetheless": true, "nevertheless": true, "meantime": true,
	"likewise": true, "similarly": true, "separately": true,
}

// speechNouns and speechBys: "an interview with X", "remarks by X".
var (
	speechNouns = map[string]bool{
		"interview": true, "remarks": true, "comments": true, "statement": true, "speech": true,
		"letter": true, "op-ed": true, "column": true, "post": true, "tweet": true, "address": true,
		"testimony": true, "conversation": true, "briefing": true,
	}
	speechBys = map[string]bool{"with": true, "by": true, "from": true, "of": true}
)

// trimMention cuts a speaker mention out of ts: it drops a trailing
// parenthesis ("(D-Wis.)"), keeps the name of an appositive ("Peskov,
// Putin's spokesman"), drops leading words that cannot start a mention, and
// checks that the last word can head one (a name, a pronoun, a noun for
// people or organisations). Before a capitalised head only names, titles
// and a few modifiers stay: "panel Chairman Jason Chaffetz" -> "Chairman
// Jason Chaffetz".
func (f *finder) trimMention(ts []token, s, e int) (int, int) {
	for len(ts) > 0 && !ts[len(ts)-1].Word {
		n := len(ts) - 1
		if ts[n].Low == ")" {
			for p := n - 1; p >= 0; p-- {
				if ts[p].Low == "(" {
					n = p
					break
				}
			}
		}
		ts = ts[:n]
	}
	for c, t := range ts {
		if t.Low == "," {
			if c > 0 && ts[c-1].capitalized() {
				ts = ts[:c]
			} else {
				ts = ts[c+1:]
			}
			break
		}
	}
	i := 0
	for i < len(ts) && (!ts[i].Word || lyAdverb(ts[i].Low) && !ts[i].capitalized() || stopBefore[ts[i].Low]) {
		i++
	}
	if i == len(ts) {
		return 0, 0
	}
	ts = ts[i:]
	for d := len(ts) - 2; d > 0; d-- {
		if (ts[d].Low == "the" || ts[d].Low == "a" || ts[d].Low == "an") && ts[d-1].Word && !stopBefore[ts[d-1].Low] && !quantifiers[ts[d-1].Low] && !ts[d-1].capitalized() {
			ts = ts[d:] // "one reason the mayor": a second noun phrase starts the mention
			break
		}
	}
	head := ts[len(ts)-1]
	if len(ts) > 1 && pronouns[head.Low] && head.Low != "it" && clauseOpeners[ts[len(ts)-2].Low] {
		ts, head = ts[len(ts)-1:], ts[len(ts)-1] // "every time he thinks": the pronoun opens a clause of its own
	}
	if !f.isHead(head) && !(f.described && describedHead(ts)) && !f.headOf(ts) {
		return 0, 0
	}
	if head.capitalized() {
		for i := len(ts) - 2; i >= 0; i-- {
			t := ts[i]
			if !t.Word || t.capitalized() || f.lx.Titles[t.Low] || f.isPeopleNoun(t.Low) || nameModifiers[t.Low] {
				continue
			}
			if d := documentBefore(ts, i); d >= 0 {
				ts = ts[d:] // "A review by The Times", "a count by The Associated Press": the document
				break
			}
			ts = ts[i+1:]
			break
		}
	}
	for len(ts) > 0 && !ts[0].Word {
		ts = ts[1:]
	}
	if len(ts) == 0 || len(ts) > 9 {
		return 0, 0
	}
	return ts[0].Start, ts[len(ts)-1].End
}

// withAppositive extends a speaker mention ending at byte e over what the
// article writes right after it about the speaker: a parenthesis "(R-Ga.)"
// and the appositives and relative clauses that follow, comma after comma
// (", a professor at Princeton University, who advised the campaign"), up
// to the end of the sentence or a comma followed by anything else. The
// mention as written keeps them; resolution reads only the name
// (mentionCore).
func (f *finder) withAppositive(toks []token, e int) int {
	i := 0
	for i < len(toks) && toks[i].End <= e {
		i++
	}
	if i < len(toks) && toks[i].Low == "(" {
		for p := i + 1; p < min(len(toks), i+8); p++ {
			if toks[p].Low == ")" {
				e, i = toks[p].End, p+1
				break
			}
		}
	}
	if i > 0 && i < len(toks) && toks[i].Low == "who" && !toks[i-1].capitalized() {
		// "a Crossroads official who was not authorized to speak"
		p := i + 1
		for p < min(len(toks), i+30) && !f.endsAppositive(toks, p) {
			p++
		}
		if p < len(toks) && (toks[p].Low == "," || toks[p].Low == "." && p == len(toks)-1) {
			e, i = toks[p-1].End, p
		}
	}
	for n := 0; i+1 < len(toks) && toks[i].Low == "," && (f.continuesAppositive(toks[i+1], n) || n == 0 && f.titledAppositive(toks, i+1) || f.ingTitle(toks, i+1)); n++ {
		if w := toks[i+1]; !w.capitalized() && (clauseAux[w.Low] || pastForms[w.Low] || f.isCue(toks, i+1)) {
			return e // "X, a policy group, have followed", "Xinhua, the news agency, wrote": the verb
		}
		p := i + 1
		for p < min(len(toks), i+40) && !f.endsAppositive(toks, p) {
			p++
		}
		if p == i+1 || p == min(len(toks), i+40) && p < len(toks) {
			return e
		}
		if p < len(toks) && toks[p].Low != "," && !(toks[p].Low == "." && p == len(toks)-1) {
			return e // a quotation mark, a colon: not the end of a mention
		}
		e, i = toks[p-1].End, p
	}
	return e
}

// verbLike says whether a lower-case word after a comma reads as a verb,
// not as the first word of an appositive.
func verbLike(w string) bool {
	switch w {
	case "adding", "says", "said", "told", "noting", "is", "was", "has", "had", "will", "would", "did":
		return true
	}
	return false
}

// endsAppositive says whether toks[p] ends one appositive of a mention: a
// comma, a colon, a quotation mark..., but not the period of an abbreviation
// inside the sentence ("in Tampa, Fla., who", "Ft. Worth") nor the comma of
// a number ("$46,344").
func (f *finder) endsAppositive(toks []token, p int) bool {
	t := toks[p].Low
	if !appositiveEnds[t] {
		return false
	}
	if p == 0 || p+1 >= len(toks) || !toks[p-1].Word {
		return true
	}
	switch t {
	case ".":
		// the sentence goes on after it: an abbreviation's period
		// a dotted acronym keeps its last period even when long ("the
		// A.F.L.-C.I.O., wrote")
		dotted := toks[p].Start == toks[p-1].End && strings.IndexByte(toks[p-1].Text, '.') > 0
		return !toks[p-1].capitalized() || len(toks[p-1].Low) > 5 && !dotted || !toks[p+1].Word && toks[p+1].Low != ","
	case ",":
		return !digits(toks[p-1].Low) || !digits(toks[p+1].Low) || len(toks[p+1].Low) != 3 || toks[p+1].Start != toks[p].End
	}
	return true
}

// digits says whether w is made of digits only.
func digits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// appositiveEnds end one appositive of a mention.
var appositiveEnds = map[string]bool{",": true, ".": true, ";": true, ":": true, "“": true, "\"": true, "”": true, "(": true}

// continuesAppositive says whether t, after a comma following a mention,
// starts an appositive: a determiner, a title, "who", an age ("Ki Hong,
// 33,") or, after a first appositive, a place ("in Lawrenceville, N.J.").
func (f *finder) continuesAppositive(t token, n int) bool {
	if f.opensAppositive(t) {
		return true
	}
	if r := t.Low[0]; r >= '0' && r <= '9' {
		return true
	}
	if len(t.Low) >= 3 && t.Low[1] == '-' && (t.Low[0] == 'r' || t.Low[0] == 'd' || t.Low[0] == 'i') && t.capitalized() {
		return true // a party and state: "Mitch McConnell, R-Ky., said"
	}
	if t.Word && !t.capitalized() && !stopBefore[t.Low] && !strings.HasSuffix(t.Low, "ing") && !strings.HasSuffix(t.Low, "ed") {
		return !verbLike(t.Low) // "Farhana Khera, executive director of ..."
	}
	return n > 0 && t.capitalized()
}

// ingTitle says whether toks[p:] opens with a title led by a word in -ing:
// "managing director of ...", "ranking member of ...", "visiting professor
// at ...", not "saying", "adding that".
func (f *finder) ingTitle(toks []token, p int) bool {
	if p+1 >= len(toks) || !toks[p].Word || toks[p].capitalized() || !strings.HasSuffix(toks[p].Low, "ing") || !toks[p+1].Word {
		return false
	}
	w := toks[p+1].Low
	return (f.lx.Titles[w] || peopleNouns[w]) && !verbLike(w)
}

// titledAppositive says whether toks[i:] opens with capitalised words and
// then a title in lower case: "David Wasserman, House editor for the Cook
// Political Report", not "Hester, Obama said".
func (f *finder) titledAppositive(toks []token, i int) bool {
	for p := i; p < len(toks) && p < i+3; p++ {
		t := toks[p]
		if !t.Word {
			return false
		}
		if !t.capitalized() {
			return f.lx.Titles[t.Low] || peopleNouns[t.Low] && !verbLike(t.Low)
		}
	}
	return false
}

// opensAppositive says whether t can start an appositive or a relative
// clause after a name: "the", "Putin's", "including", "who".
func (f *finder) opensAppositive(t token) bool {
	switch t.Low {
	case "the", "a", "an", "including", "who", "which", "whose", "his", "her", "its", "their", "both", "then":
		return true
	}
	return strings.HasSuffix(t.Low, "'s") || f.lx.Titles[t.Low] || f.isPeopleNoun(t.Low) || nameModifiers[t.Low] && !t.capitalized()
}

// nameBetween says whether toks[i:j] is a name alone: one to four
// capitalised words or initials, between two commas.
func (f *finder) nameBetween(toks []token, i, j int) bool {
	if j-i < 1 || j-i > 5 || j > len(toks) {
		return false
	}
	words := 0
	for _, t := range toks[i:j] {
		if t.Word && t.capitalized() && !f.lx.Titles[t.Low] && !notNames[t.Low] {
			words++
			continue
		}
		if t.Low != "." {
			return false
		}
	}
	return words >= 2
}

// isHead says whether t can end a speaker mention.
func (f *finder) isHead(t token) bool {
	if !t.Word {
		return false
	}
	if strings.HasSuffix(t.Low, "'s") {
		return false // a possessive ("Friday's") modifies, it does not speak
	}
	if t.capitalized() {
		return !notNames[t.Low]
	}
	return pronouns[t.Low] || f.isPeopleNoun(t.Low) || f.lx.Titles[t.Low] || orgSuffixes[t.Low] ||
		groupNouns[t.Low] || unnamedNouns[t.Low]
}

func (f *finder) isPeopleNoun(w string) bool {
	return peopleNouns[w] || strings.HasSuffix(w, "s") && peopleNouns[w[:len(w)-1]] ||
		strings.HasSuffix(w, "'s") && peopleNouns[w[:len(w)-2]]
}

// barePlural says whether ts is a plural noun phrase in lower case with no
// determiner: "hacking specialists", "state officials".
func barePlural(ts []token) bool {
	for _, t := range ts {
		if !t.Word || t.capitalized() && t.Start != ts[0].Start || stopBefore[t.Low] || skippable[t.Low] || pronouns[t.Low] || determiners[t.Low] {
			return false
		}
	}
	h := ts[len(ts)-1].Low
	return len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") &&
		!strings.HasSuffix(h, "is") && !strings.HasSuffix(h, "'s")
}

// headOf says whether ts is "HEAD of ...", the head a speaker: "Proponents
// of the new bill", "supporters of the plan".
func (f *finder) headOf(ts []token) bool {
	if last := ts[len(ts)-1].Low; determiners[last] || stopBefore[last] {
		return false
	}
	for i := 1; i < len(ts)-1 && i <= 3; i++ {
		if ts[i].Low == "of" {
			h := ts[i-1]
			return f.isHead(h) && !h.capitalized() || barePlural(ts[i-1:i])
		}
	}
	return false
}

// lyAdverb says whether w is an adverb in -ly ("later", "reportedly"), not
// a noun or adjective that ends so ("ally", "family", "rally").
func lyAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") && !lyWords[w]
}

var lyWords = map[string]bool{
	"ally": true, "family": true, "rally": true, "assembly": true, "supply": true, "reply": true, "italy": true,
	"bully": true, "anomaly": true, "monopoly": true, "july": true, "early": true, "only": true, "holy": true,
}

// quantifiers open a described group of speakers: "most respondents",
// "almost half of voters", "one in three".
var quantifiers = map[string]bool{
	"most": true, "many": true, "some": true, "several": true, "few": true, "all": true, "both": true,
	"half": true, "almost": true, "nearly": true, "about": true, "roughly": true, "more": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true,
	"eighty": true, "ninety": true, "majority": true, "third": true, "two-thirds": true, "three-fourths": true,
	"three-quarters": true, "other": true, "others": true, "local": true, "u.s.": true, "another": true,
}

// nameModifiers may stand before a name in a mention: "longtime Democratic
// pollster Pat Caddell", "former Secretary of State Hillary Clinton".
var nameModifiers = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "former": true, "longtime": true, "top": true,
	"senior": true, "then": true, "fellow": true, "veteran": true, "retired": true, "incoming": true,
	"outgoing": true, "acting": true, "deputy": true, "assistant": true, "presidential": true,
	"democratic": true, "republican": true, "ex": true, "late": true, "current": true, "democrat": true, "gop": true,
}

// notNames are capitalised words that do not end a speaker mention.
var notNames = map[string]bool{
	"i": false, "it": true, "this": true, "that": true, "there": true, "these": true, "those": true,
	"what": true, "when": true, "but": true, "and": true, "if": true, "in": true, "on": true, "at": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "partial": true, "editor's": true, "the": true, "a": true, "an": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
}

// npAfter returns the mention starting at toks[k] ("said Trump", "according
// to Kremlin spokesman Dmitry Peskov, ..."), up to punctuation or a preposition.
func (f *finder) npAfter(toks []token, k int) (int, int) {
	end := k
	for end < len(toks) && end-k < 9 {
		t := toks[end]
		if !t.Word && t.Low != "-" && !(t.Low == "/" && end > k && digits(toks[end-1].Low) && end+1 < len(toks) && digits(toks[end+1].Low)) {
			break // "said 9/11 widow Terry Strada" goes on
		}
		if end > k+1 && (t.Low == "for" || t.Low == "at") && toks[end-1].capitalized() && toks[end-2].capitalized() && !f.lx.Titles[toks[end-1].Low] {
			break // "wrote Cameron Easley for Morning Consult": the person, not the outlet
		}
		if end > k && (t.Low == "in" || t.Low == "on" || t.Low == "at") && f.peopleHead(toks, end-1) && !f.circumstance(toks, end) &&
			end+1 < len(toks) && determiners[toks[end+1].Low] {
			end++ // "said one GOP source in the room", not "said a spokesman in a statement"
			continue
		}
		if end > k && (t.Low == "in" || t.Low == "on" || t.Low == "at" || t.Low == "during" || t.Low == "that" || t.Low == "to" || t.Low == "who" || t.Low == "after" || t.Low == "when" ||
			t.Low == "as" && !namingWords[toks[end-1].Low] || t.Low == "while" || t.Low == "because" || t.Low == "before") {
			break
		}
		end++
	}
	return f.mentionIn(toks, k, end)
}

// mentionIn returns the mention that toks[k:end] makes, or else the one
// that the longest stretch before a preposition makes: "the authors of the
// “Growth and Opportunity Project”" gives "the authors".
func (f *finder) mentionIn(toks []token, k, end int) (int, int) {
	if end == k {
		return 0, 0
	}
	if s, e := f.trimMention(toks[k:end], toks[k].Start, toks[end-1].End); s < e {
		return s, e
	}
	for end--; end > k; end-- {
		if toks[end].Low != "of" && toks[end].Low != "for" && toks[end].Low != "with" && toks[end].Low != "from" {
			continue
		}
		if s, e := f.trimMention(toks[k:end], toks[k].Start, toks[end-1].End); s < e {
			return s, e
		}
	}
	return 0, 0
}

// subject returns the first noun phrase of a sentence: its subject, for
// introductions ("Trump described the discussion in enthusiastic terms:") and
// participle cues (", stating that").
func (f *finder) subject(toks []token) (int, int) {
	if d := datelineEnd(toks); d > 0 {
		toks = toks[d:] // "WASHINGTON — Clinton ...", "Washington (AFP) – Clinton ..."
	}
	if !f.beforeSubject(toks) {
		if s, e := f.subjectAt(toks, 0); s < e {
			return s, e
		}
	}
	// skip an opening adverbial: "Meanwhile, ...", "On Tuesday, ...", "On
	// July 6, 2015, ..."
	for i, t := range toks {
		if i >= 14 {
			break
		}
		if t.Low == "," {
			s, e := f.subjectAt(toks, i+1)
			if s < e {
				n := f.tokenAt(toks, e) + 1
				if n+1 < len(toks) && toks[n].Low == "," && toks[n+1].capitalized() {
					continue // "Speaking in Salem, New Hampshire, Trump ...": a place, then the subject
				}
			}
			if s < e || i+2 >= len(toks) || !digits(toks[i+1].Low) {
				return s, e
			}
		}
	}
	return 0, 0
}

// beforeSubject says whether the sentence toks opens with a phrase before
// its subject that subjectAt would read as a name: a time ("Hours later,
// Trump ...", not "Lewandowski earlier quashed"), a participle phrase ("Speaking at a rally, Trump ...") or a
// word set off before a pronoun ("Wait, it gets better").
func (f *finder) beforeSubject(toks []token) bool {
	if len(toks) < 3 || !toks[0].Word || !toks[0].capitalized() {
		return false
	}
	w, next := toks[0].Low, toks[1].Low
	switch {
	case (next == "later" || next == "earlier" || next == "ago") && openingTimes[w]:
		return true
	case openingTimes[next] && (toks[2].Low == "later" || toks[2].Low == "earlier" || toks[2].Low == "ago"):
		return true // "Twenty-two years ago, a Times article hailed ..."
	case next == "," && pronouns[toks[2].Low]:
		return true
	case len(w) > 5 && strings.HasSuffix(w, "ing") && (participleNext[next] || toks[1].Word && !toks[1].capitalized() &&
		!verbLikeWord(toks[1]) && !skippable[next] && !lyAdverb(next) && !f.isCue(toks, 1) && !strings.HasSuffix(next, "s")):
		return true // "Facing criticism from ..., Trump", not "Manning told", "Browning says"
	}
	return false
}

// openingTimes open a sentence before "later" or "ago": "Hours later, ...".
var openingTimes = map[string]bool{
	"seconds": true, "minutes": true, "moments": true, "hours": true, "days": true, "weeks": true,
	"months": true, "years": true, "decades": true,
}

// participleNext follow a participle that opens a sentence: "Speaking at",
// "Responding to", "Addressing the crowd".
var participleNext = map[string]bool{
	"at": true, "to": true, "on": true, "in": true, "with": true, "about": true, "from": true, "before": true,
	"after": true, "during": true, "the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
}

// datelineEnd returns the index of the first token after a dateline that
// opens the sentence: capitalised words, a date, an agency in parentheses,
// then a dash ("WASHINGTON, Aug. 24 (UPI) —"); 0 when there is none.
func datelineEnd(toks []token) int {
	for d := 1; d < len(toks) && d <= 8; d++ {
		t := toks[d]
		if dashes[t.Low] || t.Low == "-" || t.Low == "--" {
			if d+1 < len(toks) && toks[d+1].Low == "-" {
				d++ // "--" as two tokens
			}
			return d + 1
		}
		if t.Word && !t.capitalized() && !digits(t.Low) || t.Low == "." && d == len(toks)-1 {
			return 0
		}
	}
	return 0
}

func (f *finder) subjectAt(toks []token, k int) (int, int) {
	if k < len(toks) && (stopBefore[toks[k].Low] || adverbials[toks[k].Low] || lyAdverb(toks[k].Low)) {
		return 0, 0
	}
	if k+1 < len(toks) && toks[k].capitalized() && possessive(toks[k].Low) && (saidNouns[toks[k+1].Low] || speechNouns[toks[k+1].Low] || issuedNouns[toks[k+1].Low]) {
		return toks[k].Start, toks[k+1].End // "Clinton’s response was: “...”": her words
	}
	end := k
	for end < len(toks) && end-k < 8 {
		t := toks[end]
		if !t.Word {
			break
		}
		if _, n := f.cueAt(toks, end); n > 0 {
			break
		}
		if end > k && !t.capitalized() && !f.lx.Titles[t.Low] && !f.isPeopleNoun(t.Low) && !(nameModifiers[t.Low] && !determiners[t.Low] && t.Low != "of") {
			break // "Democratic presidential nominee Hillary Clinton"
		}
		end++
	}
	for end > k+1 && !toks[end-1].capitalized() && skippable[toks[end-1].Low] {
		end-- // "Politifact then ruled": "then" may start a title ("then-Gov."), here it ends the subject
	}
	if k < len(toks) && subjectOpeners[toks[k].Low] {
		// "The billionaire businessman began", "The ad claims", "A guy just
		// won": a described subject, its common nouns up to the verb
		if e := f.describedEnd(toks, k); e > end {
			described := f.described
			f.described = true
			s, e := f.trimMention(toks[k:e], toks[k].Start, toks[e-1].End)
			f.described = described
			if s < e {
				return s, e
			}
		}
	}
	return f.mentionIn(toks, k, end)
}

// subjectOpeners open a described subject.
var subjectOpeners = map[string]bool{"the": true, "a": true, "an": true, "another": true}

// describedEnd returns where a described subject that opens at toks[k] with
// a determiner ends: before its verb, an adverb or a preposition ("The
// retired neurosurgeon has", "The nurse later sued", "The landmark 31-page
// agreement includes a pledge"), or k when it does not end within five
// words.
func (f *finder) describedEnd(toks []token, k int) int {
	for e := k + 1; e < len(toks) && e-k <= 5; e++ {
		t := toks[e]
		if !t.Word || stopBefore[t.Low] || skippable[t.Low] || clauseAux[t.Low] || lyAdverb(t.Low) || pastForms[t.Low] || pronouns[t.Low] || determiners[t.Low] {
			return e
		}
		if _, n := f.cueAt(toks, e); n > 0 {
			return e
		}
		if e > k+1 && strings.HasSuffix(t.Low, "ed") && !f.isPeopleNoun(t.Low) {
			return e // "The real estate tycoon entered", not "The retired neurosurgeon"
		}
		if e > k+1 && presentForm(t) && !f.isPeopleNoun(t.Low) && !groupNouns[t.Low] && e+1 < len(toks) &&
			!f.isCue(toks, e+1) && !skippable[toks[e+1].Low] && !clauseAux[toks[e+1].Low] && !lyAdverb(toks[e+1].Low) {
			return e // "The landmark agreement includes a pledge", "the nominee feuds with", not "The emails show"
		}
	}
	return k
}

// pastForms are irregular past forms that end a subject.
var pastForms = map[string]bool{
	"began": true, "won": true, "made": true, "took": true, "gave": true, "came": true, "went": true,
	"ran": true, "left": true, "held": true, "got": true, "kept": true, "met": true, "sent": true,
	"spent": true, "stood": true, "brought": true, "became": true, "saw": true, "put": true, "led": true,
	"lost": true, "paid": true, "sat": true, "spoke": true, "chose": true, "drew": true, "grew": true,
	"fell": true, "heard": true, "sold": true, "bought": true, "struck": true, "sought": true, "won't": true,
}

// adverbials open a sentence without being its subject.
var adverbials = map[string]bool{
	"meanwhile": true, "however": true, "additionally": true, "earlier": true, "later": true, "recently": true,
	"previously": true, "separately": true, "also": true, "still": true, "yet": true, "instead": true,
	"then": true, "now": true, "today": true, "yesterday": true, "first": true, "second": true, "third": true,
	"fourth": true, "fifth": true, "finally": true, "furthermore": true, "moreover": true, "nonetheless": true,
	"following": true, "despite": true, "amid": true, "according": true,
}

// clauseOpeners open a clause whose subject follows them: "every time he
// thinks", "whenever she speaks".
var clauseOpeners = map[string]bool{
	"time": true, "whenever": true, "when": true, "while": true, "because": true, "although": true,
	"though": true, "if": true, "unless": true, "once": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
}

// peopleNouns are the common nouns a speaker mention is built on (singular).
var peopleNouns = map[string]bool{
	"official": true, "source": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"leader": true, "minister": true, "president": true, "secretary": true, "analyst": true,
	"expert": true, "diplomat": true, "aide": true, "adviser": true, "advisor": true, "envoy": true, "surrogate": true,
	"government": true, "administration": true, "ministry": true, "department": true, "office": true,
	"report": true, "poll": true, "survey": true, "study": true, "statement": true, "critic": true,
	"lawmaker": true, "senator": true, "candidate": true, "campaign": true, "chief": true, "head": true,
	"people": true, "observer": true, "media": true, "side": true, "ally": true, "allies": true,
	"supporter": true, "voter": true, "member": true, "director": true, "commander": true,
	"prosecutor": true, "lawyer": true, "attorney": true, "judge": true, "court": true, "agency": true,
	"democrat": true, "republican": true, "officials": true, "country": true, "nation": true,
	"document": true, "letter": true, "memo": true, "data": true, "figures": true, "economist": true,
	"researcher": true, "scientist": true, "doctor": true, "police": true, "witness": true, "resident": true,
	"everyone": true, "nobody": true, "someone": true, "both": true, "many": true, "some": true, "others": true,
	"chair": true, "professor": true, "associate": true, "fellow": true, "strategist": true, "consultant": true,
	"pollster": true, "activist": true, "organizer": true, "advocate": true, "founder": true, "owner": true,
	"executive": true, "manager": true, "editor": true, "reporter": true, "author": true, "writer": true,
	"wife": true, "husband": true, "ex-wife": true, "ex-husband": true, "widow": true, "son": true, "daughter": true,
	"father": true, "mother": true, "brother": true, "sister": true, "niece": true, "nephew": true, "parent": true,
	"spouse": true, "friend": true, "family": true, "partner": true, "percent": true,
}

// dashes set off a signature after a quote: “...” — Name.
var dashes = map[string]bool{"—": true, "―": true, "–": true}

// describedHead says whether ts is a short description of a speaker that
// isHead does not know: a determiner and a common noun ("the announcer",
// "the ad's narrator", "a spokeswoman for the campaign" is known already).
func describedHead(ts []token) bool {
	if len(ts) >= 1 && len(ts) <= 3 && barePlural(ts) {
		return true // "hacking specialists say"
	}
	if len(ts) > 2 && ts[0].capitalized() {
		// a possessor's name first: "Ivana Trump's brief", "Scott's family"
		for i := 0; i < len(ts)-1 && i < 3; i++ {
			if possessive(ts[i].Low) {
				ts = ts[i:]
				break
			}
			if !ts[i].capitalized() {
				break
			}
		}
	}
	if len(ts) < 1 || len(ts) > 6 || !determiners[ts[0].Low] && !quantifiers[ts[0].Low] && !possessive(ts[0].Low) {
		return false
	}
	if len(ts) == 1 && !quantifiers[ts[0].Low] || len(ts) > 4 && !slices.ContainsFunc(ts, func(t token) bool { return t.Low == "of" || t.Low == "in" || t.Low == "on" }) {
		return false
	}
	h := ts[len(ts)-1].Low
	if !ts[len(ts)-1].Word || ts[len(ts)-1].capitalized() || stopBefore[h] || skippable[h] || determiners[h] || pronouns[h] {
		return false
	}
	for i := 1; i < len(ts)-1; i++ {
		if w := ts[i].Low; pastForms[w] || clauseAux[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !determiners[ts[i-1].Low] {
			return false // "The mayor met farmers": a verb inside, not one noun phrase
		}
	}
	return !lyAdverb(h) && (!strings.HasSuffix(h, "ing") || saidNouns[h]) && !strings.HasSuffix(h, "ed") && (len(h) > 2 || h == "ad" && (ts[0].Low != "a" && ts[0].Low != "an" || len(ts) > 3))
}
