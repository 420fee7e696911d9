package pipeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"score/lexicons"
)

// ResolveSpeakers gives every quote a canonical speaker_name and a
// speaker_type from its mention as written:
//
//   - a name or alias in the registry ("Zelenskiy", "Peskov") is the
//     registry's canonical name;
//   - a description ("the Ukrainian leader", "Kremlin spokesperson") is looked
//     up among the registry's roles, and a mention with both ("Kremlin
//     spokesperson Dmitry Peskov") is resolved by its name;
//   - a pronoun (he, she, they) is the entity last in focus that fits: the
//     previous quote's speaker when it fits, else the last person (or group,
//     for "they") named before the quote;
//   - an unknown name gets the fullest form the article writes it in
//     ("Peskov" -> "Dmitry Peskov");
//   - plural people nouns are groups or, when unnamed ("officials",
//     "sources"), type unnamed.
//
// toks are the tokens of sents (Tokenize).
func ResolveSpeakers(text string, sents []Sentence, toks Tokens, quotes []Quote, lx *lexicons.Set) {
	r := resolver{text: text, lx: lx, names: fullNames(text, toks, lx), sents: sents}
	r.mentions = r.entityMentions(toks, quotes)
	r.quotes = quotes
	var prev *Quote
	for i := range quotes {
		q := &quotes[i]
		r.resolve(q, prev)
		if q.SpeakerName != "" {
			prev = q
		}
	}
}

type resolver struct {
	text     string
	lx       *lexicons.Set
	names    map[string]string // last word (folded) -> fullest name in the article
	mentions []mention         // named entities in text order
	sents    []Sentence
	quotes   []Quote // all of the article's quotes, resolved in order
}

type mention struct {
	pos         int
	sent        int    // the sentence it is in
	quoted      bool   // inside someone's quoted words: never a sentence's subject
	title       string // the title written before the name ("senator" for "Sen. Claire McCaskill")
	name, typ   string
	affiliation string
}

func (r *resolver) resolve(q *Quote, prev *Quote) {
	m := r.headPhrase(mentionCore(strings.TrimSpace(q.Speaker)))
	if m == "" {
		q.SpeakerType = Unknown
		return
	}
	low := strings.ToLower(m)
	if low == "i" {
		// The narrator (an op-ed writer) outside quotation marks: never a
		// third-person name. Inside a quote's words "I" is its speaker.
		q.SpeakerType = Unknown
		if r.insideMarks(q.SpeakerStart) {
			r.pronoun(q, low, prev) // in quotation marks no quote was found for
		}
		for _, o := range r.quotes {
			if o.Kind == Indirect || q.SpeakerStart < o.Start || q.SpeakerStart >= o.End {
				continue
			}
			if o.SpeakerName != "" {
				q.SpeakerName, q.SpeakerType, q.Affiliation = o.SpeakerName, o.SpeakerType, o.Affiliation
			} else {
				r.pronoun(q, low, prev) // a quote whose speaker is not found: the one in focus
			}
			break
		}
		return
	}
	if pronouns[low] || low == "his" || low == "her" {
		r.pronoun(q, low, prev)
		return
	}
	if w := strings.Fields(low); len(w) == 2 && (w[0] == "his" || w[0] == "her" || w[0] == "its" || w[0] == "their") && w[1] == "government" {
		// "His government": the government of the one in focus
		r.pronoun(q, w[0], prev)
		if gov, ok := r.government(q.Affiliation); ok {
			q.SpeakerName, q.SpeakerType, q.Affiliation = gov.Name, gov.Type, gov.Affiliation
		} else {
			q.SpeakerName, q.SpeakerType = "", Organization
		}
		return
	}
	if mm, ok := r.titled(low, q.SpeakerStart); ok {
		// "the senator": the person last introduced with that title
		q.SpeakerName, q.SpeakerType, q.Affiliation = mm.name, mm.typ, mm.affiliation
		return
	}
	if r.officeOf(q, m, prev) {
		return
	}
	if name, typ, aff, ok := r.canonical(m); ok {
		q.SpeakerName, q.SpeakerType, q.Affiliation = name, typ, aff
		return
	}
	q.SpeakerName, q.SpeakerType = "", Unknown
}

// officeOf resolves a description by an office held for a country or an
// organisation ("U.S. senator", "the former U.S. ambassador") that the
// registry does not know as a role: the person last introduced with that
// title, else the person in focus, never the country.
func (r *resolver) officeOf(q *Quote, m string, prev *Quote) bool {
	words := strings.Fields(m)
	n := len(words)
	if n < 2 || hasCapital(words[n-1:]) || titleHead(words[n-1]) == "" {
		return false
	}
	if sp, ok := r.lx.LookupSpeaker(words[n-2]); !ok || sp.Type == Person {
		return false
	}
	if _, ok := r.lx.LookupRole(m); ok {
		return false
	}
	if mm, ok := r.titled("the "+words[n-1], q.SpeakerStart); ok {
		q.SpeakerName, q.SpeakerType, q.Affiliation = mm.name, mm.typ, mm.affiliation
		return true
	}
	r.pronoun(q, "he", prev)
	return true
}

// insideMarks reports whether text position p is inside quotation marks
// opened earlier in its paragraph.
func (r *resolver) insideMarks(p int) bool {
	if p < 0 || p > len(r.text) {
		return false
	}
	b := strings.LastIndexByte(r.text[:p], '\n') + 1
	in := false
	for _, c := range r.text[b:p] {
		switch c {
		case '“':
			in = true
		case '”':
			in = false
		case '"':
			in = !in
		}
	}
	return in
}

// mentionCore is the part of a mention that names the speaker: without a
// parenthesis ("Rep. Gwen Moore (D-Wis.)") and, of an appositive, the name
// ("Dmitry Peskov, Putin's spokesman" and "the Kremlin spokesman, Dmitry
// Peskov" both give Dmitry Peskov).
func mentionCore(m string) string {
	if i := strings.IndexByte(m, '('); i > 0 {
		m = strings.TrimSpace(m[:i])
	}
	for _, rel := range []string{" that ", " which "} {
		if i := strings.Index(m, rel); i > 0 && strings.IndexByte(m[:i], ',') < 0 {
			m = m[:i] // "A 2014 study that appeared in the journal": the study
		}
	}
	for _, prep := range []string{"ed by ", "ed in ", "ed last "} {
		// "A Quinnipiac University poll released in late August": the poll
		if i := strings.Index(m, prep); i > 0 && strings.IndexByte(m[:i], ',') < 0 {
			if j := strings.LastIndexByte(m[:i], ' '); j > 0 && i-j > 3 {
				m = m[:j]
			}
		}
	}
	if i := strings.IndexByte(m, ','); i > 0 {
		before, after := strings.TrimSpace(m[:i]), strings.TrimSpace(strings.Trim(m[i+1:], ", "))
		words := strings.Fields(before)
		if len(words) > 0 && hasCapital(words[len(words)-1:]) || after == "" || !hasCapital(strings.Fields(after)[:1]) {
			return before
		}
		if j := strings.IndexByte(after, ','); j > 0 {
			after = after[:j]
		}
		return after
	}
	return m
}

// headPhrase is a mention without the prepositional phrase after its head
// noun: "A spokesman for the Jupiter Police Department" is a spokesman,
// "Republicans in the Senate" are Republicans, "Experts on North Korea"
// experts. A capitalised head is kept whole unless it is a plural noun for
// people ("Secretary of State John Kerry", "University of Michigan").
func (r *resolver) headPhrase(m string) string {
	for i := 1; i < len(m); i++ {
		if m[i-1] != ' ' {
			continue
		}
		j := strings.IndexByte(m[i:], ' ')
		if j < 0 {
			return m
		}
		if !ppWords[m[i:i+j]] {
			continue
		}
		head := lastField(m[:i-1])
		low := strings.ToLower(head)
		people := peopleNouns[low] || unnamedNouns[low] || groupNouns[low] ||
			strings.HasSuffix(low, "s") && peopleNouns[low[:len(low)-1]]
		if people && !r.lx.Titles[low] && (!hasCapital([]string{head}) || strings.HasSuffix(low, "s")) {
			// not a title: "the president of the union" is not the president
			return strings.TrimSpace(m[:i-1])
		}
		return m
	}
	return m
}

// pronoun resolves he/she/they/it/we/i to the entity in focus, in this
// order (a simple centering): the previous quote's speaker when that quote
// is in this sentence or the one before ("“A,” Trump said. “B,” he
// added."); the subject of the previous sentence, its first entity outside
// quotation marks ("Zelenskiy spoke with Trump. He said ..." is Zelenskiy);
// the previous quote's speaker when it is near; the last entity named.
func (r *resolver) pronoun(q *Quote, p string, prev *Quote) {
	want := Person
	if p == "they" || p == "we" || p == "it" || p == "its" || p == "their" {
		want = ""
	}
	fits := func(typ string) bool {
		if want == Person {
			return typ == Person
		}
		return typ == Organization || typ == Group || typ == Unnamed
	}
	take := func(name, typ, aff string) {
		q.SpeakerName, q.SpeakerType, q.Affiliation = name, typ, aff
	}
	pos := q.Start
	if q.SpeakerStart >= 0 {
		pos = q.SpeakerStart
	}
	si := q.Sentence
	if q.SpeakerStart >= 0 && si < len(r.sents) && (pos < r.sents[si].Start || pos >= r.sents[si].End) {
		si = sentenceAt(r.sents, pos)
	}
	if prev != nil && fits(prev.SpeakerType) && prev.Sentence >= si-1 && prev.Sentence <= si {
		take(prev.SpeakerName, prev.SpeakerType, prev.Affiliation)
		return
	}
	if si > 0 && si <= len(r.sents) && r.sents[si-1].Para == r.sents[min(si, len(r.sents)-1)].Para {
		if m, ok := r.subjectOf(si-1, fits); ok {
			take(m.name, m.typ, m.affiliation)
			return
		}
	}
	if prev != nil && fits(prev.SpeakerType) && q.Start-prev.End < 600 {
		take(prev.SpeakerName, prev.SpeakerType, prev.Affiliation)
		return
	}
	for i := len(r.mentions) - 1; i >= 0; i-- {
		m := r.mentions[i]
		if m.pos < pos && fits(m.typ) {
			take(m.name, m.typ, m.affiliation)
			return
		}
	}
	if prev != nil {
		take(prev.SpeakerName, prev.SpeakerType, prev.Affiliation)
		return
	}
	q.SpeakerType = Unknown
}

// subjectOf returns the first entity of sentence si outside quotation
// marks, when it fits.
func (r *resolver) subjectOf(si int, fits func(string) bool) (mention, bool) {
	start := r.sents[si].Start
	i, _ := slices.BinarySearchFunc(r.mentions, start, func(m mention, p int) int { return m.pos - p })
	for ; i < len(r.mentions) && r.mentions[i].sent == si; i++ {
		if m := r.mentions[i]; !m.quoted {
			return m, fits(m.typ)
		}
	}
	return mention{}, false
}

// canonical resolves a written mention that is not a pronoun.
func (r *resolver) canonical(m string) (name, typ, aff string, ok bool) {
	if sp, ok := r.lx.LookupSpeaker(m); ok {
		return sp.Name, sp.Type, sp.Affiliation, true
	}
	if sp, ok := r.lx.LookupRole(m); ok {
		return sp.Name, sp.Type, sp.Affiliation, true
	}
	words := strings.Fields(m)
	if aff, ok := r.unnamedOf(words); ok {
		return "", Unnamed, aff, true // "US officials", "Ukrainian officials"
	}
	// A name inside a longer mention: "Kremlin spokesperson Dmitry Peskov",
	// "U.S. Defense Secretary Pete Hegseth", "Zelensky and Ukrainian officials".
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if n == 1 && i > 0 && hasCapital(words[i-1:i]) && !r.lx.Titles[strings.ToLower(strings.Trim(words[i-1], ".,"))] {
				continue // "Nora Vance" is not JD Vance: another first name
			}
			if !r.lx.MaybeAliasEnd(words[i+n-1]) {
				continue
			}
			part := strings.Join(words[i:i+n], " ")
			if sp, ok := r.lx.LookupSpeaker(part); ok && (sp.Type == Person || n == len(words)-1 || i == 0) {
				if sp.Type != Person && i+n < len(words) && r.namePart(words[i+n]) {
					continue // "USA TODAY", "U.S. Chamber of Commerce": a place opens another name
				}
				return sp.Name, sp.Type, sp.Affiliation, true
			}
		}
	}
	// A role after dropping leading words: "Russia's foreign minister".
	for i := 1; i < len(words); i++ {
		if sp, ok := r.lx.LookupRole(strings.Join(words[i:], " ")); ok {
			return sp.Name, sp.Type, sp.Affiliation, true
		}
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	first := strings.ToLower(words[0])
	if unnamedNouns[last] && !hasCapital(words[1:]) || first == "a" || first == "an" || first == "one" || first == "some" || first == "several" || first == "many" {
		if unnamedNouns[last] || peopleNouns[last] || peopleNouns[strings.TrimSuffix(last, "s")] {
			return "", Unnamed, "", true
		}
	}
	if groupNouns[last] {
		return trimDeterminer(m), Group, "", true
	}
	if evidenceNouns[last] && !hasCapital(words[1:]) {
		return "", Unnamed, "", true // "Polls", "Records" opening a sentence: no name
	}
	if speechNouns[last] || issuedNouns[last] || saidNouns[last] {
		// "Ivana Trump's brief", "The campaign's statement": the possessor's words
		for i := len(words) - 2; i >= 0; i-- {
			if w := strings.ToLower(words[i]); possessive(strings.ReplaceAll(w, "’", "'")) {
				owner := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(words[i], "'s"), "’s"), "'")
				owner = strings.TrimSuffix(owner, "’")
				if owner != "" && !pronouns[strings.ToLower(owner)] {
					if name, typ, aff, ok := r.canonical(strings.Join(append(words[:i:i], owner), " ")); ok {
						return name, typ, aff, true
					}
				}
				break
			}
		}
	}
	for i := 1; i+1 < len(words); i++ {
		if lw := words[i]; ppWords[words[i+1]] && !hasCapital([]string{lw}) && r.lx.Titles[lw] {
			return "", Unnamed, "", true // "the president of the teachers union": a person described, not the union
		}
	}
	if quantifiers[first] && len(words) > 1 && !hasCapital(words[1:]) {
		return "", Unnamed, "", true // "Most respondents", "Some residents": capital only as the sentence opens
	}
	if orgWord(words) {
		return trimDeterminer(m), Organization, "", true
	}
	if !hasCapital(words[len(words)-1:]) {
		return "", Unnamed, "", true // "The GOP front-runner": a description, no name
	}
	// An unknown person: drop titles, take the fullest form in the article.
	var nameWords []string
	for _, w := range words {
		lw := strings.ToLower(w)
		if lw == "of" && len(nameWords) >= 2 {
			break // "Del. Stacey Plaskett of the Virgin Islands": the name, not the place
		}
		if r.lx.Titles[lw] && len(nameWords) > 0 && w != words[len(words)-1] {
			nameWords = nameWords[:0] // "Senate Majority Leader Mitch McConnell": the name follows the title
			continue
		}
		if r.lx.Titles[lw] || lw == "the" || notNames[lw] && len(nameWords) == 0 || (!hasCapital([]string{w}) || nameModifiers[lw]) && len(nameWords) == 0 {
			continue // "Retired Lt. Gen. Michael Flynn": modifiers and titles before the name
		}
		if (strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")) && w != words[len(words)-1] {
			nameWords = nameWords[:0] // "Germany’s Chancellor Angela Merkel": the name follows
			continue
		}
		nameWords = append(nameWords, w)
	}
	if len(nameWords) == 0 || !hasCapital(nameWords) {
		if peopleNouns[last] || peopleNouns[strings.TrimSuffix(last, "s")] || determiners[first] || strings.HasSuffix(last, "s") {
			return "", Unnamed, "", true // "the announcer": a source the article does not name
		}
		return "", "", "", false
	}
	for i, w := range nameWords {
		if len(w) > 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".") {
			nameWords[i] = w[:1] + strings.ToLower(w[1:]) // a transcript's "WALLACE"
		}
	}
	name = strings.Join(nameWords, " ")
	var key [64]byte
	if full, ok := r.names[string(lexicons.AppendFold(key[:0], nameWords[len(nameWords)-1]))]; ok && len(full) > len(name) && (len(nameWords) == 1 || strings.HasSuffix(full, " "+name)) {
		// "Peskov" -> "Dmitry Peskov", but "Bill Clinton" stays himself
		name = full
	}
	if sp, ok := r.lx.LookupSpeaker(name); ok {
		return sp.Name, sp.Type, sp.Affiliation, true
	}
	return name, Person, "", true
}

// namePart says whether w, after a place or organisation in a mention, goes
// on with the same proper name: capitalised, not a title or a people noun
// ("U.S. Secretary", "Russian Officials").
func (r *resolver) namePart(w string) bool {
	lw := strings.ToLower(strings.Trim(w, ".,"))
	return hasCapital([]string{w}) && !r.lx.Titles[lw] && !peopleNouns[lw] && !peopleNouns[strings.TrimSuffix(lw, "s")] &&
		!unnamedNouns[lw] && !groupNouns[lw] && !possessive(strings.ReplaceAll(lw, "’", "'"))
}

func trimDeterminer(m string) string {
	for _, d := range []string{"the ", "The "} {
		m = strings.TrimPrefix(m, d)
	}
	return m
}

func hasCapital(words []string) bool {
	for _, w := range words {
		if w == "" {
			continue
		}
		if c := w[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// saidNouns are more words for what someone said or wrote, besides
// speechNouns and issuedNouns.
var saidNouns = map[string]bool{
	"response": true, "words": true, "brief": true, "missive": true, "phrase": true, "slogan": true,
	"claim": true, "call": true, "announcement": true, "question": true, "view": true, "argument": true,
	"message": true, "filing": true, "complaint": true, "lawsuit": true, "answer": true, "reply": true,
	"ruling": true, "finding": true,
}

// unnamedNouns are sources the article does not name.
var unnamedNouns = map[string]bool{
	"officials": true, "official": true, "sources": true, "source": true, "analysts": true, "experts": true,
	"diplomats": true, "aides": true, "people": true, "observers": true, "critics": true, "insiders": true,
	"someone": true, "person": true, "percent": true, "majority": true,
}

// groupNouns end a group mention: "European leaders", "foreign ministers".
var groupNouns = map[string]bool{
	"leaders": true, "ministers": true, "allies": true, "lawmakers": true, "democrats": true,
	"republicans": true, "senators": true, "governments": true, "sides": true, "countries": true,
	"nations": true, "members": true, "supporters": true, "voters": true, "media": true, "both": true,
}

var orgSuffixes = map[string]bool{
	"ministry": true, "department": true, "party": true, "committee": true, "agency": true, "commission": true,
	"council": true, "government": true, "administration": true, "office": true, "campaign": true, "post": true,
	"times": true, "news": true, "press": true, "journal": true, "service": true, "institute": true,
	"university": true, "foundation": true, "bank": true, "court": true, "congress": true, "senate": true,
	"house": true, "kremlin": true, "pentagon": true, "poll": true, "survey": true, "report": true,
	"study": true, "statement": true, "network": true, "group": true, "corporation": true, "inc.": true,
	"company": true, "association": true, "union": true, "organization": true, "organisation": true,
	"magazine": true, "newspaper": true,
}

func orgWord(words []string) bool {
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	return orgSuffixes[last]
}

// nameOpeners are function words that open a sentence with a capital.
// ownWords are possessive determiners: capitalised in "Your Honor", "His
// Holiness", never a first name.
var ownWords = map[string]bool{"my": true, "your": true, "his": true, "her": true, "our": true, "their": true}

var nameOpeners = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "yet": true, "when": true, "while": true, "if": true,
	"as": true, "after": true, "before": true, "since": true, "because": true, "though": true, "although": true,
	"the": true, "a": true, "an": true, "this": true, "that": true, "in": true, "on": true, "at": true, "for": true,
	"with": true, "by": true, "from": true, "to": true, "of": true, "meanwhile": true, "still": true, "even": true,
	"then": true, "now": true, "also": true, "here": true, "there": true, "why": true, "how": true, "what": true,
	"despite": true, "unlike": true, "like": true, "during": true, "until": true, "unless": true,
	"said": true, "says": true, "added": true, "adds": true, "asked": true, "wrote": true, "writes": true,
}

// fullNames maps each capitalised last word to the longest run of capitalised
// words ending in it, outside titles: "Peskov" -> "Dmitry Peskov".
func fullNames(text string, sentToks [][]token, lx *lexicons.Set) map[string]string {
	names := map[string]string{}
	var key []byte
	for _, toks := range sentToks {
		for i := 0; i < len(toks); {
			if !toks[i].Word || !toks[i].capitalized() || lx.Titles[toks[i].Low] || i == 0 && nameOpeners[toks[i].Low] || ownWords[toks[i].Low] {
				i++ // "But HarperCollins", "When Trump": a sentence's first word is no first name; nor "Your Honor"
				continue
			}
			j := i
			for j < len(toks) && toks[j].Word && toks[j].capitalized() && !lx.Titles[toks[j].Low] {
				j++
			}
			start := i
			for p := i; p < j-1; p++ {
				if strings.HasSuffix(toks[p].Low, "'s") {
					start = p + 1 // "University's Dianne Bystrom": the name follows
				}
			}
			for j-start > 2 && nameModifiers[toks[start].Low] {
				start++ // "Democrat Hillary Clinton", "Republican Mitt Romney"
			}
			if j-start >= 2 && j-start <= 4 {
				name := text[toks[start].Start:toks[j-1].End]
				name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
				key = lexicons.AppendFold(key[:0], lastField(name))
				if len(name) > len(names[string(key)]) {
					names[string(key)] = name
				}
			}
			i = j
		}
	}
	return names
}

// entityMentions lists the registry entities and the people named in full
// in the text, in order, for pronoun resolution; a mention inside the
// quoted words of a direct or partial quote is marked quoted.
func (r *resolver) entityMentions(sentToks [][]token, quotes []Quote) []mention {
	var out []mention
	qi := 0
	inQuoted := func(p int) bool {
		for qi < len(quotes) && (quotes[qi].End <= p || quotes[qi].Kind == Indirect) {
			if quotes[qi].Start > p {
				break
			}
			qi++
		}
		for k := qi; k < len(quotes) && quotes[k].Start <= p; k++ {
			if quotes[k].Kind != Indirect && p < quotes[k].End {
				return true
			}
		}
		return false
	}
	for si, toks := range sentToks {
		for i := 0; i < len(toks); i++ {
			if !toks[i].Word || !toks[i].capitalized() || r.lx.Titles[toks[i].Low] {
				continue
			}
			j := i
			for j < len(toks) && j-i < 4 && toks[j].Word && toks[j].capitalized() {
				j++
			}
			m, ok := r.named(toks, i, j)
			if ok {
				m.pos, m.sent = toks[i].Start, si
				m.quoted = inQuoted(m.pos)
				if i > 0 {
					m.title = titleHead(toks[i-1].Low)
				}
				out = append(out, m)
			}
			i = j - 1
		}
	}
	return out
}

// named returns the entity that the capitalised words toks[i:j] name: the
// longest registered name starting at i, else a registered name ending at j
// ("Ukrainian President Volodymyr Zelenskiy"), else a person the article
// names in full.
func (r *resolver) named(toks []token, i, j int) (mention, bool) {
	for e := j; e > i; e-- {
		if !r.lx.MaybeAliasEnd(toks[e-1].Low) {
			continue
		}
		if sp, ok := r.lx.LookupSpeaker(r.part(toks, i, e)); ok {
			return mention{name: sp.Name, typ: sp.Type, affiliation: sp.Affiliation}, true
		}
	}
	for b := i + 1; b < j; b++ {
		if (r.lx.Titles[toks[b-1].Low] || b == j-1) && r.lx.MaybeAliasEnd(toks[j-1].Low) {
			if sp, ok := r.lx.LookupSpeaker(r.part(toks, b, j)); ok {
				return mention{name: sp.Name, typ: sp.Type, affiliation: sp.Affiliation}, true
			}
		}
	}
	if j-i >= 2 {
		var key [64]byte
		if full, known := r.names[string(lexicons.AppendFold(key[:0], toks[j-1].Text))]; known {
			return mention{name: full, typ: Person}, true
		}
	}
	return mention{}, false
}

// lastField is the last space-separated word of s (s has one).
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

func (r *resolver) part(toks []token, i, e int) string {
	part := r.text[toks[i].Start:toks[e-1].End]
	return strings.TrimSuffix(strings.TrimSuffix(part, "’s"), "'s")
}

// titled resolves a bare description by title ("the senator", "the
// Republican nominee") to the person the article last introduced with that
// title before pos ("Sen. Claire McCaskill"), when there is one.
func (r *resolver) titled(low string, pos int) (mention, bool) {
	words := strings.Fields(low)
	if len(words) < 2 || len(words) > 4 || words[0] != "the" || pos < 0 {
		return mention{}, false
	}
	t := titleHead(words[len(words)-1])
	if t == "" {
		return mention{}, false
	}
	for i := len(r.mentions) - 1; i >= 0; i-- {
		if m := r.mentions[i]; m.pos < pos && m.title == t && m.typ == Person {
			return m, true
		}
	}
	return mention{}, false
}

// titleHead returns the title a word names, abbreviations spelled out
// ("sen." -> "senator"), or "" when the word is no title a description
// can end in.
func titleHead(w string) string {
	switch w {
	case "sen.":
		return "senator"
	case "rep.":
		return "representative"
	case "gov.":
		return "governor"
	case "gen.":
		return "general"
	case "president", "senator", "representative", "governor", "mayor", "secretary", "minister",
		"spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "director", "chancellor",
		"judge", "justice", "speaker", "chairman", "chairwoman", "candidate", "nominee",
		"commander", "general", "king", "queen", "pope", "congressman", "congresswoman":
		return w
	}
	return ""
}

// unnamedOf reads "<country or nationality> officials": unnamed sources
// with the affiliation of that country ("US officials" are not the United
// States). The nationality is found through the registry's "<Nationality>
// government" aliases ("Ukrainian government" is Ukraine).
func (r *resolver) unnamedOf(words []string) (string, bool) {
	n := len(words)
	if n < 2 || n > 4 || !unnamedNouns[strings.ToLower(words[n-1])] {
		return "", false
	}
	for _, w := range words[:n-1] {
		if !hasCapital([]string{w}) {
			continue
		}
		for _, key := range []string{w, w + " government"} {
			if sp, ok := r.lx.LookupSpeaker(key); ok && sp.Type == Organization && sp.Affiliation != "" {
				return sp.Affiliation, true
			}
		}
	}
	return "", hasCapital(words[:n-1])
}

// government returns the registry's government of an affiliation: the
// organisation with that affiliation that the registry also calls
// "<...> government" ("Ukrainian government" is Ukraine, for UA).
func (r *resolver) government(aff string) (lexicons.Speaker, bool) {
	if aff == "" {
		return lexicons.Speaker{}, false
	}
	for _, sp := range r.lx.Speakers {
		if sp.Affiliation != aff || sp.Type != Organization {
			continue
		}
		for _, a := range sp.Aliases {
			if strings.HasSuffix(strings.ToLower(a), " government") {
				return sp, true
			}
		}
	}
	return lexicons.Speaker{}, false
}
