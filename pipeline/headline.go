package pipeline

import (
	"slices"
	"strings"
)

// headlineCase lets the cues of a headline written in Title Case read as
// verbs: "Obama Says Museum Will Tell of ‘Suffering’", "Trump Could Win,
// Senator Warns". Elsewhere a capitalised cue word is a name ("Sen. Warren
// Says" is not found inside a sentence), so the headline's verb forms and
// function words get copies of their tokens in lower case; names keep their
// capitals. Only an article's first paragraph followed by a body is a
// headline. The caller's tokens are not written to.
func (f *finder) headlineCase() {
	if len(f.sents) < 2 || f.sents[1].Para == f.sents[0].Para {
		return
	}
	n := 1
	for n < len(f.sents) && f.sents[n].Para == f.sents[0].Para {
		n++
	}
	caps, small := 0, 0
	for _, toks := range f.toks[:n] {
		for i, t := range toks {
			if !t.Word || i == 0 || digits(t.Low) {
				continue
			}
			switch {
			case t.capitalized():
				caps++
			case !titleSmall[t.Low]:
				small++
			}
		}
	}
	if caps < 3 || small*5 > caps {
		return
	}
	f.toks = slices.Clone(f.toks)
	for si := range n {
		toks := slices.Clone(f.toks[si])
		for i := 1; i < len(toks); i++ {
			if t := &toks[i]; t.Word && t.capitalized() && f.headlineVerb(t.Low) {
				t.Text = t.Low
			}
		}
		f.toks[si] = toks
	}
}

// headlineVerb says whether a Title Case headline word is a verb form or a
// function word rather than part of a name: an inflected reporting form
// ("Says", "Calls", "Warned"; the bare lemma is as often a noun: "Report",
// "Post"), an auxiliary or modal, a pronoun, a determiner or a small word.
func (f *finder) headlineVerb(w string) bool {
	if v, ok := f.lx.Verbs[w]; ok {
		return v.Lemma != w
	}
	if f.lx.VerbHeads[w] > 0 {
		return true
	}
	return titleSmall[w] || clauseAux[w] || determiners[w] || pronouns[w] && w != "i" || possessives[w] ||
		w == "to" || w == "that" || w == "not"
}

// headlineClaim adds the claim of a headline of the form "Speaker: claim"
// ("Senator Vale: Budget Deal Is ‘Dead on Arrival’", "Poll: Voters Sour on
// Tax Plan"): the rest of the line is the speaker's, partial when it holds
// quoted words, indirect when it holds none (a claim wholly in quotation
// marks is a direct quote found already). Kickers and slogans take the
// same form ("The Latest: ...", "BREAKING: ...", "Stealth Over Health:
// ..."), so the words before the colon must be shown to be a speaker: a
// name in the speaker registry, a poll, report or newspaper, or a name the
// article's body mentions again. "Speaker on Topic: claim" is the
// speaker's too. Quotes found inside the claim give way to it.
func (f *finder) headlineClaim(quotes []Quote, marks []quoted) []Quote {
	if len(f.sents) < 2 || f.sents[1].Para == f.sents[0].Para {
		return quotes
	}
	toks := f.toks[0]
	c := 1
	for c < min(len(toks), 8) && toks[c].Low != ":" {
		c++
	}
	if c >= min(len(toks), 8) || c+1 >= len(toks) {
		return quotes
	}
	b := 0
	for i := range c {
		if dashes[toks[i].Low] || toks[i].Low == "-" {
			b = i + 1 // "EXCLUSIVE – Name: claim"
		}
	}
	e := f.headlineSpeaker(toks[b:c])
	if e == 0 {
		return quotes
	}
	e += b
	name := f.text[toks[b].Start:toks[e-1].End]
	start, end := toks[c+1].Start, f.sents[0].End
	for end > start && (f.text[end-1] == '.' || f.text[end-1] == ';' || f.text[end-1] == ' ') {
		end--
	}
	kind := Indirect
	for _, m := range marks {
		if m.Open >= end {
			break
		}
		if m.Open >= start {
			if m.Open == start && m.CloseEnd >= end {
				return quotes // wholly quoted: a direct quote
			}
			kind = Partial
		}
	}
	if end-start < 8 || !f.headlineEvidence(toks[b:e], name, kind == Partial) {
		return quotes
	}
	kept := quotes[:0]
	for _, q := range quotes {
		if q.End <= start || q.Start >= end {
			kept = append(kept, q)
		}
	}
	return append(kept, Quote{Kind: kind, Start: start, End: end, Sentence: 0,
		Cue: ":", CueStart: toks[c].Start, CueEnd: toks[c].End,
		Speaker: name, SpeakerStart: toks[b].Start, SpeakerEnd: toks[e-1].End})
}

// headlineSpeaker returns how many of the tokens before a headline's colon
// name its speaker, or 0 when they do not read as a name: up to five words
// in capitals (a title, a name; the last may be a common noun for a
// source: "Clinton camp", "WSJ editorial"), with no verb or small word in
// them but an "on" or "at" that opens the topic or the occasion ("Mayor
// Dunn on Transit: ..."). Words in capitals throughout ("BREAKING",
// "EXCLUSIVE") are kickers.
func (f *finder) headlineSpeaker(ts []token) int {
	n, words := len(ts), 0
	for i, t := range ts {
		if (t.Low == "on" || t.Low == "at") && i > 0 {
			n = i // "Mayor Dunn on Transit", "Governor Ames at Rally"
			break
		}
		if !t.Word {
			if t.Low != "." && t.Low != "'s" && t.Low != "’s" {
				return 0
			}
			continue
		}
		words++
		last := i == len(ts)-1 || ts[i+1].Low == "on" || ts[i+1].Low == "at"
		switch {
		case !t.capitalized():
			if !last || !f.headlineSource(t.Low) {
				return 0
			}
		case len(t.Text) > 4 && strings.ToUpper(t.Text) == t.Text,
			i > 0 && f.headlineVerb(t.Low):
			return 0
		}
	}
	if words == 0 || words > 5 {
		return 0
	}
	return n
}

// headlineSource says whether a word names a source that speaks in a
// headline: a poll, a report, a newspaper, a people noun.
func (f *finder) headlineSource(w string) bool {
	return evidenceNouns[w] || statesSpeakers[w] || f.isPeopleNoun(w) ||
		w == "newspaper" || w == "editorial" || w == "camp" || w == "insiders" || w == "historians"
}

// headlineEvidence says whether the name before a headline's colon is a
// speaker: a source noun, a registry name, a name followed by a claim with
// quoted words in it (quoted), or its last word written again in the body.
func (f *finder) headlineEvidence(ts []token, name string, quoted bool) bool {
	last := ts[len(ts)-1]
	if f.headlineSource(last.Low) {
		return true
	}
	if _, ok := f.lx.LookupSpeaker(name); ok {
		return true
	}
	if determiners[ts[0].Low] {
		return false // "The Latest", "This Week": a column's name, not a speaker's
	}
	if quoted {
		return true
	}
	for si := 1; si < len(f.sents); si++ {
		if f.sents[si].Para == f.sents[0].Para {
			continue
		}
		for _, t := range f.toks[si] {
			if strings.HasPrefix(t.Text, last.Text) && (len(t.Text) == len(last.Text) || possessive(t.Low)) {
				return true
			}
		}
	}
	return false
}
