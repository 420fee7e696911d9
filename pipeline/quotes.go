package pipeline

import (
	"slices"
	"strings"

	"score/lexicons"
)

// FindQuotes finds the direct, partial and reported quotes of an article and
// the speaker mention and cue of each (the mention is resolved to a canonical
// speaker by ResolveSpeakers). toks are the tokens of sents (Tokenize).
// Quotes come out in text order.
func FindQuotes(text string, sents []Sentence, toks Tokens, lx *lexicons.Set) []Quote {
	f := &finder{text: text, sents: sents, lx: lx, toks: toks}
	f.headlineCase()
	marks := scanMarks(text)
	var quotes []Quote
	for _, m := range marks {
		if q, ok := f.quoted(m, quotes); ok {
			quotes = append(quotes, q)
		}
	}
	quotes = f.reported(quotes, marks)
	quotes = f.headlineClaim(quotes, marks)
	slices.SortStableFunc(quotes, func(a, b Quote) int { return a.Start - b.Start })
	quotedWithin(quotes, marks)
	return f.mergeFragments(quotes)
}

type finder struct {
	text  string
	sents []Sentence
	lx    *lexicons.Set
	toks  [][]token
	buf   []byte // scratch for multi-word cue lookups
	ends  []int
	words []token // scratch: the tokens of the quoted stretch being read
	// described lets a mention end in any common noun after a
	// determiner: set while attributing quoted words.
	described bool
}

// sentenceAt returns the index of the sentence holding byte offset p, or the
// last sentence starting before it.
func sentenceAt(sents []Sentence, p int) int {
	i, _ := slices.BinarySearchFunc(sents, p, func(s Sentence, p int) int {
		switch {
		case s.End <= p:
			return -1
		case s.Start > p:
			return 1
		}
		return 0
	})
	return min(max(i, 0), len(sents)-1)
}

// tokenIndex returns the index of the first token of sentence si starting at
// or after p.
func (f *finder) tokenIndex(si, p int) int {
	toks := f.toks[si]
	i, _ := slices.BinarySearchFunc(toks, p, func(t token, p int) int { return t.Start - p })
	return i
}

// tokensIn returns the tokens lying wholly in text[lo:hi], from the
// sentences' tokens: the words of a quoted stretch without scanning it again.
// Within one sentence it is a slice of that sentence's tokens (not to be
// written to); across sentences they are appended to out.
func (f *finder) tokensIn(out []token, lo, hi int) (toks []token, appended bool) {
	si := sentenceAt(f.sents, lo)
	if si < len(f.sents) && hi <= f.sents[si].End {
		// within one sentence, as most are: a slice of its tokens
		toks := f.toks[si]
		i, _ := slices.BinarySearchFunc(toks, lo, func(t token, p int) int { return t.Start - p })
		k := i
		for k < len(toks) && toks[k].End <= hi {
			k++
		}
		return toks[i:k:k], false
	}
	for ; si < len(f.sents) && f.sents[si].Start < hi; si++ {
		toks := f.toks[si]
		i, _ := slices.BinarySearchFunc(toks, lo, func(t token, p int) int { return t.Start - p })
		for ; i < len(toks) && toks[i].End <= hi; i++ {
			out = append(out, toks[i])
		}
	}
	return out, true
}

// statesAfter says whether "states" at toks[k] is the verb of an attribution
// that ends its clause after a speaker's head noun: "“...,” a voice-over in
// the ad states.", "the narrator states,". Not "voters in swing states."
// nor "the United States".
func (f *finder) statesAfter(toks []token, k int) bool {
	if k < 1 || k >= len(toks) || toks[k].Low != "states" || toks[k].capitalized() {
		return false
	}
	if k+1 < len(toks) && toks[k+1].Text != "." && toks[k+1].Text != "," {
		return false
	}
	p := toks[k-1]
	return p.Word && !p.capitalized() && (statesSpeakers[p.Low] || f.isPeopleNoun(p.Low) && !strings.HasSuffix(p.Low, "s"))
}

// statesSpeakers are documents and voices that "state" words: "the ad
// states", "a voice-over states".
var statesSpeakers = map[string]bool{
	"ad": true, "advert": true, "advertisement": true, "commercial": true, "spot": true, "video": true,
	"voice-over": true, "voiceover": true, "narrator": true, "announcer": true, "memo": true, "letter": true,
	"complaint": true, "lawsuit": true, "filing": true, "release": true, "website": true, "document": true,
	"ruling": true, "order": true, "bill": true, "law": true, "platform": true, "petition": true,
}

// cueAt matches the longest reporting form starting at toks[k]; it returns the
// number of tokens matched (0 for none). A capitalised form inside a sentence
// is a name, not a verb ("the United States", "Sen. Warren Says").
func (f *finder) cueAt(toks []token, k int) (lexicons.Verb, int) {
	if k >= len(toks) || !toks[k].Word {
		return lexicons.Verb{}, 0
	}
	if !f.lx.MaybeVerbHead(toks[k].Low) {
		return lexicons.Verb{}, 0
	}
	heads := f.lx.VerbHeads[toks[k].Low]
	if heads == 0 {
		return lexicons.Verb{}, 0 // no form starts with this word
	}
	if k > 0 && toks[k-1].Word && (toks[k].capitalized() || determiners[toks[k-1].Low] || possessive(toks[k-1].Low)) {
		return lexicons.Verb{}, 0 // "the United States", "the report", "the council's report"
	}
	if nounForms[toks[k].Low] && k+1 < len(toks) && toks[k+1].Word && !toks[k+1].capitalized() &&
		(f.isPeopleNoun(toks[k+1].Low) || f.lx.Titles[toks[k+1].Low]) && !(k > 0 && evidenceNouns[toks[k-1].Low]) {
		return lexicons.Verb{}, 0 // "state officials", "the New York state attorney general"
	}
	if (toks[k].Low == "state" || toks[k].Low == "states") && (k+1 >= len(toks) || toks[k+1].Low != "that") && !f.statesAfter(toks, k) {
		return lexicons.Verb{}, 0 // the noun far more often than the verb: only "states that" is a cue
	}
	if n := min(heads, len(toks)-k); n > 1 {
		buf := f.buf[:0]
		buf = append(buf, toks[k].Low...)
		ends := f.ends[:0]
		for j := k + 1; j < k+n && toks[j].Word; j++ {
			buf = append(buf, ' ')
			buf = append(buf, toks[j].Low...)
			ends = append(ends, len(buf))
		}
		f.buf, f.ends = buf, ends
		for i := len(ends) - 1; i >= 0; i-- {
			if v, hit := f.lx.Verbs[string(buf[:ends[i]])]; hit {
				return v, i + 2
			}
		}
	}
	if v, hit := f.lx.Verbs[toks[k].Low]; hit {
		if k > 0 && nounForms[toks[k].Low] && toks[k].Low == v.Lemma && toks[k-1].Word && toks[k-1].capitalized() &&
			!strings.HasSuffix(toks[k-1].Low, "s") && !pronouns[toks[k-1].Low] {
			return lexicons.Verb{}, 0 // "a Donald Trump tweet attacking ...": a bare noun after a name
		}
		return v, 1
	}
	return lexicons.Verb{}, 0
}

// possessive says whether w ends in 's or s' (curly apostrophes are
// straight in token.Low).
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || len(w) > 2 && strings.HasSuffix(w, "s'")
}

// quoted turns a quoted stretch into a direct or partial quote, or rejects it
// as a title, name or scare quote.
func (f *finder) quoted(m quoted, prev []Quote) (Quote, bool) {
	if len(f.sents) == 0 || m.End <= m.Start {
		return Quote{}, false
	}
	si := sentenceAt(f.sents, m.Open)
	s := f.sents[si]
	content, appended := f.tokensIn(f.words[:0], m.Start, m.End)
	if appended {
		f.words = content
	}
	words := 0
	for _, t := range content {
		if t.Word {
			words++
		}
	}
	if words == 0 {
		return Quote{}, false
	}
	q := Quote{Start: m.Start, End: m.End, Sentence: si, CueStart: -1, CueEnd: -1, SpeakerStart: -1, SpeakerEnd: -1}
	toks := f.toks[si]
	openTok := f.tokenIndex(si, m.Open)
	before := toks[:openTok]
	lead := strings.TrimSpace(f.text[s.Start:min(m.Open, s.End)])
	if m.Open < s.Start {
		lead = ""
	}
	n := turnLabel(f.text[m.Start:m.End])
	if n < 0 && lead == "" {
		return Quote{}, false // “UPDATE: ...: the outlet's note, not a speaker's words
	}
	if n > 0 && lead == "" && m.Start+n < m.End {
		// A transcript's turn: “WALLACE: Let's start with ...
		q.Kind, q.Start = Direct, m.Start+n
		q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[m.Start:m.Start+n-2], m.Start, m.Start+n-2
		q.Cue, q.CueStart, q.CueEnd = ":", m.Start+n-2, m.Start+n-1
		return q, true
	}
	if lead == "" && f.subhead(m) {
		return Quote{}, false
	}
	standalone := lead == "" || strings.HasSuffix(lead, ":") || strings.HasSuffix(lead, ",") && (f.hasCue(before) || f.mannerBefore(before)) ||
		exclaims(f.text[m.Start:m.End]) && !titleCase(content) && f.mannerBefore(before) // "the crowd chanted “What curfew?”", "yelled “You lie!”"
	if standalone && (words >= 3 || endsClause(f.text[m.Start:m.End])) {
		q.Kind = Direct
	} else if f.partialCue(before, content) || m.Closed && f.text[m.Start] != ' ' && f.saidFragment(toks, content) {
		q.Kind = Partial
	} else {
		return Quote{}, false
	}
	f.attribute(&q, m, si, openTok, prev)
	if q.Kind == Partial && q.Speaker == "" {
		f.attributePartial(&q, toks, openTok)
	}
	if q.Kind == Direct && q.Speaker == "" && words < 6 {
		return Quote{}, false // a short quoted stretch with no speaker anywhere: a title or a term
	}
	if q.Speaker == "" && q.Kind == Partial {
		// "Clinton’s comments further “the anti-Muslim mob mentality”":
		// the fragment is the sentence subject's
		if s, e := f.subject(toks[:openTok]); s < e && !determiners[strings.ToLower(f.text[s:e])] && f.isHead(toks[f.tokenAt(toks, e)]) {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
		}
	}
	if q.Speaker == "" {
		f.nearSpeaker(&q, prev)
	}
	return q, true
}

// subhead says whether a quoted stretch in single marks is a paragraph of
// its own: a section heading quoting a line of the section ('A fight from
// start to finish.'), not words said where it stands. Two apostrophes in a
// row are NYT's double quotation marks, not single ones.
func (f *finder) subhead(m quoted) bool {
	if m.Open > 0 && f.text[m.Open-1] != '\n' || !m.Closed || !f.endsParagraph(m.CloseEnd) {
		return false
	}
	open := f.text[m.Open:]
	return strings.HasPrefix(open, "‘") || strings.HasPrefix(open, "'") && !strings.HasPrefix(open, "''")
}

// mannerBefore says whether before ends in a verb of the manner of
// speaking and a comma: "Halvorsen continued, “...".
func (f *finder) mannerBefore(before []token) bool {
	n := len(before)
	for n > 0 && !before[n-1].Word {
		n--
	}
	return n > 1 && f.quoteCueAt(before, n-1) == 1 || n > 2 && f.quoteCueAt(before, n-2) == 2 // "As Vulture put it, “...”"
}

// exclaims says whether quoted words end in an exclamation or a question:
// an utterance, not a name or a term.
func exclaims(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func endsClause(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

func (f *finder) hasCue(toks []token) bool {
	for k := range toks {
		if _, n := f.cueAt(toks, k); n > 0 {
			return true
		}
	}
	return false
}

// partialCue says whether a fragment embedded in a sentence is presented as
// someone's words: a reporting cue or a describing verb shortly before it.
// Short fragments in Title Case with no cue are names, titles or slogans.
func (f *finder) partialCue(before, content []token) bool {
	words, title := 0, titleCase(content)
	for _, t := range content {
		if t.Word {
			words++
		}
	}
	near := before[max(0, len(before)-10):]
	for k := len(near) - 1; k >= 0; k-- {
		t := near[k]
		if describing[t.Low] {
			// "known as “Big Ben”", "titled “Arrogant”" name, not quote
			return !(t.Low == "as" && k > 0 && namingWords[near[k-1].Low])
		}
		if _, n := f.cueAt(near, k); n > 0 && k >= len(near)-6 {
			return !(title && words <= 4) // a Title Case name after a cue: "repeated his ‘Common Sense’ slogan"
		}
		if t.Low == "." || t.Low == ";" {
			break
		}
	}
	// A longer fragment is words said, even with its cue further away.
	return words >= 4 && !title && f.hasCue(before)
}

// saidFragment says whether a fragment in lower case embedded in the
// author's sentence is someone's words even with no cue right before it: it
// runs three words or more ("Clinton is “the most dishonest candidate,”
// Pence said"; "the Rove ad hits Clinton for taking “54 times more money”"),
// or its sentence holds a reporting cue anywhere. Only a closed quote whose
// words start right after the mark counts (a stray mark opens nothing). A short fragment in a
// sentence with no cue stays a scare quote or a term (the Western “war
// party”).
func (f *finder) saidFragment(sent, content []token) bool {
	if titleCase(content) {
		return false
	}
	words := 0
	for _, t := range content {
		if t.Word {
			words++
		}
	}
	return words >= 3 || words > 0 && f.hasCue(sent)
}

// titleCase says whether a quoted stretch is written as a title or a name:
// every word capitalised but the short function words inside it ("Guardians
// of the Galaxy", "Thelma and Louise").
func titleCase(content []token) bool {
	first := true
	for _, t := range content {
		if !t.Word {
			continue
		}
		if !t.capitalized() && (first || !titleSmall[t.Low]) {
			return false
		}
		first = false
	}
	return !first
}

var titleSmall = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "by": true, "from": true, "vs": true, "vs.": true, "nor": true, "but": true,
}

// namingWords before "as" introduce a name, not words said.
var namingWords = map[string]bool{"known": true, "nicknamed": true, "titled": true, "entitled": true, "named": true, "billed": true}

// describing verbs introduce a quoted characterisation: called it “unrealistic”.
var describing = map[string]bool{
	"called": true, "calling": true, "calls": true, "call": true, "as": true, "described": true, "describing": true,
	"dubbed": true, "termed": true, "labeled": true, "labelled": true, "branded": true, "deemed": true,
	"promised": true, "vowed": true, "pledged": true, "urged": true, "warned": true,
}

// continued returns the quote that the quoted stretch at m continues, or -1:
// the last quote with a speaker when it is in the same paragraph (“A,” she
// said. “B.”) or when m opens a paragraph right after that quote's paragraph
// (a quote paragraph with no attribution of its own).
func (f *finder) continued(m quoted, si int, prev []Quote) int {
	for i := len(prev) - 1; i >= 0; i-- {
		p := prev[i]
		if p.Speaker == "" || p.End > m.Open {
			continue
		}
		pp, mp := f.sents[p.Sentence].Para, f.sents[si].Para
		if pp == mp {
			return i
		}
		if mp-pp == 1 && f.sents[si].Start >= m.Open-3 && (p.Kind == Direct || p.Kind == Partial) {
			return i
		}
		return -1
	}
	return -1
}

// nearSpeaker gives a quote no attribution reaches the speaker of the last
// quote with one in the same paragraph or the two before (a quote paragraph
// that goes on after the author's aside).
func (f *finder) nearSpeaker(q *Quote, prev []Quote) {
	para := f.sents[q.Sentence].Para
	for i := len(prev) - 1; i >= 0; i-- {
		p := prev[i]
		if f.sents[p.Sentence].Para < para-2 {
			return
		}
		if p.Speaker != "" && p.End <= q.Start {
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = p.Speaker, p.SpeakerStart, p.SpeakerEnd
			return
		}
	}
}

// attributePartial finds the speaker of a quoted fragment in the author's
// sentence: the subject of the nearest reporting or describing verb before it
// ("Reid described Trump as a “con artist”"), else the sentence's subject.
func (f *finder) attributePartial(q *Quote, toks []token, openTok int) {
	for c := openTok - 1; c >= 0; c-- {
		_, n := f.cueAt(toks, c)
		if n == 0 && !describing[toks[c].Low] {
			continue
		}
		if n == 0 {
			n = 1
		}
		var s, e int
		if toks[c].Low == "as" {
			// "Merkel heralded the deal with Turkey as “a breakthrough”":
			// the subject, not the object before "as"
			s, e = f.subject(toks[:c])
		}
		if s >= e {
			s, e = f.npBefore(toks, c)
			if s < e && strings.HasSuffix(toks[c].Low, "ing") {
				s, e = f.issuer(toks, s, e) // "the council issued a statement calling ..."
			}
		}
		if s >= e {
			s, e = f.subject(toks[:c])
		}
		if s < e {
			f.setCue(q, toks[c:c+n])
			q.Speaker, q.SpeakerStart, q.SpeakerEnd = f.text[s:e], s, e
		}
		return
	}
}
