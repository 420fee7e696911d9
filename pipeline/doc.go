// Package pipeline turns news articles into quotes, speakers, tone and
// stance, and writes them as Parquet tables.
//
// # Data flow
//
// Run reads the inputs (read.go) into Article records, in input order; a
// record that cannot be processed becomes a Reject with its reason and never
// stops the run. A bounded pool of workers calls Process on each article.
// Process composes the stages, each a plain function over the article text:
//
//	Normalize (BOM, line endings; done when reading)
//	Segment          paragraphs and sentences, with byte offsets
//	FindQuotes       direct, partial and reported quotes with cue and speaker mention
//	ResolveSpeakers  canonical speaker name, type and affiliation
//	tone             valence of each quote and of the whole text
//	stance           topic positions of each quote and narrative sentence
//
// The writer (write.go) takes results back in input order, converts byte
// offsets to code points (CodePoints) and appends rows to the tables, a row
// group at a time, in a temporary directory that replaces the previous tables
// when the run completes. The same input therefore gives the same bytes for
// any number of workers.
//
// The lexicons (package lexicons) are data: reporting verbs, the speaker
// registry, stance topics, tone words, abbreviations. A Model holds them and
// what is built from them once per run; it is shared read-only by all workers.
//
// # Quotes
//
// Quotes (marks.go, quotes.go, attribute.go, reported.go) are found in two
// passes over one tokenization of the article. scanMarks walks the text once
// and pairs quotation marks: “ ” and straight ", ‘ ’ and ' (British style and
// quotes inside quotes), NYT style (two backquotes to open, two apostrophes
// to close, or apostrophes for both), « ». A quote left open
// at the end of a paragraph continues when the next paragraph opens with a
// mark (one multi-paragraph quote) and otherwise ends there, so a stray mark
// never swallows the article; apostrophes inside words never close. In an
// interview transcript a quote paragraph opening with "NAME:" starts a new
// quote by that speaker, and a paragraph opened by a straight mark that never
// closes is a block quotation whose inner quotes are read on their own. A quoted
// stretch that stands alone, or follows "X said:" or a cue and a comma, is
// direct; a fragment embedded in the author's sentence is partial when a
// reporting or describing verb ("called it", "described ... as") comes before
// it, or when it is not Title Case and runs three words or more or its
// sentence holds a cue anywhere; a short fragment in a sentence with no cue
// ("the Western “war party”"), a Title Case fragment or one after "known as"
// is a term or a name, not words said. Its speaker is read around the marks: ", X said" / ", said X" /
// "X said:" / "according to X" / "— Name" in the same paragraph, an
// introduction ending in a colon, or the last speaker of the same paragraph or
// of the two paragraphs before; a partial with no cue takes its sentence's
// subject. Reported speech is read from every cue of
// lexicons/verbs.txt outside direct quotes, and from "CLAUSE, X said" with the
// clause before the cue: the speaker is the mention before
// the cue (through parentheses, appositives, auxiliaries and adverbs), or for
// ", stating that" and "and stressed" the speaker already found in the
// sentence or its subject; the content is the that-clause, a bare clause that
// holds a verb, or for cues that take one the noun phrase ("ruled out the
// deployment"), ending at a semicolon, a second cue, "according to", or an
// author's tail (", though ...", ", which ...", ", aligning with ..."). Cues
// inside a reported clause belong to it. A clause holding a quoted fragment
// becomes one partial quote. Every check is a cursor or a binary search over
// quotes in text order, so the stage is linear in the text.
//
// # Speakers
//
// ResolveSpeakers (speakers.go) turns each mention as written into a
// canonical name and a type. The mention keeps what the article writes about
// the speaker, its chain of appositives and relative clauses included ("Rep.
// Gwen Moore (D-Wis.)", "Dmitry Peskov, Putin's spokesman"); resolution reads
// only its name part, and a registered surname does not match after another
// first name ("Nora Vance" is not JD Vance). A name or alias of the
// registry (lexicons/speakers.yaml, folded for case, accents, dotted initials
// and the -yy/-iy/-ii transliterations) gives the canonical entity; a
// description ("the Ukrainian leader", "the Pentagon chief") is looked up
// among the registry's roles, whole or after leading words; a registered name
// inside a longer mention wins ("Kremlin spokesperson Dmitry Peskov"). A
// pronoun takes the speaker of a quote in the sentence before when the type
// fits, else the subject of the previous sentence, else the last registered or
// full-named entity of the right type before it; "the senator" is the person
// last introduced with that title. "US officials" are unnamed sources with the
// affiliation US, and "his government" the government of the person in focus,
// both found through the registry's affiliations and "<X> government" aliases. Plural people nouns are groups ("European leaders") or unnamed sources
// ("officials", "analysts"); organisation nouns and governments are
// organisations. A person outside the registry gets the fullest form of the
// name the article writes ("Peskov" -> "Dmitry Peskov").
// # Tone
//
// Tone (tone.go) starts from VADER: tone_vader.go recomputes govader's
// compound score from govader's own Lexicon, EmojiDict and Constants, rule
// for rule, in one pass without per-word allocation (a differential test
// holds it to govader.PolarityScores on NewsMTSC and our own sentences). For
// news it then makes curly apostrophes and quotation marks straight (’
// breaks VADER's negation, “ hides a word from its lexicon), adds the
// overlay lexicons/tone.txt (conflict words VADER lacks or misjudges), and
// scores 0 for a harm that is being ended ("stop the deaths"). A quote's tone
// is that lexicon score with VADER's ±0.05 band. Sentences are scored by the
// blend of that score with a Naive Bayes over words and word pairs trained
// on NewsMTSC (lexicons/tone_nb.txt, rebuilt by go generate), with weight,
// sharpness and label cuts chosen on NewsMTSC dev; an article's tone is the
// length-weighted mean of its sentences. Evidence lists the words that
// moved the score most, with their signed weight; it is computed only where
// a table writes it: for each quote, and for the article from its strongest
// sentences (a sentence's own Tone has none).
//
// # Stance
//
// Stance (stance.go) reads topics from lexicons/topics.yaml: terms that name
// a topic, and cues that keep (favor) or reverse (against) the direction of
// what they govern. Within a quote (with its cue when the cue comes first:
// "ruled out" + "the deployment of U.S. troops") or a narrative sentence,
// each term takes the product of the signs of the cues and negations that
// govern it: those before it in its clause (a clause ends at ; : . but
// however while, and "and"/"or" before a new cue starts a new verb phrase),
// those inside it ("territorial concessions" is against by itself), and those
// in its predicate after an auxiliary ("U.S. troops would not be deployed").
// So "will not accept any settlement that does not involve a full withdrawal"
// is favor for territory, and "abandon its pursuit of NATO membership"
// against. A hedge before the cues (possibility, whether, if, perhaps)
// leaves them open: "hinted at the possibility of swapping occupied
// territories" takes no position. A term with no cue is a mention (stance 0). The score is the
// confidence, falling with the distance between the nearest cue and the
// term; the evidence names the term and the cues that decided.
package pipeline
