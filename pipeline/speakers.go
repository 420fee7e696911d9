package pipeline

import (
	"strings"

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
func ResolveSpeakers(text string, sents []Sentence, quotes []Quote, lx *lexicons.Set) {
	toks := sentenceTokens(text, sents)
	r := resolver{text: text, lx: lx, names: fullNames(text, toks, lx)}
	r.mentions = r.entityMentions(toks)
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
}

type mention struct {
	pos         int
	name, typ   string
	affiliation string
}

func (r *resolver) resolve(q *Quote, prev *Quote) {
	m := mentionCore(strings.TrimSpace(q.Speaker))
	if m == "" {
		if prev != nil && q.SpeakerStart < 0 && q.Cue != "" && q.Cue == prev.Cue {
			// a continuation the attribution copied
		}
		q.SpeakerType = Unknown
		return
	}
	low := strings.ToLower(m)
	if pronouns[low] || low == "his" || low == "her" {
		r.pronoun(q, low, prev)
		return
	}
	if name, typ, aff, ok := r.canonical(m); ok {
		q.SpeakerName, q.SpeakerType, q.Affiliation = name, typ, aff
		return
	}
	q.SpeakerName, q.SpeakerType = "", Unknown
}

// mentionCore is the part of a mention that names the speaker: without a
// parenthesis ("Rep. Gwen Moore (D-Wis.)") and, of an appositive, the name
// ("Dmitry Peskov, Putin's spokesman" and "the Kremlin spokesman, Dmitry
// Peskov" both give Dmitry Peskov).
func mentionCore(m string) string {
	if i := strings.IndexByte(m, '('); i > 0 {
		m = strings.TrimSpace(m[:i])
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

// pronoun resolves he/she/they/it/we/i to the entity in focus.
func (r *resolver) pronoun(q *Quote, p string, prev *Quote) {
	want := Person
	if p == "they" || p == "we" || p == "it" {
		want = ""
	}
	fits := func(typ string) bool {
		if want == Person {
			return typ == Person
		}
		return typ == Organization || typ == Group || typ == Unnamed
	}
	if prev != nil && fits(prev.SpeakerType) && q.Start-prev.End < 600 {
		q.SpeakerName, q.SpeakerType, q.Affiliation = prev.SpeakerName, prev.SpeakerType, prev.Affiliation
		return
	}
	pos := q.Start
	if q.SpeakerStart >= 0 {
		pos = q.SpeakerStart
	}
	for i := len(r.mentions) - 1; i >= 0; i-- {
		m := r.mentions[i]
		if m.pos < pos && fits(m.typ) {
			q.SpeakerName, q.SpeakerType, q.Affiliation = m.name, m.typ, m.affiliation
			return
		}
	}
	if prev != nil {
		q.SpeakerName, q.SpeakerType, q.Affiliation = prev.SpeakerName, prev.SpeakerType, prev.Affiliation
		return
	}
	q.SpeakerType = Unknown
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
	// A name inside a longer mention: "Kremlin spokesperson Dmitry Peskov",
	// "U.S. Defense Secretary Pete Hegseth", "Zelensky and Ukrainian officials".
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			part := strings.Join(words[i:i+n], " ")
			if sp, ok := r.lx.LookupSpeaker(part); ok && (sp.Type == Person || n == len(words)-1 || i == 0) {
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
	if orgWord(words) {
		return trimDeterminer(m), Organization, "", true
	}
	// An unknown person: drop titles, take the fullest form in the article.
	var nameWords []string
	for _, w := range words {
		lw := strings.ToLower(w)
		if r.lx.Titles[lw] || lw == "the" || !hasCapital([]string{w}) && len(nameWords) == 0 {
			continue
		}
		nameWords = append(nameWords, w)
	}
	if len(nameWords) == 0 || !hasCapital(nameWords) {
		if peopleNouns[last] || peopleNouns[strings.TrimSuffix(last, "s")] {
			return "", Unnamed, "", true
		}
		return "", "", "", false
	}
	name = strings.Join(nameWords, " ")
	key := lexicons.Fold(nameWords[len(nameWords)-1])
	if full, ok := r.names[key]; ok && len(full) > len(name) {
		name = full
	}
	if sp, ok := r.lx.LookupSpeaker(name); ok {
		return sp.Name, sp.Type, sp.Affiliation, true
	}
	return name, Person, "", true
}

func trimDeterminer(m string) string {
	for _, d := range []string{"the ", "The "} {
		m = strings.TrimPrefix(m, d)
	}
	return m
}

func hasCapital(words []string) bool {
	for _, w := range words {
		if w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1] {
			return true
		}
	}
	return false
}

// unnamedNouns are sources the article does not name.
var unnamedNouns = map[string]bool{
	"officials": true, "official": true, "sources": true, "source": true, "analysts": true, "experts": true,
	"diplomats": true, "aides": true, "people": true, "observers": true, "critics": true, "insiders": true,
	"someone": true, "person": true,
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
}

func orgWord(words []string) bool {
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
	return orgSuffixes[last]
}

// fullNames maps each capitalised last word to the longest run of capitalised
// words ending in it, outside titles: "Peskov" -> "Dmitry Peskov".
func fullNames(text string, sentToks [][]token, lx *lexicons.Set) map[string]string {
	names := map[string]string{}
	for _, toks := range sentToks {
		for i := 0; i < len(toks); {
			if !toks[i].Word || !toks[i].capitalized() || lx.Titles[toks[i].Low] {
				i++
				continue
			}
			j := i
			for j < len(toks) && toks[j].Word && toks[j].capitalized() && !lx.Titles[toks[j].Low] {
				j++
			}
			if j-i >= 2 && j-i <= 4 {
				name := text[toks[i].Start:toks[j-1].End]
				name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
				last := lexicons.Fold(toks[j-1].Text)
				last = strings.TrimSuffix(last, "s")
				if k := lexicons.Fold(strings.Fields(name)[len(strings.Fields(name))-1]); len(name) > len(names[k]) {
					names[k] = name
				}
				_ = last
			}
			i = j
		}
	}
	return names
}

// entityMentions lists the registry entities named in the text, in order,
// for pronoun resolution.
func (r *resolver) entityMentions(sentToks [][]token) []mention {
	var out []mention
	for _, toks := range sentToks {
		for i := 0; i < len(toks); i++ {
			if !toks[i].Word || !toks[i].capitalized() || r.lx.Titles[toks[i].Low] {
				continue
			}
			j := i
			for j < len(toks) && j-i < 4 && toks[j].Word && toks[j].capitalized() {
				j++
			}
			// the longest registered name in toks[i:j]
			for e := j; e > i; e-- {
				part := r.text[toks[i].Start:toks[e-1].End]
				part = strings.TrimSuffix(strings.TrimSuffix(part, "’s"), "'s")
				if sp, ok := r.lx.LookupSpeaker(part); ok {
					out = append(out, mention{pos: toks[i].Start, name: sp.Name, typ: sp.Type, affiliation: sp.Affiliation})
					break
				}
				if e-i >= 2 {
					if _, known := r.names[lexicons.Fold(toks[e-1].Text)]; known && e == j {
						out = append(out, mention{pos: toks[i].Start, name: part, typ: Person})
						break
					}
				}
			}
			i = j - 1
		}
	}
	return out
}
