package pipeline

import (
	"slices"
	"strings"

	"score/lexicons"
)

// reported adds reported speech without quotation marks: "X said (that)
// CLAUSE", "X ruled out NP", "according to X, CLAUSE", "CLAUSE, X said". A
// reported clause that holds a quoted fragment becomes one partial quote
// spanning the clause, replacing the fragment's own partial quote.
func (f *finder) reported(quotes []Quote, marks []quoted) []Quote {
	// The direct quotes, in text order, so that every check below is a
	// moving cursor or a binary search: the stage stays linear in the text.
	var direct []textSpan
	for _, q := range quotes {
		if q.Kind == Direct {
			direct = append(direct, textSpan{q.Start, q.End})
		}
	}
	cur := 0
	inQuote := func(p int) bool {
		for cur < len(direct) && direct[cur].End <= p {
			cur++
		}
		return cur < len(direct) && direct[cur].Start <= p
	}
	var out []Quote
	for si := range f.sents {
		toks := f.toks[si]
		lastSpeaker := Quote{SpeakerStart: -1}
		for j := 0; j < len(toks); j++ {
			if inQuote(toks[j].Start) {
				continue
			}
			if toks[j].Low == "according" && j+1 < len(toks) && toks[j+1].Low == "to" {
				if q, ok := f.according(si, j); ok {
					out = append(out, q)
					lastSpeaker = q
				}
				continue
			}
			v, n := f.cueAt(toks, j)
			if n == 0 {
				continue
			}
			if nested(toks[j].Start, out) {
				j += n - 1
				continue // a cue inside a reported clause belongs to it
			}
			q, ok := f.reportedAt(si, j, n, v, lastSpeaker)
			if !ok {
				continue
			}
			if overlapsDirect(q, direct) || len(out) > 0 && (q.Start < q.CueStart && out[len(out)-1].End > q.Start || out[len(out)-1].Start == q.Start && out[len(out)-1].End == q.End) {
				j += n - 1
				continue
			}
			if l := len(out) - 1; l >= 0 && out[l].Sentence == si && out[l].Start <= q.SpeakerStart && q.SpeakerStart < out[l].End && out[l].CueEnd <= out[l].Start &&
				f.tokenAt(toks, q.SpeakerStart)-f.tokenAt(toks, out[l].Start) <= 6 {
				// "The Times reported that the editor, Ms. Simonyan,
				// conveyed to her that ...": the speaker opens another
				// report's content, which holds this one too
				p := out[l]
				q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
				q.Cue, q.CueStart, q.CueEnd = p.Cue, p.CueStart, p.CueEnd
			}
			f.sourceAfter(&q, toks)
			out = append(out, q)
			lastSpeaker = q
			j += n - 1
		}
	}
	// Merge quoted fragments into the clauses that hold them. Both lists are
	// in text order and the clauses do not overlap one another much.
	kept := make([]Quote, 0, len(quotes)+len(out))
	o := 0
	for _, q := range quotes {
		absorbed := false
		if q.Kind == Partial {
			for o < len(out) && out[o].End <= q.Start {
				o++
			}
			for i := o; i < len(out) && out[i].Start <= q.Start; i++ {
				if q.End <= out[i].End {
					out[i].Kind = Partial
					absorbed = true
				} else if q.Start < out[i].End && q.Sentence == out[i].Sentence && sentenceAt(f.sents, q.End) > q.Sentence {
					// "said reform “is a question of when. It is not a
					// question of if.”": the quote runs on past the
					// clause's sentence, and the clause with it
					out[i].Kind, out[i].End = Partial, q.End
					absorbed = true
				}
			}
		}
		if !absorbed {
			if q.Kind == Partial {
				f.insideReport(&q, out)
			}
			kept = append(kept, q)
		}
	}
	return append(kept, out...)
}

// insideReport gives a quoted fragment whose cue lies inside the content of
// a report before it in its sentence that report's speaker: in "Rabbi Hier
// has said that while he fears comparing any event to the Holocaust, “...”"
// the fragment is the rabbi's report, not the words of "he fears". out is
// in text order.
func (f *finder) insideReport(q *Quote, out []Quote) {
	if q.CueStart < 0 || q.CueStart >= q.Start {
		return
	}
	i, _ := slices.BinarySearchFunc(out, q.CueStart, func(o Quote, p int) int { return o.Start - p })
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if o := out[j]; o.Sentence == q.Sentence && o.CueEnd <= o.Start && o.Start <= q.CueStart && q.CueStart < o.End && o.Speaker != "" {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = o.Speaker, o.SpeakerStart, o.SpeakerEnd
			q.Cue, q.CueStart, q.CueEnd = o.Cue, o.CueStart, o.CueEnd
			return
		}
	}
}

// sourceAfter gives a reported quote the source that closes its sentence
// after the content: "Cecile Richards noted that ..., reported the Examiner",
// "He said that he was “comfortable,” The Post reported", "Voters said
// ..., according to a poll": the article reports the whole report, its own
// speaker's words included, on that source's word. A pronoun there ("...,
// they said") is the quote's own speaker again; another cue or a relative
// clause between the content and the source ("..., alleging that ...,
// according to", "..., which stood at 263, according to") reads the source
// as theirs.
func (f *finder) sourceAfter(q *Quote, toks []token) {
	if q.CueStart > q.Start {
		return
	}
	for c := len(toks) - 2; c > 0 && c >= len(toks)-14 && toks[c].Start >= q.CueEnd; c-- {
		if toks[c].Low != "," {
			continue
		}
		var p Quote
		if !f.attributeAfter(&p, toks, c) || p.CueStart < toks[c].Start || p.SpeakerStart < toks[c].Start ||
			!f.closesSentence(toks, max(p.CueEnd, p.SpeakerEnd)) {
			continue
		}
		if pronouns[strings.ToLower(p.Speaker)] || relatives[toks[c+1].Low] {
			return
		}
		for t := f.tokenAt(toks, q.End) + 1; t < c; t++ {
			if relatives[toks[t].Low] && toks[t-1].Low == "," || f.isCue(toks, t) {
				return
			}
		}
		q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
		q.Cue, q.CueStart, q.CueEnd = p.Cue, p.CueStart, p.CueEnd
		return
	}
}

// outerReport returns the speaker of a cue whose subject s:e opens the
// content of another cue right before it: "the Daily News suggested the
// attacks highlight the threat", "The Times reported that the editor
// conveyed to her that ...": the article reports the inner words on the
// outer speaker's word, so the quote is theirs (and its cue the outer one).
func (f *finder) outerReport(q *Quote, toks []token, s, e int) (int, int) {
	b := f.tokenAt(toks, s)
	for b > 0 && toks[b].Start > s {
		b--
	}
	if b > 0 && toks[b-1].Low == "that" {
		b--
	}
	for c := b - 1; c >= 0 && c >= b-2; c-- {
		if _, n := f.cueAt(toks, c); n > 0 && c+n == b {
			if s2, e2 := f.npBefore(toks, c); s2 < e2 {
				f.setCue(q, toks[c:c+n])
				return s2, e2
			}
			break
		}
	}
	return s, e
}

// nested says whether p lies inside the content of one of the quotes.
func nested(p int, quotes []Quote) bool {
	for i := len(quotes) - 1; i >= 0 && i >= len(quotes)-3; i-- {
		if quotes[i].Start <= p && p < quotes[i].End {
			return true
		}
	}
	return false
}

// textSpan is a stretch of text in bytes.
type textSpan struct{ Start, End int }

// overlapsDirect says whether q overlaps one of the direct quotes (in text
// order).
func overlapsDirect(q Quote, direct []textSpan) bool {
	i, _ := slices.BinarySearchFunc(direct, q.Start, func(d textSpan, p int) int { return d.End - p - 1 })
	return i < len(direct) && direct[i].Start < q.End && q.Start < direct[i].End
}

// reportedAt reads a reported quote around the cue toks[j:j+n].
func (f *finder) reportedAt(si, j, n int, v lexicons.Verb, last Quote) (Quote, bool) {
	toks := f.toks[si]
	q := Quote{Kind: Indirect, Sentence: si, SpeakerStart: -1, SpeakerEnd: -1}
	f.setCue(&q, toks[j:j+n])

	// The speaker: before the cue, or for ", stating that" the sentence's
	// subject or the speaker just found in this sentence. The subject of a
	// verb of saying may be any noun phrase ("most respondents said", "a
	// news report said").
	f.described = true
	s, e := f.npBefore(toks, j)
	if s < e && strings.HasSuffix(toks[j].Low, "ing") {
		s, e = f.issuer(toks, s, e)
		s, e = f.objectsSubject(toks, s, e)
	}
	f.described = false
	if s < e {
		s, e = f.outerReport(&q, toks, s, e)
	}
	if s < e && f.bareNoun(toks, j, e, v.Lemma) {
		return Quote{}, false // "a lengthy phone call on Wednesday": a noun, not a cue
	}
	if j > 0 && (toks[j-1].Low == "worth" || toks[j-1].Low == "having") {
		return Quote{}, false // "it's worth noting that", "having said that": the author's
	}
	// "polls show", "the study finds": what a document or a measure shows
	evidence := s < e && evidenceCues[v.Lemma] && evidenceNouns[toks[f.tokenAt(toks, e)].Low]
	if s < e && nounForms[toks[j].Low] && !evidence && (!f.isHead(toks[f.tokenAt(toks, e)]) || j > 0 && (quantifiers[toks[j-1].Low] || determiners[toks[j-1].Low])) {
		return Quote{}, false // "in five states last Tuesday": a noun after a noun
	}
	if s < e && j >= 2 && pronouns[toks[j-1].Low] && toks[j-1].Start > s {
		return Quote{}, false // "the figure he cited remains ...": a relative clause
	}
	k0 := j
	for k0 > 0 && toks[k0-1].Word && (skippable[toks[k0-1].Low] || lyAdverb(toks[k0-1].Low)) {
		k0--
	}
	for b := j - 1; b >= k0; b-- {
		if beForms[toks[b].Low] && !strings.HasSuffix(toks[j].Low, "ing") {
			return Quote{}, false // a passive: "Trump's admiration for Putin was acknowledged"
		}
	}
	// the comma may be inside a closing mark: "“a disaster,” adding that"
	comma := k0 > 0 && toks[k0-1].Low == "," || k0 > 1 && closingMark(toks[k0-1].Low) && toks[k0-2].Low == ","
	participle := comma && strings.HasSuffix(toks[j].Low, "ing")
	coordinated := k0 > 0 && (toks[k0-1].Low == "and" || toks[k0-1].Low == "but")
	if s >= e && (participle || coordinated) {
		if last.Speaker != "" {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = last.Speaker, last.SpeakerStart, last.SpeakerEnd
		} else if s2, e2 := f.cueSpeakerBefore(toks, j); s2 < e2 {
			s, e = s2, e2
		} else {
			s, e = f.subject(toks[:j])
		}
	}
	if q.Speaker == "" {
		if s >= e {
			// "CLAUSE, X said." with the clause before.
			return f.clauseBefore(si, j, n)
		}
		q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
	}

	// The content after the cue.
	k := j + n
	that := false
	if v.Infinitive && infinitive(toks, k) {
		// "vowed to block the nominee", "declined to comment on": an
		// intention or refusal, content with its "to", up to a finite verb
		// of the author's ("refuses to make public his returns may be that").
		end := f.clauseEnd(toks, k, false, 0, "")
		for t := k + 2; t < end; t++ {
			if (modals[toks[t].Low] || clauseAux[toks[t].Low]) && !relatives[toks[t-1].Low] {
				end = t
				break
			}
		}
		for end > k && !toks[end-1].Word && !isCloseMark(rune(toks[end-1].Low[0])) && !closingMark(toks[end-1].Low) {
			end--
		}
		if end-k < 2 {
			return Quote{}, false
		}
		q.Start, q.End = toks[k].Start, toks[end-1].End
		return q, true
	}
	if v.Class != "object" {
		// skip the addressee and circumstances up to "that": "told reporters
		// at the White House that"; after a cue that takes a noun phrase,
		// "that" after a noun is a relative ("emphasized the need for an
		// agreement that includes ...") unless it comes at once.
		limit := k + 9
		if v.Class == "both" && k < len(toks) && toks[k].Low != "that" {
			limit = k + 2
			if determiners[toks[k].Low] {
				limit = k
			}
		}
		comma := false
		for t := k; t < min(len(toks), limit); t++ {
			if toks[t].Low == "that" {
				k, that = t+1, true
				if t == j+n && k < len(toks) && (clauseAux[toks[k].Low] || modals[toks[k].Low]) {
					k = t // "said that was not her view": "that" is the subject
				}
				break
			}
			if w := toks[t].Low; comma && toks[t].Word && !toks[t].capitalized() && !nounForms[w] && !strings.HasSuffix(w, "ing") && f.isCue(toks, t) {
				break // "When he wrote his book, McKinley said that": past a comma, the "that" of another verb
			}
			if w := toks[t].Low; clauseAux[w] || w == "and" || w == "but" || w == "or" || subjectPronouns[w] && t > k ||
				w == "to" && t > k && objectControl[v.Lemma] {
				// ("warned North Korea to refrain from actions that ...":
				// an object and its infinitive, not an addressee)
				break // "said officials are in possession of video that ...": a clause, not an addressee
			}
			if toks[t].Low == "," && v.Class == "clause" && t > k && t+1 < len(toks) && (toks[t+1].capitalized() || toks[t+1].Low == "that") {
				limit = min(len(toks), k+14) // "says at a stop in Toledo, Ohio, that"
				comma = true
				continue
			}
			if !toks[t].Word && toks[t].Low != "'s" && toks[t].Low != "-" {
				break
			}
		}
	}
	if !that && k < len(toks) {
		k = skipTime(toks, k) // "said last week the plan was dead"
	}
	if k < len(toks) && toks[k].Low == "," {
		k++
		if !that && k < len(toks) && strings.HasSuffix(toks[k].Low, "ing") && !toks[k].capitalized() {
			return f.clauseBefore(si, j, n) // "Johnson said, looking out at the crowd"
		}
	}
	end := f.clauseEnd(toks, k, that, cueTense(toks, j), q.Speaker)
	if subordinators[toks[0].Low] {
		// "While he acknowledged X, Ham also noted Y": the content ends
		// with the subordinate clause the cue is in
		if c := slices.IndexFunc(toks, func(t token) bool { return t.Low == "," }); c > k && c < end {
			end = c
		}
	}
	if k0 > 0 && (toks[k0-1].Low == "who" || toks[k0-1].Low == "which") {
		// a relative clause ("X, which has endorsed Trump, used ..."): the
		// content ends with it
		for t := k + 1; t < end; t++ {
			if toks[t].Low == "," {
				end = t
				break
			}
		}
	}
	if !that && v.Class != "object" {
		// no "that": a clause must start like one and hold a verb; a
		// noun phrase is content only for cues that take one.
		opens := k < len(toks) && (clauseStart(toks[k]) || toks[k].Word && !stopBefore[toks[k].Low] && !clauseAux[toks[k].Low]) &&
			!timePhrase(toks, k) // "said Friday afternoon, as they ..."
		// after "say" what follows is what was said, verb or not
		// ("said parents still want", "has said the same thing")
		// ("said parents still want", "has said the same thing"), and
		// what a poll or a record shows may be a noun phrase or a small
		// clause ("polls show Clinton up by 10 points")
		clause := opens && (hasFiniteVerb(toks[k:end]) || (v.Lemma == "say" || evidence) && k == j+n && end-k >= 2 && !strings.HasSuffix(toks[k].Low, "ing"))
		if !clause && objectControl[v.Lemma] && controlled(toks, k, end) {
			clause = true // "told his advisers to figure out how ..."
		}
		if !clause && v.Class != "both" {
			if !participle && !coordinated {
				return f.clauseBefore(si, j, n) // "CLAUSE, X said Tuesday in Paris."
			}
			return Quote{}, false
		}
	}
	if !that {
		end = asQuotedEnd(toks, k, end)
	}
	for end > k && !toks[end-1].Word && !isCloseMark(rune(toks[end-1].Low[0])) && toks[end-1].Low != "”" && toks[end-1].Low != "’" {
		end--
	}
	if end-k < 2 && !(v.Class == "object" && end-k == 1 && toks[k].Word && (toks[k].capitalized() || toks[k].Low == "it")) {
		if !participle && !coordinated {
			return f.clauseBefore(si, j, n) // "CLAUSE, X said."
		}
		return Quote{}, false // a verb with no content: "he said."
	}
	if v.As {
		// "described the plan as a disaster": an object and "as" soon
		// after it, with something after that; "described the meeting"
		// reports nothing
		a := slices.IndexFunc(toks[k+1:min(end, k+9)], func(t token) bool { return t.Low == "as" })
		if a < 0 || k+1+a+1 >= end {
			return Quote{}, false
		}
		if c := toks[k+1+a+1]; !c.Word && isOpenMark([]rune(c.Low)[0]) {
			// "describing the discussion as “lengthy and highly
			// productive”": the quoted words are the quote (a partial)
			return Quote{}, false
		}
	}
	q.Start, q.End = toks[k].Start, toks[end-1].End
	if q.Start < f.sents[si].Start {
		return Quote{}, false
	}
	return q, true
}

// issuer reads "X issued a statement saying": when the mention s:e before
// an -ing cue is a document that the subject of the verb before it issued,
// the speaker is that subject ("Black Lives Matter issued a statement
// saying", "Rubio’s campaign sent out a press release saying").
func (f *finder) issuer(toks []token, s, e int) (int, int) {
	h := f.tokenAt(toks, e)
	if !issuedNouns[toks[h].Low] {
		return s, e
	}
	b := h
	for b > 0 && toks[b].Start > s {
		b--
	}
	v := b - 1
	if v > 0 && (toks[v].Low == "out" || toks[v].Low == "off") {
		v--
	}
	if v < 1 || !issueVerbs[toks[v].Low] {
		return s, e
	}
	if s2, e2 := f.npBefore(toks, v); s2 < e2 {
		return s2, e2
	}
	return s, e
}

// objectsSubject reads "the senator opened a rally blasting Clinton": when
// the mention s:e before an -ing cue is the object of a verb and names no
// person (no name, no noun for people), the one speaking is the verb's
// subject.
func (f *finder) objectsSubject(toks []token, s, e int) (int, int) {
	h := f.tokenAt(toks, e)
	if f.isHead(toks[h]) {
		return s, e // "met voters saying", "Trump’s campaign"
	}
	b := h
	for b > 0 && toks[b].Start > s {
		b--
	}
	v := b - 1
	if v < 1 || !toks[v].Word || toks[v].capitalized() || stopBefore[toks[v].Low] || determiners[toks[v].Low] ||
		skippable[toks[v].Low] || clauseAux[toks[v].Low] || possessive(toks[v].Low) || f.isCue(toks, v) {
		return s, e
	}
	if s2, e2 := f.npBefore(toks, v); s2 < e2 {
		return s2, e2
	}
	return s, e
}

// issuedNouns are documents a speaker issues; issueVerbs, how.
var (
	issuedNouns = map[string]bool{
		"statement": true, "release": true, "letter": true, "email": true, "e-mail": true, "memo": true,
		"video": true, "ad": true, "tweet": true, "message": true, "note": true, "op-ed": true, "post": true,
	}
	issueVerbs = map[string]bool{
		"issued": true, "issues": true, "released": true, "releases": true, "sent": true, "sends": true,
		"put": true, "puts": true, "posted": true, "posts": true, "published": true, "publishes": true,
		"emailed": true, "distributed": true, "circulated": true, "unveiled": true, "aired": true,
		"fired": true, "dashed": true, "penned": true,
	}
)

// asQuotedEnd ends a noun-phrase content that characterises its object in
// quoted words at their closing mark: "blasted Clinton as a “disgrace”
// Wednesday on a radio show" ends after “disgrace”.
func asQuotedEnd(toks []token, k, end int) int {
	for t := k + 1; t+1 < end; t++ {
		if toks[t].Low != "as" {
			continue
		}
		u := t + 1
		for u < end && u <= t+3 && toks[u].Word {
			u++ // "as a “disgrace”", "as being in the “suburbs”"
		}
		if u >= end || toks[u].Word || !isOpenMark([]rune(toks[u].Low)[0]) {
			return end
		}
		for c := u + 1; c < end; c++ {
			if !toks[c].Word && isCloseMark([]rune(toks[c].Low)[0]) {
				return c + 1
			}
		}
		return end
	}
	return end
}

// clauseEnd returns where the reported content starting at toks[k] ends:
// at a semicolon, at a second cue (", emphasizing that", "and underscored
// the need"), at "according to", and at a subordinate or participial tail
// that is the author's (", though he has not ...", ", aligning with ...",
// ", which ..."). cue is the tense of the cue (see tense), 0 when unknown.
func (f *finder) clauseEnd(toks []token, k int, that bool, cue int, spk string) int {
	open := false // inside a quoted stretch, whose words are not cut
	for t := k; t < len(toks); t++ {
		w := toks[t].Low
		switch {
		case w == "“" || w == "‘" && t+1 < len(toks) && toks[t+1].Start == toks[t].End:
			open = true
		case w == "”" || w == "’" && open:
			open = false
		case w == "\"":
			open = !open
		}
		if open && t > k {
			continue // "said the plan was “a disaster, a waste,” and": not at the comma inside
		}
		if w == ";" {
			return t
		}
		if t == k {
			continue
		}
		prev, cut := toks[t-1].Low, t-1 // cut: the end before a comma
		if closingMark(prev) && t-2 > k && toks[t-2].Low == "," {
			// "he has “grown the party,” claiming that": the comma is
			// inside the mark, which ends the content with its words
			prev, cut = ",", t
		}
		if prev == "," && !(t >= 2 && toks[t-2].Low == "that") { // not "fitting that, having overcome ..., she"
			if tailWords[w] || w == "according" {
				return cut
			}
			if (w == "who" || w == "whom") && t-k >= 3 && toks[t-2].capitalized() && toks[t-2].Word &&
				!slices.ContainsFunc(toks[t+1:], func(t token) bool { return t.Low == "," }) {
				// "..., a tightening of the race with Trump, who last week
				// ...": the author's word on the name, to the sentence's
				// end; not "accused Cruz, who was born in Cuba, of ..."
				return cut
			}
			// ", aligning with", ", explicitly stating that"
			u := t
			for u < len(toks) && lyAdverb(toks[u].Low) {
				u++
			}
			if u < len(toks) && strings.HasSuffix(toks[u].Low, "ing") && !toks[u].capitalized() && len(toks[u].Low) > 5 {
				return cut
			}
			if _, m := f.cueAt(toks, u); m > 0 {
				return cut
			}
		}
		if dash(toks, t) && t-k >= 2 && t+1 < len(toks) && dashTail(toks[t+1:]) && !openQuote(toks[k:t]) && !slices.ContainsFunc(toks[k:], func(u token) bool { return u.Low == w && u.Start != toks[t].Start }) {
			return t // "... was dead — a blow to the city": the author's aside
		}
		if !that && w == "without" && t+1 < len(toks) && strings.HasSuffix(toks[t+1].Low, "ing") {
			return t
		}
		if (w == "but" || w == "while" || w == "whereas") && prev != "," && t+1 < len(toks) && t-k >= 3 && authorsTail(toks[t+1:]) {
			return t // "... for the nominee but did not suggest", "... while Sanders suggests"
		}
		if prev == "," && (w == "a" || w == "an") && t+3 < len(toks) && (toks[t+2].Low == "that" || toks[t+3].Low == "that") {
			return cut // "..., a charge that Colorado leaders denied"
		}
		if !that && w == "," && t+1 < len(toks) && (toks[t+1].Low == "a" || toks[t+1].Low == "an") {
			return t // an appositive after a noun-phrase content
		}
		if !that && w == "," && t > k && t+2 < len(toks) && appositiveTail(toks, k, t) {
			return t // "his support for Mr. Trump, the presumptive nominee": the author's word on the name
		}
		if !that && w == "," && t > k+1 && !subordinators[toks[k].Low] && t+1 < len(toks) && newClause(toks[t+1:]) {
			return t // "announced his return to the Cavaliers, Cleveland felt it had ...": the author's next clause
		}
		if !that && prev == "," && subjectPronouns[w] && w != "it" && t+1 < len(toks) && toks[t+1].Word && t-k >= 3 &&
			!slices.ContainsFunc(toks[k:t], func(t token) bool { return t.Low == "that" }) {
			return cut // "referred to him as X, I knew ...": a clause of the author's
		}
		if !that && t > k+1 && f.circumstance(toks, t) && !hasFiniteVerb(toks[k:t]) {
			return t // "called for more investment in a statement on Thursday"
		}
		if !that && t > k && actTail(toks, t) && !hasFiniteVerb(toks[k:t]) {
			return t // "criticized the mayor last week", "denied the charges through a lawyer"
		}
		if prev == "," && w == "compared" {
			return cut // ", compared with 64 percent who ..."
		}
		if prev == "," && t-k >= 3 && toks[t].Word && (!that || hasFiniteVerb(toks[k:t-1])) && f.clauseWithCue(toks, t) {
			return cut // "Asked if she believed X, Clinton said Y": the main clause has its own cue
		}
		if prev == "," && w == "and" && t-k >= 3 && newClause(toks[t+1:]) {
			return cut // "..., and the hashtag was soon trending": the author's next clause
		}
		// "and" opening the speaker's next act or the author's next
		// predicate ends the content, before its comma if it has one:
		// "She said she admires X and highlighted Y" (not "They said he
		// rated X and talked about Y"), "found Trump “very charming” and
		// called his standing ..."
		if w == "and" && (cue != 0 && t-k >= 2 && f.speakersPredicate(toks, k, t, cue) ||
			t-k >= 3 && sameSubject(spk, toks[k].Low) && f.speakersVerb(toks, k, t+1, cue) ||
			t-k >= 2 && f.secondPredicate(toks, t, prev == ",", (toks[k].capitalized() || pronouns[toks[k].Low]) && hasFiniteVerb(toks[k:t]))) {
			if prev == "," {
				return cut
			}
			return t
		}
		if w == "and" {
			// "and (have) (particularly) underscored ...": a second cue of
			// the same speaker, unless the reported clause has its own
			// named subject ("said that Putin welcomed ... and stressed").
			u := t + 1
			for u < len(toks) && (skippable[toks[u].Low] || lyAdverb(toks[u].Low)) {
				u++
			}
			if u+1 < len(toks) && subjectPronouns[toks[u].Low] {
				// "and he said ...": a cue with a subject of its own
				w := u + 1
				for w < len(toks) && (skippable[toks[w].Low] || lyAdverb(toks[w].Low)) {
					w++
				}
				if _, m := f.cueAt(toks, w); m > 0 && t-k >= 2 {
					return t
				}
			}
			if _, m := f.cueAt(toks, u); m > 0 && u > t {
				// The second cue is the speaker's too when the content has
				// no subject of its own, is no clause ("urged Republicans to
				// join ... and criticized"), or is in a modal's future while
				// the cue is past ("he would order a review and warned"),
				// or has a pronoun subject and the second cue keeps the
				// first one's tense ("said he was undergoing therapy and
				// vowed to ...").
				named := toks[k].capitalized() || pronouns[toks[k].Low]
				modal := slices.ContainsFunc(toks[k:t], func(t token) bool { return modals[t.Low] })
				if !named || pronounsAct(toks, k, u, cue, spk) || !hasFiniteVerb(toks[k:t]) || modal && strings.HasSuffix(toks[u].Low, "ed") ||
					u+m < len(toks) && toks[u+m].Low == "that" {
					return t
				}
			}
		}
	}
	return len(toks)
}

// closingMark says whether a token is a mark that closes a quotation.
func closingMark(w string) bool {
	return w == "”" || w == "’" || w == "\"" || w == "'"
}

// Tenses of a finite verb.
const (
	present = 1
	past    = 2
	perfect = 3 // "has said", "have warned"
)

// tense returns whether the finite verb toks[i] is present or past, or 0
// when it is neither or cannot tell. A modal's past ("would", "could")
// counts as past; "has" or "have" before a participle is a perfect.
func tense(toks []token, i int) int {
	if i >= len(toks) || !toks[i].Word || toks[i].capitalized() {
		return 0
	}
	w := toks[i].Low
	if (w == "has" || w == "have") && i+1 < len(toks) {
		if n := toks[i+1].Low; n == "been" || pastForms[n] || len(n) > 4 && strings.HasSuffix(n, "ed") {
			return perfect
		}
	}
	switch w {
	case "is", "are", "has", "have", "does", "do", "isn't", "aren't", "hasn't", "haven't", "doesn't", "don't", "can", "can't", "will", "won't":
		return present
	case "was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "would", "could", "wouldn't", "couldn't":
		return past
	}
	if pastForms[w] || w == "said" || w == "told" || len(w) > 4 && strings.HasSuffix(w, "ed") {
		return past
	}
	if presentForm(toks[i]) {
		return present
	}
	return 0
}

// cueTense returns the tense of the cue at toks[j], read from its
// auxiliary when it has one ("has said" is a perfect, "had said" past).
func cueTense(toks []token, j int) int {
	a := j - 1
	for a >= 0 && (toks[a].Low == "also" || lyAdverb(toks[a].Low)) {
		a--
	}
	if a >= 0 {
		switch toks[a].Low {
		case "has", "have":
			return perfect
		case "had":
			return past
		}
	}
	return tense(toks, j)
}

// speakersPredicate says whether "and" at toks[a] opens a second predicate
// of the speaker after a content toks[k:a] whose subject is a pronoun: the
// verb after "and" keeps the cue's tense while the content's own verb is
// in another, and is a cue itself ("She said she admires X and highlighted
// Y", "has said he wants X and has warned Y"). Not "says he posed X and
// refused Y", nor "said he has been impressed and liked" (no cue).
func (f *finder) speakersPredicate(toks []token, k, a, cue int) bool {
	if !subjectPronouns[toks[k].Low] || toks[k].Low == "it" || toks[k].Low == "you" {
		return false
	}
	v := k + 1
	for v < a && (toks[v].Low == "also" || toks[v].Low == "still" || lyAdverb(toks[v].Low)) {
		v++
	}
	u := a + 1
	for u < len(toks) && (toks[u].Low == "also" || toks[u].Low == "then" || lyAdverb(toks[u].Low)) {
		u++
	}
	content := tense(toks, v)
	if content == 0 || content == cue || tense(toks, u) != cue {
		return false
	}
	c := u
	if c+1 < len(toks) && (toks[c].Low == "has" || toks[c].Low == "have" || toks[c].Low == "had") {
		c++ // "and has expressed"
	}
	_, m := f.cueAt(toks, c)
	return m > 0
}

// pronounsAct says whether the cue toks[u], after "and" and a content
// toks[k:] whose subject is a pronoun, is in the first cue's tense: the
// speaker's next act ("announced that he was undergoing therapy and vowed
// to ..."). A named subject keeps it ("said that Putin welcomed ... and
// stressed ...": Putin's).
func pronounsAct(toks []token, k, u, cue int, spk string) bool {
	return subjectPronouns[toks[k].Low] && cue != 0 && tense(toks, u) == cue && !otherSubject(spk, toks[k].Low)
}

// otherSubject says whether the pronoun subject p of a reported clause
// cannot be the speaker spk: "he" after "They" or "officials", "they"
// after "She".
func otherSubject(spk, p string) bool {
	if spk == "" || p != "he" && p != "she" && p != "they" {
		return false
	}
	switch strings.ToLower(spk) {
	case "he", "she", "they", "we", "i":
		return !strings.EqualFold(spk, p)
	}
	if p == "they" {
		return false
	}
	l := strings.LastIndexByte(spk, ' ')
	last := spk[l+1:]
	return len(last) > 3 && last[0] >= 'a' && last[0] <= 'z' && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// newClause says whether toks open a clause of their own: a subject (a
// pronoun, or a determiner or a name and a few words) and then a verb.
func newClause(toks []token) bool {
	if len(toks) < 2 || !toks[0].Word || tailWords[toks[0].Low] || subordinators[toks[0].Low] || relatives[toks[0].Low] {
		return false
	}
	if subjectPronouns[toks[0].Low] && toks[0].Low != "it" {
		return clauseAux[toks[1].Low] || modals[toks[1].Low] || strings.HasSuffix(toks[1].Low, "ed") || presentForm(toks[1])
	}
	if !determiners[toks[0].Low] && !toks[0].capitalized() {
		return false
	}
	for i := 1; i < min(len(toks), 5); i++ {
		w := toks[i].Low
		if !toks[i].Word {
			return false
		}
		if clauseAux[w] || modals[w] {
			return i > 1 || toks[0].capitalized()
		}
	}
	return false
}

var relatives = map[string]bool{"that": true, "who": true, "which": true, "whom": true, "what": true}

// circumstance says whether toks[t] opens a circumstance of the act of
// speaking rather than more of a noun phrase: "during a stop", "while at",
// "in a statement", "on Tuesday", "at a rally".
func (f *finder) circumstance(toks []token, t int) bool {
	if t+1 >= len(toks) {
		return false
	}
	w, next := toks[t].Low, toks[t+1].Low
	switch w {
	case "during", "while":
		return true
	case "on":
		return weekdays[next] || next == "twitter" || next == "facebook" || next == "television"
	case "in", "at":
		n := t + 1
		if determiners[next] && t+2 < len(toks) {
			n = t + 2
		}
		if w == "in" && (timeWords[next] || next == "early" || next == "late" || next == "mid" || len(next) == 4 && digits(next)) {
			return true // "in December", "in early June", "in 2015"
		}
		for n+1 < len(toks) && n < t+4 && toks[n].Word && !speechNouns[toks[n].Low] && !toks[n].capitalized() && determiners[next] {
			n++ // "in his opening statement"
		}
		return speechNouns[toks[n].Low] || toks[n].Low == "rally" || toks[n].Low == "news" || toks[n].Low == "press" || toks[n].Low == "hearing"
	}
	return false
}

// actTail says whether toks[t], after a noun-phrase content, opens the
// time, the manner or the occasion of the act of speaking rather than more
// of the noun phrase: "last week", "in early June", "when he spoke", "as
// she left", "after his son came out", "by pointing out", "through a
// spokeswoman", "for this story", "on multiple occasions".
func actTail(toks []token, t int) bool {
	if t+1 >= len(toks) || !toks[t+1].Word {
		return false
	}
	if p := toks[t-1]; !p.Word && p.Low != "," {
		return false // "stated of politicians, “When they ...": the words quoted
	}
	w, next := toks[t].Low, toks[t+1].Low
	switch w {
	case "last", "this", "next":
		// "endorsed Cruz last week", not "told the paper last week she
		// would" (a clause follows) nor "later this month"
		if !timeUnits[next] || toks[t-1].Low == "later" || toks[t-1].Low == "earlier" {
			return false
		}
		if t+2 >= len(toks) {
			return true
		}
		a := toks[t+2]
		return !a.Word || a.Low == "and" || a.Low == "on" || a.Low == "in" || a.Low == "at" || a.Low == "during"
	case "when", "as", "after":
		// a subordinate clause, with a subject and its verb ("when the
		// billionaire came under attack", "as he accepts"), not a noun
		// phrase ("as a candidate", "after her release", "as singularly
		// focused on")
		n := toks[t+1]
		// ("cited the audit as the reason he's ...": "as" and a noun
		// phrase is what the object is called)
		subject := subjectPronouns[next] && next != "it" && next != "you" || n.capitalized() || w != "as" && (determiners[next] || possessives[next])
		return subject && hasFiniteVerb(toks[t+1:min(len(toks), t+6)])
	case "by":
		return len(next) > 5 && strings.HasSuffix(next, "ing")
	case "through":
		n := t + 1
		for n < min(len(toks), t+4) && toks[n].Word && (determiners[toks[n].Low] || possessives[toks[n].Low] || !toks[n].capitalized() && !agents[toks[n].Low]) {
			n++
		}
		return n < len(toks) && agents[toks[n].Low]
	case "for":
		return (next == "this" || next == "the") && t+2 < len(toks) && (toks[t+2].Low == "story" || toks[t+2].Low == "article" || toks[t+2].Low == "report")
	case "on":
		return (next == "multiple" || next == "several" || next == "numerous") && t+2 < len(toks) && toks[t+2].Low == "occasions"
	}
	return false
}

// agents speak for someone: "denied the charges through a spokeswoman".
var agents = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokespeople": true, "lawyer": true,
	"lawyers": true, "attorney": true, "attorneys": true, "representative": true, "aide": true, "aides": true,
}

// clauseWithCue says whether toks[t:] opens with a subject and its own
// reporting verb within a few words: ", Clinton said ...", ", the campaign
// manager said ...".
func (f *finder) clauseWithCue(toks []token, t int) bool {
	if subordinators[toks[t].Low] || tailWords[toks[t].Low] || relatives[toks[t].Low] {
		return false
	}
	for c := t + 1; c < min(len(toks), t+6); c++ {
		if !toks[c].Word {
			return false
		}
		if _, m := f.cueAt(toks, c); m > 0 {
			return !strings.HasSuffix(toks[c].Low, "ing") && c+m < len(toks) && toks[c+m].Word
		}
	}
	return false
}

// secondPredicate says whether "and" at toks[a] opens a predicate or a
// clause of the author's after the reported content: "found Trump “very
// charming” and called his standing “unheard of”", "said the GOP must be a
// party of ideas, and has championed an agenda", "said Clinton is honest,
// and three-quarters said the same of Sanders". Not "Trump and Clinton", not
// "tired and worried".
func (f *finder) secondPredicate(toks []token, a int, comma, clause bool) bool {
	u := a + 1
	for u < len(toks) && (skippable[toks[u].Low] && !modals[toks[u].Low] || lyAdverb(toks[u].Low)) && !toks[u].capitalized() {
		u++
	}
	if comma && u < len(toks) && toks[u].Word {
		// ", and three-quarters said", ", and Hillary Clinton said she would"
		for c := u + 1; c < min(len(toks), u+7); c++ {
			if !toks[c].Word {
				break
			}
			if _, m := f.cueAt(toks, c); m > 0 && !strings.HasSuffix(toks[c].Low, "ing") {
				return true
			}
		}
	}
	if u >= len(toks) || !toks[u].Word || toks[u].capitalized() {
		return false
	}
	if clause {
		return false // "said that Putin welcomed ... and stressed ...": Putin's, as the clause has its subject
	}
	w := toks[u].Low
	verb := pastForms[w] || describing[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && u > a+1 // "and has championed"
	if !verb && len(w) > 4 && strings.HasSuffix(w, "ed") && u+1 < len(toks) {
		n := toks[u+1]
		verb = determiners[n.Low] || possessives[n.Low] || n.capitalized() || n.Low == "to" || n.Low == "that" || pronouns[n.Low] || n.Low == "him" || n.Low == "them"
	}
	if comma && !verb && subjectPronouns[w] && w != "it" && u+1 < len(toks) && toks[u+1].Word && !toks[u+1].capitalized() {
		// ", and he railed against ...": a clause of the author's
		for c := u + 1; c < min(len(toks), u+4); c++ {
			if _, m := f.cueAt(toks, c); m > 0 {
				return true
			}
		}
	}
	return verb
}

// authorsTail says whether toks, after "but" or "while" with no comma,
// carry on in the author's voice: a verb of the same subject ("but did not
// suggest") or a new subject with its verb ("while Sanders suggests").
func authorsTail(toks []token) bool {
	t := toks[0]
	if t.Low == "did" || t.Low == "does" || t.Low == "has" || t.Low == "have" || t.Low == "was" || t.Low == "is" {
		return true
	}
	if !t.capitalized() && (pastForms[t.Low] || describing[t.Low] || len(t.Low) > 4 && (strings.HasSuffix(t.Low, "ed") || strings.HasSuffix(t.Low, "ing"))) &&
		len(toks) > 1 && (determiners[toks[1].Low] || possessives[toks[1].Low] || toks[1].Low == "that" || toks[1].Low == "to" || toks[1].Low == "it" || toks[1].Low == "issue" || toks[1].capitalized()) {
		return true // "but took issue with", "but suggesting that", "but argued that"
	}
	return len(toks) > 1 && (t.capitalized() || subjectPronouns[t.Low]) && toks[1].Word &&
		(clauseAux[toks[1].Low] || strings.HasSuffix(toks[1].Low, "s") || strings.HasSuffix(toks[1].Low, "ed"))
}

var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "you": true}

// cueSpeakerBefore finds the speaker of the last cue before toks[j] in the
// sentence: "“...,” Trump said, adding that ...".
func (f *finder) cueSpeakerBefore(toks []token, j int) (int, int) {
	for c := j - 1; c >= 0; c-- {
		if _, n := f.cueAt(toks, c); n > 0 {
			if s, e := f.npBefore(toks, c); s < e {
				if strings.HasSuffix(toks[c].Low, "ing") {
					return f.issuer(toks, s, e) // "issued a statement announcing ..., citing"
				}
				return s, e
			}
			return f.npAfter(toks, c+n)
		}
	}
	return 0, 0
}

// tailWords open a tail after a comma that is not part of the reported
// content.
var tailWords = map[string]bool{
	"though": true, "although": true, "which": true, "where": true, "whereas": true, "while": true,
	"but": true, "despite": true, "even": true, "amid": true, "after": true, "before": true,
	"prompting": true, "adding": true, "saying": true,
}

// hasFiniteVerb says whether toks look like a clause: an auxiliary or modal,
// a past-tense form, or a pronoun subject near the start.
func hasFiniteVerb(toks []token) bool {
	for i, t := range toks {
		if i >= 10 {
			break
		}
		if !t.Word {
			continue
		}
		if clauseAux[t.Low] || i == 0 && (pronouns[t.Low] || t.Low == "there" || t.Low == "you") {
			return true
		}
		if a := strings.IndexByte(t.Low, '\''); a > 0 && (pronouns[t.Low[:a]] || t.Low[:a] == "there" || t.Low[:a] == "you") {
			return true // "they'll", "we've", "there's"
		}
		// "Putin welcomed", "the call lasted": a past form after its subject
		if i > 0 && strings.HasSuffix(t.Low, "ed") && len(t.Low) > 4 && !determiners[toks[i-1].Low] {
			return true
		}
		// "the board took", "the council held": an irregular past, not
		// after a possessive ("the party's left flank")
		if i > 0 && pastForms[t.Low] && !determiners[toks[i-1].Low] && !possessives[toks[i-1].Low] && !strings.HasSuffix(toks[i-1].Low, "'s") {
			return true
		}
		// "Trump deserves", "it works": a present form after a name or a
		// third-person pronoun
		if i > 0 && presentForm(t) && (toks[i-1].capitalized() && toks[i-1].Word || toks[i-1].Low == "he" || toks[i-1].Low == "she" || toks[i-1].Low == "it") {
			return true
		}
	}
	return false
}

var modals = map[string]bool{
	"would": true, "will": true, "could": true, "can": true, "may": true, "might": true, "must": true, "should": true,
}

// timeWords open a time phrase or an adverb after a cue, not what was said
// ("said Tuesday", "said last week", "said more than once", "said so").
var timeWords = map[string]bool{
	"today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true,
	"recently": true, "again": true, "repeatedly": true, "often": true, "once": true, "twice": true,
	"more": true, "so": true, "nothing": true, "little": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}

// skipTime steps over a time phrase at toks[k] when a clause follows it:
// "Friday", "Friday afternoon", "last week", "this month", "today", "on
// Friday"; and over a short circumstance before a pronoun subject: "said in
// an interview he", "said at a rally in Ohio they".
func skipTime(toks []token, k int) int {
	n := 0
	switch w := toks[k].Low; {
	case weekdays[w] || w == "today" || w == "yesterday" || w == "tonight":
		n = 1
	case (w == "this" || w == "last" || w == "next") && k+1 < len(toks) && timeUnits[toks[k+1].Low]:
		n = 2
	case w == "on" && k+1 < len(toks) && weekdays[toks[k+1].Low]:
		n = 2
	case w == "in" || w == "at" || w == "during" || w == "on":
		for t := k + 2; t < min(len(toks), k+7); t++ {
			if !toks[t].Word || clauseAux[toks[t].Low] || toks[t].Low == "that" {
				break
			}
			if subjectPronouns[toks[t].Low] && toks[t].Low != "it" && toks[t].Low != "you" {
				n = t - k
				break
			}
		}
	}
	if n > 0 && k+n < len(toks) && timeUnits[toks[k+n].Low] {
		n++ // "Friday afternoon"
	}
	if n == 0 || k+n >= len(toks) || !toks[k+n].Word || !clauseStart(toks[k+n]) {
		return k
	}
	return k + n
}

// objectControl cues take an object and an infinitive of what the object
// is to do: "told his advisers to figure out", "asked the court to rule".
var objectControl = map[string]bool{"tell": true, "ask": true, "warn": true, "remind": true, "advise": true}

// controlled says whether toks[k:end] is a short noun phrase and then "to"
// and a verb.
func controlled(toks []token, k, end int) bool {
	for t := k + 1; t < min(end, k+6); t++ {
		if !toks[t].Word {
			return false
		}
		if toks[t].Low == "to" {
			return infinitive(toks, t)
		}
	}
	return false
}

// timePhrase says whether toks[k] opens a time phrase or an adverb rather
// than what was said: "Friday", "last week", "this month", "more than once".
func timePhrase(toks []token, k int) bool {
	w := toks[k].Low
	if weekdays[w] || timeWords[w] {
		return true
	}
	return (w == "this" || w == "last" || w == "next") && k+1 < len(toks) && timeUnits[toks[k+1].Low]
}

// presentForm says whether t may be a verb in the third person present: a
// lower-case word ending in s but not in ss, us, is or 's.
func presentForm(t token) bool {
	w := t.Low
	return t.Word && !t.capitalized() && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s")
}

var clauseAux = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "will": true, "would": true,
	"could": true, "should": true, "can": true, "may": true, "might": true, "must": true, "has": true,
	"have": true, "had": true, "did": true, "does": true, "do": true, "isn't": true, "wasn't": true,
	"won't": true, "wouldn't": true, "can't": true, "couldn't": true, "shouldn't": true, "doesn't": true,
	"didn't": true, "aren't": true, "weren't": true, "hasn't": true, "haven't": true, "needs": true,
	"wants": true, "remains": true, "lasted": true, "agreed": true, "plans": true, "seems": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "any": true, "some": true, "no": true,
}

// clauseStart says whether a token can start a reported clause without "that".
func clauseStart(t token) bool {
	if t.capitalized() {
		return true
	}
	switch t.Low {
	case "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "the", "a", "an",
		"any", "his", "her", "its", "their", "our", "both", "all", "no", "none", "nothing", "some", "such",
		"u.s.", "russia", "ukraine", "if", "whether", "what", "how", "peace", "negotiations", "talks":
		return true
	}
	return t.Word && t.Low[0] >= '0' && t.Low[0] <= '9'
}

// according reads "according to X, CLAUSE" and "CLAUSE, according to X".
func (f *finder) according(si, j int) (Quote, bool) {
	toks := f.toks[si]
	// any noun phrase is a source here: "according to state law", "according
	// to a publishing executive familiar with the talks"
	f.described = true
	s, e := f.npAfter(toks, j+2)
	for end := min(len(toks), j+2+9); s >= e && end > j+3; end-- {
		s, e = f.npAfter(toks[:end], j+2)
	}
	f.described = false
	if s >= e {
		s, e = f.bareSource(toks, j+2)
	}
	if s >= e {
		return Quote{}, false
	}
	q := Quote{Kind: Indirect, Sentence: si, Cue: "according to", CueStart: toks[j].Start, CueEnd: toks[j+1].End,
		Speaker: f.text[s:e], SpeakerStart: s, SpeakerEnd: e}
	// after: "according to X, CLAUSE", also after an opening phrase of the
	// author's ("In addition, according to the department, ...")
	k := j + 2
	for k < len(toks) && toks[k].End <= e {
		k++
	}
	opening := j < 3 || toks[j-1].Low == "," && openingPhrase(toks[:j-1])
	if opening && k < len(toks) && toks[k].Low != "," {
		// a long source runs to its comma: "according to early results of
		// exit polls conducted for the AP by Edison Research, ..."
		for u := k; u < min(len(toks), k+25); u++ {
			if toks[u].Low == "," {
				s, e, k = toks[j+2].Start, toks[u-1].End, u
				q.SpeakerStart, q.SpeakerEnd, q.Speaker = s, e, f.text[s:e]
				break
			}
			if !toks[u].Word && toks[u].Low != "'s" && toks[u].Low != "-" || clauseAux[toks[u].Low] || modals[toks[u].Low] {
				break
			}
		}
	}
	if k < len(toks) && toks[k].Low == "," && opening {
		end := len(toks)
		for end > k+1 && !toks[end-1].Word {
			end--
		}
		if end-k > 3 {
			q.Start, q.End = toks[k+1].Start, toks[end-1].End
			return q, true
		}
	}
	// before: "CLAUSE, according to X, a spokeswoman for Y.", or with no
	// comma when X is a name or a person ("... delegates according to a
	// count by The Associated Press")
	if j > 3 && (toks[j-1].Low == "," || toks[j-1].Word && f.isHead(toks[f.tokenAt(toks, e)])) {
		c := j - 1
		if toks[c].Low == "," {
			c--
		}
		q.Start, q.End = toks[leadEnd(toks, c)].Start, toks[c].End
		// the source runs to the end of the sentence: "a publishing
		// executive familiar with the talks", "Jane Roe, a spokeswoman"
		t := j + 2
		for t < len(toks) && toks[t].Start < e {
			t++
		}
		for u := t; u < min(len(toks), t+12) && toks[u].Low != ","; u++ {
			if toks[u].Word {
				e = toks[u].End
			}
		}
		q.SpeakerEnd = f.withAppositive(toks, e)
		q.Speaker = f.text[s:q.SpeakerEnd]
		return q, true
	}
	return Quote{}, false
}

// openingPhrase says whether toks, before "according to", are a short
// opening phrase of the author's ("In addition", "Meanwhile", "In 2014",
// "But on Tuesday") rather than a subject or a clause.
func openingPhrase(toks []token) bool {
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	w := toks[0].Low
	return tailPrepositions[w] || lyAdverb(w) || openingWords[w]
}

var openingWords = map[string]bool{
	"meanwhile": true, "overall": true, "still": true, "however": true, "and": true, "but": true, "so": true,
	"yet": true, "also": true, "now": true, "then": true, "instead": true, "similarly": true, "nationally": true,
}

// tokenAt returns the index of the token of toks that ends at byte e (or the
// last one ending before it).
func (f *finder) tokenAt(toks []token, e int) int {
	i, _ := slices.BinarySearchFunc(toks, e, func(t token, e int) int { return t.End - e })
	return min(i, len(toks)-1)
}

// leadEnd returns where a clause that ends at toks[c] starts once an
// opening phrase of the author's is left out: "Entering the final contests
// in June, CLAUSE", "In a statement on Monday, CLAUSE" (a participle or a
// preposition, no verb of its own, then a comma). It returns 0 when there is
// none.
func leadEnd(toks []token, c int) int {
	for d := 1; d < min(c, 5); d++ {
		if dashes[toks[d].Low] && toks[0].capitalized() && strings.ToUpper(toks[0].Text) == toks[0].Text {
			return d + 1 // a dateline: "WASHINGTON ― CLAUSE"
		}
	}
	if len(toks) == 0 || !toks[0].Word || !(strings.HasSuffix(toks[0].Low, "ing") || leadWords[toks[0].Low]) {
		return 0
	}
	for p := 1; p < c && p < 15; p++ {
		if toks[p].Low == "," {
			if p+1 < c && !hasFiniteVerb(toks[:p]) {
				return p + 1
			}
			return 0
		}
	}
	return 0
}

var leadWords = map[string]bool{
	"in": true, "on": true, "at": true, "after": true, "before": true, "during": true, "since": true,
	"with": true, "for": true, "meanwhile": true, "however": true, "still": true, "instead": true,
	"earlier": true, "later": true, "last": true, "this": true, "by": true, "under": true, "amid": true,
}

// bareSource reads a source in lower case with no determiner up to a comma:
// "according to state law, ...".
func (f *finder) bareSource(toks []token, k int) (int, int) {
	for c := k; c < min(len(toks), k+4); c++ {
		if toks[c].Low == "," && c > k {
			return toks[k].Start, toks[c-1].End
		}
		if !toks[c].Word || stopBefore[toks[c].Low] || determiners[toks[c].Low] {
			break
		}
	}
	return 0, 0
}

// clauseBefore reads "CLAUSE, X said." where the attribution closes the
// clause, and "A, X said, B" where it interrupts it (A is no clause of its
// own: "Acts of protest, he said, are acts of patriotism"; then the content
// is the whole sentence, as PolNeAR merges the pieces of one attribution).
func (f *finder) clauseBefore(si, j, n int) (Quote, bool) {
	toks := f.toks[si]
	c := j - 1
	for c >= 0 && toks[c].Low != "," {
		c--
	}
	if c < 2 {
		return Quote{}, false
	}
	var s, e int
	f.described = true // "..., one slide says."
	defer func() { f.described = false }()
	if j == c+1 {
		if !inverting[toks[j].Low] {
			return Quote{}, false // ", shows Republicans ...": not an attribution
		}
		s, e = f.npAfter(toks, j+n) // said X, a professor at Princeton.
		if s < e {
			e = f.withAppositive(toks, e)
		}
	} else {
		s, e = f.npBefore(toks, j) // X said.
		if s < e && s != toks[c+1].Start || clauseAux[toks[j-1].Low] || slices.ContainsFunc(toks[c+1:j], func(t token) bool { return t.Low == "who" || t.Low == "which" }) {
			return Quote{}, false // ", where he hopes to", "are expected to"
		}
	}
	if s >= e {
		return Quote{}, false
	}
	rest := j + n
	for rest < len(toks) && toks[rest].End <= e {
		rest++
	}
	tail, ok := attributionTail(toks[rest:])
	if !ok {
		return Quote{}, false // more follows: not a closing attribution
	}
	if tail > 0 && !addressed(toks[j].Low) && !circumstantial(toks[rest]) {
		// "..., Ryan announced his resignation", "..., a poll shows upstart
		// Sen. Sanders leading": the verb has an object or a content of
		// its own, so what comes before is not what it reports
		return Quote{}, false
	}
	q := Quote{Kind: Indirect, Sentence: si, Speaker: f.text[s:e], SpeakerStart: s, SpeakerEnd: e}
	f.setCue(&q, toks[j:j+n])
	q.Start, q.End = toks[leadEnd(toks, c-1)].Start, toks[c-1].End
	if (!hasFiniteVerb(toks[:c]) || subordinators[toks[0].Low] || rest+tail+1 < len(toks) && toks[rest+tail+1].Low == "including") && rest+tail+1 < len(toks) && toks[rest+tail].Low == "," &&
		!subordinators[toks[rest+tail+1].Low] && !tailWords[toks[rest+tail+1].Low] {
		// "A, X said, B": the content goes on after the attribution.
		b := rest + tail + 1
		end := f.clauseEnd(toks, b, false, 0, "")
		for end > b && !toks[end-1].Word && !isCloseMark(rune(toks[end-1].Low[0])) && !closingMark(toks[end-1].Low) {
			end--
		}
		if end-b < 2 {
			return Quote{}, false
		}
		q.End = toks[end-1].End
	}
	return q, true
}

// bareNoun says whether the cue at toks[j], in its bare form (the lemma), follows a
// singular noun ending at byte e, after an article or a possessive: then the cue
// is a noun of a compound ("a phone call on", "the report claim").
func (f *finder) bareNoun(toks []token, j, e int, lemma string) bool {
	h := j - 1
	for h >= 0 && toks[h].End > e {
		h--
	}
	if h < 0 || toks[h].End != e || toks[h].capitalized() {
		return false
	}
	if lemma, _, _ := strings.Cut(lemma, " "); toks[j].Low != lemma || strings.HasSuffix(toks[h].Low, "s") {
		return false
	}
	for d := h - 1; d >= 0 && d >= h-4; d-- {
		if toks[d].Low == "a" || toks[d].Low == "an" || possessives[toks[d].Low] || strings.HasSuffix(toks[d].Low, "'s") {
			return true // "a lengthy phone call", "Trump's peace plan call"
		}
		if !toks[d].Word || stopBefore[toks[d].Low] {
			break
		}
	}
	return false
}

// infinitive says whether toks[k] opens an infinitive: "to" and a verb, not
// the preposition of an addressee ("said to reporters", "wrote to him").
func infinitive(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k].Low != "to" {
		return false
	}
	t := toks[k+1]
	return t.Word && !t.capitalized() && !determiners[t.Low] && !pronouns[t.Low] && !quantifiers[t.Low] &&
		!(t.Low[0] >= '0' && t.Low[0] <= '9') && !stopBefore[t.Low] && !strings.HasSuffix(t.Low, "s")
}

var possessives = map[string]bool{"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true}

// evidenceCues are the cues of documents and measures, and evidenceNouns
// the documents and measures: "polls show Clinton up by 10 points", "the
// audit found that", "..., campaign finance records show." After one of
// these nouns the cue is a verb ("records show"), not a noun ("a TV show"),
// and its content may be a noun phrase.
var (
	evidenceCues  = map[string]bool{"show": true, "find": true, "indicate": true, "suggest": true, "reveal": true}
	evidenceNouns = map[string]bool{
		"poll": true, "polls": true, "polling": true, "survey": true, "surveys": true, "record": true, "records": true,
		"data": true, "filing": true, "filings": true, "report": true, "reports": true, "study": true, "studies": true,
		"results": true, "figures": true, "numbers": true, "statistics": true, "analysis": true, "research": true,
		"documents": true, "census": true, "footage": true, "video": true, "tally": true, "audit": true,
		"review": true, "investigation": true, "probe": true, "estimates": true, "projections": true, "models": true,
		"emails": true, "transcripts": true, "receipts": true, "disclosures": true, "returns": true,
	}
)

// nounForms are cue forms that are also common nouns: after a subject that
// is only described ("the battleground states", "a final note") they are
// the noun.
var nounForms = map[string]bool{
	"state": true, "states": true, "note": true, "notes": true, "comment": true, "comments": true,
	"report": true, "reports": true, "claim": true, "claims": true, "question": true, "questions": true,
	"answer": true, "answers": true, "remark": true, "remarks": true, "post": true, "posts": true,
	"tweet": true, "tweets": true, "promise": true, "promises": true, "pledge": true, "pledges": true,
	"hint": true, "hints": true, "signal": true, "signals": true, "estimate": true, "estimates": true,
	"demand": true, "demands": true, "call": true, "calls": true, "offer": true, "offers": true,
	"show": true, "shows": true, "find": true, "finds": true, "reply": true, "replies": true,
	"warning": true, "concern": true, "fear": true, "fears": true, "hope": true, "hopes": true,
	"vow": true, "vows": true, "threat": true, "threats": true, "proposal": true, "cites": true, "echoes": true,
	"point": true, "points": true,
}

// beForms before a past cue make it passive: the subject is not the speaker.
var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true, "being": true}

// inverting cues may come before their speaker: "..., said Trump".
var inverting = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"asked": true, "asks": true, "explained": true, "explains": true, "continued": true,
	"noted": true, "notes": true, "argued": true, "argues": true, "insisted": true, "warned": true,
	"stated": true, "declared": true, "recalled": true, "replied": true, "responded": true,
}

// subordinators open a clause that cannot be reported on its own.
var subordinators = map[string]bool{
	"though": true, "although": true, "while": true, "if": true, "when": true, "because": true,
	"as": true, "since": true, "after": true, "before": true, "unless": true, "whereas": true,
	"like": true, "despite": true, "once": true, "until": true, "whether": true,
}

// addressed says whether a cue form takes its addressee as an object: after
// "CLAUSE, X told" comes whom ("told reporters", "told CNN").
func addressed(w string) bool {
	return w == "told" || w == "tell" || w == "tells" || w == "telling"
}

// circumstantial says whether t opens a circumstance of an attribution
// rather than an object: a preposition ("in a statement", "of the
// episode"), a day or time ("Tuesday", "last week", "earlier"), an -ly
// adverb, a parenthesis.
func circumstantial(t token) bool {
	w := t.Low
	return tailPrepositions[w] || weekdays[w] || timeWords[w] || lyAdverb(w) || w == "(" || w == ")" ||
		w == "this" || w == "last" || w == "next" || w == "late" || w == "early"
}

// tailPrepositions open a circumstance after "CLAUSE, X said".
var tailPrepositions = map[string]bool{
	"in": true, "on": true, "at": true, "for": true, "to": true, "before": true, "after": true, "by": true,
	"about": true, "over": true, "from": true, "with": true, "during": true, "of": true, "since": true,
	"into": true, "amid": true, "via": true, "through": true, "outside": true, "inside": true, "near": true,
	"ahead": true, "following": true, "as": true, "when": true, "upon": true, "without": true, "against": true,
}

// attributionTail says whether toks, what follows "CLAUSE, X said", only
// completes the attribution: nothing, circumstances ("Tuesday in Paris",
// "in a statement", "told reporters on Monday") up to the end or a comma
// (", noting that ..." is a cue of its own), but no clause of its own.
func attributionTail(toks []token) (int, bool) {
	for i, t := range toks {
		if !t.Word {
			if t.Low == "," || t.Low == "." || t.Low == ";" || t.Low == "—" || t.Low == ":" && i == len(toks)-1 {
				return i, true
			}
			if t.Low == "(" || t.Low == ")" || t.Low == "'s" || t.Low == "-" {
				continue
			}
			return i, false
		}
		if i >= 10 || t.Low == "that" || clauseAux[t.Low] || pronouns[t.Low] && t.Low != "it" {
			return i, false
		}
	}
	return len(toks), true
}

// appositiveTail says whether the comma at toks[t] opens an appositive of
// the author's after a noun-phrase content toks[k:t] that ends with a name:
// ", the presumptive Republican nominee", ", his national security adviser
// at the time", running to the sentence's end with no comma of its own. Not
// after a clause ("said he backs Trump, the nominee"), nor an appositive
// the content goes on after ("Clinton, the nominee, would ...").
func appositiveTail(toks []token, k, t int) bool {
	if t <= k || t+2 >= len(toks) {
		return false
	}
	p := toks[t-1]
	if !p.Word || !p.capitalized() {
		return false
	}
	if n := toks[t+1].Low; n != "the" && !possessives[n] {
		return false
	}
	for u := t + 1; u < len(toks); u++ {
		if w := toks[u].Low; w == "," || w == ";" || w == ":" || !toks[u].Word && w != "." && w != "-" && w != "'s" {
			return false
		}
	}
	if hasFiniteVerb(toks[k:t]) {
		return false
	}
	// a bare name as the object of a cue keeps its appositive ("endorsing
	// Hillary Clinton, the Democratic nominee") unless the cue only says
	// whom the speaker meant ("referring to Condoleezza Rice, his adviser")
	for u := k; u < t; u++ {
		if toks[u].Word && !toks[u].capitalized() && toks[u].Low != "of" {
			return true
		}
	}
	return k >= 2 && toks[k-1].Low == "to" && strings.HasPrefix(toks[k-2].Low, "refer")
}

// sameSubject says whether the pronoun subject p of a reported clause may
// be the speaker spk itself: "she" after "She" or a name, "they" after
// "They". A plural speaker ("They said he ...", "officials said she ...")
// or another pronoun is someone else.
func sameSubject(spk, p string) bool {
	if p != "he" && p != "she" && p != "they" {
		return false
	}
	if spk == "" {
		return false
	}
	if len(spk) <= 4 {
		switch strings.ToLower(spk) {
		case "he", "she", "they":
			return strings.EqualFold(spk, p)
		}
	}
	if p == "they" {
		return false
	}
	// a name: its last word capitalized and not a plural group
	l := strings.LastIndexByte(spk, ' ')
	last := spk[l+1:]
	if last == "" || last[0] < 'A' || last[0] > 'Z' {
		return false
	}
	return !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss")
}

// speakersVerb says whether toks[u:] after "and" open a predicate with no
// subject of its own: "and highlighted", "and has expressed", "and would
// not identify", "and calls her".
func (f *finder) speakersVerb(toks []token, k, u, cue int) bool {
	for u < len(toks) && (toks[u].Low == "also" || toks[u].Low == "then" || toks[u].Low == "later" || lyAdverb(toks[u].Low)) {
		u++
	}
	if cue == 0 || u+1 >= len(toks) || !toks[u].Word || toks[u].capitalized() || tense(toks, u) != cue {
		return false
	}
	v := k + 1
	for v < u && (toks[v].Low == "also" || toks[v].Low == "still" || toks[v].Low == "then" || lyAdverb(toks[v].Low)) {
		v++
	}
	if c := tense(toks, v); c == 0 || c == cue && cue != present {
		return false // "said he was alarmed by X and wanted to see": one tense, the content's
	}
	w, n := toks[u].Low, toks[u+1]
	switch w {
	case "would", "will", "could":
		return n.Word && !n.capitalized() // "and would not name a date": a modal in the cue's tense
	case "has", "have":
		if cue == perfect {
			return true // "has said she wants X and has expressed support for Y"
		}
		u++
	case "had":
		u++ // "and had asked"
	}
	if cue == present && presentForm(toks[u]) && u+1 < len(toks) {
		// "says he trusts Ortiz and calls her ...": the speaker's present
		n := toks[u+1].Low
		if determiners[n] || possessives[n] || n == "him" || n == "her" || n == "them" || n == "it" {
			return true
		}
	}
	// otherwise a cue of its own ("and calls her", "and has expressed"),
	// not any verb ("said she likes X and enjoyed Y")
	_, m := f.cueAt(toks, u)
	return m > 0
}

// dash says whether toks[t] is a dash between words: "—", "–", or "-"
// with a space before it (not the hyphen of "well-known").
func dash(toks []token, t int) bool {
	w := toks[t].Low
	return w == "—" || w == "–" || w == "-" && t > 0 && toks[t].Start > toks[t-1].End
}

// dashTail says whether toks, after a dash, are the author's: a clause of
// its own ("— they appeared together ..."), "but" or "and" and one ("- but
// the campaign rejected"), "except that", "though".
func dashTail(toks []token) bool {
	w := toks[0].Low
	if w == "except" || w == "though" || w == "although" {
		return true
	}
	if (w == "but" || w == "and") && len(toks) > 1 {
		toks = toks[1:]
	}
	// not "- a conviction that you are ...": a noun and its relative
	if slices.ContainsFunc(toks[:min(len(toks), 4)], func(t token) bool { return relatives[t.Low] }) {
		return false
	}
	return newClause(toks)
}

// openQuote says whether toks leave a quotation open: "“like a used car
// dealership" before "—except that's unfair".
func openQuote(toks []token) bool {
	open, straight := false, 0
	for _, t := range toks {
		switch t.Low {
		case "“":
			open = true
		case "”":
			open = false
		case "\"":
			straight++
		}
	}
	return open || straight%2 == 1
}
